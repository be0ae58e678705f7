// The org's settings records (custom metadata types, deployed from force-app/main/default/objects/*__mdt) as the
// REST API answers them. Only the shape is checked here; what the values mean is checked in mapping.ts, where a
// wrong value is refused with the record and the field named.
import { z } from 'zod';

const text = z.string().nullable().optional();
const number = z.number().nullable().optional();
const flag = z.boolean().nullable().optional();
const standard = { DeveloperName: z.string(), MasterLabel: z.string() };

export const SETTINGS_TYPES = {
  setting: {
    object: 'Softphone_Setting__mdt',
    fields: [
      'PCI_Mode__c',
      'Presence_Conflict_Policy__c',
      'Omni_Available_Status__c',
      'Omni_Busy_Status__c',
      'Omni_Offline_Logs_Out__c',
      'Voice_Capacity__c',
      'Chat_Capacity__c',
      'Digital_Capacity__c',
      'Total_Capacity__c',
      'Default_Country__c',
      'Transcript_Sides__c',
      'Follow_Up_Enabled__c',
      'Follow_Up_Queues__c'
    ]
  },
  channel: {
    object: 'Softphone_Channel_Setting__mdt',
    fields: [
      'Channel__c',
      'Offer_Timeout_Seconds__c',
      'Wrap_Up_Timeout_Seconds__c',
      'Disposition_Required__c',
      'Interruptible_By_Call__c',
      'Attachments_Allowed__c',
      'Emoji_Allowed__c',
      'Max_Attachment_MB__c',
      'Blocked_File_Types__c'
    ]
  },
  busyReason: { object: 'Softphone_Busy_Reason__mdt', fields: ['Omni_Status__c', 'Sort_Order__c', 'Active__c'] },
  pciPattern: { object: 'Softphone_PCI_Pattern__mdt', fields: ['Pattern__c', 'Active__c'] },
  emergencyNumber: { object: 'Softphone_Emergency_Number__mdt', fields: ['Country__c', 'Numbers__c'] },
  wrapUpCode: {
    object: 'Wrap_Up_Code__mdt',
    fields: ['Channels__c', 'Queues__c', 'Category__c', 'Sort_Order__c', 'Active__c', 'Requires_Note__c']
  }
} as const;
export type SettingsType = keyof typeof SETTINGS_TYPES;

/** The SOQL that reads every record of one type. */
export const settingsQuery = (type: SettingsType): string => {
  const { object, fields } = SETTINGS_TYPES[type];
  return `SELECT DeveloperName, MasterLabel, ${fields.join(', ')} FROM ${object} ORDER BY DeveloperName`;
};

export const settingRecord = z.object({
  ...standard,
  PCI_Mode__c: text,
  Presence_Conflict_Policy__c: text,
  Omni_Available_Status__c: text,
  Omni_Busy_Status__c: text,
  Omni_Offline_Logs_Out__c: flag,
  Voice_Capacity__c: number,
  Chat_Capacity__c: number,
  Digital_Capacity__c: number,
  Total_Capacity__c: number,
  Default_Country__c: text,
  Transcript_Sides__c: text,
  Follow_Up_Enabled__c: flag,
  Follow_Up_Queues__c: text
});

export const channelRecord = z.object({
  ...standard,
  Channel__c: text,
  Offer_Timeout_Seconds__c: number,
  Wrap_Up_Timeout_Seconds__c: number,
  Disposition_Required__c: flag,
  Interruptible_By_Call__c: flag,
  Attachments_Allowed__c: flag,
  Emoji_Allowed__c: flag,
  Max_Attachment_MB__c: number,
  Blocked_File_Types__c: text
});

export const busyReasonRecord = z.object({ ...standard, Omni_Status__c: text, Sort_Order__c: number, Active__c: flag });
export const pciPatternRecord = z.object({ ...standard, Pattern__c: text, Active__c: flag });
export const emergencyNumberRecord = z.object({ ...standard, Country__c: text, Numbers__c: text });
export const wrapUpCodeRecord = z.object({
  ...standard,
  Channels__c: text,
  Queues__c: text,
  Category__c: text,
  Sort_Order__c: number,
  Active__c: flag,
  Requires_Note__c: flag
});

export const settingsRecordsSchema = z.object({
  setting: z.array(settingRecord),
  channel: z.array(channelRecord),
  busyReason: z.array(busyReasonRecord),
  pciPattern: z.array(pciPatternRecord),
  emergencyNumber: z.array(emergencyNumberRecord),
  wrapUpCode: z.array(wrapUpCodeRecord)
});
export type SettingsRecords = z.infer<typeof settingsRecordsSchema>;
