// Contact-centre settings as custom metadata types, mirroring force-app/main/default/objects/*__mdt: readable with
// SOQL, never writable through the data API (records come from force-app's customMetadata files and the
// /__localorg/metadata control, as in Salesforce they come from Setup and metadata deploys).
import { defineObject } from '../define';
import { f, type FieldOptions } from '../fields';
import type { FieldDef, ObjectDef } from '../types';

export const CHANNEL_VALUES = ['voice', 'chat', 'email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x'] as const;

/** Custom metadata fields: none is writable through the data API, so describe says neither createable nor updateable. */
const text = (name: string, length: number, o: FieldOptions = {}) => f.text(name, length, { readOnly: true, ...o });
const checkbox = (name: string, defaultValue: boolean, label?: string) =>
  f.bool(name, { readOnly: true, defaultValue, ...(label ? { label } : {}) });
const picklist = (name: string, values: readonly string[], defaultValue?: string, label?: string) =>
  f.picklist(name, values, {
    readOnly: true,
    restricted: true,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(label ? { label } : {})
  });
/** Number(precision, 0): describe reports type double with the field's own precision and scale. */
const number = (name: string, precision: number, label?: string): FieldDef => ({
  ...f.double(name, { readOnly: true, ...(label ? { label } : {}) }),
  precision,
  scale: 0
});

/** The standard fields Salesforce gives every custom metadata type. */
function standardFields(): FieldDef[] {
  return [
    text('DeveloperName', 40, { required: true, nameField: true, label: 'Custom Metadata Record Name' }),
    text('MasterLabel', 40, { required: true, label: 'Label' }),
    text('Label', 40, { label: 'Label' }),
    text('QualifiedApiName', 70, { label: 'Qualified API Name' }),
    text('NamespacePrefix', 15, { label: 'Namespace Prefix' }),
    text('Language', 40, { label: 'Master Language' })
  ];
}

function metadataType(spec: {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: FieldDef[];
}) {
  const obj: ObjectDef = defineObject({
    ...spec,
    createable: false,
    updateable: false,
    deletable: false,
    fields: [...standardFields(), ...spec.fields]
  });
  return { ...obj, custom: true };
}

export const wrapUpCode = metadataType({
  name: 'Wrap_Up_Code__mdt',
  label: 'Wrap-up Code',
  labelPlural: 'Wrap-up Codes',
  keyPrefix: 'm01',
  fields: [
    text('Channels__c', 255, { label: 'Channels' }),
    text('Category__c', 40, { label: 'Category' }),
    number('Sort_Order__c', 3, 'Sort Order'),
    checkbox('Active__c', true, 'Active'),
    checkbox('Requires_Note__c', false, 'Requires Note'),
    text('Queues__c', 255, { label: 'Queues' })
  ]
});

export const softphoneSetting = metadataType({
  name: 'Softphone_Setting__mdt',
  label: 'Softphone Setting',
  labelPlural: 'Softphone Settings',
  keyPrefix: 'm02',
  fields: [
    picklist('PCI_Mode__c', ['Redact', 'Drop'], 'Redact', 'PCI Mode'),
    picklist('Presence_Conflict_Policy__c', ['Softphone', 'Omni', 'Last_Change'], 'Last_Change'),
    text('Omni_Available_Status__c', 80),
    text('Omni_Busy_Status__c', 80),
    checkbox('Omni_Offline_Logs_Out__c', true),
    number('Voice_Capacity__c', 2),
    number('Chat_Capacity__c', 2),
    number('Digital_Capacity__c', 2),
    number('Total_Capacity__c', 2),
    text('Default_Country__c', 2),
    picklist('Transcript_Sides__c', ['None', 'Agent', 'Customer', 'Both'], 'Both'),
    checkbox('Follow_Up_Enabled__c', false, 'Follow-up Enabled'),
    text('Follow_Up_Queues__c', 255, { label: 'Follow-up Queues' })
  ]
});

export const softphoneChannelSetting = metadataType({
  name: 'Softphone_Channel_Setting__mdt',
  label: 'Softphone Channel Setting',
  labelPlural: 'Softphone Channel Settings',
  keyPrefix: 'm03',
  fields: [
    picklist('Channel__c', CHANNEL_VALUES),
    number('Offer_Timeout_Seconds__c', 3, 'Offer Timeout (Seconds)'),
    number('Wrap_Up_Timeout_Seconds__c', 5, 'Wrap-up Timeout (Seconds)'),
    checkbox('Disposition_Required__c', false),
    checkbox('Interruptible_By_Call__c', false, 'Interruptible by Call'),
    checkbox('Attachments_Allowed__c', false),
    checkbox('Emoji_Allowed__c', false),
    number('Max_Attachment_MB__c', 2, 'Max Attachment (MB)'),
    text('Blocked_File_Types__c', 255)
  ]
});

export const softphoneBusyReason = metadataType({
  name: 'Softphone_Busy_Reason__mdt',
  label: 'Softphone Busy Reason',
  labelPlural: 'Softphone Busy Reasons',
  keyPrefix: 'm04',
  fields: [text('Omni_Status__c', 80), number('Sort_Order__c', 3), checkbox('Active__c', true)]
});

export const softphonePciPattern = metadataType({
  name: 'Softphone_PCI_Pattern__mdt',
  label: 'Softphone PCI Pattern',
  labelPlural: 'Softphone PCI Patterns',
  keyPrefix: 'm05',
  fields: [text('Pattern__c', 255), checkbox('Active__c', true)]
});

export const softphoneEmergencyNumber = metadataType({
  name: 'Softphone_Emergency_Number__mdt',
  label: 'Softphone Emergency Number',
  labelPlural: 'Softphone Emergency Numbers',
  keyPrefix: 'm06',
  fields: [text('Country__c', 2), text('Numbers__c', 255)]
});

export const METADATA_TYPES: readonly ObjectDef[] = [
  softphoneSetting,
  softphoneChannelSetting,
  softphoneBusyReason,
  softphonePciPattern,
  softphoneEmergencyNumber,
  wrapUpCode
];
