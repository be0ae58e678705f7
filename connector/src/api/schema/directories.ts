// Directory documents: small lists a panel fetches on hello and receives again when they change (directory frame).
// The agents directory changes all the time (presence): after the full list, changes arrive as agentsDelta frames,
// coalesced and serialised once for every panel, so 2,000 agents never cost a snapshot per agent per change.
import { z } from 'zod';
import { channel, digitalChannel, instant } from './common';
import { presenceStatus } from './documents';

/** C8, C9, V4: a colleague to transfer or conference to, with live presence. */
export const agentEntry = z
  .object({
    agentId: z.string(),
    name: z.string(),
    role: z.enum(['agent', 'supervisor']),
    status: presenceStatus,
    reasonCode: z.string().nullable(),
    since: instant
  })
  .strict()
  .meta({ id: 'AgentEntry' });

export const agentsDirectory = z
  .object({ agents: z.array(agentEntry) })
  .strict()
  .meta({ id: 'AgentsDirectory', description: 'Agents and supervisors with live presence (C8, C9, V4)' });

/** V4, C8, D12: queues and skills work can be sent to. */
export const queuesDirectory = z
  .object({
    queues: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          channels: z.array(channel),
          /** D12: digital conversations may be transferred here (not to Omni-only queues). */
          digitalTransfers: z.boolean(),
          /** D13: members may send outbound e-mail. */
          outboundEmail: z.boolean()
        })
        .strict()
    )
  })
  .strict()
  .meta({ id: 'QueuesDirectory' });

/** V4: address-book contacts a call can be consulted with or transferred to. */
export const addressBookDirectory = z
  .object({
    entries: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          description: z.string().nullable(),
          numbers: z.array(z.object({ label: z.string(), number: z.string() }).strict())
        })
        .strict()
    )
  })
  .strict()
  .meta({ id: 'AddressBookDirectory' });

/** A1: the Busy reasons an agent can choose, in the admin's order. */
export const reasonCodesDirectory = z
  .object({ busyReasons: z.array(z.object({ code: z.string(), label: z.string() }).strict()) })
  .strict()
  .meta({ id: 'ReasonCodesDirectory' });

/** C10, C14, D10, V13: wrap-up codes (dispositions), each for some channels and queues; and where one is required. */
export const wrapUpCodesDirectory = z
  .object({
    codes: z.array(
      z
        .object({
          code: z.string(),
          label: z.string(),
          category: z.string().nullable(),
          channels: z.array(channel),
          /** Empty: every queue. */
          queueIds: z.array(z.string()),
          requiresNote: z.boolean()
        })
        .strict()
    ),
    /** C14, D10: Done/End needs at least one disposition on these channels. */
    requiredOn: z.array(channel)
  })
  .strict()
  .meta({ id: 'WrapUpCodesDirectory' });

/** C7: Salesforce Quick Texts in the agent's language (en when the org has none in it). */
export const quickTextsDirectory = z
  .object({
    language: z.enum(['en', 'de', 'es', 'fr', 'nl']),
    texts: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          message: z.string(),
          category: z.string().nullable(),
          channels: z.array(channel)
        })
        .strict()
    )
  })
  .strict()
  .meta({ id: 'QuickTextsDirectory' });

/** V10: the numbers that get an immediate call button for this agent, whatever their status. */
export const emergencyNumbersDirectory = z
  .object({ country: z.string(), numbers: z.array(z.string()) })
  .strict()
  .meta({ id: 'EmergencyNumbersDirectory' });

/** V9: the agent's outbound skills; with several the panel asks which one (required). */
export const outboundSkillsDirectory = z
  .object({
    skills: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
    choiceRequired: z.boolean()
  })
  .strict()
  .meta({ id: 'OutboundSkillsDirectory' });

/** D13, D14: the business addresses and numbers this agent may send from. */
export const sendersDirectory = z
  .object({
    senders: z.array(
      z.object({ id: z.string(), channel: digitalChannel, address: z.string(), label: z.string() }).strict()
    )
  })
  .strict()
  .meta({ id: 'SendersDirectory' });

