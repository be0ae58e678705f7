// The vocabulary every panel document shares. These zod schemas are the contract: the JSON Schema in
// docs/protocol.schema.json and the panels' TypeScript types (force-app/.../connectorProtocol) are generated from them.
import { z } from 'zod';
import { rejectionCatalogue, type RejectionCode } from '../../interactions/kernel/rejections';
import { CHANNELS, DIGITAL_CHANNELS } from '../../interactions/kernel/types';

/** Milliseconds since the epoch. Timers are start instants; panels tick locally. */
export const instant = z
  .number()
  .int()
  .nonnegative()
  .meta({ id: 'Instant', description: 'Milliseconds since the epoch' });
export const nullableInstant = instant.nullable();

export const channel = z.enum(CHANNELS).meta({ id: 'Channel' });
export const digitalChannel = z.enum(DIGITAL_CHANNELS).meta({ id: 'DigitalChannel' });

const rejectionCodes = Object.keys(rejectionCatalogue) as [RejectionCode, ...RejectionCode[]];
/** A machine's refusal code; each has a sentence and a Custom Label (labelKey). */
export const rejectionCode = z.enum(rejectionCodes).meta({ id: 'RejectionCode' });

/** One command a panel may show: enabled, or disabled with the reason and the label that says why (V3). */
export const commandAvailability = z
  .object({
    command: z.string(),
    enabled: z.boolean(),
    reason: rejectionCode.optional(),
    labelKey: z.string().optional()
  })
  .strict()
  .meta({ id: 'CommandAvailability' });

/** Name (who), Related To (what), dispositions, tags and notes (V8, V13, D5, C10). */
export const contactDetails = z
  .object({
    whoId: z.string().nullable(),
    whatId: z.string().nullable(),
    dispositions: z.array(z.string()),
    tags: z.array(z.string()),
    notes: z.string()
  })
  .strict()
  .meta({ id: 'ContactDetails' });

export const customer = z
  .object({
    name: z.string().nullable(),
    /** Number (E.164), e-mail address or the channel's digital id. */
    address: z.string(),
    email: z.string().nullable()
  })
  .strict()
  .meta({ id: 'Customer' });

export const attachmentRef = z
  .object({
    id: z.string(),
    name: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int().nonnegative(),
    caption: z.string().optional()
  })
  .strict()
  .meta({ id: 'AttachmentRef' });

/** One line of a conversation, always after the PCI guard (C6): redacted text is shown as it is, never rebuilt. */
export const transcriptEntry = z
  .object({
    id: z.string(),
    at: instant,
    from: z.enum(['customer', 'agent', 'bot', 'system']),
    author: z.string().nullable(),
    text: z.string(),
    attachments: z.array(attachmentRef),
    /** System lines: a stable key ("customer_left", "agent_joined") the panel turns into a label. */
    systemEvent: z.string().optional(),
    /** C11: a pushed page. */
    pushedUrl: z.string().optional()
  })
  .strict()
  .meta({ id: 'TranscriptEntry' });

/** Timers as start instants (never counters); handle time is handledMs + (now - handleResumedAt) while resumed. */
export const interactionTimers = z
  .object({
    offeredAt: nullableInstant,
    offerExpiresAt: nullableInstant,
    waitingSince: nullableInstant,
    acceptedAt: nullableInstant,
    handleResumedAt: nullableInstant,
    handledMs: z.number().int().nonnegative(),
    endedAt: nullableInstant
  })
  .strict()
  .meta({ id: 'InteractionTimers' });

/** Fields every interaction has, whatever its channel. */
export const interactionCoreShape = {
  id: z.string(),
  direction: z.enum(['inbound', 'outbound', 'callback']),
  lifecycle: z.enum(['offered', 'active', 'wrapUp', 'closed']),
  closedReason: z.enum(['completed', 'missed', 'declined', 'transferred', 'abandoned', 'parked']).nullable(),
  queueId: z.string().nullable(),
  customer,
  details: contactDetails,
  transcript: z.array(transcriptEntry),
  timers: interactionTimers,
  pausedByCall: z.boolean()
};

export const errorBody = z
  .object({
    code: z.string(),
    message: z.string(),
    labelKey: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional()
  })
  .strict()
  .meta({ id: 'ErrorBody' });
