// What happens to each row after a Composite call: sent, retried later (with backoff), or parked for an admin.
// One interaction's rows are settled in order: once one of them must be tried again, every later one of the same
// run is tried again with it, so Salesforce never sees a later change before an earlier one.
import type { Instant } from '../interactions/kernel/types';
import type { OutboxError } from '../store/repositories/outbox';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { DraftOp, DraftUnit } from './drafts';
import { failure, type SyncFailure } from './failures';
import type { OperationResult } from './mapping/results';
import type { RoutedWork } from './mapping/acceptGuard';
import type { ScreenPopMatch } from './mapping/screenPop';

export interface WorkRouted extends RoutedWork {
  interactionId: string;
  agentId: string;
}

export interface Settlement {
  sent: number[];
  retries: { id: number; nextAttemptAt: Instant; error: OutboxError }[];
  parks: { id: number; error: OutboxError }[];
  screenPops: { interactionId: string; matches: ScreenPopMatch[] }[];
  /** S2: work Omni now has for an agent (the Omni relay accepts it in the console). */
  routed: WorkRouted[];
  /** Tasks an earlier attempt already created: send them again without the create-only TaskSubtype. */
  tasksThatExist: string[];
  /** Tasks written: they no longer need the "exists" variant. */
  tasksWritten: string[];
  /** The first transient or auth failure seen, and the limit refusal, for the flusher's status. */
  trouble: SyncFailure | null;
  limited: SyncFailure | null;
}

export const emptySettlement = (): Settlement => ({
  sent: [],
  retries: [],
  parks: [],
  screenPops: [],
  routed: [],
  tasksThatExist: [],
  tasksWritten: [],
  trouble: null,
  limited: null
});

export interface SettleContext {
  now: Instant;
  maxAttempts: number;
  backoff: BackoffPolicy;
  random: () => number;
}

export function toOutboxError(f: SyncFailure): OutboxError {
  const fields = f.fields && f.fields.length > 0 ? ` (fields: ${f.fields.join(', ')})` : '';
  return { code: f.code, message: `${f.message}${fields}`, httpStatus: f.httpStatus };
}

const TASK_EXISTS = failure(
  'TASK_EXISTS',
  'The Task exists from an earlier attempt; it is updated without TaskSubtype.'
);

/** Settles one unit given each of its operations' results (in order). */
export function settleUnit(
  unit: DraftUnit,
  resultOf: (op: DraftOp) => OperationResult,
  ctx: SettleContext,
  into: Settlement
): void {
  const head = unit.ops[0];
  if (!head) return;
  let carried: { nextAttemptAt: Instant; error: OutboxError } | null = null;
  for (const draftOp of unit.ops) {
    const { row, op } = draftOp;
    if (carried) {
      into.retries.push({ id: row.id, ...carried });
      continue;
    }
    const result = resultOf(draftOp);
    if (result.status === 'done') {
      into.sent.push(row.id);
      if (op?.op === 'task.log') into.tasksWritten.push(row.dedupeKey);
      if (result.routed && op?.op === 'workItem.update') {
        into.routed.push({ interactionId: op.interactionId, agentId: op.agentId, ...result.routed });
      }
      if (result.screenPop && op?.op === 'screenPop.lookup') {
        into.screenPops.push({ interactionId: op.interactionId, matches: result.screenPop });
      }
      continue;
    }
    if (result.status === 'taskExists') {
      into.tasksThatExist.push(row.dedupeKey);
      carried = { nextAttemptAt: ctx.now, error: toOutboxError(TASK_EXISTS) };
      into.retries.push({ id: row.id, ...carried });
      continue;
    }
    const f = result.failure;
    if (f.kind === 'permanent') {
      into.parks.push({ id: row.id, error: toOutboxError(f) });
      continue;
    }
    if (f.kind === 'limit') {
      into.limited = into.limited ?? f;
      // Not the write's fault: it goes again as soon as the limit has reset (nothing is claimed while paused).
      carried = { nextAttemptAt: ctx.now, error: toOutboxError(f) };
      into.retries.push({ id: row.id, ...carried });
      continue;
    }
    into.trouble = into.trouble ?? f;
    // A write that keeps failing is parked after its last attempt; bad credentials are never the write's fault.
    if (f.kind === 'transient' && row.attempts >= ctx.maxAttempts) {
      into.parks.push({ id: row.id, error: toOutboxError(f) });
      continue;
    }
    const attempts = Math.max(row.attempts, head.row.attempts, 1);
    carried = { nextAttemptAt: ctx.now + backoffDelay(attempts, ctx.backoff, ctx.random), error: toOutboxError(f) };
    into.retries.push({ id: row.id, ...carried });
  }
}
