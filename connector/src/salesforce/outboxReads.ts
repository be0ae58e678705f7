// Two reads of the outbox the flusher needs beyond its repository; they belong there (as `outbox.listFollowers` and
// `outbox.sendPlan`, see docs/sync.md "Store") and live here until the lead moves them.
//
// Followers: the rows that follow a claimed row of the same interaction. claimDue hands out only the oldest pending row per
// interaction (order: work item Opened before Closed); sending that row's due followers in the same Composite request,
// in order, keeps the order and spares a call per row: an accept's work item and screen pop go out together.
//
// A follower is not claimed (its attempts are not counted): it stays unclaimable for others while its head is
// pending, and it is marked sent, retried or parked together with its head.
import { z } from 'zod';
import * as store from '../store';
import type { Queryable } from '../store';
import type { OutboxRecord } from '../store/repositories/outbox';
import type { Instant } from '../interactions/kernel/types';

const idRow = z.object({
  id: z.union([z.number(), z.string()]).transform(Number),
  interaction_id: z.string()
});

/**
 * Due pending rows after each head of the same interaction, in order; a run stops at the first row that is not due
 * or that `include` refuses (e.g. an accept that must be claimed so a retry can be recognised).
 */
export async function listFollowers(
  q: Queryable,
  heads: readonly OutboxRecord[],
  now: Instant,
  include: (row: OutboxRecord) => boolean
): Promise<Map<number, OutboxRecord[]>> {
  const byInteraction = new Map<string, OutboxRecord>();
  for (const head of heads) if (head.interactionId !== null) byInteraction.set(head.interactionId, head);
  const runs = new Map<number, OutboxRecord[]>();
  if (byInteraction.size === 0) return runs;
  const result = await q.query(
    `SELECT id, interaction_id FROM outbox
      WHERE status = 'pending' AND interaction_id = ANY($1::text[])
      ORDER BY interaction_id, id`,
    [[...byInteraction.keys()]]
  );
  const candidates = new Map<string, number[]>();
  for (const raw of result.rows) {
    const row = idRow.parse(raw);
    const head = byInteraction.get(row.interaction_id);
    if (!head || row.id <= head.id) continue;
    candidates.set(row.interaction_id, [...(candidates.get(row.interaction_id) ?? []), row.id]);
  }
  for (const [interactionId, ids] of candidates) {
    const head = byInteraction.get(interactionId);
    if (!head) continue;
    const run: OutboxRecord[] = [];
    for (const id of ids) {
      const row = await store.outbox.get(q, id);
      if (!row || row.status !== 'pending' || row.nextAttemptAt > now || !include(row)) break;
      run.push(row);
    }
    if (run.length > 0) runs.set(head.id, run);
  }
  return runs;
}

const planRow = z.object({
  send_at: z.number().nullable(),
  due: z.union([z.number(), z.string()]).transform(Number)
});

export interface SendPlan {
  /** When the earliest pending row reaches its deadline (null: nothing pending). */
  sendAt: Instant | null;
  /** Pending rows due now. */
  due: number;
}

/**
 * When to send, for batching: a fresh row may wait `urgentMs` (an accept and its screen pop: the agent is waiting)
 * or `batchMs` (everything else) for other rows to share its request; a retried row is due at its retry instant.
 */
export async function sendPlan(
  q: Queryable,
  now: Instant,
  delays: { urgentMs: number; batchMs: number }
): Promise<SendPlan> {
  const result = await q.query(
    `SELECT min(next_attempt_at + CASE
               WHEN attempts > 0 THEN interval '0'
               WHEN operation->>'op' = 'screenPop.lookup'
                 OR (operation->>'op' = 'workItem.update' AND operation->>'status' = 'Opened')
                 THEN $2::double precision * interval '1 millisecond'
               ELSE $3::double precision * interval '1 millisecond' END) AS send_at,
            count(*) FILTER (WHERE next_attempt_at <= $1::timestamptz) AS due
       FROM outbox WHERE status = 'pending'`,
    [new Date(now).toISOString(), delays.urgentMs, delays.batchMs]
  );
  const row = planRow.parse(result.rows[0]);
  return { sendAt: row.send_at, due: row.due };
}
