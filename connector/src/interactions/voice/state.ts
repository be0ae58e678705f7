// The state of one call as the agent's desk and the panel see it. Timers are start instants, never counters.
import type { InteractionCore } from '../kernel/machine';
import type { Instant } from '../kernel/types';
import type { CallTarget } from './targets';

/**
 * offered: ringing for the agent; dialing: outbound or callback, waiting for the customer to answer;
 * connected: talking (possibly held, or in a conference); transferring: a blind transfer is on its way;
 * transferred: handed to someone else; ended: over for this agent (wrap-up may still be open).
 */
export type CallState = 'offered' | 'dialing' | 'connected' | 'transferring' | 'transferred' | 'ended';

/** V5/V6: the second leg the agent opened while the customer waits on hold. */
export interface ConsultLeg {
  target: CallTarget;
  /** The number dialled for number and contact targets (E.164 or an emergency code). */
  dialled: string | null;
  state: 'dialing' | 'connected';
  startedAt: Instant;
  connectedAt: Instant | null;
  /** The provider's name for this leg once it answers. */
  participantId: string | null;
  /** Whether starting the consult put the customer on hold; cancelling then takes them off hold again. */
  heldByConsult: boolean;
}

/** V6: a party of a conference besides the agent and the customer. */
export interface ConferenceParty {
  participantId: string;
  target: CallTarget;
  joinedAt: Instant;
}

/** V14: one utterance of the live transcript, already through the PCI guard. */
export interface LiveSegment {
  id: string;
  at: Instant;
  side: 'agent' | 'customer';
  text: string;
  /** False while the provider may still revise it. */
  final: boolean;
}

export interface VoiceState extends InteractionCore {
  channel: 'voice';
  /** Always set: a call is created for the agent it is offered to or who dials it. */
  ownerAgentId: string;
  /** E.164, or the emergency short code as dialled (V10); null when the caller withheld their number. */
  number: string | null;
  /** The contact this number matched, when one was known when the call started. */
  contact: { id: string; name: string | null } | null;
  /** queueId (core) is the inbound queue or the outbound skill; this is its display name. */
  queueName: string | null;
  /** How the call started: routed offer, keypad/typed number, or click-to-dial (V12). */
  source: 'offer' | 'keypad' | 'clickToDial';
  emergency: boolean;
  providerCallId: string | null;
  callState: CallState;
  connectedAt: Instant | null;
  held: boolean;
  /** V5: the hold timer's start; set exactly while held. */
  heldSince: Instant | null;
  muted: boolean;
  recording: boolean;
  /** Recording (and the live transcript) paused while sensitive data is spoken. */
  masked: boolean;
  consult: ConsultLeg | null;
  /** A blind transfer on its way (callState 'transferring'). */
  transfer: { target: CallTarget; dialled: string | null; startedAt: Instant } | null;
  /** Non-empty exactly while the call is a conference (V6, V7). */
  conference: ConferenceParty[];
  endedBy: 'agent' | 'customer' | 'salesforce' | 'network' | null;
  /** When wrap-up finishes by itself, if the settings say so. */
  wrapUpExpiresAt: Instant | null;
  /**
   * V14 NEVER STORED: shown during the call only. The store strips it (see NEVER_STORED_VOICE_FIELDS) and the
   * machine empties it when the call ends.
   */
  liveTranscript: LiveSegment[];
}

/** Fields the store must not persist and sync must never send (V14). */
export const NEVER_STORED_VOICE_FIELDS = ['liveTranscript'] as const satisfies readonly (keyof VoiceState)[];

export const isConference = (state: VoiceState): boolean => state.conference.length > 0;
