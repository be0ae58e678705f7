// The imperative shell around the interaction core. One engine per process: every change runs through `serial`, so
// a desk is read, transitioned and written without interleaving; the database transaction makes it durable and
// atomic (state + journal + outbox + timers + command receipt), and effects outside the database run after commit.
import { createHash, randomUUID } from 'node:crypto';
import type { Effect, ProviderEffect, RoutingEffect, SyncOperation } from '../interactions/kernel/effects';
import type { OmniPresenceEvent } from '../interactions/presence/commands';
import { reject, type Rejection } from '../interactions/kernel/rejections';
import { parseWith } from '../interactions/kernel/parse';
import { DIGITAL_CHANNELS, type Channel, type Instant, type Transition } from '../interactions/kernel/types';
import type { DeskEvent } from '../interactions/desk/machine';
import { initialDesk, type DeskState } from '../interactions/desk/state';
import type { Desk } from '../interactions/desk/machine';
import { presenceCommandSchema } from '../interactions/presence/commands';
import type { PresenceState } from '../interactions/presence/state';
import {
  isConferenceGuest,
  type AnyInteraction,
  type CoreConfig,
  type InteractionCoreRuntime
} from '../interactions/registry';
import type { Logger } from '../log';
import * as store from '../store';
import type { Db, Queryable } from '../store';
import type { EnginePort, PortResult, ProviderPort, RoutableAgent } from '../providers/port';
import type { AgentDirectory, AgentProfile } from './directory';
import { DEFAULT_INBOX_WINDOW, InboxIndex, type InboxWindow } from './inbox-index';
import { addressNotice } from './notices';
import type { Notice } from '../api/schema/notices';
import { contactKeyOf, writeDesk, writeEffects, writeInteractions, writePrivateNotes } from './persist';
import {
  buildSnapshot,
  type AgentInbox,
  type AgentSnapshot,
  type EarlierNote,
  type HistoryEntry,
  type ScreenPopView,
  type SyncHealth
} from './snapshot';

export interface CommandRequest {
  /** Client-chosen idempotency key. */
  id: string;
  interactionId?: string;
  command: string;
  args?: Record<string, unknown>;
}

export type CommandOutcome =
  | { status: 'applied'; duplicate: boolean; version: number; created?: CreatedInteraction }
  | { status: 'rejected'; duplicate: boolean; rejection: Rejection };

export interface EngineDeps {
  db: Db;
  core: InteractionCoreRuntime;
  directory: AgentDirectory;
  log: Logger;
  now?: () => Instant;
}

export type WorkItemOperation = Extract<SyncOperation, { op: 'workItem.update' }>;

/** The agent's snapshot, the desk version it shows and the revision of the settings it was built with. */
export interface SnapshotDocument {
  version: number;
  revision: string;
  snapshot: AgentSnapshot;
}

/** A short name for a configuration: equal settings give equal revisions, in every process and after a restart. */
function revisionOf(config: CoreConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('base64url').slice(0, 12);
}

/** What an agent-level command created (D13/D14 outbound messages): the panel can show "sent as O-000042". */
export interface CreatedInteraction {
  interactionId: string;
  interactionNumber: string;
}

type LoadedDesk = { desk: DeskState<AnyInteraction>; version: number; versions: Map<string, number> };

/** Agent-level commands (no interactionId) besides the presence ones. */
const DIAL = 'dial';
const INBOX_PUSH_MS = 1000;
const TAKE = 'take';
const SEND_OUTBOUND = 'sendOutbound';

