// The simulator provider: the embedded default that makes the product run on one machine. It routes waiting calls and
// chats to agents, plays scripted customers from a scenario file, answers every provider effect the way a PBX or a
// messaging vendor would, and lets a person or a test act as a customer (see customerApi.ts, docs/simulator.md).
import type { ChatAttachment } from '../../interactions/chat/commands';
import type { ProviderEffect } from '../../interactions/kernel/effects';
import type { Channel } from '../../interactions/kernel/types';
import type { EnginePort, PortResult, ProviderPort } from '../port';
import { leaveChat, startChat, writeInChat, type StartChatInput } from './chatCustomer';
import { systemClock, type SimClock } from './clock';
import { newContact, viewOf, type Contact, type CustomerView } from './contact';
import { SimCore, errorName, silentLog, type SimLog } from './core';
import { newConversation, writeAgain, type NewMessageInput } from './digital';
import { defaultIdSource, type IdSource } from './ids';
import { performEffect } from './perform';
import { failure, success, type SimError, type SimResult } from './results';
import { Router } from './router';
import { applyRoute, type RouteEffect } from './routing';
import { defaultScenario, type Scenario, type ScenarioQueue } from './scenario';
import { scheduleScript } from './script';
import { hangUp, placeCall, pressDigits, type PlaceCallInput } from './voiceCustomer';

export interface SimulatorOptions {
  /** Parsed scenario (parseScenario / loadScenarioFile); the shipped default.json when absent. */
  scenario?: Scenario;
  clock?: SimClock;
  ids?: IdSource;
  /** A pino logger fits. Only ids, kinds and codes are logged. */
  log?: SimLog;
}

export interface QueueSummary {
  id: string;
  name: string;
  channels: Channel[];
  skills: string[];
  /** Calls and chats not yet answered by an agent (waiting or being offered). */
  waitingCalls: number;
  waitingChats: number;
  /** Digital conversations whose customer wrote last. */
  waitingMessages: number;
  /** The earliest "waiting since" among them, or null. */
  oldestWaitingSince: number | null;
}

export class Simulator implements ProviderPort {
  readonly name = 'simulator';
  private readonly core: SimCore;
  private readonly router: Router;

  constructor(options: SimulatorOptions = {}) {
    this.core = new SimCore(
      options.scenario ?? defaultScenario(),
      options.clock ?? systemClock,
      options.ids ?? defaultIdSource(),
      options.log ?? silentLog
    );
    this.router = new Router(this.core);
    this.core.kick = () => this.router.kick();
  }

  get scenario(): Scenario {
    return this.core.scenario;
  }

  async start(engine: EnginePort): Promise<void> {
    const running = this.core.engine !== null && !this.core.stopped;
    this.core.engine = engine;
    // Started twice: the script is already playing; do not play it twice.
    if (running) return;
    this.core.stopped = false;
    scheduleScript(this.core);
    this.sweep();
    this.router.kick();
    this.core.log.info({ event: 'sim.started', queues: this.core.scenario.queues.length });
  }

  async stop(): Promise<void> {
    this.core.stopped = true;
    this.core.cancelAllTimers();
    await this.core.serial.idle();
    this.core.engine = null;
  }

  async perform(effect: ProviderEffect): Promise<void> {
    try {
      performEffect(this.core, effect);
    } catch (error) {
      this.core.log.error({
        event: 'sim.performFailed',
        interactionId: effect.interactionId,
        code: 'SIM_FAILED',
        error: errorName(error)
      });
    }
  }

  async route(effect: RouteEffect): Promise<void> {
    try {
      applyRoute(this.core, effect);
    } catch (error) {
      this.core.log.error({
        event: 'sim.routeFailed',
        interactionId: effect.interactionId,
        code: 'SIM_FAILED',
        error: errorName(error)
      });
    }
  }

  /** The engine calls this after any presence or capacity change: routing runs again soon. */
  kick(): void {
    this.router.kick();
  }

  /** Resolves when nothing the simulator started is still running (for tests and orderly shutdown). */
  idle(): Promise<void> {
    return this.core.serial.idle();
  }

  // ---- The customer's side ----

  placeCall(input: PlaceCallInput): Promise<SimResult<CustomerView>> {
    return this.core.serial.run(async () => {
      const refused = this.checkQueue(input.queueId, 'voice');
      if (refused) return refused;
      return success(viewOf(placeCall(this.core, input)));
    });
  }

  pressDigits(interactionId: string, digits: string): Promise<SimResult<CustomerView>> {
    return this.onContact(interactionId, ['voice'], async (contact) => {
      pressDigits(this.core, contact, digits);
      return { ok: true };
    });
  }

  hangUp(interactionId: string): Promise<SimResult<CustomerView>> {
    return this.onContact(interactionId, ['voice'], async (contact) => {
      await hangUp(this.core, contact);
      return { ok: true };
    });
  }

  startChat(input: StartChatInput): Promise<SimResult<CustomerView>> {
    return this.core.serial.run(async () => {
      const refused = this.checkQueue(input.queueId, 'chat');
      if (refused) return refused;
      return success(viewOf(startChat(this.core, input)));
    });
  }

