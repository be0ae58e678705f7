// Command receipts make panel commands idempotent: the outcome of (agent, idempotency key) is kept, and a retried
// command gets the same outcome instead of running twice. A receipt, once written, is never overwritten.
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { StoreError } from '../errors';
import { checkArgs, countRow, idText, instantColumn, parseRows, toJson, toTimestamp } from '../sqlValues';

export interface CommandReceipt {
  agentId: string;
  idempotencyKey: string;
  /** What the command returned (accepted / refused with its rejection); opaque here. */
  outcome: unknown;
  at: Instant;
}

const row = z
  .object({ agent_id: z.string(), idempotency_key: z.string(), outcome: z.unknown(), at: instantColumn })
  .transform((r): CommandReceipt => ({
    agentId: r.agent_id,
    idempotencyKey: r.idempotency_key,
    outcome: r.outcome,
    at: r.at
  }));

const keyArgs = z.object({ agentId: idText, idempotencyKey: idText });

const COLUMNS = 'agent_id, idempotency_key, outcome, at';

export async function get(q: Queryable, agentId: string, idempotencyKey: string): Promise<CommandReceipt | null> {
  const result = await q.query(`SELECT ${COLUMNS} FROM command_receipts WHERE agent_id = $1 AND idempotency_key = $2`, [
    agentId,
    idempotencyKey
  ]);
  return parseRows('command_receipts', row, result.rows)[0] ?? null;
}

/**
 * Stores the receipt unless one exists for the key. Returns the receipt in force: `stored` false means an earlier
 * one won (a retry, or a concurrent duplicate) and `receipt` is that earlier one, unchanged.
 */
export async function put(
  q: Queryable,
  receipt: CommandReceipt
): Promise<{ stored: boolean; receipt: CommandReceipt }> {
  checkArgs('command receipt', keyArgs, receipt);
  // Twice at most: the earlier receipt can be pruned between our refused insert and our read.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const inserted = await q.query(
      `INSERT INTO command_receipts (agent_id, idempotency_key, outcome, at)
       VALUES ($1, $2, $3::jsonb, $4::timestamptz)
       ON CONFLICT (agent_id, idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [receipt.agentId, receipt.idempotencyKey, toJson(receipt.outcome), toTimestamp(receipt.at)]
    );
    const stored = parseRows('command_receipts', row, inserted.rows)[0];
    if (stored !== undefined) return { stored: true, receipt: stored };
    const existing = await get(q, receipt.agentId, receipt.idempotencyKey);
    if (existing !== null) return { stored: false, receipt: existing };
  }
  throw new StoreError('ROW_INVALID', `command_receipts: ${receipt.idempotencyKey} was neither stored nor found.`);
}

/** Forgets receipts older than `before` (a retry after that long is a new command); returns how many. */
export async function pruneBefore(q: Queryable, before: Instant): Promise<number> {
  const result = await q.query(
    `WITH gone AS (DELETE FROM command_receipts WHERE at < $1::timestamptz RETURNING 1)
     SELECT count(*) AS count FROM gone`,
    [toTimestamp(before)]
  );
  return parseRows('command_receipts', countRow, result.rows)[0]?.count ?? 0;
}
