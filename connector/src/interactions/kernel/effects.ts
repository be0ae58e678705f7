// Effects are data. The connector's shell executes them: provider calls, sync outbox rows, timers, panel notices.
import type { Channel, ContactDetails, Instant } from './types';

/** Ask the provider (telephony / digital vendor, or the simulator) to do something on the customer's side. */
export interface ProviderEffect {
  kind: 'provider';
  interactionId: string;
  action: string;
  args?: Record<string, unknown>;
}

/** Work item lifecycle in Omni-Channel (S2, S3, S4). */
export type WorkItemStatus = 'Opened' | 'Closed' | 'Declined' | 'DeclinedOnPushTimeout' | 'Transferred' | 'Canceled';

/** One Salesforce write, kept durably in the outbox and sent in batches (S7). */
export type SyncOperation =
  | { op: 'presence.mirror'; agentId: string; status: string; reasonCode: string | null }
  | {
      op: 'workItem.update';
      interactionId: string;
      agentId: string;
      channel: Channel;
      status: WorkItemStatus;
      /**
       * S4: the Salesforce work item this interaction continues (another agent's, after a transfer), so the
       * receiver's AgentWork is on the same item and Omni marks the sender's Transferred. Absent: the interaction's own.
       */
      workItemKey?: string;
    }
  | {
      op: 'task.log';
      interactionId: string;
      agentId: string;
      channel: Channel;
      direction: 'inbound' | 'outbound' | 'callback' | 'internal';
      subject: string;
      startedAt: Instant;
      endedAt: Instant;
      durationSeconds: number;
      details: ContactDetails;
      providerCallId: string | null;
      /**
       * A digital conversation can be ended, reopened by the customer and ended again: each handling round is its own
       * Task. The Task's external key is the interaction id plus the round (round 1 = the id alone).
       */
      round?: number;
    }
  | { op: 'screenPop.lookup'; interactionId: string; address: string; channel: Channel };

export interface SyncEffect {
  kind: 'sync';
  operation: SyncOperation;
}

/** Timers are scheduled by the shell and come back as `clock` events; a machine never sets a timeout itself. */
export interface TimerEffect {
  kind: 'timer';
  /** Filled in by the desk's wiring (the machine knows it only implicitly): which interaction the timer is for. */
  interactionId?: string;
  action: 'set' | 'clear';
  timer: TimerName;
  /** Present on 'set': when the clock event must be fed back. */
  at?: Instant;
}

export type TimerName = 'offer' | 'wrapUp';

/** Something transient a panel should make audible or visible beyond the snapshot (ring, toast). */
export interface NoticeEffect {
  kind: 'notice';
  notice: string;
  args?: Record<string, unknown>;
}

/** Hand an interaction back to routing (RONA, decline, transfer to queue). */
export interface RoutingEffect {
  kind: 'routing';
  action: 'requeue' | 'transferToQueue' | 'transferToAgent' | 'release';
  interactionId: string;
  queueId?: string;
  agentId?: string;
  /** The agent this interaction must not be offered to again right away (RONA, decline). */
  excludeAgentId?: string;
}

export type Effect = ProviderEffect | SyncEffect | TimerEffect | NoticeEffect | RoutingEffect;
