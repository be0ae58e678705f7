// A tiny in-memory engine over the real interaction core: each agent has a desk; offers, provider events and agent
// commands go through the real machines, and their provider and routing effects come back to the simulator. It
// proves the simulator's events parse against the machines' own schemas.
import { handoverOf } from '../../../interactions/chat';
import type { AnyCommand, DeskAgent, DialRequest } from '../../../interactions/desk/channels';
import type { DeskEvent } from '../../../interactions/desk/machine';
import { initialDesk, type DeskState } from '../../../interactions/desk/state';
import type { Effect, TimerName } from '../../../interactions/kernel/effects';
import type { Channel } from '../../../interactions/kernel/types';
import { coreConfigSchema, InteractionCoreRuntime, type AnyInteraction } from '../../../interactions/registry';
import type { EnginePort, PortResult, RoutableAgent } from '../../port';
import type { Simulator } from '../simulator';
import type { FakeClock } from './harness';

type Desk = DeskState<AnyInteraction>;

export class CoreEngine implements EnginePort {
  readonly core: InteractionCoreRuntime;
  readonly desks = new Map<string, Desk>();
  /** Digital conversations nobody has opened yet. */
  readonly queued = new Map<string, AnyInteraction>();
  /** Every refusal the machines gave the simulator, by code: the test expects none. */
  readonly refusals: { interactionId: string; type: string; code: string }[] = [];
  sim: Simulator | null = null;

  constructor(
    private readonly clock: FakeClock,
    private readonly agents: { agent: DeskAgent; queueIds: string[] }[],
    digitalQueues: { id: string; members: string[] }[]
  ) {
    this.core = new InteractionCoreRuntime(
      coreConfigSchema.parse({
        digital: { queues: digitalQueues.map((q) => ({ ...q, name: q.id, kind: 'digital' })) }
      })
    );
    for (const { agent } of agents) this.desks.set(agent.agentId, initialDesk<AnyInteraction>(agent, clock.now()));
  }

  async offer(offer: { channel: 'voice' | 'chat'; event: unknown }): Promise<PortResult> {
    const at = this.clock.now();
    const created =
      offer.channel === 'voice' ? this.core.offerCall(offer.event, at) : this.core.offerChat(offer.event, at);
    if (!created.ok) return this.refused('(offer)', 'offer', created.rejection.code, created.rejection.message);
    const agentId = created.state.ownerAgentId ?? '';
    return this.apply(agentId, { type: 'offer', at, interaction: created.state, effects: created.effects }, false);
  }

  async receiveInbound(event: unknown): Promise<PortResult> {
    const created = this.core.receiveInbound(event, this.clock.now());
    if (!created.ok) return this.refused('(inbound)', 'inbound', created.rejection.code, created.rejection.message);
    this.queued.set(created.state.id, created.state);
    return { ok: true };
  }

  async providerEvent(interactionId: string, event: unknown): Promise<PortResult> {
    const at = this.clock.now();
    const type = String((event as { type?: unknown }).type);
    const queued = this.queued.get(interactionId);
    if (queued) {
      const result = this.core.transition(queued, { source: 'provider', at, event: event as { type: string } });
      if (!result.ok) return this.refused(interactionId, type, result.rejection.code, result.rejection.message);
      this.queued.set(interactionId, result.state);
      await this.run(result.effects, result.state);
      return { ok: true };
    }
    const agentId = this.holderOf(interactionId);
    if (agentId === null) return this.refused(interactionId, type, 'UNKNOWN_INTERACTION', 'unknown');
    return this.apply(agentId, { type: 'provider', at, interactionId, event: event as { type: string } });
  }

  async routableAgents(): Promise<RoutableAgent[]> {
    return this.agents.map(({ agent, queueIds }) => {
      const presence = this.desk(agent.agentId).presence;
      return {
        agentId: agent.agentId,
        name: agent.agentName,
        queueIds,
        status: presence.status,
        since: presence.since
      };
    });
  }

  async channelOf(interactionId: string): Promise<Channel | null> {
    const holder = this.holderOf(interactionId);
    return (
      (holder ? this.desk(holder).interactions[interactionId]?.channel : this.queued.get(interactionId)?.channel) ??
      null
    );
  }

  // ---- what the agents do, for the tests ----

  available(agentId: string) {
    return this.apply(agentId, { type: 'presenceCommand', at: this.clock.now(), command: { command: 'goAvailable' } });
  }

  command(agentId: string, interactionId: string, command: AnyCommand) {
    return this.apply(agentId, { type: 'command', at: this.clock.now(), interactionId, command });
  }

  dial(agentId: string, request: DialRequest) {
    return this.apply(agentId, { type: 'dial', at: this.clock.now(), request });
  }

  /** D4: open a conversation waiting in a queue. */
  async open(agentId: string, interactionId: string) {
    const interaction = this.queued.get(interactionId);
    if (!interaction) return { ok: false as const, code: 'UNKNOWN', message: 'not queued' };
    this.queued.delete(interactionId);
    return this.apply(agentId, { type: 'take', at: this.clock.now(), interaction, command: { command: 'open' } });
  }

  fireTimer(agentId: string, interactionId: string, timer: TimerName) {
    return this.apply(agentId, { type: 'clock', at: this.clock.now(), interactionId, timer });
  }

  desk(agentId: string): Desk {
    const desk = this.desks.get(agentId);
    if (!desk) throw new Error(`no desk for ${agentId}`);
    return desk;
  }

  interaction(agentId: string, interactionId: string): AnyInteraction | undefined {
    return this.desk(agentId).interactions[interactionId];
  }

  private holderOf(interactionId: string): string | null {
    for (const [agentId, desk] of this.desks) if (desk.interactions[interactionId]) return agentId;
    return null;
  }

  private async apply(agentId: string, event: DeskEvent<AnyInteraction>, record = true): Promise<PortResult> {
    const desk = this.desks.get(agentId);
    if (!desk) return { ok: false, code: 'UNKNOWN_AGENT', message: agentId };
    const before = 'interactionId' in event ? desk.interactions[event.interactionId] : undefined;
    const result = this.core.desk.transition(desk, event);
    if (!result.ok) {
      const { code, message } = result.rejection;
      const interactionId = 'interactionId' in event ? event.interactionId : event.type;
      return record ? this.refused(interactionId, event.type, code, message) : { ok: false, code, message };
    }
    this.desks.set(agentId, result.state);
    const after = 'interactionId' in event ? (result.state.interactions[event.interactionId] ?? before) : undefined;
    await this.run(result.effects, after);
    return { ok: true };
  }

  /** Provider and routing effects go to the simulator, as the connector's shell does after committing. */
  private async run(effects: Effect[], interaction: AnyInteraction | undefined): Promise<void> {
    const sim = this.sim;
    if (!sim) return;
    for (const effect of effects) {
      if (effect.kind === 'provider') await sim.perform(effect);
      if (effect.kind === 'routing') {
        const handover = interaction?.channel === 'chat' ? handoverOf(interaction) : undefined;
        const { kind: _kind, ...route } = effect;
        await sim.route(handover ? { ...route, handover } : route);
      }
      // Timers, sync and notices are the shell's business, not the simulator's.
    }
  }

  private refused(interactionId: string, type: string, code: string, message: string): PortResult {
    this.refusals.push({ interactionId, type, code });
    return { ok: false, code, message };
  }
}
