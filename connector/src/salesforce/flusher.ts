// The sync flusher (S7): claims due outbox rows, sends them in Composite requests (many interactions per call),
// and settles each row: sent, retried with backoff, or parked for an admin. It never blocks an agent: the engine only
// writes outbox rows; this runs beside it, and a crash, an expired session or a used-up API limit only delays it.
import pino from 'pino';
import type { Instant } from '../interactions/kernel/types';
import type { Logger } from '../log';
import * as store from '../store';
import type { Db } from '../store';
import type { OutboxRecord } from '../store/repositories/outbox';
import type { CompositeSubresponse, SalesforceApi } from './client';
import {
  addUnits,
  overflowDrafts,
  type Run,
  buildRequest,
  emptyDraft,
  MAX_OPERATION_COST,
  type Draft,
  type DraftOp,
  type OperationCost
} from './drafts';
import { failure, type SyncFailure } from './failures';
import { flusherOptionsSchema, type FlusherOptions, type FlusherOptionsInput } from './flusherOptions';
import { acceptGuardQueries, readAcceptGuard, routedKey, type RoutedWork } from './mapping/acceptGuard';
import { planOperation, reference, serviceChannelQuery, type OperationPlan } from './mapping/plan';
import { readOperation, type OperationResult } from './mapping/results';
import type { ScreenPopMatch } from './mapping/screenPop';
import { interactionKey, routesWork, serviceChannelKind, type ServiceChannelKind } from './mapping/workItem';
import { isAccept, operationName, parseOperation } from './operation';
import type { SalesforceOptions } from './options';
import { LimitPause } from './limitPause';
import { listFollowers, sendPlan } from './outboxReads';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { emptySettlement, settleUnit, type SettleContext, type Settlement, type WorkRouted } from './settle';

export type SyncState = 'ok' | 'delayed' | 'paused';

export interface SyncStatus {
  state: SyncState;
  /** Why it is delayed or paused: REQUEST_LIMIT_EXCEEDED, SERVER_UNAVAILABLE, TIMEOUT, AUTH_FAILED, BACKLOG ... */
  reason?: string;
  since?: Instant;
  pending: number;
  parked: number;
}

export interface FlushReport {
  /** Salesforce API calls made (Composite requests, the accept guard, the /limits probe). */
  calls: number;
  sent: number;
  retried: number;
  parked: number;
  paused: boolean;
  /** Every request was full: more rows are probably due now. */
  more: boolean;
}

export interface ParkedWrite {
  id: number;
  dedupeKey: string;
  interactionId: string | null;
  operation: string;
  attempts: number;
  error: { code: string; message: string; httpStatus?: number | null } | null;
  createdAt: Instant;
}

export type RetryParkedResult = { ok: true } | { ok: false; code: 'NOT_PARKED'; message: string };

/** Timers, injected so tests drive the loop by hand. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout)
};

export interface FlusherDeps {
  db: Db;
  api: SalesforceApi;
  serviceChannels: SalesforceOptions['serviceChannels'];
  clock?: () => Instant;
  scheduler?: Scheduler;
  random?: () => number;
  log?: Logger;
  /** S6: the matches of a screen pop (none, one, several), for the engine to show. */
  onScreenPop?: (interactionId: string, matches: ScreenPopMatch[]) => void | Promise<void>;
  /** S2: an accept's work reached Omni-Channel (its AgentWork and work item ids), for the Omni relay to accept it. */
  onWorkRouted?: (routed: WorkRouted) => void | Promise<void>;
  /** After every flush, for logs and metrics. */
  onFlush?: (report: FlushReport) => void;
}

const channelRef = (kind: ServiceChannelKind) => `ch_${kind}`;
const CHANNEL_ID_PATH = 'records[0].Id';

export class SyncFlusher {
  readonly options: FlusherOptions;
  private readonly clock: () => Instant;
  private readonly scheduler: Scheduler;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly channelIds = new Map<ServiceChannelKind, string>();
  private readonly tasksThatExist = new Set<string>();
  private readonly statusListeners = new Set<(state: SyncState, reason: string | null) => void>();
  private readonly limit: LimitPause;
  private trouble: { since: Instant; reason: string } | null = null;
  private running: Promise<unknown> = Promise.resolve();
  /** Flushes in a row that could not even sign in: the loop waits longer each time. */
  private sessionFailures = 0;
  private timer: unknown = null;
  private nextRunAt: Instant | null = null;
  /** The earliest deadline the last look at the outbox found. */
  private nextSendAt: Instant | null = null;
  private started = false;
  private lastEmitted = 'ok|';

