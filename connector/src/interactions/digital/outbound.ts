// D13 outbound e-mail and D14 outbound SMS: the forms' "Save and send", as the panel submits them.
import { z } from 'zod';
import {
  digitalAttachmentSchema,
  idSchema,
  MAX_NOTES_LENGTH,
  MAX_TEXT_LENGTH,
  recordIdSchema,
  tagSchema
} from './commands';
import { isDigitalIdOf, normalisePhoneNumber } from './channels';
import { isOutboundEmailMember, type DigitalConfig } from './config';
import type { RejectionCode } from '../kernel/rejections';

/** The contact details filled in on the form; they are logged with the message. */
const outboundDetailsSchema = z
  .object({
    whoId: recordIdSchema.nullable().default(null),
    whatId: recordIdSchema.nullable().default(null),
    notes: z.string().max(MAX_NOTES_LENGTH).default(''),
    tags: z.array(tagSchema).max(50).default([]),
    dispositions: z.array(z.string().min(1).max(80)).max(20).default([])
  })
  .strict()
  .prefault({});

/** Allocated by the shell before it calls startOutbound, as for inbound conversations. */
const identity = {
  interactionId: idSchema,
  interactionNumber: z.string().min(1).max(40)
};

export const outboundMessageSchema = z.discriminatedUnion('channel', [
  z
    .object({
      channel: z.literal('email'),
      ...identity,
      senderId: idSchema,
      to: z
        .string()
        .max(320)
        .refine((to) => isDigitalIdOf('email', to), 'not a valid e-mail address'),
      subject: z.string().trim().min(1).max(998),
      /** Formatted body, kept as written; the panel renders it as sanitised text. */
      body: z.string().max(MAX_TEXT_LENGTH),
      attachments: z.array(digitalAttachmentSchema).max(10).default([]),
      details: outboundDetailsSchema
    })
    .strict(),
  z
    .object({
      channel: z.literal('sms'),
      ...identity,
      senderId: idSchema,
      /** Spaces, dashes, brackets and a 00 prefix are accepted and normalised to E.164. */
      to: z
        .string()
        .max(40)
        .transform(normalisePhoneNumber)
        .refine((to) => isDigitalIdOf('sms', to), 'not a phone number in international format (+country code)'),
      text: z.string().max(MAX_TEXT_LENGTH),
      details: outboundDetailsSchema
    })
    .strict()
]);
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

/**
 * D13/D14: the channel's own rule on who may send outbound — e-mail only for members of an outbound e-mail queue, SMS
 * for everyone. One guard for the form's refusal and the snapshot's `sendOutbound` entries (A3 Offline is the desk's).
 */
export function outboundGuard(
  config: DigitalConfig,
  agentId: string,
  channel: OutboundMessage['channel']
): RejectionCode | null {
  return channel === 'email' && !isOutboundEmailMember(config, agentId) ? 'DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER' : null;
}

/** The caller, as the desk authenticated them. */
export interface AgentContext {
  agentId: string;
  agentName: string;
}
