// What the desk needs from the channel machines, behind one interface so it stays channel-agnostic.
import type { Effect } from '../kernel/effects';
import type { InteractionCore, MachineEvent } from '../kernel/machine';
import type { RejectionCode } from '../kernel/rejections';
import type { CommandAvailability, Instant, Transition } from '../kernel/types';

/** Not yet parsed: the channel's own schema checks the rest when the desk hands it to the machine. */
export type AnyCommand = { command: string; args?: Record<string, unknown> };
export type AnyProviderEvent = { type: string; [field: string]: unknown };

export interface DeskChannels<I extends InteractionCore = InteractionCore> {
  transition(state: I, event: MachineEvent<AnyCommand, AnyProviderEvent>): Transition<I>;
  allowedCommands(state: I, agentId: string): CommandAvailability[];
  /** V9–V12: create an outbound call for this agent. */
  dial(input: DialRequest, at: Instant, agent: DeskAgent): Transition<I>;
  /** V10: emergency numbers bypass status, skill and capacity. */
  isEmergencyNumber(raw: string): boolean;
  /** V11: whether a call is on hold (the desk only needs to know, not how). */
  isCallOnHold(state: I): boolean;
  /** Whether the interaction still belongs on this agent's desk (owner, or a conference member). */
  involves(state: I, agentId: string): boolean;
  /** D13/D14: the channel's own reason this agent may not send outbound on it (A3's Offline is the desk's), or null. */
  outboundBlockedBy(channel: OutboundChannel, agentId: string): RejectionCode | null;
}

/** D13 e-mail, D14 SMS: the values of `sendOutbound`'s `channel` argument. */
export const OUTBOUND_CHANNELS = ['email', 'sms'] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

export interface DeskAgent {
  agentId: string;
  agentName: string;
  /** V9: the outbound skills the agent may dial with. */
  outboundSkills: { id: string; name: string }[];
  /** The agent's country when it differs from the connector's default (number formats, emergency numbers). */
  country?: string;
}

/** A dial as the panel sends it; the voice machine parses the details. */
export interface DialRequest {
  number: string;
  skillId?: string | null;
  /** V11: hold the active call first instead of refusing the dial. */
  holdActiveCall?: boolean;
  [key: string]: unknown;
}

export type { Effect };
