// Queues per channel (with members), service channels and presence statuses, and which statuses are online where.
export interface SeedQueue {
  DeveloperName: string;
  Name: string;
  /** Usernames (before the @) of the members. */
  members: string[];
}

const ALL = [
  'emma.clarke',
  'oliver.bennett',
  'lukas.weber',
  'anna.schmidt',
  'sofia.garcia',
  'camille.martin',
  'julien.bernard',
  'daan.devries'
];

export const QUEUES: SeedQueue[] = [
  { DeveloperName: 'Voice_Support', Name: 'Voice Support', members: ALL },
  { DeveloperName: 'Voice_Sales', Name: 'Voice Sales', members: ['oliver.bennett', 'emma.clarke', 'lukas.weber'] },
  { DeveloperName: 'Chat_Support', Name: 'Chat Support', members: ALL },
  { DeveloperName: 'Email_Support', Name: 'Email Support', members: ALL },
  { DeveloperName: 'SMS', Name: 'SMS', members: ['emma.clarke', 'lukas.weber', 'sofia.garcia', 'daan.devries'] },
  {
    DeveloperName: 'WhatsApp',
    Name: 'WhatsApp',
    members: ['anna.schmidt', 'sofia.garcia', 'camille.martin', 'daan.devries']
  },
  {
    DeveloperName: 'Messenger',
    Name: 'Facebook Messenger',
    members: ['julien.bernard', 'emma.clarke', 'camille.martin']
  },
  { DeveloperName: 'Instagram', Name: 'Instagram', members: ['camille.martin', 'sofia.garcia'] },
  // A queue with a single member: a transfer into it comes straight back (D12).
  { DeveloperName: 'X_Direct_Messages', Name: 'X Direct Messages', members: ['julien.bernard'] }
];

export interface SeedChannel {
  DeveloperName: string;
  MasterLabel: string;
  RelatedEntity: string;
}

export const CHANNELS: SeedChannel[] = [
  { DeveloperName: 'Softphone_Voice', MasterLabel: 'Voice', RelatedEntity: 'Interaction__c' },
  { DeveloperName: 'Softphone_Chat', MasterLabel: 'Chat', RelatedEntity: 'Interaction__c' },
  { DeveloperName: 'Softphone_Digital', MasterLabel: 'Digital', RelatedEntity: 'Interaction__c' },
  { DeveloperName: 'Case_Routing', MasterLabel: 'Cases', RelatedEntity: 'Case' }
];

export interface SeedStatus {
  DeveloperName: string;
  MasterLabel: string;
  /** Channels (DeveloperName) this status is online for; none makes it a busy status. */
  channels: string[];
}

const EVERY_CHANNEL = CHANNELS.map((c) => c.DeveloperName);

export const STATUSES: SeedStatus[] = [
  { DeveloperName: 'Available', MasterLabel: 'Available', channels: EVERY_CHANNEL },
  { DeveloperName: 'Available_Voice', MasterLabel: 'Available - Voice', channels: ['Softphone_Voice'] },
  {
    DeveloperName: 'Available_Digital',
    MasterLabel: 'Available - Digital',
    channels: ['Softphone_Chat', 'Softphone_Digital', 'Case_Routing']
  },
  { DeveloperName: 'Busy', MasterLabel: 'Busy', channels: [] },
  { DeveloperName: 'Break', MasterLabel: 'Break', channels: [] },
  { DeveloperName: 'Lunch', MasterLabel: 'Lunch', channels: [] },
  { DeveloperName: 'Meeting', MasterLabel: 'Meeting', channels: [] },
  { DeveloperName: 'Training', MasterLabel: 'Training', channels: [] },
  { DeveloperName: 'Wrap_Up', MasterLabel: 'Wrap-up', channels: [] },
  { DeveloperName: 'Missed_Offer', MasterLabel: 'Missed Offer', channels: [] }
];
