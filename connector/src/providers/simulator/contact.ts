// A customer contact as the simulator sees it from the customer's side: one call, chat or digital conversation, the
// agent legs it was offered on, where it waits for routing, and what the customer has seen and heard so far.
import type { ChatHandover } from '../../interactions/chat';
import type { Channel, Instant } from '../../interactions/kernel/types';
import type { TimerHandle } from './clock';

/** waiting: in a queue (or, digital: the customer wrote last); ringing: the customer's phone rings (callback, dial);
 * answered: digital, the agent wrote last. */
export type CustomerSideState = 'waiting' | 'ringing' | 'connected' | 'answered' | 'ended';

export type EndedReason =
  'customer_hung_up' | 'customer_left' | 'agent_ended' | 'dial_failed' | 'transferred_out' | 'released';

export interface AttachmentView {
  name: string;
  contentType: string;
  sizeBytes: number;
}

/** One thing the customer saw or heard, or did. System notices are stable keys (agent_joined, on_hold, ...). */
export interface CustomerSideEntry {
  at: Instant;
  from: 'customer' | 'agent' | 'bot' | 'system';
  author: string | null;
  text?: string;
  subject?: string;
  attachments?: AttachmentView[];
  /** C11: a page the agent pushed. */
  url?: string;
  /** DTMF: sent by the agent (heard by the customer) or pressed by the customer. */
  digits?: string;
  notice?: string;
}

/** One offer of the contact to one agent: an interaction on the engine's side. */
export interface Leg {
  id: string;
  agentId: string;
  /** over: closed, or in wrap-up: customer events no longer go to it. */
  state: 'offered' | 'active' | 'over';
  purpose: RoutingPurpose;
}

/** route: first routing (and re-offers after RONA); transfer: C8/V6 to a queue or agent; followUp: C17 parked. */
export type RoutingPurpose = 'route' | 'transfer' | 'followUp';

export interface RoutingRequest {
  queueId: string;
  /** An agent-directed transfer tries only that agent until `until`, then falls back (voice: queue, chat: declined). */
  target: { kind: 'queue' } | { kind: 'agent'; agentId: string; until: Instant };
  purpose: RoutingPurpose;
  /** The offer's "waiting since". */
  enqueuedAt: Instant;
  /** A4: agents skipped until the instant given (RONA, decline; a chat's sender for the whole transfer). */
  excluded: Map<string, Instant>;
  /** C8: a chat transfer nobody accepted is withdrawn at this instant. */
  expiresAt: Instant | null;
  handover: ChatHandover | null;
  /** V8: Name travelling with a transferred call (the offer's matched contact). */
  whoId: string | null;
  /** The chat leg that asked for the transfer and keeps the chat until the receiver accepts. */
  senderLegId: string | null;
  phase: 'waiting' | 'offering' | 'offered';
  legId: string | null;
}

export interface CallSide {
  onHold: boolean;
  agentMuted: boolean;
  recording: boolean;
  masked: boolean;
  /** Parties merged into the call besides agent and customer (V6). */
  conference: string[];
  consult: { participantId: string; connected: boolean } | null;
  /** Everything the agent sent as DTMF to the customer's leg. */
  digitsReceived: string;
  connectedAt: Instant | null;
}

/** What a scripted customer still has to do; an API customer has an empty script. */
export interface CustomerScript {
  replies: string[];
  leavesWhenDone: boolean;
  leaving: boolean;
  patienceMs: number | null;
  hangUpAfterMs: number | null;
  answers: boolean;
  digits: { afterMs: number; digits: string }[];
  says: { afterMs: number; text: string }[];
}

export const emptyScript = (): CustomerScript => ({
  replies: [],
  leavesWhenDone: false,
  leaving: false,
  patienceMs: null,
  hangUpAfterMs: null,
  answers: true,
  digits: [],
  says: []
});

