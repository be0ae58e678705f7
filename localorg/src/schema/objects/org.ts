// Org set-up records the console reads: queues (Group), their members, Quick Texts and wrap-up codes.
import { defineObject } from '../define';
import { f, ownerField } from '../fields';
import { LANGUAGES } from './people';

export const group = defineObject({
  name: 'Group',
  label: 'Group',
  labelPlural: 'Groups',
  keyPrefix: '00G',
  fields: [
    f.text('Name', 40, { required: true, nameField: true }),
    f.text('DeveloperName', 80, { label: 'Developer Name' }),
    f.picklist('Type', ['Regular', 'Queue'], { required: true, restricted: true, createOnly: true }),
    f.email('Email'),
    f.bool('DoesSendEmailToMembers', { label: 'Send Email to Members' }),
    ownerField(['User'])
  ]
});

export const groupMember = defineObject({
  name: 'GroupMember',
  label: 'Group Member',
  labelPlural: 'Group Members',
  keyPrefix: '011',
  updateable: false,
  fields: [
    f.ref('GroupId', ['Group'], 'Group', { required: true, createOnly: true }),
    f.ref('UserOrGroupId', ['User', 'Group'], 'UserOrGroup', { required: true, createOnly: true })
  ]
});

export const quickText = defineObject({
  name: 'QuickText',
  label: 'Quick Text',
  labelPlural: 'Quick Text',
  keyPrefix: '574',
  fields: [
    f.text('Name', 255, { required: true, nameField: true, label: 'Quick Text Name' }),
    f.textarea('Message', 4096, { required: true }),
    f.picklist('Channel', ['Email', 'Phone', 'Portal', 'Internal', 'Event', 'Task', 'Chat', 'Messaging'], {
      multi: true
    }),
    f.picklist('Category', ['Greetings', 'FAQ', 'Closings', 'Apologies']),
    f.picklist('Language__c', LANGUAGES, { label: 'Language' }),
    ownerField(['User'])
  ]
});

/** Wrap-up codes modelled as custom metadata records: readable with SOQL, not writable through the data API. */
export const wrapUpCode = defineObject({
  name: 'Wrap_Up_Code__mdt',
  label: 'Wrap-up Code',
  labelPlural: 'Wrap-up Codes',
  keyPrefix: 'm01',
  createable: false,
  updateable: false,
  deletable: false,
  fields: [
    f.text('DeveloperName', 40, { required: true, nameField: true }),
    f.text('MasterLabel', 40, { required: true, label: 'Label' }),
    f.text('QualifiedApiName', 81, { readOnly: true }),
    f.text('Channels__c', 255, { label: 'Channels' }),
    f.text('Category__c', 40, { label: 'Category' }),
    f.double('Sort_Order__c', { label: 'Sort Order' }),
    f.bool('Active__c', { defaultValue: true, label: 'Active' }),
    f.bool('Requires_Note__c', { label: 'Requires Note' })
  ]
});
