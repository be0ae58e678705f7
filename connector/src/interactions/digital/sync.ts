// The Salesforce writes a digital conversation causes (S2, S4, S5, S6), and finishing a handling round (D10).
import type { Effect, SyncEffect, WorkItemStatus } from '../kernel/effects';
import type { ContactDetails, Instant, Transition } from '../kernel/types';
import { CHANNEL_LABEL } from './channels';
import { stopHandleClock, type DigitalState } from './state';

export const ok = (state: DigitalState, effects: Effect[] = []): Transition<DigitalState> => ({
  ok: true,
  state,
  effects
});

export function workItemUpdate(state: DigitalState, agentId: string, status: WorkItemStatus): SyncEffect {
  return {
    kind: 'sync',
    operation: { op: 'workItem.update', interactionId: state.id, agentId, channel: state.channel, status }
  };
}

/** S6: match the customer's digital id (e-mail address, number, Messenger/Instagram/X id). */
export function screenPop(state: DigitalState): SyncEffect {
  return {
    kind: 'sync',
    operation: {
      op: 'screenPop.lookup',
      interactionId: state.id,
      address: state.digitalId.value,
      channel: state.channel
    }
  };
}

/** E-mail keeps its subject; other channels read "WhatsApp 00001234". */
export const taskSubject = (state: DigitalState): string =>
  state.subject !== null && state.subject.trim() !== ''
    ? state.subject
    : `${CHANNEL_LABEL[state.channel]} ${state.interactionNumber}`;

/**
 * S5: one Task per finished interaction; the shell upserts it by interaction id, so a repeat never makes a second one.
 * `state` is the finished state (its handle clock stopped, endedAt set).
 */
export function taskLog(state: DigitalState, agentId: string): SyncEffect {
  const endedAt = state.timers.endedAt ?? state.createdAt;
  return {
    kind: 'sync',
    operation: {
      op: 'task.log',
      interactionId: state.id,
      agentId,
      channel: state.channel,
      direction: state.direction,
      subject: taskSubject(state),
      startedAt: state.timers.acceptedAt ?? state.createdAt,
      endedAt,
      durationSeconds: Math.round(state.timers.handledMs / 1000),
      details: state.details,
      providerCallId: state.providerConversationId,
      round: state.round
    }
  };
}

/** D10: ended — unassigned, out of the queue, its handle clock stopped. A later customer message reopens it. */
export function finished(state: DigitalState, at: Instant, details: ContactDetails): DigitalState {
  return {
    ...state,
    lifecycle: 'closed',
    closedReason: 'completed',
    ownerAgentId: null,
    inQueue: false,
    unread: 0,
    pausedByCall: false,
    details,
    timers: { ...stopHandleClock(state.timers, at), endedAt: at }
  };
}
