// Test doubles: a clock driven by hand, and an engine that records what the simulator tells it and can refuse offers.
import type { Channel } from '../../../interactions/kernel/types';
import type { EnginePort, PortResult, RoutableAgent } from '../../port';
import type { SimClock } from '../clock';
import type { IdSource } from '../ids';
import { parseScenario, type Scenario } from '../scenario';
import { Simulator } from '../simulator';

export const T0 = 1_700_000_000_000;

interface PendingTimer {
  at: number;
  seq: number;
  callback: () => void;
}

export class FakeClock implements SimClock {
  private time = T0;
  private seq = 0;
  private timers: PendingTimer[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { at: this.time + ms, seq: this.seq++, callback };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer !== handle);
  }

  /** Moves time forward, firing due timers in order and letting the simulator settle after each. */
  async advance(ms: number, sim: Simulator): Promise<void> {
    const end = this.time + ms;
    await sim.idle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
      await sim.idle();
    }
    this.time = end;
    await sim.idle();
  }
}

export function counterIds(): IdSource {
  let uuid = 0;
  let number = 0;
  return {
    uuid: () => `u${++uuid}`,
    interactionNumber: () => `D-${String(++number).padStart(6, '0')}`
  };
}

export type OfferCall = { channel: 'voice' | 'chat'; event: Record<string, unknown> };

export class FakeEngine implements EnginePort {
  agents: RoutableAgent[] = [];
  offers: OfferCall[] = [];
  inbound: Record<string, unknown>[] = [];
  events: { interactionId: string; event: Record<string, unknown> }[] = [];
  /** Return a refusal to refuse the offer (A3–A5 on the engine's side). */
  refuse: (offer: OfferCall) => PortResult | null = () => null;
  refuseEvent: (interactionId: string, event: Record<string, unknown>) => PortResult | null = () => null;
  channels = new Map<string, Channel>();

  async offer(offer: { channel: 'voice' | 'chat'; event: unknown }): Promise<PortResult> {
    const call = { channel: offer.channel, event: offer.event as Record<string, unknown> };
    this.offers.push(call);
    return this.refuse(call) ?? { ok: true };
  }

  async receiveInbound(event: unknown): Promise<PortResult> {
    this.inbound.push(event as Record<string, unknown>);
    return { ok: true };
  }

  async providerEvent(interactionId: string, event: unknown): Promise<PortResult> {
    const record = event as Record<string, unknown>;
    this.events.push({ interactionId, event: record });
    return this.refuseEvent(interactionId, record) ?? { ok: true };
  }

  async routableAgents(): Promise<RoutableAgent[]> {
    return this.agents.map((agent) => ({ ...agent, queueIds: [...agent.queueIds] }));
  }

  async channelOf(interactionId: string): Promise<Channel | null> {
    return this.channels.get(interactionId) ?? null;
  }

  /** Offers made to one agent, in order. */
  offersTo(agentId: string): OfferCall[] {
    return this.offers.filter((offer) => offer.event.agentId === agentId);
  }

  eventsOf(type: string): { interactionId: string; event: Record<string, unknown> }[] {
    return this.events.filter((entry) => entry.event.type === type);
  }

  setStatus(agentId: string, status: RoutableAgent['status'], since?: number): void {
    this.agents = this.agents.map((agent) =>
      agent.agentId === agentId ? { ...agent, status, since: since ?? agent.since } : agent
    );
  }
}

export const agent = (
  agentId: string,
  queueIds: string[],
  since: number,
  status: RoutableAgent['status'] = 'Available'
): RoutableAgent => ({ agentId, name: `Agent ${agentId}`, queueIds, status, since });

export function testScenario(overrides: Record<string, unknown> = {}): Scenario {
  const result = parseScenario({
    version: 1,
    settings: { ringMs: 1_000, replyDelayMs: 2_000, sweepMs: 5_000, reofferAfterMs: 15_000 },
    queues: [
      { id: 'q-voice', name: 'Voice Support', channels: ['voice'] },
      { id: 'q-sales', name: 'Voice Sales', channels: ['voice'] },
      { id: 'q-chat', name: 'Chat Support', channels: ['chat'] },
      { id: 'q-chat-2', name: 'Chat Billing', channels: ['chat'] },
      {
        id: 'q-digital',
        name: 'Digital',
        channels: ['email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x']
      }
    ],
    ...overrides
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.scenario;
}

export interface Rig {
  sim: Simulator;
  engine: FakeEngine;
  clock: FakeClock;
}

export async function rig(scenario: Scenario = testScenario(), agents: RoutableAgent[] = []): Promise<Rig> {
  const clock = new FakeClock();
  const engine = new FakeEngine();
  engine.agents = agents;
  const sim = new Simulator({ scenario, clock, ids: counterIds() });
  await sim.start(engine);
  await sim.idle();
  return { sim, engine, clock };
}

export function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}
