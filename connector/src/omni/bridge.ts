// The connector's side of Omni-Channel (A2, S1–S4, C15). Omni presence and work control exist only in the console
// (lightning:omniToolkitAPI), so the panel's Omni relay reports what Omni does and applies the omniAction frames sent
// here. The bridge reconciles: what Omni should show (from the desk's presence and each work item's machine) against
// what the relay last reported, and sends the one action that closes the gap. Work state is kept in the store.
import type { OmniAction, OmniEvent } from '../api/schema';
import type { Engine, WorkItemOperation } from '../engine/engine';
import type { Channel, Instant } from '../interactions/kernel/types';
import type { PresenceState } from '../interactions/presence/state';
import type { Logger } from '../log';
import type { WorkRouted } from '../salesforce/settle';
import * as store from '../store';
import type { Db } from '../store';
import type { OmniStatusMap } from '../settings/mapping';
import { omniTargetOf, presenceEventOf, sameTarget, type OmniTarget } from './presence';
import { isSettled, newOmniWork, omniWorkStep, type OmniWork, type OmniWorkEvent } from './work';

export interface OmniBridgeDeps {
  db: Db;
  engine: Engine;
  statusMap: () => OmniStatusMap;
  /** The ServicePresenceStatus Id of an API name (omni/statuses.ts); null when the org has no such status. */
  statusIdOf: (statusApiName: string) => string | null;
  /** Sends an action to the agent's relay; false when the agent has no relay connected. */
  send: (agentId: string, action: OmniAction) => boolean;
  log: Logger;
  now: () => Instant;
}

interface AgentOmni {
  /** What the relay last reported Omni shows; null until it reported. */
  reported: OmniTarget | null;
  /** The status action in flight, if any. */
  statusInFlight: { id: string; target: OmniTarget } | null;
  /**
   * What status actions sent asked Omni to show, oldest first, until the relay reports Omni showing it. Such a
   * report is the echo of our own action (Omni fires its status event after every change, ours too): when it arrives
   * after the agent already changed again in the softphone, it must not count as a choice made in Omni.
   */
  echoes: OmniTarget[];
  actions: number;
}

/** Echoes a relay never reported (a toolkit that stayed silent) are forgotten beyond this many. */
const MAX_ECHOES = 8;

