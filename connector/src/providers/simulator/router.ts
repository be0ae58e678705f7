// Routing: waiting calls and chats go to queue members who are Available, longest-idle first (A3). The engine decides
// eligibility (A3–A5) and may refuse an offer; routing then tries the next agent. It runs again on every kick (a
// presence or capacity change), on new contacts, and on a periodic sweep.
import type { EnginePort, RoutableAgent } from '../port';
import type { Contact, RoutingRequest } from './contact';
import type { SimCore } from './core';
import { legIdFor } from './ids';
import { callOffered, chatOffered } from './offers';

type Outcome = 'offered' | 'refused' | 'gone';

export class Router {
  private passQueued = false;

  constructor(private readonly core: SimCore) {}

  /** Coalesced: any number of kicks before a pass starts make one pass. */
  kick(): void {
    if (this.passQueued || this.core.stopped) return;
    this.passQueued = true;
    this.core.serial.fire(async () => {
      this.passQueued = false;
      await this.pass();
    });
  }

  private async pass(): Promise<void> {
    const engine = this.core.engine;
    if (!engine || this.core.waiting.size === 0) return;
    const agents = await engine.routableAgents();
    this.core.rememberAgents(agents);
    // Fairness within one pass: an agent who just got an offer goes behind everyone who did not.
    const offeredThisPass = new Map<string, number>();
    for (const [queueId, list] of [...this.core.waiting]) {
      for (const contactId of [...list]) {
        const contact = this.core.contacts.get(contactId);
        const request = contact?.request;
        if (!contact || !request || request.queueId !== queueId) {
          this.core.unlist(contactId);
          continue;
        }
        if (request.phase !== 'waiting' || !(await this.deadlinesAllow(contact, request))) continue;
        for (const agent of this.candidates(agents, request, offeredThisPass)) {
          const outcome = await this.offerTo(engine, contact, request, agent);
          if (outcome === 'offered') offeredThisPass.set(agent.agentId, offeredThisPass.size);
          if (outcome !== 'refused') break;
        }
      }
    }
  }

  /** Members of the queue (or the transfer's target agent), Available, not excluded; longest idle first. */
  candidates(agents: RoutableAgent[], request: RoutingRequest, offeredThisPass: Map<string, number>): RoutableAgent[] {
    const now = this.core.now();
    const named = this.core.scenarioMembers(request.queueId);
    const target = request.target;
    return agents
      .filter((agent) => agent.status === 'Available')
      .filter((agent) =>
        target.kind === 'agent'
          ? agent.agentId === target.agentId
          : agent.queueIds.includes(request.queueId) || named.has(agent.agentId)
      )
      .filter((agent) => (request.excluded.get(agent.agentId) ?? -Infinity) <= now)
      .sort(
        (a, b) =>
          (offeredThisPass.get(a.agentId) ?? -1) - (offeredThisPass.get(b.agentId) ?? -1) ||
          a.since - b.since ||
          (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0)
      );
  }

  /** Agent-directed transfers fall back after a while; chat transfers nobody takes are withdrawn (C8). */
  private async deadlinesAllow(contact: Contact, request: RoutingRequest): Promise<boolean> {
    const now = this.core.now();
    const chatTransfer = contact.channel === 'chat' && request.purpose === 'transfer';
    const expired =
      (request.target.kind === 'agent' && request.target.until <= now) ||
      (request.expiresAt !== null && request.expiresAt <= now);
    if (!expired) return true;
    if (chatTransfer) {
      await declineChatTransfer(this.core, contact, request, 'No agent accepted the transfer in time.');
      return false;
    }
    request.target = { kind: 'queue' };
    return true;
  }

  private async offerTo(
    engine: EnginePort,
    contact: Contact,
    request: RoutingRequest,
    agent: RoutableAgent
  ): Promise<Outcome> {
    contact.legCount += 1;
    const legId = legIdFor(contact.id, contact.legCount);
    const channel = contact.channel === 'voice' ? 'voice' : 'chat';
    const event =
      channel === 'voice'
        ? callOffered(this.core, contact, request, agent.agentId, legId)
        : chatOffered(this.core, contact, request, agent.agentId, legId);
    // Registered before the engine answers, so an engine that reacts at once (accept) finds the leg.
    this.core.addLeg(contact, { id: legId, agentId: agent.agentId, state: 'offered', purpose: request.purpose });
    request.phase = 'offering';
    const fields = { interactionId: legId, contactId: contact.id, agentId: agent.agentId, channel };
    let result;
    try {
      result = await engine.offer({ channel, event });
    } catch {
      result = { ok: false as const, code: 'ENGINE_FAILED', message: 'The connector could not take the offer.' };
    }
    if (!result.ok) {
      // The refused offer never became an interaction: its leg number is free again.
      this.core.dropLeg(contact, legId);
      contact.legCount -= 1;
      if (contact.request === request) request.phase = 'waiting';
      this.core.log.debug({ event: 'sim.offerRefused', ...fields, code: result.code });
      return 'refused';
    }
    this.core.log.info({ event: 'sim.offered', ...fields, queueId: request.queueId });
    const customerGone = contact.state === 'ended' && request.purpose !== 'followUp';
    if (contact.request !== request || customerGone) {
      // The customer went away (or routing was released) while the offer was on its way.
      await this.core.emit(
        legId,
        channel === 'voice' ? { type: 'customerHungUp', interactionId: legId } : { type: 'customer.left' }
      );
      const leg = this.core.legOf(contact, legId);
      if (leg) leg.state = 'over';
      return 'gone';
    }
    request.phase = 'offered';
    request.legId = legId;
    this.core.unlist(contact.id);
    return 'offered';
  }
}

/** C8: the sender keeps the chat; the transfer request is gone. */
export async function declineChatTransfer(
  core: SimCore,
  contact: Contact,
  request: RoutingRequest,
  reason: string
): Promise<void> {
  core.withdraw(contact);
  if (request.senderLegId) await core.emit(request.senderLegId, { type: 'transfer.declined', reason });
}
