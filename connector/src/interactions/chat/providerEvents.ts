// What the provider reports about an existing chat. An event that does not fit the state is refused (the shell logs
// it), e.g. a customer message after the chat ended, or a transfer answer when none is pending.
import type { Effect } from '../kernel/effects';
import { refuse } from '../kernel/rejections';
import type { Instant, Transition } from '../kernel/types';
import type { ChatProviderEvent } from './events';
import { memberOf } from './guards';
import { closeOffer, closeTransferred, endConversation } from './lifecycle';
import type { ChatState } from './state';
import { appendLines, inboundLines, joinedLine, leftLine } from './transcript';

const ok = (state: ChatState, effects: Effect[] = []): Transition<ChatState> => ({ ok: true, state, effects });

export function onProviderEvent(state: ChatState, event: ChatProviderEvent, at: Instant): Transition<ChatState> {
  if (state.lifecycle === 'closed') return refuse('INTERACTION_ENDED');
  switch (event.type) {
    case 'customer.message': {
      // While offered the customer may keep writing; the agent reads it on accept.
      if (state.lifecycle === 'wrapUp') return refuse('CHAT_CONVERSATION_ENDED');
      if (event.text.trim() === '' && event.attachments.length === 0) return refuse('EMPTY_MESSAGE');
      const lines = inboundLines(event, 'customer', state.customer.name, at, state.settings);
      return ok(appendLines(state, lines), [{ kind: 'notice', notice: 'message', args: { interactionId: state.id } }]);
    }
    case 'customer.left':
      if (state.lifecycle === 'offered') return closeOffer(state, at, 'abandoned');
      if (state.lifecycle === 'wrapUp') return refuse('CHAT_CONVERSATION_ENDED');
      return endConversation(state, at, 'customer');
    case 'transfer.accepted':
      if (!state.pendingTransfer) return refuse('CHAT_NO_TRANSFER_PENDING');
      return closeTransferred(state, at, event);
    case 'transfer.declined':
      if (!state.pendingTransfer) return refuse('CHAT_NO_TRANSFER_PENDING');
      return ok({ ...state, pendingTransfer: null }, [
        { kind: 'notice', notice: 'transferDeclined', args: { interactionId: state.id, reason: event.reason ?? null } }
      ]);
    case 'conference.accepted': {
      if (memberOf(state, event.agentId)?.state !== 'Requested') return refuse('CHAT_NOT_INVITED');
      const conference = state.conference.map((m) =>
        m.agentId === event.agentId ? { ...m, state: 'Active' as const, agentName: event.agentName, joinedAt: at } : m
      );
      // C9: "<agent> joined" is shown to the customer and the agents.
      const line = joinedLine(at, event.agentName);
      return ok(appendLines({ ...state, conference }, [line]));
    }
    case 'conference.declined':
      if (memberOf(state, event.agentId)?.state !== 'Requested') return refuse('CHAT_NOT_INVITED');
      return ok({ ...state, conference: state.conference.filter((m) => m.agentId !== event.agentId) }, [
        { kind: 'notice', notice: 'conferenceDeclined', args: { interactionId: state.id, agentId: event.agentId } }
      ]);
    case 'conference.left': {
      const member = memberOf(state, event.agentId);
      if (member?.state !== 'Active') return refuse('CHAT_NOT_PARTICIPANT');
      const remaining = state.conference.filter((m) => m.agentId !== event.agentId);
      return ok(appendLines({ ...state, conference: remaining }, [leftLine(at, member.agentName ?? member.agentId)]));
    }
    case 'workItem.closed':
      // C15. In wrap-up the work item was already closed from here (the echo of our own close is refused).
      if (state.lifecycle === 'offered') return closeOffer(state, at, 'salesforce');
      if (state.lifecycle === 'wrapUp') return refuse('WRONG_STATE');
      return endConversation(state, at, 'salesforce');
  }
}
