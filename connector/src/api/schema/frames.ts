// Every frame of the panels' WebSocket protocol. Client frames are parsed with these schemas; server frames are typed
// by them (ServerFrame) and validated against them in the tests, on frames recorded from the running connector.
import { z } from 'zod';
import { errorBody } from './common';
import { agentInbox, agentSnapshot, inboxSortOrder, syncHealth } from './documents';
import { agentsDeltaFrame, directoryFrame } from './directories';
import { screenPopView } from './interactions';
import { notice } from './notices';
import { omniAction, omniEvent } from './omni';

export const MAX_FRAME_BYTES = 1024 * 1024;
export const PROTOCOL_VERSION = 1;
/** The largest inbox window a panel may ask for. */
export const MAX_INBOX_WINDOW = 200;

const idempotencyKey = z
  .string()
  .min(8, 'an idempotency key has at least 8 characters')
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const clientFrameSchema = z
  .discriminatedUnion('type', [
    /** First frame of every connection: the session token, and the last snapshot version the panel saw, if any. */
    z
      .object({
        type: z.literal('hello'),
        token: z.string().min(1).max(2048),
        protocol: z.literal(PROTOCOL_VERSION).default(PROTOCOL_VERSION),
        lastVersion: z.number().int().nonnegative().nullable().default(null),
        /** The snapshot revision the panel saw with lastVersion: both must match for `snapshot: null`. */
        lastRevision: z.string().max(64).nullable().default(null),
        /** This panel runs beside the console's Omni relay and will apply omniAction frames (A2, S2–S4). */
        omniRelay: z.boolean().default(false)
      })
      .strict()
      .meta({ id: 'HelloFrame' }),
    /**
     * A command. `id` is chosen by the client and doubles as the idempotency key: a retried command with the same id
     * is answered with the first outcome and applied once. Without interactionId it is an agent-level command
     * (presence, dial, outbound messages, taking an inbox item).
     */
    z
      .object({
        type: z.literal('command'),
        id: idempotencyKey,
        interactionId: z.string().min(1).max(128).optional(),
        command: z.string().min(1).max(64),
        args: z.record(z.string(), z.unknown()).optional()
      })
      .strict()
      .meta({ id: 'CommandFrame' }),
    z
      .object({
        type: z.literal('resync'),
        lastVersion: z.number().int().nonnegative().nullable(),
        lastRevision: z.string().max(64).nullable().default(null)
      })
      .strict()
      .meta({ id: 'ResyncFrame' }),
    /** D3: which window of the inbox this panel shows, in which order and with which tags (all of them). */
    z
      .object({
        type: z.literal('inboxView'),
        sort: inboxSortOrder.default('received'),
        tags: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
        offset: z.number().int().nonnegative().max(1_000_000).default(0),
        limit: z.number().int().min(1).max(MAX_INBOX_WINDOW).default(100)
      })
      .strict()
      .meta({ id: 'InboxViewFrame' }),
    /** The Omni relay reports what happened in Omni-Channel. */
    z
      .object({ type: z.literal('omni'), event: omniEvent })
      .strict()
      .meta({ id: 'OmniFrame' }),
    z
      .object({ type: z.literal('ping') })
      .strict()
      .meta({ id: 'PingFrame' })
  ])
  .meta({ id: 'ClientFrame' });
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export const serverFrameSchema = z
  .union([
    z
      .object({
        type: z.literal('welcome'),
        protocol: z.number().int(),
        agent: z.object({ agentId: z.string(), name: z.string() }).strict(),
        sessionId: z.string()
      })
      .strict()
      .meta({ id: 'WelcomeFrame' }),
    z
      .object({
        type: z.literal('ack'),
        id: z.string(),
        duplicate: z.boolean(),
        version: z.number().int().nonnegative(),
        /** D13/D14: what an agent-level command created. */
        created: z.object({ interactionId: z.string(), interactionNumber: z.string() }).strict().optional()
      })
      .strict()
      .meta({ id: 'AckFrame' }),
    z
      .object({ type: z.literal('rejected'), id: z.string(), duplicate: z.boolean(), error: errorBody })
      .strict()
      .meta({ id: 'RejectedFrame' }),
    /** The agent's whole desk after a change; null when the panel's lastVersion is already current. */
    z
      .object({
        type: z.literal('snapshot'),
        /** The desk's version: grows with every change of the agent's work. */
        version: z.number().int().nonnegative(),
        /**
         * The settings the snapshot was built with. When an admin changes them the snapshot is sent again with the
         * same version and a new revision: a panel replaces what it shows with every snapshot frame.
         */
        revision: z.string(),
        snapshot: agentSnapshot.nullable()
      })
      .strict()
      .meta({ id: 'SnapshotFrame' }),
    /** D2: the panel's inbox window, sent after hello and inboxView, pushed when it changes. */
    z
      .object({ type: z.literal('inbox'), version: z.number().int().nonnegative(), inbox: agentInbox })
      .strict()
      .meta({ id: 'InboxFrame' }),
    /** S7: Salesforce sync is delayed or paused (or ok again); nothing is lost, it only arrives later. */
    z
      .object({ type: z.literal('sync'), sync: syncHealth })
      .strict()
      .meta({ id: 'SyncFrame' }),
    /** S6: the screen-pop lookup for one of the agent's interactions answered. */
    z
      .object({ type: z.literal('screenPop'), interactionId: z.string(), screenPop: screenPopView })
      .strict()
      .meta({ id: 'ScreenPopFrame' }),
    /** Something that happened to the agent's work beyond the snapshot (D7, D12, V6, V9, C6, C8, C9); after the commit. */
    z
      .object({ type: z.literal('notice'), notice })
      .strict()
      .meta({ id: 'NoticeFrame' }),
    directoryFrame,
    agentsDeltaFrame,
    z
      .object({ type: z.literal('omniAction'), action: omniAction })
      .strict()
      .meta({ id: 'OmniActionFrame' }),
    z
      .object({ type: z.literal('error'), error: errorBody })
      .strict()
      .meta({ id: 'ErrorFrame' }),
    z
      .object({ type: z.literal('pong') })
      .strict()
      .meta({ id: 'PongFrame' })
  ])
  .meta({ id: 'ServerFrame' });
export type ServerFrame = z.infer<typeof serverFrameSchema>;
export type ErrorBody = z.infer<typeof errorBody>;
