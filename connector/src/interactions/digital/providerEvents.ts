// What the provider, Salesforce and the agent's desk do to an existing conversation.
import type { Effect } from '../kernel/effects';
import { refuse } from '../kernel/rejections';
import type { Instant, Transition } from '../kernel/types';
import { scanText } from '../pci/guard';
import type { DigitalConfig } from './config';
import type { DigitalProviderEvent } from './events';
import { customerLine, systemLine } from './messages';
import { hasEntry, nextEntryId, stopHandleClock, type DigitalState } from './state';
import { finished, ok, taskLog } from './sync';

export function runProviderEvent(
  state: DigitalState,
  event: DigitalProviderEvent,
  at: Instant,
  config: DigitalConfig
): Transition<DigitalState> {
  switch (event.type) {
    case 'customerMessage':
      return customerMessage(state, event, at, config);
    case 'deliveryFailed':
      return deliveryFailed(state, event, at, config);
    case 'workItemClosed':
      return workItemClosed(state, at);
  }
}

/**
 * D8: the customer wrote — Open (New until an agent has replied), back in the queue, one more unread message.
 * D10: on an ended conversation it starts a new handling round in its queue, for any agent.
 */
function customerMessage(
  state: DigitalState,
  event: Extract<DigitalProviderEvent, { type: 'customerMessage' }>,
  at: Instant,
  config: DigitalConfig
): Transition<DigitalState> {
  if (hasEntry(state, event.messageId)) return refuse('DIGITAL_DUPLICATE_MESSAGE');
  const status = state.status === 'New' ? 'New' : 'Open';
  const line = customerLine(
    { id: event.messageId, text: event.text, attachments: event.attachments },
    at,
    state.customer.name,
    config
  );
  if (state.lifecycle === 'closed') {
    const reopened: DigitalState = {
      ...state,
      direction: 'inbound',
      lifecycle: 'offered',
      closedReason: null,
      ownerAgentId: null,
      status,
      inQueue: true,
      unread: 1,
      round: state.round + 1,
      lastCustomerMessageAt: at,
      pausedByCall: false,
      // D6: notes and dispositions belong to the round that was logged; who and what carry over.
      details: { ...state.details, dispositions: [], notes: '' },
      transcript: [...state.transcript, systemLine(nextEntryId(state), at, 'reopened'), line],
      timers: {
        offeredAt: at,
        offerExpiresAt: null,
        waitingSince: at,
        acceptedAt: null,
        handleResumedAt: null,
        handledMs: 0,
        endedAt: null
      }
    };
    const routing: Effect = {
      kind: 'routing',
      action: 'requeue',
      interactionId: state.id,
      ...(state.queueId === null ? {} : { queueId: state.queueId })
    };
    return ok(reopened, [routing]);
  }
  const next: DigitalState = {
    ...state,
    status,
    inQueue: true,
    unread: state.unread + 1,
    lastCustomerMessageAt: at,
    transcript: [...state.transcript, line],
    timers: { ...state.timers, waitingSince: state.timers.waitingSince ?? at }
  };
  const effects: Effect[] =
    state.ownerAgentId === null
      ? []
      : [
          {
            kind: 'notice',
            notice: 'digital.customerMessage',
            args: { interactionId: state.id, agentId: state.ownerAgentId }
          }
        ];
  return ok(next, effects);
}

/** An agent message did not reach the customer: marked, and the agent who handles (or last handled) it is told. */
function deliveryFailed(
  state: DigitalState,
  event: Extract<DigitalProviderEvent, { type: 'deliveryFailed' }>,
  at: Instant,
  config: DigitalConfig
): Transition<DigitalState> {
  const sent = state.transcript.some((entry) => entry.id === event.messageId && entry.from === 'agent');
  if (!sent) return refuse('DIGITAL_UNKNOWN_MESSAGE');
  if (state.failedMessageIds.includes(event.messageId)) return refuse('DIGITAL_DUPLICATE_MESSAGE');
  const next: DigitalState = {
    ...state,
    failedMessageIds: [...state.failedMessageIds, event.messageId],
    transcript: [...state.transcript, systemLine(nextEntryId(state), at, 'delivery_failed')]
  };
  const notice: Effect = {
    kind: 'notice',
    notice: 'digital.deliveryFailed',
    args: {
      interactionId: state.id,
      messageId: event.messageId,
      reason: scanText(event.reason, config.pci).redacted,
      agentId: state.ownerAgentId ?? state.lastAgentId
    }
  };
  return ok(next, [notice]);
}

/** C15, S3: closed in Salesforce, so ended here as it stands and logged (no second work item update). */
function workItemClosed(state: DigitalState, at: Instant): Transition<DigitalState> {
  if (state.lifecycle === 'closed') return refuse('INTERACTION_ENDED');
  if (state.ownerAgentId === null) return refuse('WRONG_STATE');
  const next = finished(state, at, state.details);
  return ok(next, [taskLog(next, state.ownerAgentId)]);
}

/** A6: the desk pauses interruptible work around a call; the handle-time clock stops while paused. */
export function runDeskEvent(state: DigitalState, action: 'pause' | 'resume', at: Instant): Transition<DigitalState> {
  if (state.lifecycle === 'closed') return refuse('INTERACTION_ENDED');
  if (action === 'pause') {
    if (state.ownerAgentId === null || state.pausedByCall) return refuse('WRONG_STATE');
    return ok({ ...state, pausedByCall: true, timers: stopHandleClock(state.timers, at) });
  }
  if (!state.pausedByCall) return refuse('WRONG_STATE');
  return ok({ ...state, pausedByCall: false, timers: { ...state.timers, handleResumedAt: at } });
}
