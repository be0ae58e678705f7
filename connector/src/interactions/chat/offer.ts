// Creating a chat: an offer pushed to one agent (C1, C2), possibly a chat handed over by a transfer (C8).
import { z } from 'zod';
import type { Effect } from '../kernel/effects';
import { parseWith } from '../kernel/parse';
import { emptyContactDetails, type Instant, type Transition } from '../kernel/types';
import { scanText } from '../pci/guard';
import type { ChatConfig } from './config';
import type { ChatState } from './state';
import { appendLines, inboundLines, type LineInput } from './transcript';

const id = z.string().min(1).max(80);
const instant = z.number().int().nonnegative();
const recordId = z.string().regex(/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/, 'a Salesforce record id');

const attachmentRefSchema = z
  .object({
    id,
    name: z.string().min(1).max(255),
    contentType: z.string().min(1).max(255),
    sizeBytes: z.number().int().nonnegative(),
    caption: z.string().max(1_000).optional()
  })
  .strict();

/** One earlier line of a chat handed over by a transfer, as the sender's transcript holds it. */
const handoverLineSchema = z
  .object({
    at: instant,
    from: z.enum(['customer', 'agent', 'bot', 'system']),
    author: z.string().max(200).nullable(),
    text: z.string().max(20_000),
    attachments: z.array(attachmentRefSchema).max(10).default([]),
    systemEvent: z.string().min(1).max(60).optional(),
    pushedUrl: z.string().max(2_048).optional()
  })
  .strict();

export const chatHandoverSchema = z
  .object({
    fromAgentId: id,
    fromAgentName: z.string().min(1).max(200),
    /** S4: the Salesforce work item the chat belongs to, so the receiver's work continues it. */
    workItemKey: id.optional(),
    transcript: z.array(handoverLineSchema).max(5_000),
    /** Name, Related To and wrap-up data chosen so far travel with the chat. */
    details: z
      .object({
        whoId: recordId.nullable(),
        whatId: recordId.nullable(),
        dispositions: z.array(z.string().min(1).max(80)).max(20),
        tags: z.array(z.string().min(1).max(80)).max(50),
        notes: z.string().max(32_000)
      })
      .strict()
  })
  .strict();
export type ChatHandover = z.infer<typeof chatHandoverSchema>;

export const chatOfferSchema = z
  .object({
    type: z.literal('chat.offered'),
    interactionId: id,
    /** The agent the offer is pushed to (Omni-style push routing). */
    agentId: id,
    queueId: id,
    customer: z
      .object({
        /** The chat's customer id, shown when no name is known (C1). */
        id: z.string().min(1).max(200),
        name: z.string().min(1).max(200).nullable().default(null),
        email: z.email().max(254).nullable().default(null)
      })
      .strict(),
    /** C1: when the customer started waiting (before any bot and queue time). */
    waitingSince: instant,
    /** C2: what a bot and the customer said before the chat was routed. */
    botTranscript: z
      .array(
        z
          .object({
            at: instant,
            from: z.enum(['bot', 'customer']),
            author: z.string().min(1).max(200).nullable().default(null),
            text: z.string().max(20_000)
          })
          .strict()
      )
      .max(1_000)
      .default([]),
    /** C8: present when the chat comes from another agent's transfer. */
    handover: chatHandoverSchema.optional()
  })
  .strict();
export type ChatOffer = z.infer<typeof chatOfferSchema>;

/** An inbound chat offered to one agent; sets the offer timer (A4). */
export function offerChat(input: unknown, at: Instant, settings: ChatConfig): Transition<ChatState> {
  const parsed = parseWith(chatOfferSchema, input);
  if (!parsed.ok) return parsed;
  const offer = parsed.value;
  const mask = (s: string | null) => (s === null ? null : scanText(s, settings.pci).redacted);
  const customerName = mask(offer.customer.name);
  const blank: ChatState = {
    id: offer.interactionId,
    channel: 'chat',
    direction: 'inbound',
    lifecycle: 'offered',
    closedReason: null,
    ownerAgentId: offer.agentId,
    queueId: offer.queueId,
    customer: { name: customerName, address: offer.customer.id, email: mask(offer.customer.email) },
    details: offer.handover ? { ...offer.handover.details } : emptyContactDetails(),
    transcript: [],
    timers: {
      offeredAt: at,
      offerExpiresAt: at + settings.offerTimeoutMs,
      waitingSince: offer.waitingSince,
      acceptedAt: null,
      handleResumedAt: null,
      handledMs: 0,
      endedAt: null
    },
    pausedByCall: false,
    ownerName: null,
    conference: [],
    pendingTransfer: null,
    emailTranscript: false,
    wrapUpStep: null,
    endedBy: null,
    handedTo: null,
    workItemKey: offer.handover?.workItemKey ?? null,
    settings
  };
  const earlier: LineInput[] = (offer.handover?.transcript ?? []).map((line) => ({ ...line }));
  const bot = offer.botTranscript.flatMap((line) =>
    inboundLines(
      { text: line.text, attachments: [] },
      line.from,
      line.from === 'customer' ? customerName : line.author,
      line.at,
      settings
    )
  );
  const state = appendLines(blank, [...bot, ...earlier]);
  const effects: Effect[] = [
    { kind: 'timer', action: 'set', timer: 'offer', at: at + settings.offerTimeoutMs },
    { kind: 'notice', notice: 'offer', args: { channel: 'chat', interactionId: state.id } }
  ];
  return { ok: true, state, effects };
}

/** What a transfer hands to the receiving agent's offer: the conversation so far and the details chosen (C8). */
export function handoverOf(state: ChatState): ChatHandover {
  return {
    fromAgentId: state.ownerAgentId ?? '',
    fromAgentName: state.ownerName ?? state.ownerAgentId ?? '',
    workItemKey: state.workItemKey ?? state.id,
    transcript: state.transcript.map((line) => {
      const { id: _id, ...rest } = line;
      return rest;
    }),
    details: { ...state.details, dispositions: [...state.details.dispositions], tags: [...state.details.tags] }
  };
}