  writeInChat(interactionId: string, text: string, attachments: ChatAttachment[] = []) {
    return this.onContact(interactionId, ['chat'], (contact) => writeInChat(this.core, contact, text, attachments));
  }

  leaveChat(interactionId: string): Promise<SimResult<CustomerView>> {
    return this.onContact(interactionId, ['chat'], async (contact) => {
      await leaveChat(this.core, contact);
      return { ok: true };
    });
  }

  sendMessage(input: NewMessageInput): Promise<SimResult<CustomerView>> {
    return this.core.serial.run(async () => {
      const refused = this.checkQueue(input.queueId, input.channel);
      if (refused) return refused;
      const created = await newConversation(this.core, input);
      return created.ok ? success(viewOf(created.value)) : created;
    });
  }

  /** D8/D10: the customer writes again in an existing conversation (it may reopen). */
  writeAgain(interactionId: string, text: string): Promise<SimResult<CustomerView>> {
    return this.onContact(interactionId, 'digital', (contact) => writeAgain(this.core, contact, text));
  }

  /** What the customer has seen and heard so far. */
  async customerView(interactionId: string): Promise<SimResult<CustomerView>> {
    const contact = await this.contactFor(interactionId);
    return contact ? success(viewOf(contact)) : failure('UNKNOWN_INTERACTION');
  }

  queues(): QueueSummary[] {
    const contacts = [...this.core.contacts.values()];
    return this.core.scenario.queues.map((queue: ScenarioQueue) => {
      const routed = contacts.filter(
        (c) => c.request !== null && c.request.queueId === queue.id && c.request.purpose !== 'followUp'
      );
      const messages = contacts.filter(
        (c) => c.call === null && c.channel !== 'chat' && c.queueId === queue.id && c.state === 'waiting'
      );
      const since = [
        ...routed.map((c) => c.request?.enqueuedAt ?? c.createdAt),
        ...messages.map((c) => c.entries.findLast((e) => e.from === 'agent')?.at ?? c.createdAt)
      ];
      return {
        id: queue.id,
        name: queue.name,
        channels: [...queue.channels],
        skills: [...queue.skills],
        waitingCalls: routed.filter((c) => c.channel === 'voice').length,
        waitingChats: routed.filter((c) => c.channel === 'chat').length,
        waitingMessages: messages.length,
        oldestWaitingSince: since.length === 0 ? null : Math.min(...since)
      };
    });
  }

  // ---- helpers ----

  private checkQueue(queueId: string, channel: Channel): { ok: false; error: SimError } | null {
    if (!this.core.engine) return failure('SIMULATOR_NOT_STARTED');
    const queue = this.core.scenario.queues.find((candidate) => candidate.id === queueId);
    if (!queue) return failure('UNKNOWN_QUEUE');
    return queue.channels.includes(channel) ? null : failure('QUEUE_CHANNEL_MISMATCH');
  }

  /** Runs a customer action on a live contact of the right channel, in order with routing and scripts. */
  private onContact(
    interactionId: string,
    channels: Channel[] | 'digital',
    action: (contact: Contact) => Promise<PortResult>
  ): Promise<SimResult<CustomerView>> {
    return this.core.serial.run(async () => {
      const contact = await this.contactFor(interactionId);
      if (!contact) return failure('UNKNOWN_INTERACTION');
      const digital = contact.channel !== 'voice' && contact.channel !== 'chat';
      if (channels === 'digital' ? !digital : !channels.includes(contact.channel)) return failure('WRONG_CHANNEL');
      if (contact.state === 'ended') return failure('INTERACTION_ENDED');
      const result = await action(contact);
      if (!result.ok) return { ok: false, error: { code: String(result.code), message: result.message } };
      return success(viewOf(contact));
    });
  }

  /**
   * A contact by its id or a leg's id. One the simulator never saw (e.g. from before a restart) but the engine knows
   * is adopted with an empty customer-side history, so the customer can still act on it.
   */
  private async contactFor(interactionId: string): Promise<Contact | null> {
    const known = this.core.find(interactionId);
    if (known) return known;
    const engine = this.core.engine;
    if (!engine) return null;
    const channel = await engine.channelOf(interactionId);
    if (channel === null) return null;
    const digital = channel !== 'voice' && channel !== 'chat';
    const contact = newContact({
      id: interactionId,
      channel,
      direction: 'inbound',
      queueId: null,
      createdAt: this.core.now(),
      customer: { address: 'unknown', name: null, email: null },
      state: digital ? 'answered' : 'connected'
    });
    contact.legCount = 1;
    this.core.register(contact);
    this.core.addLeg(contact, { id: interactionId, agentId: '', state: 'active', purpose: 'route' });
    this.core.log.info({ event: 'sim.adopted', interactionId, channel });
    return contact;
  }

  private sweep(): void {
    this.core.later(null, this.core.settings.sweepMs, async () => {
      this.router.kick();
      this.sweep();
    });
  }
}
