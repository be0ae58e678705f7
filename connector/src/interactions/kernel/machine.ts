// The contract every channel machine (voice, chat, digital) fulfils, and the events it is fed.
import type { z } from 'zod';
import type { TimerName } from './effects';
import type {
  Channel,
  CommandAvailability,
  ContactDetails,
  Customer,
  Instant,
  TranscriptEntry,
  Transition
} from './types';

/** Where an interaction is in its life, the same words for every channel; the desk uses it for capacity and RONA. */
export type Lifecycle = 'offered' | 'active' | 'wrapUp' | 'closed';

export type ClosedReason =
  | 'completed' // handled and wrapped up
  | 'missed' // offer timed out (A4, RONA)
  | 'declined'
  | 'transferred' // handed to another agent or queue (S4)
  | 'abandoned' // customer left before acceptance
  | 'parked'; // C17 follow-up queue

/** Fields every interaction state has, whatever its channel, so the desk and the snapshot can treat them alike. */
export interface InteractionCore {
  id: string;
  channel: Channel;
  direction: 'inbound' | 'outbound' | 'callback';
  lifecycle: Lifecycle;
  closedReason: ClosedReason | null;
  /** The agent who owns the interaction now; null while it waits in a queue. */
  ownerAgentId: string | null;
  queueId: string | null;
  customer: Customer;
  details: ContactDetails;
  transcript: TranscriptEntry[];
  /**
   * Timers as start instants (never ticking counters). handledMs holds handle time accrued before a pause (A6);
   * the panel shows handledMs + (now - handleResumedAt) while handleResumedAt is set.
   */
  timers: {
    offeredAt: Instant | null;
    offerExpiresAt: Instant | null;
    waitingSince: Instant | null;
    acceptedAt: Instant | null;
    handleResumedAt: Instant | null;
    handledMs: number;
    endedAt: Instant | null;
  };
  /** A6: paused by a call; replies are refused until the desk resumes it. */
  pausedByCall: boolean;
}

/** What a channel machine is fed. Commands arrive already parsed and authenticated (agentId is the caller). */
export type MachineEvent<C, P> =
  | { source: 'agent'; at: Instant; agentId: string; agentName: string; command: C }
  | { source: 'provider'; at: Instant; event: P }
  | { source: 'clock'; at: Instant; timer: TimerName }
  /** The agent's desk pausing/resuming interruptible work around a call (A6). */
  | { source: 'desk'; at: Instant; action: 'pause' | 'resume' };

export interface ChannelMachine<S extends InteractionCore, C extends { command: string }, P extends { type: string }> {
  /** Panel commands for an existing interaction of this channel. */
  commandSchema: z.ZodType<C>;
  /** Events the provider raises for an existing interaction of this channel. */
  providerEventSchema: z.ZodType<P>;
  transition(state: S, event: MachineEvent<C, P>): Transition<S>;
  /** Every command of this channel, each enabled or with the reason it is not, for the given agent. */
  allowedCommands(state: S, agentId: string): CommandAvailability[];
}
