// The ways a chat leaves a lifecycle stage: an offer that ends unaccepted, a conversation that ends (C10, C15),
// a transfer that completes (C8) and a wrap-up that finishes (C10, C13, C17). Shared by commands, events and clocks.
import type { Effect, SyncEffect, WorkItemStatus } from '../kernel/effects';
import type { ClosedReason } from '../kernel/machine';
import type { Instant, Transition } from '../kernel/types';
import type { ChatState } from './state';
import { appendLines, leftLine, systemLine, type LineInput } from './transcript';

type Timers = ChatState['timers'];

/** A6 and closing: bank the handle time accrued since the clock last (re)started. */
export function stopHandleClock(timers: Timers, at: Instant): Timers {
  if (timers.handleResumedAt === null) return timers;
  return { ...timers, handledMs: timers.handledMs + Math.max(0, at - timers.handleResumedAt), handleResumedAt: null };
}

export function workItem(state: ChatState, status: WorkItemStatus): SyncEffect {
  return {
    kind: 'sync',
    operation: {
      op: 'workItem.update',
      interactionId: state.id,
      agentId: state.ownerAgentId,
      channel: 'chat',
      status,
      ...(state.workItemKey ? { workItemKey: state.workItemKey } : {})
    }
  };
}

const ok = (state: ChatState, effects: Effect[]): Transition<ChatState> => ({ ok: true, state, effects });

/** An offer that ends without being accepted: it timed out, was declined, the customer left, or Salesforce closed it. */
export function closeOffer(
  state: ChatState,
  at: Instant,
  why: 'missed' | 'declined' | 'abandoned' | 'salesforce'
): Transition<ChatState> {
  const reason: ClosedReason = why === 'salesforce' ? 'declined' : why;
  const effects: Effect[] = [];
  // The offer timer has fired when it was missed; every other way out must clear it.
  if (why !== 'missed') effects.push({ kind: 'timer', action: 'clear', timer: 'offer' });
  if (why === 'missed' || why === 'declined') {
    effects.push({
      kind: 'routing',
      action: 'requeue',
      interactionId: state.id,
      queueId: state.queueId ?? undefined,
      excludeAgentId: state.ownerAgentId
    });
  }
  if (why === 'missed') effects.push(workItem(state, 'DeclinedOnPushTimeout'));
  if (why === 'declined') effects.push(workItem(state, 'Declined'));
  if (why === 'abandoned') effects.push(workItem(state, 'Canceled'));
  // C15: the work item was closed in Salesforce, so the chat behind it ends too.
  if (why === 'salesforce') effects.push({ kind: 'provider', interactionId: state.id, action: 'end' });
  const lines: LineInput[] = why === 'abandoned' ? [systemLine(at, 'customer_left')] : [];
  const closed: ChatState = {
    ...state,
    lifecycle: 'closed',
    closedReason: reason,
    timers: { ...state.timers, offerExpiresAt: null, endedAt: at }
  };
  return ok(appendLines(closed, lines), effects);
}

/**
 * C10 / C15: the conversation with the customer is over; wrap-up opens. The agent's end shows "agent left" to the
 * customer (the provider's end); Salesforce closing the work item does the same; the customer leaving shows
 * "customer left" to the agents. Invited agents are released and a pending transfer is withdrawn, so nothing stays
 * half-open.
 */
