// Panel commands on an existing chat. Parsed at the boundary; the machine trusts these types.
import { z } from 'zod';

const id = z.string().min(1).max(80);
/** A Salesforce record id (15 or 18 characters). */
const recordId = z.string().regex(/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/, 'a Salesforce record id');
const label = z.string().trim().min(1).max(80);

/** A file the panel has already uploaded to the connector; the machine checks its size and type (C5). */
export const chatAttachmentSchema = z
  .object({
    id,
    name: z.string().min(1).max(255),
    contentType: z.string().min(1).max(255),
    sizeBytes: z.number().int().nonnegative(),
    caption: z.string().max(1_000).optional()
  })
  .strict();
export type ChatAttachment = z.infer<typeof chatAttachmentSchema>;

export const transferTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queueId: id }).strict(),
  z.object({ kind: z.literal('agent'), agentId: id }).strict(),
  z.object({ kind: z.literal('supervisor'), agentId: id }).strict()
]);

const noArgs = <N extends string>(name: N) => z.object({ command: z.literal(name) }).strict();
const withArgs = <N extends string, A extends z.ZodType>(name: N, args: A) =>
  z.object({ command: z.literal(name), args }).strict();

export const chatCommandSchema = z.discriminatedUnion('command', [
  noArgs('accept'),
  noArgs('decline'),
  /** C4: the final text as edited by the agent (C7 Quick Text is inserted by the panel before this). */
  withArgs(
    'send',
    z
      .object({
        text: z.string().max(10_000).default(''),
        attachments: z.array(chatAttachmentSchema).max(10).default([])
      })
      .strict()
  ),
  withArgs('pushPage', z.object({ url: z.string().min(1).max(2_048) }).strict()),
  withArgs('transfer', z.object({ target: transferTargetSchema }).strict()),
  withArgs('conferenceInvite', z.object({ agentId: id }).strict()),
  noArgs('conferenceEnd'),
  noArgs('conferenceLeave'),
  noArgs('end'),
  withArgs(
    'setDetails',
    z
      .object({
        whoId: recordId.nullable().optional(),
        whatId: recordId.nullable().optional(),
        /** C10 wrap-up reasons: the chosen disposition codes. */
        dispositions: z.array(label).max(20).optional(),
        tags: z.array(label).max(50).optional(),
        notes: z.string().max(32_000).optional()
      })
      .strict()
  ),
  withArgs('setTranscriptEmail', z.object({ enabled: z.boolean() }).strict()),
  noArgs('done'),
  withArgs('followUpConfirm', z.object({ queueId: id }).strict()),
  noArgs('followUpStop'),
  noArgs('followUpCancel')
]);
export type ChatCommand = z.infer<typeof chatCommandSchema>;
export type ChatCommandName = ChatCommand['command'];
export type ChatCommandOf<N extends ChatCommandName> = Extract<ChatCommand, { command: N }>;
