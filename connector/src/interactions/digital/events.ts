// What the digital provider (vendor webhooks, the simulator) and Salesforce tell the machine.
import { z } from 'zod';
import { DIGITAL_CHANNELS } from '../kernel/types';
import { digitalAttachmentSchema, idSchema, MAX_TEXT_LENGTH, tagSchema } from './commands';
import { isDigitalIdOf } from './channels';

const customerTextSchema = z.string().max(MAX_TEXT_LENGTH).default('');
const customerAttachmentsSchema = z.array(digitalAttachmentSchema).max(50).default([]);

/** Events for an existing conversation; the shell finds the conversation by the provider's conversation key. */
export const digitalProviderEventSchema = z.discriminatedUnion('type', [
  /** D8: the customer wrote. messageId is the provider's, so a webhook delivered twice is recognised. */
  z
    .object({
      type: z.literal('customerMessage'),
      messageId: idSchema,
      text: customerTextSchema,
      attachments: customerAttachmentsSchema
    })
    .strict(),
  /** An agent's message could not be delivered (number unreachable, 24-hour window closed...). */
  z
    .object({
      type: z.literal('deliveryFailed'),
      messageId: idSchema,
      reason: z.string().min(1).max(200)
    })
    .strict(),
  /** C15, S3: the work item was closed in Salesforce. */
  z.object({ type: z.literal('workItemClosed') }).strict()
]);
export type DigitalProviderEvent = z.infer<typeof digitalProviderEventSchema>;

/**
 * A customer's first message, which creates a conversation waiting in a queue. The shell allocates the interaction
 * id and the human-readable interaction number (D5) before it calls receiveInbound, so the machine stays pure.
 */
export const inboundMessageSchema = z
  .object({
    type: z.literal('inbound'),
    interactionId: idSchema,
    interactionNumber: z.string().min(1).max(40),
    channel: z.enum(DIGITAL_CHANNELS),
    queueId: idSchema,
    /** The vendor's thread id, if it has one (e-mail Message-ID thread, WhatsApp conversation...). */
    conversationId: idSchema.nullable().default(null),
    from: z
      .object({
        /** D5: the digital id of the channel (e-mail address, E.164 number, Messenger/Instagram/X id). */
        address: z.string().min(1).max(320),
        name: z.string().max(200).nullable().default(null),
        email: z.string().max(320).nullable().default(null)
      })
      .strict(),
    message: z
      .object({
        id: idSchema,
        text: customerTextSchema,
        attachments: customerAttachmentsSchema
      })
      .strict(),
    /** E-mail subject. */
    subject: z.string().max(998).nullable().default(null),
    /** D3: higher is more urgent. */
    priority: z.number().int().min(0).max(1_000).default(0),
    tags: z.array(tagSchema).max(50).default([]),
    /** D12: a conversation carried over from elsewhere keeps its master contact id; otherwise it is the interaction id. */
    masterContactId: idSchema.nullable().default(null)
  })
  .strict()
  .superRefine((event, ctx) => {
    if (!isDigitalIdOf(event.channel, event.from.address)) {
      ctx.addIssue({ code: 'custom', path: ['from', 'address'], message: `not a valid ${event.channel} address` });
    }
  });
export type InboundMessage = z.infer<typeof inboundMessageSchema>;