export interface Contact {
  /** The first leg's interaction id; the customer API names the contact by it. */
  id: string;
  channel: Channel;
  direction: 'inbound' | 'outbound' | 'callback';
  queueId: string | null;
  createdAt: Instant;
  customer: { address: string; name: string | null; email: string | null };
  state: CustomerSideState;
  endedReason: EndedReason | null;
  agent: { agentId: string; name: string | null } | null;
  legs: Leg[];
  legCount: number;
  request: RoutingRequest | null;
  entries: CustomerSideEntry[];
  /** C2: bot lines offered with a chat. */
  botLines: { at: Instant; from: 'bot' | 'customer'; author: string | null; text: string }[];
  interactionNumber: string | null;
  subject: string | null;
  providerCallId: string | null;
  call: CallSide | null;
  /** V8: Name and Related To the agent chose, from the provider's transfer; offered with the transferred call. */
  travelling: { whoId: string | null; whatId: string | null } | null;
  /** C9: agents who joined a chat conference. */
  guests: Map<string, string>;
  script: CustomerScript;
  /** Pending follow-ups (rings, replies, scripted steps), cancelled when the contact ends. */
  timers: Set<TimerHandle>;
  counters: { message: number; segment: number; participant: number };
}

export function newContact(
  fields: Pick<Contact, 'id' | 'channel' | 'direction' | 'queueId' | 'createdAt' | 'customer' | 'state'> &
    Partial<Pick<Contact, 'interactionNumber' | 'subject' | 'providerCallId' | 'script' | 'botLines'>>
): Contact {
  return {
    endedReason: null,
    agent: null,
    legs: [],
    legCount: 0,
    request: null,
    entries: [],
    botLines: [],
    interactionNumber: null,
    subject: null,
    providerCallId: null,
    travelling: null,
    guests: new Map(),
    script: emptyScript(),
    timers: new Set(),
    counters: { message: 0, segment: 0, participant: 0 },
    call:
      fields.channel === 'voice'
        ? {
            onHold: false,
            agentMuted: false,
            recording: false,
            masked: false,
            conference: [],
            consult: null,
            digitsReceived: '',
            connectedAt: null
          }
        : null,
    ...fields
  };
}

export const openLegs = (contact: Contact): Leg[] => contact.legs.filter((leg) => leg.state !== 'over');

/** The customer-side view: what GET /customer/interactions/:id returns. */
export interface CustomerView {
  interactionId: string;
  channel: Channel;
  direction: Contact['direction'];
  queueId: string | null;
  interactionNumber: string | null;
  subject: string | null;
  customer: Contact['customer'];
  state: CustomerSideState;
  endedReason: EndedReason | null;
  agent: Contact['agent'];
  /** The engine's interaction ids this contact was offered on, oldest first. */
  legs: { interactionId: string; agentId: string; state: Leg['state'] }[];
  waitingForRouting: boolean;
  call: (Omit<CallSide, 'consult'> & { consulting: boolean }) | null;
  entries: CustomerSideEntry[];
}

export function viewOf(contact: Contact): CustomerView {
  const call = contact.call;
  return {
    interactionId: contact.id,
    channel: contact.channel,
    direction: contact.direction,
    queueId: contact.queueId,
    interactionNumber: contact.interactionNumber,
    subject: contact.subject,
    customer: { ...contact.customer },
    state: contact.state,
    endedReason: contact.endedReason,
    agent: contact.agent ? { ...contact.agent } : null,
    legs: contact.legs.map((leg) => ({ interactionId: leg.id, agentId: leg.agentId, state: leg.state })),
    waitingForRouting: contact.request !== null,
    call: call
      ? {
          onHold: call.onHold,
          agentMuted: call.agentMuted,
          recording: call.recording,
          masked: call.masked,
          conference: [...call.conference],
          consulting: call.consult !== null,
          digitsReceived: call.digitsReceived,
          connectedAt: call.connectedAt
        }
      : null,
    entries: contact.entries.map((entry) => ({ ...entry }))
  };
}
