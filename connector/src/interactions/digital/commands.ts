// Panel commands for an existing digital conversation (D4, D7, D9, D10, D12) and the pieces other inputs share.
import { z } from 'zod';

export const idSchema = z.string().min(1).max(200);

/** A Salesforce record id, 15 or 18 characters (Name = who, Related To = what). */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/, 'a Salesforce record id');

export const tagSchema = z.string().trim().min(1).max(40);

/** Longest text any channel carries (e-mail bodies); each channel's own limit is checked by the machine (D7). */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_NOTES_LENGTH = 32_000;

/** A file already uploaded to the connector; size and type are checked against the channel by the machine (D7). */
export const digitalAttachmentSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(255),
    contentType: z.string().min(1).max(255),
    sizeBytes: z.number().int().min(0),
    caption: z.string().max(1_000).optional()
  })
  .strict();
export type DigitalAttachment = z.infer<typeof digitalAttachmentSchema>;

/** D5, D10: what the agent chose so far; every field optional, an absent field is left as it was. */
export const detailsPatchSchema = z
  .object({
    whoId: recordIdSchema.nullable().optional(),
    whatId: recordIdSchema.nullable().optional(),
    notes: z.string().max(MAX_NOTES_LENGTH).optional(),
    tags: z.array(tagSchema).max(50).optional(),
    dispositions: z.array(z.string().min(1).max(80)).max(20).optional()
  })
  .strict();
export type DetailsPatch = z.infer<typeof detailsPatchSchema>;

export const digitalCommandSchema = z.discriminatedUnion('command', [
  /** D4: assigns the conversation to the caller. */
  z.object({ command: z.literal('open') }).strict(),
  /** D7, D8. */
  z
    .object({
      command: z.literal('reply'),
      args: z
        .object({
          text: z.string().max(MAX_TEXT_LENGTH),
          attachments: z.array(digitalAttachmentSchema).max(10).default([])
        })
        .strict()
    })
    .strict(),
  /** D9: set as resolved without replying. */
  z.object({ command: z.literal('resolve') }).strict(),
  /** D12. */
  z.object({ command: z.literal('transfer'), args: z.object({ queueId: idSchema }).strict() }).strict(),
  /** D10: the End form's Save — disposition, Name, Related To and notes in one go. */
  z
    .object({
      command: z.literal('end'),
      args: z
        .object({
          disposition: z.string().min(1).max(80).optional(),
          whoId: recordIdSchema.nullable().optional(),
          whatId: recordIdSchema.nullable().optional(),
          notes: z.string().max(MAX_NOTES_LENGTH).optional()
        })
        .strict()
        .default({})
    })
    .strict(),
  /** D5: contact details while working. */
  z
    .object({
      command: z.literal('setDetails'),
      args: detailsPatchSchema.refine((patch) => Object.keys(patch).length > 0, 'name at least one detail to change')
    })
    .strict(),
  /** D2: the assignee has seen the new messages. */
  z.object({ command: z.literal('markRead') }).strict()
]);
export type DigitalCommand = z.infer<typeof digitalCommandSchema>;
export type DigitalCommandName = DigitalCommand['command'];
export type DigitalCommandOf<N extends DigitalCommandName> = Extract<DigitalCommand, { command: N }>;

export const DIGITAL_COMMANDS: readonly DigitalCommandName[] = [
  'open',
  'reply',
  'resolve',
  'transfer',
  'end',
  'setDetails',
  'markRead'
];
