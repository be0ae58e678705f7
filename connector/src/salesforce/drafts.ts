// Packing claimed outbox rows into Composite requests of at most 25 subrequests. A unit is one interaction's run of
// rows (the claimed head, then its followers) and stays in one request, in order, so Salesforce applies them in the
// order the agent caused them. Rows of many interactions share a request: that is what keeps sync at about one call
// per interaction or less.
import type { OutboxRecord } from '../store/repositories/outbox';
import type { CompositeSubrequest } from './client';
import type { SyncOperation } from './operation';
import type { OperationPlan } from './mapping/plan';
import type { ServiceChannelKind } from './mapping/workItem';

/** Salesforce's limit per Composite request. */
export const MAX_SUBREQUESTS = 25;
/** The most one operation can need: an accept (work item, routing, agent work) plus its service channel lookup. */
export const MAX_OPERATION_COST = 4;

export interface DraftOp {
  row: OutboxRecord;
  /** Null when the stored operation does not parse (it is parked, never guessed at). */
  op: SyncOperation | null;
}

export interface DraftUnit {
  /** ops[0] is the claimed row; the rest are its followers. */
  ops: DraftOp[];
}

export interface Draft {
  units: DraftUnit[];
  /** Subrequests reserved so far (an upper bound: a retried accept may turn out to need fewer). */
  size: number;
  /** Service channels whose id this request looks up for its accepts. */
  channels: Set<ServiceChannelKind>;
}

export interface OperationCost {
  subrequests: number;
  /** The service channel whose id the operation needs and that is not known yet. */
  channel: ServiceChannelKind | null;
}

export const emptyDraft = (): Draft => ({ units: [], size: 0, channels: new Set() });

/** Reserves room for an operation; false (and nothing changed) when it does not fit. */
export function reserve(draft: Draft, cost: OperationCost, max = MAX_SUBREQUESTS): boolean {
  const lookup = cost.channel !== null && !draft.channels.has(cost.channel) ? 1 : 0;
  if (draft.size + cost.subrequests + lookup > max) return false;
  draft.size += cost.subrequests + lookup;
  if (cost.channel !== null) draft.channels.add(cost.channel);
  return true;
}

/**
 * Adds a claimed row and as many of its followers as fit. The head always fits when the caller claimed no more heads
 * than free / MAX_OPERATION_COST. Returns the followers left out (they stay pending and go in a later request).
 */
export function addUnit(
  draft: Draft,
  head: DraftOp,
  followers: DraftOp[],
  costOf: (op: DraftOp) => OperationCost,
  max = MAX_SUBREQUESTS
): DraftOp[] {
  if (!reserve(draft, costOf(head), max)) throw new Error('a claimed row did not fit its Composite request');
  const unit: DraftUnit = { ops: [head] };
  draft.units.push(unit);
  for (let i = 0; i < followers.length; i++) {
    const follower = followers[i] as DraftOp;
    if (!reserve(draft, costOf(follower), max)) return followers.slice(i);
    unit.ops.push(follower);
  }
  return [];
}

export interface BuiltRequest {
  subrequests: CompositeSubrequest[];
  /** The final plan of every row in the request, by outbox id. */
  plans: Map<number, OperationPlan>;
}

/** The request's subrequests: service channel lookups first (accepts refer to them), then each unit in order. */
export function buildRequest(
  draft: Draft,
  planOf: (op: DraftOp) => OperationPlan,
  channelLookup: (kind: ServiceChannelKind) => CompositeSubrequest
): BuiltRequest {
  const subrequests: CompositeSubrequest[] = [...draft.channels].map(channelLookup);
  const plans = new Map<number, OperationPlan>();
  for (const unit of draft.units) {
    for (const op of unit.ops) {
      const plan = planOf(op);
      plans.set(op.row.id, plan);
      if (plan.read !== 'unsupported') subrequests.push(...plan.subrequests);
    }
  }
  return { subrequests, plans };
}
