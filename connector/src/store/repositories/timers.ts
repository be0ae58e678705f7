// Durable timers (offer timeout, wrap-up limit ...): machines emit timer effects with the instant a clock event must
// come back; the engine keeps them here so a restart still fires them. One timer per (interaction, name): setting
// it again moves it.
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { checkArgs, idText, instantColumn, parseRows, rowLimit, toTimestamp } from '../sqlValues';

export interface TimerRecord {
  interactionId: string;
  /** The machine's timer name ('offer', 'wrapUp'). */
  timer: string;
  fireAt: Instant;
  /** The agent concerned, when there is one (RONA goes to this agent's desk). */
  agentId: string | null;
}

const row = z
  .object({ interaction_id: z.string(), timer: z.string(), fire_at: instantColumn, agent_id: z.string().nullable() })
  .transform((r): TimerRecord => ({
    interactionId: r.interaction_id,
    timer: r.timer,
    fireAt: r.fire_at,
    agentId: r.agent_id
  }));

const timerArgs = z.object({ interactionId: idText, timer: idText, agentId: idText.nullable() });

const COLUMNS = 'interaction_id, timer, fire_at, agent_id';

/** Sets the timer, or moves it when it is already set. */
export async function set(q: Queryable, timer: TimerRecord): Promise<void> {
  checkArgs('timer', timerArgs, timer);
  await q.query(
    `INSERT INTO timers (interaction_id, timer, fire_at, agent_id) VALUES ($1, $2, $3::timestamptz, $4)
     ON CONFLICT (interaction_id, timer) DO UPDATE SET fire_at = EXCLUDED.fire_at, agent_id = EXCLUDED.agent_id`,
    [timer.interactionId, timer.timer, toTimestamp(timer.fireAt), timer.agentId]
  );
}

/** Clears one timer; false when it was not set. */
export async function clear(q: Queryable, interactionId: string, timer: string): Promise<boolean> {
  const result = await q.query('DELETE FROM timers WHERE interaction_id = $1 AND timer = $2 RETURNING timer', [
    interactionId,
    timer
  ]);
  return result.rows.length === 1;
}

/** Clears every timer of the interaction (it closed); returns how many. */
export async function clearAll(q: Queryable, interactionId: string): Promise<number> {
  const result = await q.query('DELETE FROM timers WHERE interaction_id = $1 RETURNING timer', [interactionId]);
  return result.rows.length;
}

export async function listForInteraction(q: Queryable, interactionId: string): Promise<TimerRecord[]> {
  const result = await q.query(`SELECT ${COLUMNS} FROM timers WHERE interaction_id = $1 ORDER BY fire_at, timer`, [
    interactionId
  ]);
  return parseRows('timers', row, result.rows);
}

/** Timers due at `now`, earliest first (at most limit, default 100). */
export async function listDue(q: Queryable, now: Instant, limit?: number): Promise<TimerRecord[]> {
  const result = await q.query(
    `SELECT ${COLUMNS} FROM timers WHERE fire_at <= $1::timestamptz ORDER BY fire_at, interaction_id, timer LIMIT $2`,
    [toTimestamp(now), rowLimit(limit, 100)]
  );
  return parseRows('timers', row, result.rows);
}

/** When the next timer fires, so the scheduler can sleep until then; null when none is set. */
export async function nextFireAt(q: Queryable): Promise<Instant | null> {
  const result = await q.query('SELECT min(fire_at) AS next FROM timers');
  return parseRows('timers', z.object({ next: instantColumn.nullable() }), result.rows)[0]?.next ?? null;
}

/**
 * Takes a due timer for firing: deletes it if it is still set for exactly that instant. Call it in the transaction
 * that applies the clock event: true means this caller fires it (another instance, or a reset timer, gets false);
 * a rolled-back transaction leaves the timer in place to fire again.
 */
export async function take(
  q: Queryable,
  timer: Pick<TimerRecord, 'interactionId' | 'timer' | 'fireAt'>
): Promise<boolean> {
  const result = await q.query(
    `DELETE FROM timers WHERE interaction_id = $1 AND timer = $2 AND fire_at = $3::timestamptz RETURNING timer`,
    [timer.interactionId, timer.timer, toTimestamp(timer.fireAt)]
  );
  return result.rows.length === 1;
}
