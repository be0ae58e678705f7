// The journal: what happened, in order, never changed (a trigger refuses UPDATE, DELETE and TRUNCATE). The engine
// appends in the same transaction as the state change it explains, so the two can never disagree.
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { checkArgs, idText, instantColumn, parseRows, rowLimit, toJson, toTimestamp } from '../sqlValues';

export interface JournalEntry {
  at: Instant;
  agentId: string | null;
  interactionId: string | null;
  /** Who caused it: agent, provider, clock, desk, sync ... */
  source: string;
  /** What happened, e.g. the command or event type. */
  kind: string;
  payload: unknown;
}

export interface JournalRecord extends JournalEntry {
  /** Increases with every append. On PostgreSQL, transactions commit out of order, so a reader tailing by seq can
   * see 12 before 11 appears; readSince is for replay and audit, LISTEN/NOTIFY for live fan-out. */
  seq: number;
}

const row = z
  .object({
    seq: z.int().positive(),
    at: instantColumn,
    agent_id: z.string().nullable(),
    interaction_id: z.string().nullable(),
    source: z.string(),
    kind: z.string(),
    payload: z.unknown()
  })
  .transform((r): JournalRecord => ({
    seq: r.seq,
    at: r.at,
    agentId: r.agent_id,
    interactionId: r.interaction_id,
    source: r.source,
    kind: r.kind,
    payload: r.payload
  }));

const seqRow = z.object({ seq: z.int().positive() });

const entryArgs = z.array(
  z.object({ agentId: idText.nullable(), interactionId: idText.nullable(), source: idText, kind: idText })
);

const COLUMNS = 'seq, at, agent_id, interaction_id, source, kind, payload';
const PARAMS_PER_ENTRY = 6;
/** PostgreSQL takes at most 65535 parameters per statement. */
const ENTRIES_PER_STATEMENT = 1000;

/** Appends the entries in order; returns their seqs in the same order. */
export async function append(q: Queryable, entries: readonly JournalEntry[]): Promise<number[]> {
  checkArgs('journal entries', entryArgs, entries);
  const seqs: number[] = [];
  for (let start = 0; start < entries.length; start += ENTRIES_PER_STATEMENT) {
    const chunk = entries.slice(start, start + ENTRIES_PER_STATEMENT);
    const params: unknown[] = [];
    const tuples = chunk.map((entry, index) => {
      const n = index * PARAMS_PER_ENTRY;
      params.push(
        toTimestamp(entry.at),
        entry.agentId,
        entry.interactionId,
        entry.source,
        entry.kind,
        toJson(entry.payload)
      );
      return `($${n + 1}::timestamptz, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}::jsonb)`;
    });
    const result = await q.query(
      `INSERT INTO journal (at, agent_id, interaction_id, source, kind, payload) VALUES ${tuples.join(', ')}
       RETURNING seq`,
      params
    );
    // One statement draws its seqs in row order, so sorted seqs line up with the entries.
    const appended = parseRows('journal', seqRow, result.rows).map((r) => r.seq);
    seqs.push(...appended.sort((a, b) => a - b));
  }
  return seqs;
}

/** The interaction's history in order, after afterSeq (0 = from the start), at most limit rows (default 1000). */
export async function readByInteraction(
  q: Queryable,
  interactionId: string,
  options: { afterSeq?: number; limit?: number } = {}
): Promise<JournalRecord[]> {
  const result = await q.query(
    `SELECT ${COLUMNS} FROM journal WHERE interaction_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [interactionId, options.afterSeq ?? 0, rowLimit(options.limit, 1000)]
  );
  return parseRows('journal', row, result.rows);
}

/** Everything after afterSeq, in order, at most limit rows (default 1000). */
export async function readSince(q: Queryable, afterSeq: number, limit?: number): Promise<JournalRecord[]> {
  const result = await q.query(`SELECT ${COLUMNS} FROM journal WHERE seq > $1 ORDER BY seq LIMIT $2`, [
    afterSeq,
    rowLimit(limit, 1000)
  ]);
  return parseRows('journal', row, result.rows);
}
