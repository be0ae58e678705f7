// The documents a panel renders: the agent's snapshot, the inbox window, sync health. Each is pushed whole.
import { z } from 'zod';
import { INBOX_SORT_ORDERS } from '../../interactions/inbox';
import { PRESENCE_STATUSES } from '../../interactions/presence/state';
import { commandAvailability, instant, nullableInstant } from './common';
import { snapshotInteraction } from './interactions';

export const presenceStatus = z.enum(PRESENCE_STATUSES).meta({ id: 'PresenceStatus' });

/** A1, A2: the agent's status, when it began, what Omni-Channel should show, and whether work is open ("Working"). */
export const snapshotPresence = z
  .object({
    agentId: z.string(),
    status: presenceStatus,
    reasonCode: z.string().nullable(),
    since: instant,
    resumeStatus: z.literal('Available').nullable(),
    activity: z.enum(['Working', 'Idle']),
    omniStatus: z.enum(['Available', 'Busy', 'Offline'])
  })
  .strict()
  .meta({ id: 'SnapshotPresence' });

const capacityCounts = z
  .object({
    voice: z.number().int().nonnegative(),
    chat: z.number().int().nonnegative(),
    digital: z.number().int().nonnegative(),
    total: z.number().int().nonnegative()
  })
  .strict();

/** S7: whether Salesforce sync keeps up; delayed or paused loses nothing, it only arrives later. */
export const syncHealth = z
  .object({ state: z.enum(['ok', 'delayed', 'paused']), reason: z.string().nullable() })
  .strict()
  .meta({ id: 'SyncHealth' });

export const agentSnapshot = z
  .object({
    agent: z.object({ agentId: z.string(), name: z.string() }).strict(),
    presence: snapshotPresence,
    /** A5: capacity used and the limits, per channel group and in total. */
    capacity: z.object({ used: capacityCounts, limits: capacityCounts }).strict(),
    commands: z
      .object({
        presence: z.array(commandAvailability),
        /** V9–V11 dialling a normal number (A3: not Offline); emergency numbers (V10) are never blocked. */
        dial: commandAvailability,
        /**
         * D13/D14 `sendOutbound`, one entry per value of its `channel` argument, each with `command: 'sendOutbound'`:
         * A3 not Offline; D13 e-mail only for members of an outbound e-mail queue.
         */
        sendOutbound: z.object({ email: commandAvailability, sms: commandAvailability }).strict()
      })
      .strict(),
    sync: syncHealth,
    /** Newest first by offer/creation instant. */
    interactions: z.array(snapshotInteraction)
  })
  .strict()
  .meta({ id: 'AgentSnapshot' });

export const inboxSortOrder = z.enum(INBOX_SORT_ORDERS).meta({ id: 'InboxSortOrder' });

/** D2: one row of the inbox, with what the row shows (channel icon, name, first line of the last message, time). */
export const inboxItem = z
  .object({
    id: z.string(),
    channel: z.enum(['chat', 'email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x']),
    status: z.enum(['New', 'Open', 'Resolved']),
    priority: z.number(),
    receivedAt: instant,
    waitingSince: nullableInstant,
    tags: z.array(z.string()),
    unread: z.number().int().nonnegative(),
    queueId: z.string().nullable(),
    assignedAgentId: z.string().nullable(),
    interactionNumber: z.string(),
    customerName: z.string().nullable(),
    customerAddress: z.string(),
    subject: z.string().nullable(),
    /** The first line of the last message, after the PCI guard, at most 140 characters. */
    preview: z.string()
  })
  .strict()
  .meta({ id: 'InboxItem' });

/**
 * D2, D3: a window of the agent's inbox in the order and tag filter the panel asked for (inboxView frame); the panel
 * renders only the rows it shows and asks for the next window as the agent scrolls.
 */
export const agentInbox = z
  .object({
    sort: inboxSortOrder,
    tags: z.array(z.string()),
    offset: z.number().int().nonnegative(),
    /** Rows that match the view in all; items holds at most `limit` of them from `offset`. */
    total: z.number().int().nonnegative(),
    items: z.array(inboxItem),
    /** D2: the badge, over the whole inbox (not only this window or filter). */
    unread: z.number().int().nonnegative(),
    /** Every tag on a listed conversation, for the filter's choices. */
    tagChoices: z.array(z.string())
  })
  .strict()
  .meta({ id: 'AgentInbox' });