  constructor(
    private readonly deps: FlusherDeps,
    options: FlusherOptionsInput = {}
  ) {
    this.options = flusherOptionsSchema.parse(options);
    this.clock = deps.clock ?? Date.now;
    this.scheduler = deps.scheduler ?? realScheduler;
    this.random = deps.random ?? Math.random;
    this.log = deps.log ?? pino({ level: 'silent' });
    this.limit = new LimitPause(
      { probeMs: this.options.limitProbeMs, probeMaxMs: this.options.limitProbeMaxMs },
      this.log
    );
  }

  /** One flush: probe the limit when paused, else claim, send and settle what is due. Flushes never overlap. */
  flushOnce(): Promise<FlushReport> {
    const run = this.running.then(
      () => this.flush(),
      () => this.flush()
    );
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Flushes when batching says so: a due row reached its deadline (urgentDelayMs / batchDelayMs), a full request's
   * worth is due, or a limit probe is due. Null when it is not time yet (nextSendAt says when it will be).
   */
  async flushIfDue(): Promise<FlushReport | null> {
    const now = this.clock();
    if (this.limit.active) return this.limit.probeDue(now) ? this.flushOnce() : null;
    const plan = await sendPlan(this.deps.db, now, {
      urgentMs: this.options.urgentDelayMs,
      batchMs: this.options.batchDelayMs
    });
    this.nextSendAt = plan.sendAt;
    if (plan.sendAt === null) return null;
    if (plan.sendAt <= now || plan.due >= this.options.maxSubrequests) return this.flushOnce();
    return null;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.scheduleIn(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    await this.running;
  }

  /** New rows were written: flush soon (after a short linger so an accept's writes travel together). */
  kick(): void {
    if (!this.started || this.limit.active) return;
    const at = this.clock() + this.options.lingerMs;
    if (this.nextRunAt === null || this.nextRunAt > at) this.scheduleIn(this.options.lingerMs);
  }

  onStatusChange(listener: (state: SyncState, reason: string | null) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** For the agent's snapshot ("sync delayed") and health: the state, why, since when, and the queue. */
  async status(): Promise<SyncStatus> {
    const now = this.clock();
    const depth = await store.outbox.depth(this.deps.db, now);
    const counts = { pending: depth.pending, parked: depth.parked };
    const pause = this.limit.active;
    if (pause) return { state: 'paused', reason: pause.reason, since: pause.since, ...counts };
    if (this.trouble) return { state: 'delayed', reason: this.trouble.reason, since: this.trouble.since, ...counts };
    const oldest = depth.oldestPendingAt;
    if (oldest !== null && now - oldest > this.options.delayedAfterMs) {
      return { state: 'delayed', reason: 'BACKLOG', since: oldest + this.options.delayedAfterMs, ...counts };
    }
    return { state: 'ok', ...counts };
  }

  /** Parked writes, oldest first, for an admin to look at. */
  async listParked(limit = 100): Promise<ParkedWrite[]> {
    const rows = await store.outbox.listParked(this.deps.db, limit);
    return rows.map((row) => ({
      id: row.id,
      dedupeKey: row.dedupeKey,
      interactionId: row.interactionId,
      operation: operationName(row.operation),
      attempts: row.attempts,
      error: row.lastError,
      createdAt: row.createdAt
    }));
  }

  /** Sends a parked write again (after an admin fixed the cause). */
  async retryParked(id: number): Promise<RetryParkedResult> {
    const requeued = await store.outbox.requeueParked(this.deps.db, id, this.clock());
    if (!requeued) return { ok: false, code: 'NOT_PARKED', message: `Outbox row ${id} is not parked.` };
    this.kick();
    return { ok: true };
  }

  // ---- one flush ---------------------------------------------------------------------------------------------------

  private async flush(): Promise<FlushReport> {
    const report: FlushReport = { calls: 0, sent: 0, retried: 0, parked: 0, paused: false, more: false };
    const now = this.clock();
    if (!(await this.limit.probe(now, this.deps.api, () => (report.calls += 1)))) {
      report.paused = true;
      this.emitStatus();
      return report;
    }
    const session = await this.deps.api.ensureSession();
    if (!session.ok) {
      this.sessionFailures += 1;
      this.noteTrouble(session.failure, now);
      this.emitStatus();
      return report;
    }
    this.sessionFailures = 0;
    const { drafts, more } = await this.collect(now);
    report.more = more;
    if (drafts.length === 0) return report;
    const settlement = emptySettlement();
    const routed = await this.guardAccepts(drafts, now, report, settlement);
    await Promise.all(drafts.map((draft) => this.send(draft, routed, now, report, settlement)));
    await this.record(settlement);
    report.sent = settlement.sent.length;
    report.retried = settlement.retries.length;
    report.parked = settlement.parks.length;
    this.afterCalls(settlement, now, report);
    await this.deliverScreenPops(settlement);
    await this.deliverRouted(settlement);
    this.emitStatus();
    return report;
  }

  /** Claims due rows (and their followers) into up to parallelRequests Composite drafts. */
  private async collect(now: Instant): Promise<{ drafts: Draft[]; more: boolean }> {
    const { db } = this.deps;
    const { maxSubrequests, parallelRequests, leaseMs } = this.options;
    const costOf = (op: DraftOp) => this.costOf(op);
    const drafts: Draft[] = [];
    const overflow: Run[] = [];
    let more = true;
    for (let n = 0; n < parallelRequests && more; n++) {
      const draft = emptyDraft();
      for (;;) {
        const limit = Math.floor((maxSubrequests - draft.size) / MAX_OPERATION_COST);
        if (limit < 1) break;
        const heads = await store.outbox.claimDue(db, { now, limit, leaseMs });
        if (heads.length > 0) {
          const followers = await listFollowers(db, heads, now, (row) => !isAccept(parseOperation(row.operation)));
          const runs = heads.map((head) => ({
            head: toDraftOp(head),
            followers: (followers.get(head.id) ?? []).map(toDraftOp)
          }));
          overflow.push(...addUnits(draft, runs, costOf, maxSubrequests));
        }
        if (heads.length < limit) {
          more = false;
          break;
        }
      }
      if (draft.units.length > 0) drafts.push(draft);
    }
    // Heads that found no room (the five queries of a request were taken) get requests of their own.
    return { drafts: [...drafts, ...overflowDrafts(overflow, costOf, maxSubrequests)], more };
  }

  private costOf(draftOp: DraftOp): OperationCost {
    const plan = this.planOf(draftOp, new Map());
    const subrequests = plan.read === 'unsupported' ? [] : plan.subrequests;
    const op = draftOp.op;
    const needsChannel =
      op?.op === 'workItem.update' && routesWork(op) && !this.channelIds.has(serviceChannelKind(op.channel));
    return {
      subrequests: subrequests.length,
      queries: subrequests.filter((sub) => sub.method === 'GET').length,
      channel: needsChannel && op ? serviceChannelKind(op.channel) : null
    };
  }

  private planOf(draftOp: DraftOp, routed: Map<string, RoutedWork>): OperationPlan {
    const { row, op } = draftOp;
    if (op === null) {
      return {
        read: 'unsupported',
        code: 'INVALID_OPERATION',
        message: 'The stored operation is not one the flusher knows.'
      };
    }
    const api = this.deps.api;
    return planOperation(op, {
      dataPath: api.dataPath,
      dedupeKey: row.dedupeKey,
      ref: (role) => `o${row.id}_${role}`,
      serviceChannel: (kind) => this.channelIds.get(kind) ?? reference(channelRef(kind), CHANNEL_ID_PATH),
      taskWithSubtype: !this.tasksThatExist.has(row.dedupeKey),
      alreadyRouted:
        op.op === 'workItem.update'
          ? (routed.get(routedKey(interactionKey(op.workItemKey ?? op.interactionId), op.agentId)) ?? null)
          : null
    });
  }

  /** Retried accepts: ask once (one call for all of them) which already have their AgentWork. */
  private async guardAccepts(
    drafts: Draft[],
    now: Instant,
    report: FlushReport,
    settlement: Settlement
  ): Promise<Map<string, RoutedWork>> {
    const retried = drafts
      .flatMap((d) => d.units.map((u) => u.ops[0]))
      .filter((op): op is DraftOp => op !== undefined && isAccept(op.op) && op.row.attempts > 1);
    if (retried.length === 0) return new Map();
    const keys = [
      ...new Set(
        retried.map((d) =>
          d.op?.op === 'workItem.update' ? interactionKey(d.op.workItemKey ?? d.op.interactionId) : ''
        )
      )
    ];
    const queries = acceptGuardQueries(keys);
    const path = this.deps.api.dataPath;
    report.calls += 1;
    const answer = await this.deps.api.composite([
      { method: 'GET', url: `${path}/query?q=${encodeURIComponent(queries.items)}`, referenceId: 'items' },
      { method: 'GET', url: `${path}/query?q=${encodeURIComponent(queries.works)}`, referenceId: 'works' }
    ]);
    const bodies = answer.ok ? answer.value : [];
    const routed = answer.ok
      ? readAcceptGuard(
          bodies.find((b) => b.referenceId === 'items')?.body,
          bodies.find((b) => b.referenceId === 'works')?.body
        )
      : null;
    if (routed) return routed;
    // Unknown: sending could route the work twice, so these accepts wait for the next flush.
    const why = answer.ok ? failure('UNEXPECTED_ANSWER', 'The accept guard could not be read.', 500) : answer.failure;
    for (const draft of drafts) {
      const held = draft.units.filter((u) => u.ops[0] !== undefined && retried.includes(u.ops[0]));
      for (const unit of held)
        settleUnit(unit, () => ({ status: 'failed', failure: why }), this.settleContext(now), settlement);
      draft.units = draft.units.filter((u) => !held.includes(u));
    }
    return new Map();
  }

  private async send(
    draft: Draft,
    routed: Map<string, RoutedWork>,
    now: Instant,
    report: FlushReport,
    settlement: Settlement
  ): Promise<void> {
    if (draft.units.length === 0) return;
    const built = buildRequest(
      draft,
      (op) => this.planOf(op, routed),
      (kind) => serviceChannelQuery(this.deps.api.dataPath, this.deps.serviceChannels[kind], channelRef(kind))
    );
    let answers = new Map<string, CompositeSubresponse>();
    let callFailure: SyncFailure | null = null;
    if (built.subrequests.length > 0) {
      report.calls += 1;
      const answer = await this.deps.api.composite(built.subrequests);
      if (answer.ok) answers = new Map(answer.value.map((a) => [a.referenceId, a]));
      else callFailure = answer.failure;
    }
    const missingChannels = callFailure ? new Set<ServiceChannelKind>() : this.learnChannels(draft, answers);
    const resultOf = (draftOp: DraftOp): OperationResult => {
      const plan = built.plans.get(draftOp.row.id);
      if (!plan) return { status: 'failed', failure: failure('UNEXPECTED_ANSWER', 'No plan for this row.', 500) };
      if (plan.read === 'unsupported') return { status: 'failed', failure: failure(plan.code, plan.message) };
      if (callFailure) return { status: 'failed', failure: callFailure };
      const op = draftOp.op;
      if (op?.op === 'workItem.update' && routesWork(op) && missingChannels.has(serviceChannelKind(op.channel))) {
        const name = this.deps.serviceChannels[serviceChannelKind(op.channel)];
        return { status: 'failed', failure: failure('SERVICE_CHANNEL_NOT_FOUND', `No ServiceChannel named ${name}.`) };
      }
      return readOperation(plan, answers);
    };
    const ctx = this.settleContext(now);
    for (const unit of draft.units) settleUnit(unit, resultOf, ctx, settlement);
    this.log.debug({ subrequests: built.subrequests.length, rows: built.plans.size, ok: !callFailure }, 'composite');
  }

  /** Caches the service channel ids the request looked up; returns the channels that do not exist. */
  private learnChannels(draft: Draft, answers: Map<string, CompositeSubresponse>): Set<ServiceChannelKind> {
    const missing = new Set<ServiceChannelKind>();
    for (const kind of draft.channels) {
      const answer = answers.get(channelRef(kind));
      if (!answer || answer.httpStatusCode >= 400) continue;
      const records = (answer.body as { records?: { Id?: unknown }[] } | null)?.records;
      const id = records?.[0]?.Id;
      if (typeof id === 'string') this.channelIds.set(kind, id);
      else if (Array.isArray(records)) missing.add(kind);
    }
    return missing;
  }

  private backoffPolicy(): BackoffPolicy {
    return { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs };
  }

  private settleContext(now: Instant): SettleContext {
    return { now, maxAttempts: this.options.maxAttempts, backoff: this.backoffPolicy(), random: this.random };
  }

  /** Writes every row's fate in one transaction. */
  private async record(s: Settlement): Promise<void> {
    const at = this.clock();
    await this.deps.db.transaction(async (tx) => {
      await store.outbox.markSent(tx, s.sent, at);
      for (const r of s.retries) await store.outbox.retry(tx, r.id, { nextAttemptAt: r.nextAttemptAt, error: r.error });
      for (const p of s.parks) await store.outbox.park(tx, p.id, p.error);
    });
    for (const key of s.tasksWritten) this.tasksThatExist.delete(key);
    for (const key of s.tasksThatExist) this.tasksThatExist.add(key);
    for (const p of s.parks) this.log.warn({ outboxId: p.id, code: p.error.code }, 'sync write parked');
  }

  private afterCalls(s: Settlement, now: Instant, report: FlushReport): void {
    if (s.limited) {
      this.limit.enter(s.limited, now);
      report.paused = true;
      return;
    }
    if (s.trouble) this.noteTrouble(s.trouble, now);
    else if (report.calls > 0 && this.trouble) {
      this.log.info({ delayedMs: now - this.trouble.since }, 'Salesforce sync caught up');
      this.trouble = null;
    }
  }

  private async deliverRouted(s: Settlement): Promise<void> {
    const deliver = this.deps.onWorkRouted;
    if (!deliver) return;
    for (const routed of s.routed) {
      try {
        await deliver(routed);
      } catch (error) {
        this.log.error({ err: error, interactionId: routed.interactionId }, 'routed work delivery failed');
      }
    }
  }

  private async deliverScreenPops(s: Settlement): Promise<void> {
    const deliver = this.deps.onScreenPop;
    if (!deliver) return;
    for (const pop of s.screenPops) {
      try {
        await deliver(pop.interactionId, pop.matches);
      } catch (error) {
        this.log.error({ err: error, interactionId: pop.interactionId }, 'screen pop delivery failed');
      }
    }
  }

  // ---- status --------------------------------------------------------------------------------------

  private noteTrouble(f: SyncFailure, now: Instant): void {
    if (!this.trouble) this.log.warn({ code: f.code, httpStatus: f.httpStatus }, 'Salesforce sync delayed');
    this.trouble = { since: this.trouble?.since ?? now, reason: f.code };
  }

  private emitStatus(): void {
    const pause = this.limit.active;
    const state: SyncState = pause ? 'paused' : this.trouble ? 'delayed' : 'ok';
    const reason = pause?.reason ?? this.trouble?.reason ?? null;
    const key = `${state}|${reason ?? ''}`;
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    for (const listener of this.statusListeners) listener(state, reason);
  }

  // ---- the loop ----------------------------------------------------------------------------------------------------

  private scheduleIn(ms: number): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.nextRunAt = this.clock() + ms;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      this.nextRunAt = null;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    let report: FlushReport | null = null;
    try {
      report = await this.flushIfDue();
      if (report) this.deps.onFlush?.(report);
    } catch (error) {
      // A database error (e.g. the store closing) must not end the loop silently: log it and try again later.
      this.log.error({ err: error }, 'sync flush failed');
    }
    if (!this.started || this.timer !== null) return;
    const now = this.clock();
    const { intervalMs } = this.options;
    const pause = this.limit.active;
    if (pause) this.scheduleIn(Math.max(0, pause.nextProbeAt - now));
    else if (this.sessionFailures > 0)
      this.scheduleIn(backoffDelay(this.sessionFailures, this.backoffPolicy(), this.random));
    else if (report?.more) this.scheduleIn(0);
    else if (report || this.nextSendAt === null) this.scheduleIn(intervalMs);
    else this.scheduleIn(Math.min(intervalMs, Math.max(0, this.nextSendAt - now)));
  }
}

function toDraftOp(row: OutboxRecord): DraftOp {
  return { row, op: parseOperation(row.operation) };
}
