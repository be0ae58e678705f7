// The interactions a snapshot carries, one schema per channel, each as the agent's panel sees it: the machine's state
// (minus bookkeeping such as a chat's frozen settings) plus the commands and the documents beside it.
import { z } from 'zod';
import { channel, commandAvailability, digitalChannel, instant, interactionCoreShape, nullableInstant } from './common';

// ---- voice ---------------------------------------------------------------------------------------------------------

/** V4: an agent, a queue or skill, an address-book contact, or a typed number. */
export const callTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('agent'), agentId: z.string() }).strict(),
    z.object({ kind: z.literal('queue'), queueId: z.string() }).strict(),
    z.object({ kind: z.literal('contact'), contactId: z.string(), number: z.string() }).strict(),
    z.object({ kind: z.literal('number'), number: z.string() }).strict()
  ])
  .meta({ id: 'CallTarget' });

export const consultLeg = z
  .object({
    target: callTarget,
    dialled: z.string().nullable(),
    state: z.enum(['dialing', 'connected']),
    startedAt: instant,
    connectedAt: nullableInstant,
    participantId: z.string().nullable(),
    heldByConsult: z.boolean()
  })
  .strict()
  .meta({ id: 'ConsultLeg' });

export const conferenceParty = z
  .object({ participantId: z.string(), target: callTarget, joinedAt: instant })
  .strict()
  .meta({ id: 'ConferenceParty' });

/** V14: shown during the call only, never stored. */
export const liveSegment = z
  .object({ id: z.string(), at: instant, side: z.enum(['agent', 'customer']), text: z.string(), final: z.boolean() })
  .strict()
  .meta({ id: 'LiveSegment' });

export const voiceShape = {
  ...interactionCoreShape,
  channel: z.literal('voice'),
  ownerAgentId: z.string(),
  number: z.string().nullable(),
  contact: z.object({ id: z.string(), name: z.string().nullable() }).strict().nullable(),
  queueName: z.string().nullable(),
  source: z.enum(['offer', 'keypad', 'clickToDial']),
  emergency: z.boolean(),
  providerCallId: z.string().nullable(),
  callState: z.enum(['offered', 'dialing', 'connected', 'transferring', 'transferred', 'ended']),
  connectedAt: nullableInstant,
  held: z.boolean(),
  heldSince: nullableInstant,
  muted: z.boolean(),
  recording: z.boolean(),
  masked: z.boolean(),
  consult: consultLeg.nullable(),
  transfer: z.object({ target: callTarget, dialled: z.string().nullable(), startedAt: instant }).strict().nullable(),
  conference: z.array(conferenceParty),
  endedBy: z.enum(['agent', 'customer', 'salesforce', 'network']).nullable(),
  wrapUpExpiresAt: nullableInstant,
  liveTranscript: z.array(liveSegment)
};

// ---- chat ----------------------------------------------------------------------------------------------------------

export const conferenceMember = z
  .object({
    agentId: z.string(),
    agentName: z.string().nullable(),
    state: z.enum(['Requested', 'Active']),
    invitedAt: instant,
    joinedAt: nullableInstant
  })
  .strict()
  .meta({ id: 'ChatConferenceMember' });

export const chatTransferTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('queue'), queueId: z.string() }).strict(),
    z.object({ kind: z.literal('agent'), agentId: z.string() }).strict(),
    z.object({ kind: z.literal('supervisor'), agentId: z.string() }).strict()
  ])
  .meta({ id: 'ChatTransferTarget' });

export const chatShape = {
  ...interactionCoreShape,
  channel: z.literal('chat'),
  ownerAgentId: z.string(),
  ownerName: z.string().nullable(),
  conference: z.array(conferenceMember),
  pendingTransfer: z.object({ target: chatTransferTarget, requestedAt: instant }).strict().nullable(),
  emailTranscript: z.boolean(),
  wrapUpStep: z.enum(['editing', 'followUp']).nullable(),
  endedBy: z.enum(['agent', 'customer', 'salesforce']).nullable(),
  workItemKey: z.string().nullable(),
  handedTo: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('agent'), agentId: z.string(), agentName: z.string() }).strict(),
      z.object({ kind: z.literal('queue'), queueId: z.string() }).strict()
    ])
    .nullable()
};

// ---- digital -------------------------------------------------------------------------------------------------------

export const digitalIdKind = z
  .enum(['emailAddress', 'smsNumber', 'whatsappNumber', 'messengerId', 'instagramId', 'xId'])
  .meta({ id: 'DigitalIdKind' });

export const digitalShape = {
  ...interactionCoreShape,
  channel: digitalChannel,
  ownerAgentId: z.string().nullable(),
  status: z.enum(['New', 'Open', 'Resolved']),
  inQueue: z.boolean(),
  unread: z.number().int().nonnegative(),
  priority: z.number(),
  interactionNumber: z.string(),
  digitalId: z.object({ kind: digitalIdKind, value: z.string() }).strict(),
  masterContactId: z.string(),
  transferCount: z.number().int().nonnegative(),
  subject: z.string().nullable(),
  providerConversationId: z.string().nullable(),
  createdAt: instant,
  lastCustomerMessageAt: nullableInstant,
  lastAgentId: z.string().nullable(),
  round: z.number().int().positive(),
  failedMessageIds: z.array(z.string())
};

// ---- what the snapshot adds to each --------------------------------------------------------------------------------

/** D6: the agent's own notes from earlier interactions with the same contact; never another agent's. */
export const earlierNote = z
  .object({ interactionId: z.string(), at: instant, body: z.string() })
  .strict()
  .meta({ id: 'EarlierNote' });

/** C16: one earlier interaction of the same customer, on any channel, newest first. */
export const historyEntry = z
  .object({
    interactionId: z.string(),
    channel,
    endedAt: nullableInstant,
    agentId: z.string().nullable(),
    dispositions: z.array(z.string()),
    /** The Task's external id (Interaction_Key__c), to open the Task in the console. */
    taskKey: z.string()
  })
  .strict()
  .meta({ id: 'HistoryEntry' });

/** S6: one match opens it, several show a picker, none offers to create a contact or lead. */
export const screenPopView = z
  .object({
    outcome: z.enum(['none', 'one', 'several']),
    matches: z.array(
      z
        .object({
          objectType: z.string(),
          id: z.string(),
          name: z.string(),
          accountName: z.string().nullable(),
          company: z.string().nullable()
        })
        .strict()
    )
  })
  .strict()
  .meta({ id: 'ScreenPopView' });

const panelExtras = {
  commands: z.array(commandAvailability),
  myEarlierNotes: z.array(earlierNote),
  history: z.array(historyEntry),
  /** Null until the org has answered the lookup. */
  screenPop: screenPopView.nullable()
};

export const voiceInteraction = z
  .object({ ...voiceShape, ...panelExtras })
  .strict()
  .meta({ id: 'VoiceInteraction' });
export const chatInteraction = z
  .object({ ...chatShape, ...panelExtras })
  .strict()
  .meta({ id: 'ChatInteraction' });
export const digitalInteraction = z
  .object({ ...digitalShape, ...panelExtras })
  .strict()
  .meta({ id: 'DigitalInteraction' });

export const snapshotInteraction = z
  .union([voiceInteraction, chatInteraction, digitalInteraction])
  .meta({ id: 'SnapshotInteraction' });
