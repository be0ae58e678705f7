// Interactions: the machine state of each customer contact (opaque JSON here) plus the columns the live views need
// (channel, owner, queue, lifecycle). Writes are optimistic like agents: a stale version changes nothing.
import { z } from 'zod';
import type { Lifecycle } from '../../interactions/kernel/machine';
import { CHANNELS, type Channel, type Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { checkArgs, countColumn, idText, instantColumn, parseRows, toJson, toTimestamp } from '../sqlValues';

export const LIFECYCLES = ['offered', 'active', 'wrapUp', 'closed'] as const satisfies readonly Lifecycle[];

export interface InteractionRecord {
  id: string;
  channel: Channel;
  ownerAgentId: string | null;
  queueId: string | null;
  lifecycle: Lifecycle;
  state: unknown;
  /** 1 after the first write, +1 per write. */
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface InteractionWrite {
  id: string;
  channel: Channel;
  ownerAgentId: string | null;
  queueId: string | null;
  lifecycle: Lifecycle;
  state: unknown;
  /** The version read; 0 to create an interaction that must not exist yet. The row then holds expectedVersion + 1. */
  expectedVersion: number;
  at: Instant;
}

export interface InteractionCount {
  channel: Channel;
  lifecycle: Lifecycle;
  count: number;
}

const row = z
  .object({
    id: z.string(),
    channel: z.enum(CHANNELS),
    owner_agent_id: z.string().nullable(),
    queue_id: z.string().nullable(),
    lifecycle: z.enum(LIFECYCLES),
    state: z.unknown(),
    version: z.int().nonnegative(),
    created_at: instantColumn,
    updated_at: instantColumn
  })
  .transform((r): InteractionRecord => ({
    id: r.id,
    channel: r.channel,
    ownerAgentId: r.owner_agent_id,
    queueId: r.queue_id,
    lifecycle: r.lifecycle,
    state: r.state,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }));

const countRow = z.object({ channel: z.enum(CHANNELS), lifecycle: z.enum(LIFECYCLES), count: countColumn });

const writeArgs = z.object({
  id: idText,
  channel: z.enum(CHANNELS),
  ownerAgentId: idText.nullable(),
  queueId: idText.nullable(),
  lifecycle: z.enum(LIFECYCLES),
  expectedVersion: z.int().nonnegative()
});

const COLUMNS = 'id, channel, owner_agent_id, queue_id, lifecycle, state, version, created_at, updated_at';

export async function get(q: Queryable, id: string): Promise<InteractionRecord | null> {
  const result = await q.query(`SELECT ${COLUMNS} FROM interactions WHERE id = $1`, [id]);
  return parseRows('interactions', row, result.rows)[0] ?? null;
}

/** The interactions that exist among ids, ordered by id. */
export async function getMany(q: Queryable, ids: readonly string[]): Promise<InteractionRecord[]> {
  if (ids.length === 0) return [];
  const result = await q.query(`SELECT ${COLUMNS} FROM interactions WHERE id = ANY($1::text[]) ORDER BY id`, [
    [...ids]
  ]);
  return parseRows('interactions', row, result.rows);
}

/** The agent's interactions that are not closed (offered, active, wrap-up), oldest first. */
export async function listOpenByOwner(q: Queryable, agentId: string): Promise<InteractionRecord[]> {
  const result = await q.query(
    `SELECT ${COLUMNS} FROM interactions
      WHERE owner_agent_id = $1 AND lifecycle <> 'closed'
      ORDER BY created_at, id`,
    [agentId]
  );
  return parseRows('interactions', row, result.rows);
}

/**
 * C9: live chats the agent joined as a conference guest (owned by another agent), oldest first. The same rule as the
 * desk's: a guest has the chat on their desk while it is active and they are an Active member.
 */
export async function listJoinedChats(q: Queryable, agentId: string): Promise<InteractionRecord[]> {
  const result = await q.query(
    `SELECT ${COLUMNS} FROM interactions
      WHERE channel = 'chat' AND lifecycle = 'active' AND owner_agent_id IS DISTINCT FROM $1
        AND state->'conference' @> $2::jsonb
      ORDER BY created_at, id`,
    [agentId, JSON.stringify([{ agentId, state: 'Active' }])]
  );
  return parseRows('interactions', row, result.rows);
}

/** Open interactions in any of the queues (the inbox, D2), oldest first. */
export function listOpenByQueues(q: Queryable, queueIds: readonly string[]): Promise<InteractionRecord[]> {
  return listOpenWhereIn(q, 'queue_id', queueIds);
}

/** Open interactions of the given channels (the engine's inbox index is built from the digital ones at start). */
export function listOpenByChannels(q: Queryable, channels: readonly Channel[]): Promise<InteractionRecord[]> {
  return listOpenWhereIn(q, 'channel', channels);
}

async function listOpenWhereIn(
  q: Queryable,
  column: 'queue_id' | 'channel',
  values: readonly string[]
): Promise<InteractionRecord[]> {
  if (values.length === 0) return [];
  const result = await q.query(
    `SELECT ${COLUMNS} FROM interactions
      WHERE ${column} = ANY($1::text[]) AND lifecycle <> 'closed'
      ORDER BY created_at, id`,
    [[...values]]
  );
  return parseRows('interactions', row, result.rows);
}

/**
 * C16: a customer's finished interactions on every channel, newest first: those with the same contact record (Name)
 * or the same address (number, e-mail, digital id).
 */
export async function listFinishedForCustomer(
  q: Queryable,
  customer: { whoId: string | null; address: string },
  limit = 20
): Promise<InteractionRecord[]> {
  const result = await q.query(
    `SELECT ${COLUMNS} FROM interactions
      WHERE id IN (
        (SELECT id FROM interactions
          WHERE lifecycle = 'closed' AND lower(state->'customer'->>'address') = lower($1)
          ORDER BY updated_at DESC LIMIT $3)
        UNION
        (SELECT id FROM interactions
          WHERE lifecycle = 'closed' AND $2::text IS NOT NULL AND state->'details'->>'whoId' = $2::text
          ORDER BY updated_at DESC LIMIT $3))
      ORDER BY updated_at DESC, id DESC
      LIMIT $3`,
    [customer.address, customer.whoId, limit]
  );
  return parseRows('interactions', row, result.rows);
}

/** Creates (expectedVersion 0) or updates (expectedVersion = version read); false when that version is stale. */
export async function upsert(q: Queryable, write: InteractionWrite): Promise<boolean> {
  checkArgs('interaction', writeArgs, write);
  const values = [
    write.id,
    write.channel,
    write.ownerAgentId,
    write.queueId,
    write.lifecycle,
    toJson(write.state),
    toTimestamp(write.at)
  ];
  const result =
    write.expectedVersion === 0
      ? await q.query(
          `INSERT INTO interactions
                  (id, channel, owner_agent_id, queue_id, lifecycle, state, created_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::timestamptz, $7::timestamptz, 1)
           ON CONFLICT (id) DO NOTHING
           RETURNING version`,
          values
        )
      : await q.query(
          `UPDATE interactions
              SET channel = $2, owner_agent_id = $3, queue_id = $4, lifecycle = $5, state = $6::jsonb,
                  updated_at = $7::timestamptz, version = version + 1
            WHERE id = $1 AND version = $8
           RETURNING version`,
          [...values, write.expectedVersion]
        );
  return result.rows.length === 1;
}

/** Interactions per channel and lifecycle, for metrics. Closed ones only when asked: they grow without bound. */
export async function countByChannelAndLifecycle(
  q: Queryable,
  options: { includeClosed?: boolean } = {}
): Promise<InteractionCount[]> {
  const where = options.includeClosed === true ? '' : `WHERE lifecycle <> 'closed'`;
  const result = await q.query(
    `SELECT channel, lifecycle, count(*) AS count FROM interactions ${where}
      GROUP BY channel, lifecycle ORDER BY channel, lifecycle`
  );
  return parseRows('interactions', countRow, result.rows);
}

/** D5: the next interaction number for work the connector creates itself ("O-000042"); unique across instances. */
export async function nextInteractionNumber(q: Queryable): Promise<string> {
  const result = await q.query(`SELECT nextval('interaction_number_seq')::text AS n`);
  const n = z.object({ n: z.string().regex(/^\d+$/) }).parse(result.rows[0]).n;
  return `O-${n.padStart(6, '0')}`;
}