export class Engine implements EnginePort {
  private chain: Promise<unknown> = Promise.resolve();
  private desk: Desk<AnyInteraction>;
  /** Names the settings a snapshot was built with: panels' commands change when settings do (see reconfigure). */
  private revision: string;
  private touched = new Map<string, AnyInteraction>();
  /** Write-through cache of desks this process has read or written (see loadDesk). */
  private readonly desks = new Map<string, LoadedDesk>();
  /** C9: chat id -> the guests whose cached desks hold it, so a change to the chat refreshes them (rebuilt on read). */
  private readonly guests = new Map<string, Set<string>>();
  /** D2: every open digital conversation as the inbox shows it, kept in step with every write. */
  private readonly inboxIndex = new InboxIndex();
  /** D6: an agent's earlier notes per contact; cleared whenever a Task (and so a note) is written. */
  private readonly notesCache = new Map<string, EarlierNote[]>();
  /** C16: the customer's earlier interactions, per open interaction; cleared whenever one finishes. */
  private readonly historyCache = new Map<string, HistoryEntry[]>();
  private readonly inboxDirty = new Set<string>();
  private syncHealth: SyncHealth = { state: 'ok', reason: null };
  private readonly syncListeners = new Set<(health: SyncHealth) => void>();
  private readonly screenPops = new Map<string, ScreenPopView>();
  private readonly screenPopListeners = new Set<
    (agentId: string, interactionId: string, view: ScreenPopView) => void
  >();
  private readonly inboxListeners = new Set<(agentIds: string[]) => void>();
  private inboxTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(agentIds: string[]) => void>();
  private readonly workItemListeners = new Set<(op: WorkItemOperation) => void>();
  private readonly noticeListeners = new Set<(agentId: string, notice: Notice) => void>();
  private provider: ProviderPort | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextTimerAt: Instant | null = null;
  private stopped = false;
  readonly now: () => Instant;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
    this.desk = deps.core.createObservedDesk((state) => this.touched.set(state.id, state));
    this.revision = revisionOf(deps.core.config);
  }

  /**
   * New settings from the org. Interactions offered from now on follow them; what panels show of open work (enabled
   * commands, capacity limits) is rebuilt: every cached desk's panels get a snapshot with the new revision.
   */
  reconfigure(config: CoreConfig): Promise<void> {
    return this.serial(async () => {
      this.deps.core.reconfigure(config);
      this.desk = this.deps.core.createObservedDesk((state) => this.touched.set(state.id, state));
      this.revision = revisionOf(this.deps.core.config);
      const agents = [...this.desks.keys()];
      if (agents.length > 0) for (const listener of this.listeners) listener(agents);
    });
  }

  attachProvider(provider: ProviderPort): void {
    this.provider = provider;
  }

  /** S7: sync reports its health; panels are told at once (a 'sync' frame) and snapshots carry it from then on. */
  setSyncHealth(health: SyncHealth): void {
    if (health.state === this.syncHealth.state && health.reason === this.syncHealth.reason) return;
    this.syncHealth = health;
    for (const listener of this.syncListeners) listener(health);
  }

  /**
   * S6: the screen-pop lookup answered. Kept in memory beside the interaction (it is a Salesforce read, done again if
   * lost) and pushed to the owning agent as a 'screenPop' frame; snapshots carry it from then on.
   */
  setScreenPop(interactionId: string, matches: ScreenPopView['matches']): void {
    const outcome: ScreenPopView['outcome'] = matches.length === 0 ? 'none' : matches.length === 1 ? 'one' : 'several';
    const view: ScreenPopView = { outcome, matches };
    this.screenPops.set(interactionId, view);
    for (const [agentId, loaded] of this.desks) {
      if (loaded.desk.interactions[interactionId] === undefined) continue;
      for (const listener of this.screenPopListeners) listener(agentId, interactionId, view);
    }
  }

  onScreenPop(listener: (agentId: string, interactionId: string, view: ScreenPopView) => void): () => void {
    this.screenPopListeners.add(listener);
    return () => this.screenPopListeners.delete(listener);
  }

  onSyncHealth(listener: (health: SyncHealth) => void): () => void {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  }

  /** S2–S4: a work item's status changed (committed); the Omni bridge makes Omni-Channel follow. */
  onWorkItem(listener: (op: WorkItemOperation) => void): () => void {
    this.workItemListeners.add(listener);
    return () => this.workItemListeners.delete(listener);
  }

  /**
   * A2: the agent's Omni-Channel status changed in the console (reported by the panel's Omni relay). The configured
   * policy decides which side wins; when the softphone wins, nothing changes here and Omni is set back.
   */
  omniPresence(agentId: string, event: OmniPresenceEvent): Promise<PortResult> {
    return this.serial(async () => {
      const at = this.now();
      const loaded = await this.loadDesk(agentId);
      const result = this.apply(loaded.desk, { type: 'omniPresence', at, event });
      if (!result.ok) return refused(result.rejection);
      if (result.state.presence === loaded.desk.presence) return { ok: true };
      await this.commit(loaded, result.state, result.effects, at, {
        source: 'omni',
        kind: event.type,
        interactionId: null,
        payload: { status: event.status, reasonCode: event.reasonCode }
      });
      return { ok: true };
    });
  }

  /**
   * A notice for one agent's panels (D7, D12, V6, V9, C6, C8, C9), after the commit that produced it and after the
   * change listeners were told. Fire-and-forget: nothing keeps it for a panel that connects later.
   */
  onNotice(listener: (agentId: string, notice: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /** Called with the agents whose snapshot changed, after the change is committed. */
  onChange(listener: (agentIds: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    const open = await store.interactions.listOpenByChannels(this.deps.db, DIGITAL_CHANNELS);
    this.indexInbox(open.map((r) => r.state as AnyInteraction));
    await this.armTimers();
  }

  private indexInbox(states: Iterable<AnyInteraction>): void {
    for (const state of states) {
      if (state.channel === 'voice' || state.channel === 'chat') continue;
      if (this.inboxIndex.put(state)) this.inboxChanged(state.queueId, state.ownerAgentId);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.inboxTimer) clearTimeout(this.inboxTimer);
    await this.chain.catch(() => undefined);
  }

  /** A panel command. Retried ids get the first outcome again and are applied once. */
  command(agentId: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.serial(async () => {
      const { db } = this.deps;
      const receipt = await store.commandReceipts.get(db, agentId, request.id);
      if (receipt) return { ...(receipt.outcome as CommandOutcome), duplicate: true };
      const at = this.now();
      const loaded = await this.loadDesk(agentId);
      if (request.interactionId === undefined && request.command === SEND_OUTBOUND) {
        return this.sendOutbound(loaded, request, at);
      }
      const prepared = await this.toDeskEvent(loaded, request, at);
      const result = prepared.ok ? this.apply(loaded.desk, prepared.event) : prepared;
      if (!result.ok) {
        const outcome: CommandOutcome = { status: 'rejected', duplicate: false, rejection: result.rejection };
        await store.commandReceipts.put(db, { agentId, idempotencyKey: request.id, outcome, at });
        this.deps.log.info({ agentId, command: request.command, code: result.rejection.code }, 'command rejected');
        return outcome;
      }
      const version = await this.commit(
        loaded,
        result.state,
        result.effects,
        at,
        {
          source: 'agent',
          kind: request.command,
          interactionId: request.interactionId ?? null,
          payload: { command: request.command, id: request.id }
        },
        async (tx, v) => {
          const outcome: CommandOutcome = { status: 'applied', duplicate: false, version: v };
          await store.commandReceipts.put(tx, { agentId, idempotencyKey: request.id, outcome, at });
        }
      );
      return { status: 'applied', duplicate: false, version };
    });
  }

  /** The agent's current snapshot and its version. */
  /**
   * The agent's current snapshot and its version. Desks are immutable values replaced whole at commit, so a cached desk
   * (with its notes cached) is read without waiting in the serial queue; anything missing is read in it.
   */
  snapshot(agentId: string): Promise<SnapshotDocument> {
    const cached = this.desks.get(agentId);
    const fast = cached ? this.snapshotFrom(agentId, cached) : null;
    if (fast) return Promise.resolve(fast);
    return this.serial(async () => {
      const loaded = await this.loadDesk(agentId);
      for (const interaction of Object.values(loaded.desk.interactions)) {
        const contactKey = contactKeyOf(interaction);
        const cacheKey = `${agentId}\n${contactKey}`;
        if (this.notesCache.has(cacheKey)) continue;
        const found = await store.privateNotes.listForAuthor(
          this.deps.db,
          { authorAgentId: agentId, contactKey },
          { limit: 20 }
        );
        this.notesCache.set(
          cacheKey,
          found.map((n) => ({ interactionId: n.interactionId, at: n.at, body: n.body }))
        );
      }
      for (const interaction of Object.values(loaded.desk.interactions)) {
        if (this.historyCache.has(historyKey(interaction))) continue;
        const rows = await store.interactions.listFinishedForCustomer(this.deps.db, {
          whoId: interaction.details.whoId,
          address: interaction.customer.address
        });
        this.historyCache.set(
          historyKey(interaction),
          rows.filter((r) => r.id !== interaction.id).map((r) => historyEntry(r.state as AnyInteraction))
        );
      }
      const built = this.snapshotFrom(agentId, loaded);
      if (!built) throw new Error('notes cache was cleared while building a snapshot');
      return built;
    });
  }

  /**
   * Builds the snapshot from memory, or null when some notes are not cached yet.
   *
   * D6: every stored note of the agent about the contact is an earlier one, the open interaction's own included. A note
   * is stored only when its round is logged (the `task.log` that ends the interaction), so a note carrying the id of an
   * interaction still open is from an earlier round of it (a conversation the customer reopened after End, D10); the
   * open round's note is the draft in `details.notes`, not stored yet.
   */
  private snapshotFrom(agentId: string, loaded: LoadedDesk): SnapshotDocument | null {
    const notes = new Map<string, EarlierNote[]>();
    for (const interaction of Object.values(loaded.desk.interactions)) {
      const cachedNotes = this.notesCache.get(`${agentId}\n${contactKeyOf(interaction)}`);
      if (!cachedNotes || !this.historyCache.has(historyKey(interaction))) return null;
      notes.set(interaction.id, cachedNotes);
    }
    const snapshot = buildSnapshot(
      loaded.desk,
      this.desk.allowedCommands(loaded.desk),
      this.deps.core.config.desk.capacity,
      (i) => notes.get(i.id) ?? [],
      (i) => this.historyCache.get(historyKey(i)) ?? [],
      this.syncHealth,
      (i) => this.screenPops.get(i.id) ?? null
    );
    return { version: loaded.version, revision: this.revision, snapshot };
  }

  /** D2: the agent's inbox document and its version (it grows with every change to any conversation). */
  inbox(agentId: string, window: InboxWindow = DEFAULT_INBOX_WINDOW): { version: number; inbox: AgentInbox } {
    return { version: this.inboxIndex.version, inbox: this.inboxOf(agentId, window) };
  }

  /** Called with the agents whose inbox changed (at most once a second per agent). */
  onInboxChange(listener: (agentIds: string[]) => void): () => void {
    this.inboxListeners.add(listener);
    return () => this.inboxListeners.delete(listener);
  }

  private inboxOf(agentId: string, window: InboxWindow): AgentInbox {
    return this.inboxIndex.view(agentId, this.deps.directory.get(agentId)?.queueIds ?? [], window);
  }

  // ---- EnginePort: what providers call -------------------------------------------------------------------------

  offer(offer: { channel: 'voice' | 'chat'; event: unknown }): Promise<PortResult> {
    return this.serial(async () => {
      const at = this.now();
      const created =
        offer.channel === 'voice'
          ? this.deps.core.offerCall(offer.event, at)
          : this.deps.core.offerChat(offer.event, at);
      if (!created.ok) return refused(created.rejection);
      const interaction = created.state;
      const agentId = interaction.ownerAgentId;
      if (agentId === null) return refused(reject('INVALID_INPUT'));
      const loaded = await this.loadDesk(agentId);
      const existing = await store.interactions.get(this.deps.db, interaction.id);
      if (existing) loaded.versions.set(interaction.id, existing.version);
      const effects = tagTimers(created.effects, interaction.id);
      const result = this.apply(loaded.desk, { type: 'offer', at, interaction, effects });
      if (!result.ok) return refused(result.rejection);
      this.touched.set(interaction.id, interaction);
      await this.commit(loaded, result.state, result.effects, at, {
        source: 'provider',
        kind: `${offer.channel}.offered`,
        interactionId: interaction.id,
        payload: { channel: offer.channel }
      });
      return { ok: true };
    });
  }

  receiveInbound(event: unknown): Promise<PortResult> {
    return this.serial(async () => {
      const at = this.now();
      const created = this.deps.core.receiveInbound(event, at);
      if (!created.ok) return refused(created.rejection);
      const versions = new Map<string, number>();
      await this.deps.db.transaction(async (tx) => {
        await writeInteractions(tx, new Map([[created.state.id, created.state]]), versions, at);
        await store.journal.append(tx, [
          {
            at,
            agentId: null,
            interactionId: created.state.id,
            source: 'provider',
            kind: 'digital.inbound',
            payload: { channel: created.state.channel }
          }
        ]);
        await writeEffects(tx, tagTimers(created.effects, created.state.id), at);
      });
      this.indexInbox([created.state]);
      await this.afterCommit(created.effects, [], { deskAgentId: null, at });
      return { ok: true };
    });
  }

  providerEvent(interactionId: string, event: unknown): Promise<PortResult> {
    return this.serial(async () => {
      const at = this.now();
      const record = await store.interactions.get(this.deps.db, interactionId);
      if (!record) return refused(reject('UNKNOWN_INTERACTION'));
      const kind =
        typeof event === 'object' && event !== null && 'type' in event
          ? String((event as { type: unknown }).type)
          : 'unknown';
      const journal = { source: 'provider', kind, interactionId, payload: { type: kind } };
      if (record.ownerAgentId !== null && record.lifecycle !== 'closed') {
        const loaded = await this.loadDesk(record.ownerAgentId);
        const result = this.apply(loaded.desk, {
          type: 'provider',
          at,
          interactionId,
          event: event as { type: string }
        });
        if (!result.ok) return refused(result.rejection);
        await this.commit(loaded, result.state, result.effects, at, journal);
        return { ok: true };
      }
      // Waiting in a queue, or ended: the interaction's own machine decides (a customer reply reopens it, D8/D10).
      const state = record.state as AnyInteraction;
      const result = this.deps.core.transition(state, { source: 'provider', at, event: event as { type: string } });
      if (!result.ok) return refused(result.rejection);
      const versions = new Map([[interactionId, record.version]]);
      const effects = tagTimers(result.effects, interactionId);
      await this.deps.db.transaction(async (tx) => {
        await writeInteractions(tx, new Map([[interactionId, result.state]]), versions, at);
        await store.journal.append(tx, [{ at, agentId: null, ...journal }]);
        await writeEffects(tx, effects, at);
      });
      this.indexInbox([result.state]);
      await this.afterCommit(effects, [], { deskAgentId: null, at });
      return { ok: true };
    });
  }

  /**
   * D2: a conversation arrived or changed in a queue: the members' inbox changed. Pushed at most once a second, so
   * a burst of messages to a queue of hundreds of agents costs one snapshot per agent, not one per message.
   */
  private inboxChanged(queueId: string | null, ownerAgentId: string | null = null): void {
    if (ownerAgentId !== null) this.inboxDirty.add(ownerAgentId);
    if (queueId !== null) {
      for (const profile of this.deps.directory.all()) {
        if (profile.queueIds.includes(queueId)) this.inboxDirty.add(profile.agentId);
      }
    }
    if (this.inboxTimer || this.inboxDirty.size === 0) return;
    this.inboxTimer = setTimeout(() => {
      this.inboxTimer = null;
      const agents = [...this.inboxDirty];
      this.inboxDirty.clear();
      if (!this.stopped) for (const listener of this.inboxListeners) listener(agents);
    }, INBOX_PUSH_MS);
    this.inboxTimer.unref();
  }

  routableAgents(): Promise<RoutableAgent[]> {
    return this.serial(async () => {
      const presences = await this.readPresences();
      return this.deps.directory.all().map((p) => ({
        agentId: p.agentId,
        name: p.name,
        queueIds: p.queueIds,
        status: presences.get(p.agentId)?.status ?? 'Offline',
        since: presences.get(p.agentId)?.since ?? 0
      }));
    });
  }

  /** A1: the presence of every agent in the directory (those never seen have none: Offline). */
  presences(): Promise<Map<string, PresenceState>> {
    return this.serial(() => this.readPresences());
  }

  /** The presence of an agent whose desk this process holds, without waiting (after a change it always does). */
  cachedPresence(agentId: string): PresenceState | null {
    return this.desks.get(agentId)?.desk.presence ?? null;
  }

  private async readPresences(): Promise<Map<string, PresenceState>> {
    const profiles = this.deps.directory.all();
    // Presence of the desks this process holds is already in memory; only the others are read.
    const unknown = profiles.filter((p) => !this.desks.has(p.agentId)).map((p) => p.agentId);
    const rows = unknown.length > 0 ? await store.agents.getMany(this.deps.db, unknown) : [];
    const presences = new Map<string, PresenceState>();
    for (const r of rows) {
      const presence = (r.desk as { presence?: PresenceState } | undefined)?.presence;
      if (presence) presences.set(r.agentId, presence);
    }
    for (const p of profiles) {
      const cached = this.desks.get(p.agentId)?.desk.presence;
      if (cached) presences.set(p.agentId, cached);
    }
    return presences;
  }

  async channelOf(interactionId: string): Promise<Channel | null> {
    return (await store.interactions.get(this.deps.db, interactionId))?.channel ?? null;
  }

  // ---- internals ---------------------------------------------------------------------------------------------------

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private apply(
    desk: DeskState<AnyInteraction>,
    event: DeskEvent<AnyInteraction>
  ): Transition<DeskState<AnyInteraction>> {
    this.touched = new Map();
    return this.desk.transition(desk, event);
  }

  /**
   * The agent's desk: from the write-through cache when this process wrote it last, else from the store. One engine
   * per process is the only writer of the desks it caches; on PostgreSQL with several instances a stale cache shows
   * as a version conflict, which drops the entry (the panel's retry of the same command id then succeeds).
   */
  private async loadDesk(agentId: string): Promise<LoadedDesk> {
    const cached = this.desks.get(agentId);
    if (cached) return cached;
    const loaded = await this.readDesk(agentId);
    this.desks.set(agentId, loaded);
    return loaded;
  }

  private async readDesk(agentId: string): Promise<LoadedDesk> {
    const { db, directory } = this.deps;
    const [row, owned, joined] = await Promise.all([
      store.agents.get(db, agentId),
      store.interactions.listOpenByOwner(db, agentId),
      store.interactions.listJoinedChats(db, agentId)
    ]);
    const open = [...owned, ...joined];
    for (const r of joined) this.guestsOf(r.id).add(agentId);
    if (!directory.get(agentId)) directory.ensure(agentId, agentId);
    const profile = directory.get(agentId) as AgentProfile;
    const agent = {
      agentId,
      agentName: profile.name,
      outboundSkills: profile.outboundSkills,
      ...(profile.country ? { country: profile.country } : {})
    };
    const presence = (row?.desk as { presence?: PresenceState } | undefined)?.presence;
    const base = initialDesk<AnyInteraction>(agent, this.now());
    const interactions: Record<string, AnyInteraction> = {};
    const versions = new Map<string, number>();
    for (const r of open) {
      interactions[r.id] = r.state as AnyInteraction;
      versions.set(r.id, r.version);
    }
    return {
      desk: { ...base, presence: presence ?? base.presence, interactions },
      version: row?.version ?? 0,
      versions
    };
  }

  /**
   * D13/D14: an outbound e-mail or SMS is sent and logged at once (one Task, S5); it never sits on the desk. Allowed in
   * every status but Offline (A3). The customer's answer reopens it in the sender channel's queue (D10).
   */
  private async sendOutbound(loaded: LoadedDesk, request: CommandRequest, at: Instant): Promise<CommandOutcome> {
    const { db, core, log } = this.deps;
    const agent = loaded.desk.agent;
    const refuse = async (rejection: Rejection): Promise<CommandOutcome> => {
      const outcome: CommandOutcome = { status: 'rejected', duplicate: false, rejection };
      await store.commandReceipts.put(db, { agentId: agent.agentId, idempotencyKey: request.id, outcome, at });
      log.info({ agentId: agent.agentId, command: request.command, code: rejection.code }, 'command rejected');
      return outcome;
    };
    const channel = request.args?.channel;
    const known = channel === 'email' || channel === 'sms' ? channel : null;
    // The same guard as the snapshot's sendOutbound entries (A3, D13).
    const blocked = this.desk.outboundBlockedBy(loaded.desk, known);
    if (blocked) return refuse(reject(blocked));
    if (known === null) return refuse(reject('INVALID_INPUT', [{ path: 'args.channel', message: 'email or sms' }]));
    const interactionNumber = await store.interactions.nextInteractionNumber(db);
    const interactionId = `${channel}-${randomUUID()}`;
    const created = core.startOutbound({ ...request.args, interactionId, interactionNumber }, at, agent);
    if (!created.ok) return refuse(created.rejection);
    const state = created.state;
    const effects = tagTimers(created.effects, state.id);
    const outcome: CommandOutcome = {
      status: 'applied',
      duplicate: false,
      version: loaded.version,
      created: { interactionId, interactionNumber }
    };
    await db.transaction(async (tx) => {
      const touched = new Map<string, AnyInteraction>([[state.id, state]]);
      await writeInteractions(tx, touched, new Map(), at);
      await store.journal.append(tx, [
        {
          at,
          agentId: agent.agentId,
          interactionId: state.id,
          source: 'agent',
          kind: SEND_OUTBOUND,
          payload: { command: SEND_OUTBOUND, id: request.id, channel }
        }
      ]);
      await writeEffects(tx, effects, at);
      await writePrivateNotes(tx, effects, touched, at);
      await store.commandReceipts.put(tx, { agentId: agent.agentId, idempotencyKey: request.id, outcome, at });
    });
    this.indexInbox([state]);
    this.notesCache.clear();
    this.historyCache.clear();
    // The desk did not change (the snapshot push is skipped by version); the listeners still wake the sync flusher.
    await this.afterCommit(effects, [agent.agentId], { deskAgentId: agent.agentId, at });
    return outcome;
  }

  private async toDeskEvent(
    loaded: LoadedDesk,
    request: CommandRequest,
    at: Instant
  ): Promise<{ ok: true; event: DeskEvent<AnyInteraction> } | { ok: false; rejection: Rejection }> {
    const commandBody =
      request.args === undefined ? { command: request.command } : { command: request.command, args: request.args };
    if (request.interactionId !== undefined) {
      return { ok: true, event: { type: 'command', at, interactionId: request.interactionId, command: commandBody } };
    }
    if (request.command === DIAL) {
      return {
        ok: true,
        event: { type: 'dial', at, request: { ...(request.args ?? {}), number: String(request.args?.number ?? '') } }
      };
    }
    if (request.command === TAKE) {
      const id = request.args?.interactionId;
      if (typeof id !== 'string')
        return { ok: false, rejection: reject('INVALID_INPUT', [{ path: 'args.interactionId', message: 'required' }]) };
      const record = await store.interactions.get(this.deps.db, id);
      if (!record || record.lifecycle === 'closed') return { ok: false, rejection: reject('UNKNOWN_INTERACTION') };
      loaded.versions.set(id, record.version);
      return {
        ok: true,
        event: { type: 'take', at, interaction: record.state as AnyInteraction, command: { command: 'open' } }
      };
    }
    const presence = parseWith(presenceCommandSchema, commandBody);
    if (!presence.ok) {
      return {
        ok: false,
        rejection: presence.rejection.issues?.some((i) => i.path === 'command')
          ? reject('UNKNOWN_COMMAND')
          : presence.rejection
      };
    }
    return { ok: true, event: { type: 'presenceCommand', at, command: presence.value } };
  }

  private async commit(
    loaded: LoadedDesk,
    desk: DeskState<AnyInteraction>,
    effects: Effect[],
    at: Instant,
    journal: { source: string; kind: string; interactionId: string | null; payload: unknown },
    extra?: (tx: Queryable, version: number) => Promise<void>
  ): Promise<number> {
    const touched = this.touched;
    const agentId = desk.agent.agentId;
    const others = this.othersHolding(touched.values(), agentId);
    let version: number;
    try {
      version = await this.deps.db.transaction(async (tx) => {
        const v = await writeDesk(tx, {
          desk,
          deskVersion: loaded.version,
          touched,
          versions: loaded.versions,
          effects,
          journal,
          at
        });
        if (extra) await extra(tx, v);
        // Their desks changed with it: a new version, so their panels get the snapshot (pushes skip known versions).
        await store.agents.touch(tx, [...others], at);
        return v;
      });
    } catch (error) {
      // Nothing committed: the next reads come from the store.
      this.desks.delete(agentId);
      for (const other of others) this.desks.delete(other);
      throw error;
    }
    this.desks.set(agentId, { desk, version, versions: loaded.versions });
    this.indexInbox(touched.values());
    if (effects.some((e) => e.kind === 'sync' && e.operation.op === 'task.log')) {
      // A finished interaction: notes (D6) and contact history (C16) of open ones may now include it.
      this.notesCache.clear();
      this.historyCache.clear();
    }
    for (const other of others) this.desks.delete(other);
    await this.afterCommit(effects, [desk.agent.agentId, ...others], { deskAgentId: agentId, at });
    return version;
  }

  /**
   * Other agents whose desks hold a touched interaction, or held it until now: its owner when a guest or a transfer
   * target changed it, and a chat's conference guests (C9) whoever changed it. Keeps the guest index up to date.
   */
  private othersHolding(touched: Iterable<AnyInteraction>, agentId: string): Set<string> {
    const others = new Set<string>();
    for (const interaction of touched) {
      if (interaction.ownerAgentId !== null) others.add(interaction.ownerAgentId);
      const guests = this.guestsOf(interaction.id);
      for (const guest of guests) others.add(guest);
      guests.clear();
      for (const member of interaction.channel === 'chat' ? interaction.conference : []) {
        if (isConferenceGuest(interaction, member.agentId)) {
          guests.add(member.agentId);
          others.add(member.agentId);
        }
      }
      if (guests.size === 0) this.guests.delete(interaction.id);
    }
    others.delete(agentId);
    return others;
  }

  /** C9: the agents who have this chat on their desk as a conference guest, as last read or written. */
  private guestsOf(interactionId: string): Set<string> {
    let guests = this.guests.get(interactionId);
    if (!guests) this.guests.set(interactionId, (guests = new Set()));
    return guests;
  }

  /** Effects outside the database, after commit: a crash before this point replays nothing twice (the provider is
   * told again by reconciliation on restart); a crash after it loses nothing that was acknowledged. */
  private async afterCommit(
    effects: Effect[],
    changedAgents: string[],
    origin: { deskAgentId: string | null; at: Instant }
  ): Promise<void> {
    if (effects.some((e) => e.kind === 'timer')) await this.armTimers();
    if (changedAgents.length > 0) for (const listener of this.listeners) listener([...new Set(changedAgents)]);
    this.tellNotices(effects, origin);
    for (const effect of effects) {
      if (effect.kind !== 'sync' || effect.operation.op !== 'workItem.update') continue;
      for (const listener of this.workItemListeners) listener(effect.operation);
    }
    const provider = this.provider;
    if (!provider) return;
    if (changedAgents.length > 0) provider.kick?.();
    // Provider calls may call back into the engine: they run outside the serial section.
    queueMicrotask(() => {
      for (const effect of effects) {
        if (effect.kind === 'provider') void this.safely(() => provider.perform(effect as ProviderEffect));
        else if (effect.kind === 'routing') void this.safely(() => provider.route(routingOf(effect)));
      }
    });
  }

  /** Notice effects to the agent each concerns (see notices.ts); the others stay in the machines' tests only. */
  private tellNotices(effects: Effect[], origin: { deskAgentId: string | null; at: Instant }): void {
    if (this.noticeListeners.size === 0) return;
    const queues = this.deps.core.config.digital.queues;
    for (const effect of effects) {
      if (effect.kind !== 'notice') continue;
      const addressed = addressNotice(effect, {
        ...origin,
        queueName: (id) => queues.find((q) => q.id === id)?.name ?? null,
        agentName: (id) => this.deps.directory.get(id)?.name ?? null
      });
      if (addressed) for (const listener of this.noticeListeners) listener(addressed.agentId, addressed.notice);
    }
  }

  private async safely(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.deps.log.error({ err: error }, 'provider effect failed');
    }
  }

  /** Durable timers: the next due one is armed in memory; on restart they are armed again from the table. */
  private async armTimers(): Promise<void> {
    if (this.stopped) return;
    const next = await store.timers.nextFireAt(this.deps.db);
    if (next === null || (this.nextTimerAt !== null && this.nextTimerAt <= next && this.timer)) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextTimerAt = next;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.nextTimerAt = null;
        this.fireDueTimers().catch((error: unknown) => {
          // A timer that could not be fed back stays in the table and is retried when the engine next arms timers.
          this.deps.log.error({ err: error }, 'firing timers failed');
        });
      },
      Math.max(0, next - this.now())
    );
    this.timer.unref();
  }

  /** Feeds every due timer back as a clock event. Exposed for tests with a controlled clock. */
  async fireDueTimers(): Promise<number> {
    if (this.stopped) return 0;
    const due = await store.timers.listDue(this.deps.db, this.now());
    let fired = 0;
    for (const timer of due) {
      const result = await this.serial(async () => {
        if (!(await store.timers.take(this.deps.db, timer))) return false;
        const at = this.now();
        const record = await store.interactions.get(this.deps.db, timer.interactionId);
        if (!record || record.ownerAgentId === null || record.lifecycle === 'closed') return false;
        const loaded = await this.loadDesk(record.ownerAgentId);
        const r = this.apply(loaded.desk, {
          type: 'clock',
          at,
          interactionId: timer.interactionId,
          timer: timer.timer as 'offer' | 'wrapUp'
        });
        if (!r.ok) {
          this.deps.log.warn(
            { interactionId: timer.interactionId, timer: timer.timer, code: r.rejection.code },
            'timer refused'
          );
          return false;
        }
        await this.commit(loaded, r.state, r.effects, at, {
          source: 'clock',
          kind: timer.timer,
          interactionId: timer.interactionId,
          payload: {}
        });
        return true;
      });
      if (result) fired++;
    }
    await this.armTimers();
    return fired;
  }
}

/** History depends on the contact chosen so far (Name), so choosing one shows that contact's other channels. */
const historyKey = (i: AnyInteraction): string => `${i.id}\n${i.details.whoId ?? ''}`;

/** C16: a finished interaction as the contact history lists it. */
function historyEntry(state: AnyInteraction): HistoryEntry {
  const lastAgent = (state as { lastAgentId?: string | null }).lastAgentId ?? null;
  return {
    interactionId: state.id,
    channel: state.channel,
    endedAt: state.timers.endedAt,
    agentId: state.ownerAgentId ?? lastAgent,
    dispositions: state.details.dispositions,
    taskKey: `task:${state.id}`
  };
}

function tagTimers(effects: Effect[], interactionId: string): Effect[] {
  return effects.map((e) => (e.kind === 'timer' && e.interactionId === undefined ? { ...e, interactionId } : e));
}

function refused(rejection: Rejection): PortResult {
  return { ok: false, code: rejection.code, message: rejection.message };
}

function routingOf(effect: RoutingEffect): Parameters<ProviderPort['route']>[0] {
  const { kind: _kind, ...rest } = effect;
  return rest;
}
