// Org set-up records the console reads: queues (Group), their members and Quick Texts (wrap-up codes: settings.ts).
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
