// What the chat provider (web chat vendor, Omni routing, Salesforce) reports about an existing chat.
import { z } from 'zod';
import { chatAttachmentSchema } from './commands';

const id = z.string().min(1).max(80);
const name = z.string().min(1).max(200);

export const chatProviderEventSchema = z.discriminatedUnion('type', [
  /** The customer wrote (C6: guarded before anything is kept). */
  z
    .object({
      type: z.literal('customer.message'),
      text: z.string().max(20_000).default(''),
      attachments: z.array(chatAttachmentSchema).max(10).default([])
    })
    .strict(),
  /** C10: the customer closed the chat window or timed out. */
  z.object({ type: z.literal('customer.left') }).strict(),
  /** C8: the receiving agent accepted the transfer; the sender's work item closes. */
  z.object({ type: z.literal('transfer.accepted'), agentId: id, agentName: name }).strict(),
  z.object({ type: z.literal('transfer.declined'), reason: z.string().max(200).optional() }).strict(),
  /** C9: an invited agent joined, declined, or left from their side. */
  z.object({ type: z.literal('conference.accepted'), agentId: id, agentName: name }).strict(),
  z.object({ type: z.literal('conference.declined'), agentId: id }).strict(),
  z.object({ type: z.literal('conference.left'), agentId: id }).strict(),
  /** C15: the work item was closed in Salesforce. */
  z.object({ type: z.literal('workItem.closed') }).strict()
]);
export type ChatProviderEvent = z.infer<typeof chatProviderEventSchema>;
