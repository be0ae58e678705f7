// The seam between the connector's engine and a provider (a telephony / digital vendor, or the simulator).
// The engine asks the provider to act through `ProviderPort.perform`; the provider reports through `EnginePort`.
import type { ProviderEffect } from '../interactions/kernel/effects';
import type { RejectionCode } from '../interactions/kernel/rejections';
import type { Channel, Instant } from '../interactions/kernel/types';

export type PortResult = { ok: true } | { ok: false; code: RejectionCode | string; message: string };

/** What an agent looks like to routing: who they are, which queues they serve, and what they could take now. */
export interface RoutableAgent {
  agentId: string;
  name: string;
  queueIds: string[];
  status: 'Offline' | 'Available' | 'Busy' | 'RONA' | 'WrapUp';
  /** When the agent last became idle or changed status: routing prefers the longest-idle agent. */
  since: Instant;
}

/** Implemented by the engine; a provider calls it. Every call is applied durably before it resolves. */
export interface EnginePort {
  /**
   * Offer a call or chat to one agent. `offer` is the channel's offer event (voice `callOffered`, chat `chat.offered`)
   * naming that agent. Refused when the agent may not take it now (A3–A5: the code says why) — routing then tries the
   * next agent.
   */
  offer(offer: { channel: 'voice' | 'chat'; event: unknown }): Promise<PortResult>;
  /** A first customer message on a digital channel: a new conversation in its queue (event: digital `inbound`). */
  receiveInbound(event: unknown): Promise<PortResult>;
  /** An event about an existing interaction (customer message, hang-up, consult connected, ...). */
  providerEvent(interactionId: string, event: unknown): Promise<PortResult>;
  /** Agents as routing sees them, with live presence. */
  routableAgents(): Promise<RoutableAgent[]>;
  /** Current channel of an interaction, or null when unknown (e.g. to tell the customer API "no such interaction"). */
  channelOf(interactionId: string): Promise<Channel | null>;
}

/** Implemented by a provider; the engine calls it to execute provider effects after they are committed. */
export interface ProviderPort {
  readonly name: string;
  /** Executes one provider effect (accept, hold, send, transfer, ...). Must not throw; failures come back as events. */
  perform(effect: ProviderEffect): Promise<void>;
  /** Routing effects (requeue after RONA or decline, transfer to a queue or agent). */
  route(effect: {
    action: 'requeue' | 'transferToQueue' | 'transferToAgent' | 'release';
    interactionId: string;
    queueId?: string;
    agentId?: string;
    excludeAgentId?: string;
    /** For transfers: what travels with the interaction (V8 details, C8 chat handover). */
    handover?: unknown;
  }): Promise<void>;
  start(engine: EnginePort): Promise<void>;
  /** Something changed for routing (presence, capacity): look at the queues again. Must not block. */
  kick?(): void;
  stop(): Promise<void>;
}