export function endConversation(
  state: ChatState,
  at: Instant,
  by: 'agent' | 'customer' | 'salesforce'
): Transition<ChatState> {
  const effects: Effect[] = [];
  if (state.pendingTransfer) {
    effects.push({
      kind: 'provider',
      interactionId: state.id,
      action: 'transferCancel',
      args: { target: state.pendingTransfer.target }
    });
  }
  if (state.conference.length > 0) {
    effects.push({
      kind: 'provider',
      interactionId: state.id,
      action: 'conferenceEnd',
      args: { agentIds: state.conference.map((m) => m.agentId) }
    });
  }
  if (by !== 'customer') {
    effects.push({ kind: 'provider', interactionId: state.id, action: 'end', args: { customerNotice: 'agent_left' } });
  }
  // Salesforce closed the work item itself; otherwise ending here closes it there (C15).
  if (by !== 'salesforce') effects.push(workItem(state, 'Closed'));
  const timeout = state.settings.wrapUpTimeoutMs;
  if (timeout !== null) effects.push({ kind: 'timer', action: 'set', timer: 'wrapUp', at: at + timeout });
  const name = state.ownerName ?? state.ownerAgentId;
  const line = by === 'customer' ? systemLine(at, 'customer_left') : leftLine(at, name);
  const next: ChatState = {
    ...state,
    lifecycle: 'wrapUp',
    wrapUpStep: 'editing',
    endedBy: by,
    conference: [],
    pendingTransfer: null,
    timers: { ...state.timers, endedAt: at }
  };
  return ok(appendLines(next, [line]), effects);
}

/** C8 / S4: the receiving agent accepted; the sender's work item closes as transferred. */
export function closeTransferred(
  state: ChatState,
  at: Instant,
  receiver: { agentId: string; agentName: string }
): Transition<ChatState> {
  const closed: ChatState = {
    ...state,
    lifecycle: 'closed',
    closedReason: 'transferred',
    pendingTransfer: null,
    pausedByCall: false,
    handedTo: { kind: 'agent', agentId: receiver.agentId, agentName: receiver.agentName },
    timers: { ...stopHandleClock(state.timers, at), endedAt: at }
  };
  const line = systemLine(at, 'transferred', receiver.agentName, `Transferred to ${receiver.agentName}`);
  return ok(appendLines(closed, [line]), [workItem(state, 'Transferred')]);
}

/**
 * C10 Submit, C17 Stop / park, or the wrap-up timer: the chat is finished. Logs the one Task (S5: the shell upserts
 * by interaction id), e-mails the transcript when chosen (C13), and parks it in a follow-up queue when asked (C17).
 */
export function finish(
  state: ChatState,
  at: Instant,
  outcome: { kind: 'completed' } | { kind: 'parked'; queueId: string },
  wrapUpTimerFired = false
): Transition<ChatState> {
  const timers: Timers = stopHandleClock(state.timers, at);
  const closed: ChatState = {
    ...state,
    lifecycle: 'closed',
    closedReason: outcome.kind,
    wrapUpStep: null,
    pausedByCall: false,
    handedTo: outcome.kind === 'parked' ? { kind: 'queue', queueId: outcome.queueId } : null,
    timers
  };
  const effects: Effect[] = [
    {
      kind: 'sync',
      operation: {
        op: 'task.log',
        interactionId: state.id,
        agentId: state.ownerAgentId,
        channel: 'chat',
        direction: state.direction,
        subject: `Chat ${state.customer.name ?? state.customer.address}`,
        startedAt: timers.acceptedAt ?? timers.offeredAt ?? at,
        endedAt: at,
        durationSeconds: Math.round(timers.handledMs / 1000),
        details: {
          ...state.details,
          dispositions: [...state.details.dispositions],
          tags: [...state.details.tags]
        },
        providerCallId: null
      }
    }
  ];
  if (state.emailTranscript && state.customer.email) {
    effects.push({
      kind: 'provider',
      interactionId: state.id,
      action: 'emailTranscript',
      args: { to: state.customer.email }
    });
  }
  if (outcome.kind === 'parked') {
    effects.push({ kind: 'routing', action: 'transferToQueue', interactionId: state.id, queueId: outcome.queueId });
  }
  if (state.settings.wrapUpTimeoutMs !== null && !wrapUpTimerFired)
    effects.push({ kind: 'timer', action: 'clear', timer: 'wrapUp' });
  return ok(closed, effects);
}
