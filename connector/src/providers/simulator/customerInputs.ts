// Request bodies of the customer API, parsed with zod (strict: an unknown field is an error, not ignored).
import { z } from 'zod';
import { chatAttachmentSchema } from '../../interactions/chat/commands';
import { isDigitalIdOf, normalisePhoneNumber } from '../../interactions/digital/channels';
import { DIGITAL_CHANNELS } from '../../interactions/kernel/types';
import { addressFor } from './scenario';

const queueId = z.string().trim().min(1).max(80);
const name = z.string().trim().min(1).max(200);
const phone = z
  .string()
  .transform(normalisePhoneNumber)
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +14155550100'));

export const newCallSchema = z
  .object({ from: phone, queueId, kind: z.enum(['inbound', 'callback']).default('inbound'), name: name.optional() })
  .strict();

export const digitsSchema = z.object({ digits: z.string().regex(/^[0-9*#]{1,32}$/, 'digits 0-9, * and #') }).strict();

export const newChatSchema = z
  .object({
    customerId: z.string().trim().min(1).max(200),
    name: name.optional(),
    email: z.email().max(254).optional(),
    queueId,
    botTranscript: z
      .array(
        z
          .object({ from: z.enum(['bot', 'customer']), author: name.optional(), text: z.string().min(1).max(20_000) })
          .strict()
      )
      .max(200)
      .optional()
  })
  .strict();

export const chatMessageSchema = z
  .object({ text: z.string().max(20_000).default(''), attachments: z.array(chatAttachmentSchema).max(10).default([]) })
  .strict()
  .refine((body) => body.text.trim() !== '' || body.attachments.length > 0, {
    message: 'write a text or add an attachment',
    path: ['text']
  });

export const newMessageSchema = z
  .object({
    channel: z.enum(DIGITAL_CHANNELS),
    from: z.string().trim().min(1).max(320),
    name: name.optional(),
    queueId,
    text: z.string().min(1).max(100_000),
    subject: z.string().trim().min(1).max(998).optional()
  })
  .strict()
  .transform((body) => ({ ...body, from: addressFor(body.channel, body.from) }))
  .superRefine((body, ctx) => {
    if (!isDigitalIdOf(body.channel, body.from)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `not a valid ${body.channel} address` });
    }
    if (body.subject !== undefined && body.channel !== 'email') {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'only e-mail has a subject' });
    }
  });

export const replySchema = z.object({ text: z.string().min(1).max(100_000) }).strict();

/** Hang up and leave take no fields: an empty body or {}. */
export const noBodySchema = z.object({}).strict();
