// The sync outbox (S7): every Salesforce write is a row enqueued in the same transaction as the state change that
// caused it, so a crash can delay a write but never lose it. The flusher claims due rows, sends them, then marks
// each sent, retries it later, or parks it (a permanent error a person must look at).
//
// Claiming is a lease: the claimed rows stay 'pending' with next_attempt_at pushed to now + leaseMs, so a flusher
// that dies mid-send lets them come due again. Concurrent claimers on PostgreSQL take disjoint rows (FOR UPDATE SKIP
// LOCKED); PGlite is one connection, so its claims simply run one after the other. Rows of one interaction go out
// in enqueue order: a row is not claimable while an older row of its interaction is still pending (work item
// Opened before Closed, S2/S3).
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import {
  checkArgs,
  countColumn,
  idText,
  instantColumn,
  parseRows,
  rowLimit,
  singleRow,
  toJson,
  toTimestamp
} from '../sqlValues';

export const OUTBOX_STATUSES = ['pending', 'sent', 'parked'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Why the last attempt failed, as the flusher reports it. */
export const outboxErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  /** HTTP status of the Salesforce answer, when there was one. */
  httpStatus: z.int().nullable().optional()
});
export type OutboxError = z.infer<typeof outboxErrorSchema>;

export interface OutboxEntry {
  /** The Salesforce write's identity (e.g. `task.log:<interactionId>`), sent as the external id for upserts (S5). */
  dedupeKey: string;
  interactionId: string | null;
  /** The SyncOperation; opaque here, parsed by the flusher. */
  operation: unknown;
  at: Instant;
}

export interface OutboxRecord {
  id: number;
  dedupeKey: string;
  interactionId: string | null;
  operation: unknown;
  status: OutboxStatus;
  /** How many times the row was claimed. */
  attempts: number;
  nextAttemptAt: Instant;
  lastError: OutboxError | null;
  createdAt: Instant;
  sentAt: Instant | null;
}

export interface OutboxDepth {
  pending: number;
  /** Pending and due now. */
  due: number;
  parked: number;
  /** created_at of the oldest pending row: how far sync lags behind. */
  oldestPendingAt: Instant | null;
}

const row = z
  .object({
    id: z.int().positive(),
    dedupe_key: z.string(),
    interaction_id: z.string().nullable(),
    operation: z.unknown(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.int().nonnegative(),
    next_attempt_at: instantColumn,
    last_error: outboxErrorSchema.nullable(),
    created_at: instantColumn,
    sent_at: instantColumn.nullable()
  })
  .transform((r): OutboxRecord => ({
    id: r.id,
    dedupeKey: r.dedupe_key,
    interactionId: r.interaction_id,
    operation: r.operation,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at
  }));

const idRow = z.object({ id: z.int().positive() });
const depthRow = z.object({
  pending: countColumn,
  due: countColumn,
  parked: countColumn,
  oldest_pending_at: instantColumn.nullable()
});

const entryArgs = z.object({ dedupeKey: idText, interactionId: idText.nullable() });
const claimArgs = z.object({ limit: z.int().positive().max(1000), leaseMs: z.int().positive() });

const COLUMNS =
  'id, dedupe_key, interaction_id, operation, status, attempts, next_attempt_at, last_error, created_at, sent_at';

/** Adds a row, due at once, in the caller's transaction; returns its id. */
export async function enqueue(q: Queryable, entry: OutboxEntry): Promise<number> {
  checkArgs('outbox entry', entryArgs, entry);
  const at = toTimestamp(entry.at);
  const result = await q.query(
    `INSERT INTO outbox (dedupe_key, interaction_id, operation, created_at, next_attempt_at)
     VALUES ($1, $2, $3::jsonb, $4::timestamptz, $4::timestamptz)
     RETURNING id`,
    [entry.dedupeKey, entry.interactionId, toJson(entry.operation), at]
  );
  return singleRow('outbox', idRow, result.rows).id;
}

export async function get(q: Queryable, id: number): Promise<OutboxRecord | null> {
  const result = await q.query(`SELECT ${COLUMNS} FROM outbox WHERE id = $1`, [id]);
  return parseRows('outbox', row, result.rows)[0] ?? null;
}

/**
 * Claims up to `limit` due rows, oldest first, leasing them until now + leaseMs and counting the attempt.
 * Run it on the Db (its own statement) or in a transaction; the lease holds either way once committed.
 */
export async function claimDue(
  q: Queryable,
  claim: { now: Instant; limit: number; leaseMs: number }
): Promise<OutboxRecord[]> {
  const { limit, leaseMs } = checkArgs('outbox claim', claimArgs, claim);
  // A CTE, not `id IN (subquery)`: the planner may run such a subquery twice and lock more than `limit` rows.
  const result = await q.query(
    `WITH picked AS (
       SELECT c.id FROM outbox c
        WHERE c.status = 'pending' AND c.next_attempt_at <= $1::timestamptz
          AND (c.interaction_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM outbox older
                 WHERE older.status = 'pending' AND older.interaction_id = c.interaction_id AND older.id < c.id))
        ORDER BY c.id
        LIMIT $3
        FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = $2::timestamptz
       FROM picked WHERE o.id = picked.id
     RETURNING ${COLUMNS.split(', ')
       .map((column) => `o.${column}`)
       .join(', ')}`,
    [toTimestamp(claim.now), toTimestamp(claim.now + leaseMs), limit]
  );
  return parseRows('outbox', row, result.rows).sort((a, b) => a.id - b.id);
}

/** Marks claimed rows sent; returns how many were still pending (a parked or sent row is left alone). */
export async function markSent(q: Queryable, ids: readonly number[], at: Instant): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await q.query(
    `UPDATE outbox SET status = 'sent', sent_at = $2::timestamptz, last_error = NULL
      WHERE id = ANY($1::bigint[]) AND status = 'pending'
     RETURNING id`,
    [[...ids], toTimestamp(at)]
  );
  return result.rows.length;
}

