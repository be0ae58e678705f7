// Task as the connector writes it: the call/interaction log (S5), with the custom external id used for idempotent upserts.
import { defineObject } from '../define';
import { f, ownerField } from '../fields';

export const TASK_STATUSES = [
  'Not Started',
  'In Progress',
  'Completed',
  'Waiting on someone else',
  'Deferred'
] as const;
export const CHANNELS = ['voice', 'chat', 'email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x'] as const;

export const task = defineObject({
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  keyPrefix: '00T',
  fields: [
    f.picklist('Subject', ['Call', 'Send Letter', 'Send Quote', 'Other'], { combobox: true, nameField: true }),
    f.picklist('Status', TASK_STATUSES, { required: true, restricted: true, defaultValue: 'Not Started' }),
    f.picklist('Priority', ['High', 'Normal', 'Low'], { required: true, restricted: true, defaultValue: 'Normal' }),
    f.date('ActivityDate', { label: 'Due Date Only' }),
    ownerField(['User']),
    f.ref('WhoId', ['Contact', 'Lead'], 'Who', { label: 'Name ID' }),
    f.ref('WhatId', ['Account', 'Case', 'Interaction__c'], 'What', { label: 'Related To ID' }),
    f.ref('AccountId', ['Account'], 'Account', { calculated: true }),
    f.textarea('Description', 32000, { label: 'Comments' }),
    f.picklist('TaskSubtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], {
      restricted: true,
      createOnly: true,
      defaultValue: 'Task'
    }),
    f.picklist('Type', ['Call', 'Email', 'Meeting', 'Other']),
    f.picklist('CallType', ['Internal', 'Inbound', 'Outbound'], { restricted: true }),
    f.int('CallDurationInSeconds', { label: 'Call Duration' }),
    f.text('CallDisposition', 255, { label: 'Call Result' }),
    f.text('CallObject', 255, { label: 'Call Object Identifier' }),
    f.bool('IsClosed', { calculated: true, label: 'Closed' }),
    f.bool('IsHighPriority', { calculated: true, label: 'High Priority' }),
    f.datetime('CompletedDateTime', { calculated: true }),
    f.text('Interaction_Key__c', 80, { unique: true, externalId: true, caseSensitive: true, label: 'Interaction Key' }),
    f.text('Tags__c', 255, { label: 'Tags' }),
    f.picklist('Channel__c', CHANNELS, { label: 'Channel' })
  ]
});
