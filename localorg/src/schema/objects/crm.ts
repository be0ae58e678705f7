// What an interaction relates to: Account, Case, and the custom Interaction__c work item that Omni routes.
import { defineObject } from '../define';
import { f, ownerField } from '../fields';
import { CHANNELS } from './task';

export const account = defineObject({
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: '001',
  fields: [
    f.text('Name', 255, { required: true, nameField: true, label: 'Account Name' }),
    f.text('AccountNumber', 40),
    f.phone('Phone'),
    f.url('Website'),
    f.picklist('Industry', ['Energy', 'Finance', 'Retail', 'Technology', 'Telecommunications', 'Travel', 'Other']),
    f.picklist('Type', ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other']),
    f.text('BillingCity', 40),
    f.text('BillingCountry', 80),
    f.textarea('Description', 32000),
    ownerField(['User'])
  ]
});

export const caseObject = defineObject({
  name: 'Case',
  label: 'Case',
  labelPlural: 'Cases',
  keyPrefix: '500',
  fields: [
    f.text('CaseNumber', 30, { autoNumber: true, nameField: true, defaulted: true }),
    f.text('Subject', 255),
    f.textarea('Description', 32000),
    f.picklist('Status', ['New', 'Working', 'Escalated', 'Closed'], { required: true, defaultValue: 'New' }),
    f.picklist('Priority', ['High', 'Medium', 'Low'], { defaultValue: 'Medium' }),
    f.picklist('Origin', ['Phone', 'Email', 'Web', 'Chat', 'SMS', 'WhatsApp', 'Messenger', 'Instagram', 'X']),
    f.picklist('Type', ['Question', 'Problem', 'Feature Request']),
    f.ref('ContactId', ['Contact'], 'Contact'),
    f.ref('AccountId', ['Account'], 'Account'),
    f.email('SuppliedEmail', { label: 'Web Email' }),
    f.phone('SuppliedPhone', { label: 'Web Phone' }),
    f.bool('IsClosed', { calculated: true, label: 'Closed' }),
    f.datetime('ClosedDate', { calculated: true }),
    ownerField(['User', 'Group'])
  ]
});

/** The softphone's own work item: one per interaction, the WorkItemId of its AgentWork (routed externally). */
export const interaction = defineObject({
  name: 'Interaction__c',
  label: 'Interaction',
  labelPlural: 'Interactions',
  keyPrefix: 'a01',
  fields: [
    f.text('Name', 80, { autoNumber: true, nameField: true, defaulted: true, label: 'Interaction Number' }),
    f.picklist('Channel__c', CHANNELS, { required: true, restricted: true, label: 'Channel' }),
    f.picklist('Direction__c', ['Inbound', 'Outbound'], {
      restricted: true,
      defaultValue: 'Inbound',
      label: 'Direction'
    }),
    f.picklist('Status__c', ['Queued', 'Active', 'Wrap-up', 'Ended'], {
      restricted: true,
      defaultValue: 'Queued',
      label: 'Status'
    }),
    f.text('Interaction_Key__c', 80, { unique: true, externalId: true, caseSensitive: true, label: 'Interaction Key' }),
    f.text('Customer_Address__c', 255, { label: 'Customer Address' }),
    f.ref('Contact__c', ['Contact'], 'Contact__r', { label: 'Contact' }),
    f.ref('Lead__c', ['Lead'], 'Lead__r', { label: 'Lead' }),
    f.ref('Case__c', ['Case'], 'Case__r', { label: 'Case' }),
    ownerField(['User', 'Group'])
  ]
});
