// Packing claimed outbox rows into Composite requests of at most 25 subrequests. A unit is one interaction's run of
// rows (the claimed head, then its followers) and stays in one request, in order, so Salesforce applies them in the
// order the agent caused them. Rows of many interactions share a request: that is what keeps sync at about one call
// per interaction or less.
import type { OutboxRecord } from '../store/repositories/outbox';
import type { CompositeSubrequest } from './client';
import type { SyncOperation } from './operation';
import type { OperationPlan } from './mapping/plan';
import type { ServiceChannelKind } from './mapping/workItem';

/** Salesforce's limits per Composite request: 25 subrequests, of which at most 5 queries (or collections). */
export const MAX_SUBREQUESTS = 25;
export const MAX_QUERIES = 5;
/** The most one operation can need: an accept (work item, routing, agent work) plus its service channel lookup. */
export const MAX_OPERATION_COST = 4;

export interface DraftOp {
  row: OutboxRecord;
  /** Null when the stored operation does not parse (it is parked, never guessed at). */
  op: SyncOperation | null;
}

/** A claimed row and the later rows of its interaction that may travel with it. */
export interface Run {
  head: DraftOp;
  followers: DraftOp[];
}

export interface DraftUnit {
  /** ops[0] is the claimed row; the rest are its followers. */
  ops: DraftOp[];
}

export interface Draft {
  units: DraftUnit[];
  /** Subrequests reserved so far (an upper bound: a retried accept may turn out to need fewer). */
  size: number;
  /** Query subrequests among them. */
  queries: number;
  /** Service channels whose id this request looks up for its accepts. */
  channels: Set<ServiceChannelKind>;
}

export interface OperationCost {
  subrequests: number;
  /** Query subrequests among them (a screen pop has two). */
  queries: number;
  /** The service channel whose id the operation needs and that is not known yet. */
  channel: ServiceChannelKind | null;
}

export const emptyDraft = (): Draft => ({ units: [], size: 0, queries: 0, channels: new Set() });

/** Reserves room for an operation; false (and nothing changed) when it does not fit. */
export function reserve(draft: Draft, cost: OperationCost, max = MAX_SUBREQUESTS): boolean {
  const lookup = cost.channel !== null && !draft.channels.has(cost.channel) ? 1 : 0;
  if (draft.size + cost.subrequests + lookup > max) return false;
  if (draft.queries + cost.queries + lookup > MAX_QUERIES) return false;
  draft.size += cost.subrequests + lookup;
  draft.queries += cost.queries + lookup;
  if (cost.channel !== null) draft.channels.add(cost.channel);
  return true;
}

/**
 * Adds claimed rows, each as its own unit, then as many of their followers as fit. Heads go in first; a head that
 * does not fit (the request's five queries are taken) is returned, to open a request of its own. Followers left out
 * stay pending and go in a later request.
 */
export function addUnits(
  draft: Draft,
  runs: Run[],
  costOf: (op: DraftOp) => OperationCost,
  max = MAX_SUBREQUESTS
): Run[] {
  const placed: { unit: DraftUnit; followers: DraftOp[] }[] = [];
  const left: Run[] = [];
  for (const run of runs) {
    if (!reserve(draft, costOf(run.head), max)) {
      left.push(run);
      continue;
    }
    const unit: DraftUnit = { ops: [run.head] };
    placed.push({ unit, followers: run.followers });
    draft.units.push(unit);
  }
  for (const { unit, followers } of placed) {
    for (const follower of followers) {
      if (!reserve(draft, costOf(follower), max)) break;
      unit.ops.push(follower);
    }
  }
  return left;
}

/** Places runs into new requests until every head has one (a fresh request always takes at least one head). */
export function overflowDrafts(runs: Run[], costOf: (op: DraftOp) => OperationCost, max = MAX_SUBREQUESTS): Draft[] {
  const drafts: Draft[] = [];
  let left = runs;
  while (left.length > 0) {
    const draft = emptyDraft();
    const rest = addUnits(draft, left, costOf, max);
    if (rest.length === left.length) throw new Error('a claimed row fits no Composite request');
    drafts.push(draft);
    left = rest;
  }
  return drafts;
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
