// Digital settings and the directory the machine decides with (queues with their members, sender channels).
// Unlike a chat, a digital conversation can live for days, so the machine always uses the config in force now
// (createDigitalMachine(config)): a queue's new member can open its work and a tightened PCI mode applies at once.
import { z } from 'zod';
import { DIGITAL_CHANNELS, type DigitalChannel } from '../kernel/types';
import { pciConfigSchema } from '../pci/guard';
import { DEFAULT_CAPABILITIES, MAX_ATTACHMENT_BYTES } from './channels';

export const DEFAULT_BLOCKED_EXTENSIONS: string[] =
  'exe msi bat cmd com scr pif cpl dll jar js jse vbs vbe wsf ps1 sh hta lnk reg iso'.split(' ');

const idSchema = z.string().min(1).max(80);

const capabilitySchema = (channel: DigitalChannel) =>
  z
    .object({
      attachments: z.boolean(),
      emoji: z.boolean(),
      maxTextLength: z.number().int().min(1).max(100_000),
      /** This channel's own limits, when the admin set them; otherwise the ones below apply. */
      maxAttachmentBytes: z.number().int().positive().max(MAX_ATTACHMENT_BYTES).optional(),
      blockedExtensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'an extension without the dot')).optional()
    })
    .strict()
    .default(DEFAULT_CAPABILITIES[channel]);

export const digitalQueueSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(120),
    /** D12: only 'digital' queues take transfers; 'omniOnly' queues route Omni-Channel work this machine cannot hold. */
    kind: z.enum(['digital', 'omniOnly']),
    /** Agent ids. D12: a transfer to a queue whose only member is the sender comes straight back to them. */
    members: z.array(idSchema).max(10_000).default([]),
    /** D13: members of such a queue may send outbound e-mail. */
    outboundEmail: z.boolean().default(false)
  })
  .strict();
export type DigitalQueue = z.infer<typeof digitalQueueSchema>;

/** A business address or number agents send from (D13, D14); customers' answers to it land in its queue. */
export const senderChannelSchema = z
  .object({
    id: idSchema,
    channel: z.enum(DIGITAL_CHANNELS),
    /** The e-mail address or number, as the customer sees it. */
    address: z.string().min(1).max(320),
    label: z.string().min(1).max(120),
    queueId: idSchema
  })
  .strict();
export type SenderChannel = z.infer<typeof senderChannelSchema>;

export const digitalConfigSchema = z
  .object({
    /** C6, for messages in both directions, e-mail subjects and notes. */
    pci: pciConfigSchema.prefault({ mode: 'redact' }),
    queues: z.array(digitalQueueSchema).max(10_000).default([]),
    senders: z.array(senderChannelSchema).max(1_000).default([]),
    /** D7. */
    capabilities: z
      .object({
        email: capabilitySchema('email'),
        sms: capabilitySchema('sms'),
        whatsapp: capabilitySchema('whatsapp'),
        messenger: capabilitySchema('messenger'),
        instagram: capabilitySchema('instagram'),
        x: capabilitySchema('x')
      })
      .strict()
      .prefault({}),
    /** D7: at most 10 MB per attachment; an admin may lower it, never raise it. */
    maxAttachmentBytes: z.number().int().positive().max(MAX_ATTACHMENT_BYTES).default(MAX_ATTACHMENT_BYTES),
    /** File name extensions without the dot, compared case-insensitively (C5, applied to agents' files). */
    blockedExtensions: z
      .array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'an extension without the dot'))
      .default(DEFAULT_BLOCKED_EXTENSIONS),
    /** D10: End asks for a disposition; when required, End without one is refused. */
    dispositionRequired: z.boolean().default(true),
    /** D10 per channel, where the admin chose differently from dispositionRequired. */
    dispositionRequiredOn: z.partialRecord(z.enum(DIGITAL_CHANNELS), z.boolean()).default({})
  })
  .strict();
export type DigitalConfig = z.infer<typeof digitalConfigSchema>;

/** The settings with every default and an empty directory, e.g. for tests and the simulator. */
export const defaultDigitalConfig = (): DigitalConfig => digitalConfigSchema.parse({});

export const queueById = (config: DigitalConfig, queueId: string | null): DigitalQueue | undefined =>
  queueId === null ? undefined : config.queues.find((q) => q.id === queueId);

export const isQueueMember = (config: DigitalConfig, queueId: string | null, agentId: string): boolean =>
  queueById(config, queueId)?.members.includes(agentId) ?? false;

/** D10: whether End on this channel needs a disposition. */
export const isDispositionRequired = (config: DigitalConfig, channel: DigitalChannel): boolean =>
  config.dispositionRequiredOn[channel] ?? config.dispositionRequired;

/** C5, D7: the attachment limits of one channel. */
export const attachmentRulesOf = (
  config: DigitalConfig,
  channel: DigitalChannel
): { maxBytes: number; blockedExtensions: readonly string[] } => ({
  maxBytes: config.capabilities[channel].maxAttachmentBytes ?? config.maxAttachmentBytes,
  blockedExtensions: config.capabilities[channel].blockedExtensions ?? config.blockedExtensions
});

/** D13. */
export const isOutboundEmailMember = (config: DigitalConfig, agentId: string): boolean =>
  config.queues.some((q) => q.outboundEmail && q.kind === 'digital' && q.members.includes(agentId));