/** A transient failure: try again at nextAttemptAt. False when the row is not pending. */
export async function retry(
  q: Queryable,
  id: number,
  failure: { nextAttemptAt: Instant; error: OutboxError }
): Promise<boolean> {
  const error = checkArgs('outbox error', outboxErrorSchema, failure.error);
  const result = await q.query(
    `UPDATE outbox SET next_attempt_at = $2::timestamptz, last_error = $3::jsonb
      WHERE id = $1 AND status = 'pending'
     RETURNING id`,
    [id, toTimestamp(failure.nextAttemptAt), toJson(error)]
  );
  return result.rows.length === 1;
}

/** A permanent failure: stop trying until someone requeues it. False when the row is not pending. */
export async function park(q: Queryable, id: number, failure: OutboxError): Promise<boolean> {
  const error = checkArgs('outbox error', outboxErrorSchema, failure);
  const result = await q.query(
    `UPDATE outbox SET status = 'parked', last_error = $2::jsonb WHERE id = $1 AND status = 'pending' RETURNING id`,
    [id, toJson(error)]
  );
  return result.rows.length === 1;
}

/** Sends a parked row again (after the cause was fixed), due at `at`. False when the row is not parked. */
export async function requeueParked(q: Queryable, id: number, at: Instant): Promise<boolean> {
  const result = await q.query(
    `UPDATE outbox SET status = 'pending', next_attempt_at = $2::timestamptz WHERE id = $1 AND status = 'parked'
     RETURNING id`,
    [id, toTimestamp(at)]
  );
  return result.rows.length === 1;
}

/** Parked rows, oldest first, for the admin view. */
export async function listParked(q: Queryable, limit?: number): Promise<OutboxRecord[]> {
  const result = await q.query(`SELECT ${COLUMNS} FROM outbox WHERE status = 'parked' ORDER BY id LIMIT $1`, [
    rowLimit(limit, 100)
  ]);
  return parseRows('outbox', row, result.rows);
}

/** Queue depth for metrics and health. */
export async function depth(q: Queryable, now: Instant): Promise<OutboxDepth> {
  const result = await q.query(
    `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
            count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz) AS due,
            count(*) FILTER (WHERE status = 'parked') AS parked,
            min(created_at) FILTER (WHERE status = 'pending') AS oldest_pending_at
       FROM outbox WHERE status IN ('pending', 'parked')`,
    [toTimestamp(now)]
  );
  const counts = singleRow('outbox', depthRow, result.rows);
  return {
    pending: counts.pending,
    due: counts.due,
    parked: counts.parked,
    oldestPendingAt: counts.oldest_pending_at
  };
}

/** Deletes rows sent before `before` (kept a while for tracing); returns how many. */
export async function pruneSent(q: Queryable, before: Instant): Promise<number> {
  const result = await q.query(
    `WITH gone AS (DELETE FROM outbox WHERE status = 'sent' AND sent_at < $1::timestamptz RETURNING 1)
     SELECT count(*) AS count FROM gone`,
    [toTimestamp(before)]
  );
  return singleRow('outbox', z.object({ count: countColumn }), result.rows).count;
}
