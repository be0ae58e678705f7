// The state of one digital conversation (e-mail, SMS, WhatsApp, Messenger, Instagram, X).
// Digital work is pulled: it waits in a queue until an agent opens it (D4). Lifecycle, as the desk reads it:
//   'offered' = waiting in a queue, owned by nobody (no offer timer, no RONA: nobody was pushed anything);
//   'active'  = assigned to ownerAgentId (D4), whether or not it is also back in the queue (D8);
//   'closed'  = ended (D10) or sent as a one-shot outbound message (D13, D14); a later customer message reopens it.
import type { InteractionCore } from '../kernel/machine';
import type { DigitalChannel, Instant } from '../kernel/types';
import type { DigitalIdKind } from './channels';

/** D8: New = no agent reply yet; Open = the customer wrote after the last agent reply; Resolved = the agent answered. */
export type DigitalStatus = 'New' | 'Open' | 'Resolved';

export interface DigitalState extends InteractionCore {
  channel: DigitalChannel;
  /** ownerAgentId is the assigned agent (D4); queueId is the queue it belongs to, kept while assigned. */
  status: DigitalStatus;
  /** D8: listed in its queue for every member (an agent reply takes it out, a customer message puts it back). */
  inQueue: boolean;
  /** D2: customer messages the assignee has not seen yet. */
  unread: number;
  /** D3: higher is more urgent. */
  priority: number;
  /** D5. */
  interactionNumber: string;
  /** D5: the customer's id on this channel; value equals customer.address. */
  digitalId: { kind: DigitalIdKind; value: string };
  /** D12: replaced by a new id on the third transfer. */
  masterContactId: string;
  transferCount: number;
  /** E-mail subject, null on other channels. */
  subject: string | null;
  providerConversationId: string | null;
  createdAt: Instant;
  /** Instant of the latest customer message (the inbox's "Received"), null if the customer never wrote. */
  lastCustomerMessageAt: Instant | null;
  /** The agent who last opened, answered or sent; for notices and D6 notes after the conversation left them. */
  lastAgentId: string | null;
  /** Handling rounds: 1 at creation, +1 each time a customer message reopens an ended conversation (D10). */
  round: number;
  /** Agent messages the provider reported as undelivered. */
  failedMessageIds: string[];
}

/** A6: stop the handle-time clock, keeping what was accrued. */
export function stopHandleClock(timers: DigitalState['timers'], at: Instant): DigitalState['timers'] {
  if (timers.handleResumedAt === null) return timers;
  return { ...timers, handledMs: timers.handledMs + Math.max(0, at - timers.handleResumedAt), handleResumedAt: null };
}

/** Ids of lines the machine writes itself (agent and system lines); customer lines keep the provider's message id. */
export const nextEntryId = (state: DigitalState): string => `${state.id}#${state.transcript.length + 1}`;

export const hasEntry = (state: DigitalState, entryId: string): boolean =>
  state.transcript.some((entry) => entry.id === entryId);

/** D12: the master contact id given on a transfer, derived from the interaction so the machine stays pure. */
export const newMasterContactId = (interactionId: string, transferCount: number): string =>
  `${interactionId}/mc${transferCount}`;

/** D12: on which transfer the interaction gets a new master contact id. */
export const NEW_MASTER_CONTACT_ON_TRANSFER = 3;