export class OmniBridge {
  private readonly agents = new Map<string, AgentOmni>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: OmniBridgeDeps) {}

  /** The agent's relay connected (or reconnected): what is owed is sent again. */
  relayConnected(agentId: string): Promise<void> {
    return this.serial(async () => {
      const agent = this.agentOf(agentId);
      agent.statusInFlight = null;
      agent.echoes = [];
      await this.reconcileStatus(agentId);
      for (const record of await store.omniWork.listUnsettled(this.deps.db, agentId)) {
        await this.step(record.interactionId, agentId, { type: 'relayConnected' });
      }
    });
  }

  /** What the relay saw in Omni-Channel. */
  report(agentId: string, event: OmniEvent): Promise<void> {
    return this.serial(async () => {
      if (event.kind === 'status') return this.statusReported(agentId, event);
      if (event.kind === 'actionResult') return this.actionResult(agentId, event);
      const work = await this.findWork(agentId, event.workId, event.workItemId);
      if (!work) {
        this.deps.log.debug({ agentId, workId: event.workId, kind: event.kind }, 'omni work not ours');
        return;
      }
      await this.step(work.interactionId, agentId, { type: 'omni', kind: event.kind });
    });
  }

  /** The org's presence status Ids were read again and changed: statuses that could not be set may be now. */
  statusesChanged(): Promise<void> {
    return this.serial(async () => {
      for (const agentId of this.agents.keys()) await this.reconcileStatus(agentId);
    });
  }

  /** The agent's presence changed on the softphone's side. */
  presenceChanged(agentId: string): Promise<void> {
    return this.serial(() => this.reconcileStatus(agentId));
  }

  /** S2–S4: the engine committed a work item change. */
  workItemChanged(op: WorkItemOperation): Promise<void> {
    return this.serial(() => this.step(op.interactionId, op.agentId, { type: 'softphone', status: op.status }));
  }

  /** S2: sync routed the work to Omni (AgentWork created). */
  workRouted(routed: WorkRouted): Promise<void> {
    return this.serial(() =>
      this.step(routed.interactionId, routed.agentId, {
        type: 'routed',
        workId: routed.workId,
        workItemId: routed.workItemId
      })
    );
  }

  // ---- presence ------------------------------------------------------------------------------------------------

  private async statusReported(agentId: string, event: Extract<OmniEvent, { kind: 'status' }>): Promise<void> {
    const agent = this.agentOf(agentId);
    const reported: OmniTarget =
      event.statusApiName === null ? { kind: 'loggedOut' } : { kind: 'status', statusApiName: event.statusApiName };
    agent.reported = reported;
    const echo = agent.echoes.findIndex((sent) => sameTarget(sent, reported));
    if (echo >= 0) agent.echoes.splice(0, echo + 1);
    const presence = this.deps.engine.cachedPresence(agentId) ?? (await this.presenceOf(agentId));
    const target = omniTargetOf(presence, this.deps.statusMap());
    // Omni shows what the softphone wants, or what it wanted a moment ago (the echo of our own action): nothing to
    // decide; reconciling below sends what the softphone wants now.
    if (echo < 0 && !sameTarget(reported, target)) {
      const result = await this.deps.engine.omniPresence(agentId, presenceEventOf(event, this.deps.statusMap()));
      if (!result.ok) this.deps.log.warn({ agentId, code: result.code }, 'omni status change refused');
    }
    await this.reconcileStatus(agentId);
  }

  private async reconcileStatus(agentId: string): Promise<void> {
    const agent = this.agentOf(agentId);
    const presence = this.deps.engine.cachedPresence(agentId) ?? (await this.presenceOf(agentId));
    const target = omniTargetOf(presence, this.deps.statusMap());
    if (sameTarget(agent.reported, target)) return;
    if (agent.statusInFlight && sameTarget(agent.statusInFlight.target, target)) return;
    // Nothing reported yet and the agent is offline: a relay that has not spoken must not be told to log out.
    if (agent.reported === null && target.kind === 'loggedOut') return;
    const action = this.statusAction(agentId, agent, target);
    if (!action) return;
    if (!this.deps.send(agentId, action)) return;
    agent.statusInFlight = { id: action.id, target };
    agent.echoes = [...agent.echoes, target].slice(-MAX_ECHOES);
  }

  /** The action that makes Omni show `target`; null when the status has no Id in the org (logged, not sent). */
  private statusAction(agentId: string, agent: AgentOmni, target: OmniTarget): OmniAction | null {
    if (target.kind === 'loggedOut') return { id: `status.${agentId}.${++agent.actions}`, kind: 'logout' };
    const statusId = this.deps.statusIdOf(target.statusApiName);
    if (statusId === null) {
      // The console sets statuses by Id only: nothing is sent (the next settings read may bring the Id).
      this.deps.log.warn(
        { agentId, code: 'OMNI_UNKNOWN_STATUS', statusApiName: target.statusApiName },
        'no ServicePresenceStatus in the org has this API name: the Omni status is not set'
      );
      return null;
    }
    return {
      id: `status.${agentId}.${++agent.actions}`,
      kind: 'setStatus',
      statusId,
      statusApiName: target.statusApiName
    };
  }

  // ---- work ----------------------------------------------------------------------------------------------------

  private async actionResult(agentId: string, event: Extract<OmniEvent, { kind: 'actionResult' }>): Promise<void> {
    const agent = this.agentOf(agentId);
    if (agent.statusInFlight?.id === event.actionId) {
      if (event.ok) agent.reported = agent.statusInFlight.target;
      else {
        this.deps.log.warn({ agentId, code: event.error?.code }, 'omni status action failed');
        // Omni did not change: no echo will come for it.
        const target = agent.statusInFlight.target;
        agent.echoes = agent.echoes.filter((sent) => sent !== target);
      }
      agent.statusInFlight = null;
      return;
    }
    // Work actions are named after their AgentWork: "<workId>.<n>".
    const workId = event.actionId.split('.')[0] ?? '';
    const work = await this.findWork(agentId, workId, null);
    if (!work) return;
    if (!event.ok) this.deps.log.warn({ agentId, workId, code: event.error?.code }, 'omni work action failed');
    await this.step(work.interactionId, agentId, { type: 'result', actionId: event.actionId, ok: event.ok });
  }

  private async step(interactionId: string, agentId: string, event: OmniWorkEvent): Promise<void> {
    const { db, now } = this.deps;
    const record = await store.omniWork.get(db, interactionId, agentId);
    const before = (record?.state as OmniWork | undefined) ?? newOmniWork(interactionId, agentId);
    const result = omniWorkStep(before, event);
    let state = result.state;
    if (result.action && !this.deps.send(agentId, result.action)) {
      // No relay connected: the action is owed and goes when the relay connects.
      state = { ...state, inFlight: null };
    }
    await store.omniWork.put(db, { interactionId, agentId, state, settled: isSettled(state) }, now());
    if (result.closedInSalesforce) await this.closedInSalesforce(interactionId);
  }

  /** C15: closing the work item in Salesforce ends the interaction (each channel names the event its own way). */
  private async closedInSalesforce(interactionId: string): Promise<void> {
    const channel: Channel | null = await this.deps.engine.channelOf(interactionId);
    if (channel === null) return;
    const event =
      channel === 'voice'
        ? { type: 'workItemClosed', interactionId }
        : channel === 'chat'
          ? { type: 'workItem.closed' }
          : { type: 'workItemClosed' };
    const result = await this.deps.engine.providerEvent(interactionId, event);
    if (!result.ok)
      this.deps.log.info({ interactionId, code: result.code }, 'work closed in Salesforce: nothing to end');
  }

  private async findWork(agentId: string, workId: string, workItemId: string | null): Promise<OmniWork | null> {
    const id15 = (id: string | null) => (id ?? '').slice(0, 15);
    const open = await store.omniWork.listUnsettled(this.deps.db, agentId);
    for (const record of open) {
      const state = record.state as OmniWork;
      if (id15(state.workId) === id15(workId) || (workItemId !== null && id15(state.workItemId) === id15(workItemId))) {
        return state;
      }
    }
    return null;
  }

  private async presenceOf(agentId: string): Promise<PresenceState> {
    const presences = await this.deps.engine.presences();
    return presences.get(agentId) ?? { agentId, status: 'Offline', reasonCode: null, since: 0, resumeStatus: null };
  }

  private agentOf(agentId: string): AgentOmni {
    let agent = this.agents.get(agentId);
    if (!agent) this.agents.set(agentId, (agent = { reported: null, statusInFlight: null, echoes: [], actions: 0 }));
    return agent;
  }

  /** One change at a time, so a report and a routed work item never interleave on the same row. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch((error: unknown) => this.deps.log.error({ err: error }, 'omni bridge step failed'));
    return run;
  }
}