const attachmentRules = z
  .object({
    allowed: z.boolean(),
    maxBytes: z.number().int().nonnegative(),
    blockedExtensions: z.array(z.string()),
    blockedContentTypes: z.array(z.string())
  })
  .strict();

/** What a panel must honour before it sends anything (C5, C6, D7, C17, V14). The connector checks it all again. */
export const channelSettingsDirectory = z
  .object({
    /** C6: how card numbers in messages are handled. */
    pciMode: z.enum(['redact', 'drop']),
    voice: z
      .object({
        offerTimeoutMs: z.number().int().positive(),
        dispositionRequired: z.boolean(),
        transcriptSides: z.enum(['none', 'agent', 'customer', 'both']),
        maxConferenceParties: z.number().int().positive()
      })
      .strict(),
    chat: z
      .object({
        offerTimeoutMs: z.number().int().positive(),
        dispositionRequired: z.boolean(),
        interruptibleByCall: z.boolean(),
        attachments: attachmentRules,
        followUp: z.object({ enabled: z.boolean(), queueIds: z.array(z.string()) }).strict(),
        maxConferenceAgents: z.number().int().positive()
      })
      .strict(),
    digital: z.record(
      digitalChannel,
      z
        .object({
          dispositionRequired: z.boolean(),
          interruptibleByCall: z.boolean(),
          attachments: attachmentRules,
          emoji: z.boolean(),
          maxTextLength: z.number().int().positive()
        })
        .strict()
    )
  })
  .strict()
  .meta({ id: 'ChannelSettingsDirectory' });

export const DIRECTORY_NAMES = [
  'agents',
  'queues',
  'addressBook',
  'reasonCodes',
  'wrapUpCodes',
  'quickTexts',
  'emergencyNumbers',
  'outboundSkills',
  'senders',
  'channelSettings'
] as const;
export type DirectoryName = (typeof DIRECTORY_NAMES)[number];

/** One directory frame per document: the name says which schema the document follows. */
export const directoryFrame = z
  .discriminatedUnion('name', [
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('agents'),
        version: z.number().int(),
        document: agentsDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('queues'),
        version: z.number().int(),
        document: queuesDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('addressBook'),
        version: z.number().int(),
        document: addressBookDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('reasonCodes'),
        version: z.number().int(),
        document: reasonCodesDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('wrapUpCodes'),
        version: z.number().int(),
        document: wrapUpCodesDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('quickTexts'),
        version: z.number().int(),
        document: quickTextsDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('emergencyNumbers'),
        version: z.number().int(),
        document: emergencyNumbersDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('outboundSkills'),
        version: z.number().int(),
        document: outboundSkillsDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('senders'),
        version: z.number().int(),
        document: sendersDirectory
      })
      .strict(),
    z
      .object({
        type: z.literal('directory'),
        name: z.literal('channelSettings'),
        version: z.number().int(),
        document: channelSettingsDirectory
      })
      .strict()
  ])
  .meta({ id: 'DirectoryFrame' });

export type DirectoryDocuments = {
  agents: z.infer<typeof agentsDirectory>;
  queues: z.infer<typeof queuesDirectory>;
  addressBook: z.infer<typeof addressBookDirectory>;
  reasonCodes: z.infer<typeof reasonCodesDirectory>;
  wrapUpCodes: z.infer<typeof wrapUpCodesDirectory>;
  quickTexts: z.infer<typeof quickTextsDirectory>;
  emergencyNumbers: z.infer<typeof emergencyNumbersDirectory>;
  outboundSkills: z.infer<typeof outboundSkillsDirectory>;
  senders: z.infer<typeof sendersDirectory>;
  channelSettings: z.infer<typeof channelSettingsDirectory>;
};

/** Changes to the agents directory since the last frame (new agents, presence changes), in order. */
export const agentsDeltaFrame = z
  .object({
    type: z.literal('agentsDelta'),
    /** The agents directory's version after these changes; the previous frame's version is `version - 1`. */
    version: z.number().int(),
    upserts: z.array(agentEntry),
    removed: z.array(z.string())
  })
  .strict()
  .meta({ id: 'AgentsDeltaFrame' });
