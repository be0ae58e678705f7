// The panels' WebSocket protocol: every frame is JSON; client frames are parsed here, server frames typed here.
// docs/protocol.md is the public description of the same.
import { z } from 'zod';

export const MAX_FRAME_BYTES = 1024 * 1024;
export const PROTOCOL_VERSION = 1;

const idempotencyKey = z
  .string()
  .min(8, 'an idempotency key has at least 8 characters')
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const clientFrameSchema = z.discriminatedUnion('type', [
  /** First frame of every connection: the session token, and the last snapshot version the panel saw, if any. */
  z
    .object({
      type: z.literal('hello'),
      token: z.string().min(1).max(2048),
      protocol: z.literal(PROTOCOL_VERSION).default(PROTOCOL_VERSION),
      lastVersion: z.number().int().nonnegative().nullable().default(null)
    })
    .strict(),
  /**
   * A command. `id` is chosen by the client and doubles as the idempotency key: a retried command with the same id is
   * answered with the first outcome and applied once. Without interactionId it is an agent-level command (presence,
   * dial, outbound messages, taking an inbox item).
   */
  z
    .object({
      type: z.literal('command'),
      id: idempotencyKey,
      interactionId: z.string().min(1).max(128).optional(),
      command: z.string().min(1).max(64),
      args: z.record(z.string(), z.unknown()).optional()
    })
    .strict(),
  z.object({ type: z.literal('resync'), lastVersion: z.number().int().nonnegative().nullable() }).strict(),
  z.object({ type: z.literal('ping') }).strict()
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export interface ErrorBody {
  code: string;
  message: string;
  labelKey?: string;
  issues?: { path: string; message: string }[];
}

export type ServerFrame =
  | { type: 'welcome'; protocol: number; agent: { agentId: string; name: string }; sessionId: string }
  | {
      type: 'ack';
      id: string;
      duplicate: boolean;
      version: number;
      created?: { interactionId: string; interactionNumber: string };
    }
  | { type: 'rejected'; id: string; duplicate: boolean; error: ErrorBody }
  | { type: 'snapshot'; version: number; snapshot: unknown }
  /** D2: the agent's inbox, its own document: sent after hello and resync, pushed when it changes. */
  | { type: 'inbox'; version: number; inbox: unknown }
  /** S7: Salesforce sync is delayed or paused (or ok again); nothing is lost, it only arrives later. */
  | { type: 'sync'; sync: unknown }
  /** S6: the screen-pop lookup for one of the agent's interactions answered (none / one / several matches). */
  | { type: 'screenPop'; interactionId: string; screenPop: unknown }
  | { type: 'error'; error: ErrorBody }
  | { type: 'pong' };
