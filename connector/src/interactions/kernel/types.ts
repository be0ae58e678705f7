// The vocabulary every machine shares. Machines are pure: (state, event) -> Transition.
import type { Effect } from './effects';
import type { Rejection, RejectionCode } from './rejections';

/** Milliseconds since the epoch. Machines never read a clock: every event carries the instant it happened. */
export type Instant = number;

export const DIGITAL_CHANNELS = ['email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x'] as const;
export const CHANNELS = ['voice', 'chat', ...DIGITAL_CHANNELS] as const;
export type Channel = (typeof CHANNELS)[number];
export type DigitalChannel = (typeof DIGITAL_CHANNELS)[number];

/** A transition either applies (new state plus effects to run) or is refused with a typed reason. Never a silent no-op. */
export type Transition<S> = { ok: true; state: S; effects: Effect[] } | { ok: false; rejection: Rejection };

/**
 * One entry per command a panel may show. The panel renders exactly this: enabled or not, and when not, why
 * (a stable code plus the Custom Label key of the sentence, e.g. V3 "End: resume the call first").
 */
export interface CommandAvailability<C extends string = string> {
  command: C;
  enabled: boolean;
  reason?: RejectionCode;
  labelKey?: string;
}

/** Name (who) and Related To (what) plus wrap-up data chosen during an interaction (V8, V13, D5, C10). */
export interface ContactDetails {
  whoId: string | null;
  whatId: string | null;
  dispositions: string[];
  tags: string[];
  notes: string;
}

export const emptyContactDetails = (): ContactDetails => ({
  whoId: null,
  whatId: null,
  dispositions: [],
  tags: [],
  notes: ''
});

/** Who the customer is, as far as the provider knows (C1, V1, D5). */
export interface Customer {
  /** Display name, when known. */
  name: string | null;
  /** Number (E.164), e-mail address or the channel's digital id. */
  address: string;
  email: string | null;
}

/** One line of a conversation as it is shown and stored: always after the PCI guard (C6). */
export interface TranscriptEntry {
  id: string;
  at: Instant;
  from: 'customer' | 'agent' | 'bot' | 'system';
  /** Agent's display name for agent lines (C4); bot name for bot lines. */
  author: string | null;
  text: string;
  attachments: AttachmentRef[];
  /** For system lines, a stable key ("customer_left", "agent_joined") the panel turns into a label. */
  systemEvent?: string;
  /** C11: a pushed page. */
  pushedUrl?: string;
}

export interface AttachmentRef {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  caption?: string;
}
