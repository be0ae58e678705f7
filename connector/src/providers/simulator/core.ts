// The simulator's shared state and the small services every part uses: the contacts and their legs, the routing
// queues, deferred follow-ups on the injected clock, and sending events to the engine. Logs carry ids and kinds only:
// nothing a customer or agent writes is ever logged.
import type { Instant } from '../../interactions/kernel/types';
import type { EnginePort, PortResult, RoutableAgent } from '../port';
import type { SimClock, TimerHandle } from './clock';
import type { Contact, CustomerSideEntry, EndedReason, Leg, RoutingRequest } from './contact';
import type { IdSource } from './ids';
import type { FailureReason, Scenario, ScenarioSettings } from './scenario';
import { SerialRunner } from './serial';

/** The subset of a pino logger the simulator uses. */
export interface SimLog {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

const silent = (): void => undefined;
export const silentLog: SimLog = { debug: silent, info: silent, warn: silent, error: silent };

export type ProviderEventBody = { type: string } & Record<string, unknown>;

export class SimCore {
  readonly contacts = new Map<string, Contact>();
  /** Customers waiting per queue, head first (a requeued contact goes back to the head, A4). */
  readonly waiting = new Map<string, string[]>();
  readonly serial: SerialRunner;
  engine: EnginePort | null = null;
  stopped = false;
  /** Set by the simulator: runs routing soon. */
  kick: () => void = () => undefined;
  private readonly legIndex = new Map<string, string>();
  private readonly agentNames = new Map<string, string>();
  private readonly globalTimers = new Set<TimerHandle>();

  constructor(
    readonly scenario: Scenario,
    readonly clock: SimClock,
    readonly ids: IdSource,
    readonly log: SimLog
  ) {
    this.serial = new SerialRunner((error) =>
      this.log.error({ event: 'sim.taskFailed', code: 'SIM_TASK_FAILED', error: errorName(error) })
    );
    for (const agent of scenario.agents) this.agentNames.set(agent.agentId, agent.name);
  }

  get settings(): ScenarioSettings {
    return this.scenario.settings;
  }

  now(): Instant {
    return this.clock.now();
  }

  /** By contact id or by any of its legs' interaction ids. */
  find(id: string): Contact | undefined {
    return this.contacts.get(id) ?? this.contacts.get(this.legIndex.get(id) ?? '');
  }

  register(contact: Contact): void {
    this.contacts.set(contact.id, contact);
  }

  addLeg(contact: Contact, leg: Leg): void {
    contact.legs.push(leg);
    this.legIndex.set(leg.id, contact.id);
  }

  /** An offer the engine refused never became an interaction: forget it. */
  dropLeg(contact: Contact, legId: string): void {
    contact.legs = contact.legs.filter((leg) => leg.id !== legId);
    this.legIndex.delete(legId);
  }

  legOf(contact: Contact, legId: string): Leg | undefined {
    return contact.legs.find((leg) => leg.id === legId);
  }

  entry(contact: Contact, entry: Omit<CustomerSideEntry, 'at'>): void {
    contact.entries.push({ at: this.now(), ...entry });
  }

  notice(contact: Contact, notice: string, author: string | null = null): void {
    this.entry(contact, { from: 'system', author, notice });
  }

  /** Runs `task` in order with everything else, now or `ms` later on the clock; dropped when the contact ends. */
  later(contact: Contact | null, ms: number, task: () => Promise<void>): void {
    const run = () => {
      if (!this.stopped) this.serial.fire(task);
    };
    if (ms <= 0) {
      run();
      return;
    }
    const timers = contact?.timers ?? this.globalTimers;
    const handle = this.clock.setTimeout(() => {
      timers.delete(handle);
      run();
    }, ms);
    timers.add(handle);
  }

  cancelAllTimers(): void {
    for (const timers of [this.globalTimers, ...[...this.contacts.values()].map((c) => c.timers)]) {
      for (const handle of timers) this.clock.clearTimeout(handle);
      timers.clear();
    }
  }

  /** Sends a provider event about one leg; refusals are logged by code and returned. */
  async emit(legId: string, event: ProviderEventBody): Promise<PortResult> {
    const engine = this.engine;
    if (!engine) return { ok: false, code: 'SIMULATOR_NOT_STARTED', message: 'The simulator is not started.' };
    const fields = { interactionId: legId, type: event.type };
    try {
      const result = await engine.providerEvent(legId, event);
      if (result.ok) this.log.debug({ event: 'sim.providerEvent', ...fields });
      else this.log.warn({ event: 'sim.providerEventRefused', ...fields, code: result.code });
      return result;
    } catch (error) {
      this.log.error({ event: 'sim.providerEventFailed', ...fields, code: 'ENGINE_FAILED', error: errorName(error) });
      return { ok: false, code: 'ENGINE_FAILED', message: 'The connector could not take the event.' };
    }
  }

  /** Puts a contact in its request's queue: at the tail when new, at the head when it comes back (A4). */
  enqueue(contact: Contact, request: RoutingRequest, atHead: boolean): void {
    this.unlist(contact.id);
    contact.request = request;
    const list = this.waiting.get(request.queueId) ?? [];
    if (atHead) list.unshift(contact.id);
    else list.push(contact.id);
    this.waiting.set(request.queueId, list);
    this.kick();
  }

  /** Routing is over for this contact (answered, gone, or released). */
  withdraw(contact: Contact): void {
    this.unlist(contact.id);
    contact.request = null;
  }

  unlist(contactId: string): void {
    for (const [queueId, list] of this.waiting) {
      const index = list.indexOf(contactId);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) this.waiting.delete(queueId);
    }
  }

  /** The customer's side is over: routing stops, scripted steps are cancelled. */
  end(contact: Contact, reason: EndedReason): void {
    if (contact.state === 'ended') return;
    contact.state = 'ended';
    contact.endedReason = reason;
    this.withdraw(contact);
    for (const handle of contact.timers) this.clock.clearTimeout(handle);
    contact.timers.clear();
    this.log.info({ event: 'sim.contactEnded', interactionId: contact.id, channel: contact.channel, reason });
  }

  rememberAgents(agents: RoutableAgent[]): void {
    for (const agent of agents) this.agentNames.set(agent.agentId, agent.name);
  }

  nameAgent(agentId: string, name: string): void {
    if (agentId !== '' && name !== '') this.agentNames.set(agentId, name);
  }

  agentName(agentId: string): string | null {
    return this.agentNames.get(agentId) ?? null;
  }

  queueName(queueId: string): string | null {
    return this.scenario.queues.find((queue) => queue.id === queueId)?.name ?? null;
  }

  /** Members the scenario names for a queue (queue.members and agents[].queueIds). */
  scenarioMembers(queueId: string): Set<string> {
    const members = new Set(this.scenario.queues.find((queue) => queue.id === queueId)?.members ?? []);
    for (const agent of this.scenario.agents) if (agent.queueIds.includes(queueId)) members.add(agent.agentId);
    return members;
  }

  unreachable(number: string | null): FailureReason | null {
    if (number === null) return 'invalidNumber';
    return this.settings.unreachableNumbers.find((entry) => entry.number === number)?.reason ?? null;
  }

  nextMessageId(contact: Contact): string {
    contact.counters.message += 1;
    return `${contact.id}:m${contact.counters.message}`;
  }
}

export const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
