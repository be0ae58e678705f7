// The inbox's view of an interaction (D2, D3): just what listing, filtering and sorting need. Each machine whose work
// appears in the inbox (digital, chat) projects its state to this shape.
import type { Channel, Instant } from '../kernel/types';

export type InboxChannel = Exclude<Channel, 'voice'>;

/** D8 statuses; a chat projects to them too (New until the agent has written, then Resolved or Open). */
export type InboxStatus = 'New' | 'Open' | 'Resolved';

export interface InboxItem {
  id: string;
  channel: InboxChannel;
  status: InboxStatus;
  /** Higher is more urgent. */
  priority: number;
  /** Instant of the latest customer message (or of creation when the customer never wrote). */
  receivedAt: Instant;
  /** Instant the customer started waiting for an answer; null when nobody owes them one. */
  waitingSince: Instant | null;
  tags: readonly string[];
  /** Customer messages the assignee has not seen; 0 when read. */
  unread: number;
  /** The queue the item waits in (D8: in the queue), null when it waits in none (resolved, ended). */
  queueId: string | null;
  /** D4: the agent it is assigned to, null while unassigned. */
  assignedAgentId: string | null;
}

/** D3: the channel grouping order. Facebook = Messenger. */
export const INBOX_CHANNEL_ORDER: readonly InboxChannel[] = [
  'chat',
  'email',
  'messenger',
  'instagram',
  'sms',
  'x',
  'whatsapp'
];

/** Tags compare trimmed and case-insensitively: "VIP", "vip " and "vip" are one tag. */
export const tagKey = (tag: string): string => tag.trim().toLowerCase();
