// One guard per command (C9: the answer depends on WHO asks). transition() refuses a command with exactly the code its
// guard gives, and allowedCommands() is built from the same guards, so a panel can never offer what would be refused.
import type { Guard } from '../kernel/availability';
import type { RejectionCode } from '../kernel/rejections';
import type { ChatCommandName } from './commands';
import type { ChatState, ConferenceMember } from './state';

export interface ChatView {
  state: ChatState;
  /** The agent asking. */
  agentId: string;
}

const isOwner = ({ state, agentId }: ChatView) => state.ownerAgentId === agentId;

export function memberOf(state: ChatState, agentId: string): ConferenceMember | undefined {
  return state.conference.find((m) => m.agentId === agentId);
}

/** Accept / decline: the offered agent, while offered. */
const onOffer: Guard<ChatView> = (view) => {
  if (view.state.lifecycle === 'closed') return 'INTERACTION_ENDED';
  if (view.state.lifecycle !== 'offered') return 'WRONG_STATE';
  return isOwner(view) ? null : 'NOT_OWNER';
};

/** While the customer is connected. */
function liveChat(state: ChatState): RejectionCode | null {
  switch (state.lifecycle) {
    case 'closed':
      return 'INTERACTION_ENDED';
    case 'offered':
      return 'WRONG_STATE';
    case 'wrapUp':
      return 'CHAT_CONVERSATION_ENDED';
    case 'active':
      return null;
  }
}

/** Owner-only actions on the live chat (C9: only the owner ends or transfers). */
const ownerLive: Guard<ChatView> = (view) => liveChat(view.state) ?? (isOwner(view) ? null : 'NOT_OWNER');

/** Writing to the customer: the owner (unless a call paused the chat, A6) or an agent who joined the conference. */
const reply: Guard<ChatView> = (view) => {
  const live = liveChat(view.state);
  if (live) return live;
  if (isOwner(view)) return view.state.pausedByCall ? 'PAUSED_BY_CALL' : null;
  return memberOf(view.state, view.agentId)?.state === 'Active' ? null : 'CHAT_NOT_PARTICIPANT';
};

/** Contact details and the transcript option: the owner, during the chat or its wrap-up, not while C17 asks. */
const editDetails: Guard<ChatView> = (view) => {
  const { state } = view;
  if (state.lifecycle === 'closed') return 'INTERACTION_ENDED';
  if (state.lifecycle === 'offered') return 'WRONG_STATE';
  if (!isOwner(view)) return 'NOT_OWNER';
  return state.wrapUpStep === 'followUp' ? 'CHAT_FOLLOW_UP_PENDING' : null;
};

const followUpAnswer: Guard<ChatView> = (view) => {
  if (view.state.lifecycle === 'closed') return 'INTERACTION_ENDED';
  if (!isOwner(view)) return 'NOT_OWNER';
  return view.state.wrapUpStep === 'followUp' ? null : 'CHAT_FOLLOW_UP_NOT_ASKED';
};

export const chatGuards: Record<ChatCommandName, Guard<ChatView>> = {
  accept: onOffer,
  decline: onOffer,
  send: reply,
  pushPage: reply,
  transfer: (view) => {
    const blocked = ownerLive(view);
    if (blocked) return blocked;
    if (view.state.pendingTransfer) return 'CHAT_TRANSFER_PENDING';
    return view.state.conference.length > 0 ? 'CHAT_CONFERENCE_IN_PROGRESS' : null;
  },
  conferenceInvite: (view) => {
    const blocked = ownerLive(view);
    if (blocked) return blocked;
    if (view.state.pendingTransfer) return 'CHAT_TRANSFER_PENDING';
    return view.state.conference.length >= view.state.settings.maxConferenceAgents ? 'CHAT_CONFERENCE_FULL' : null;
  },
  conferenceEnd: (view) => ownerLive(view) ?? (view.state.conference.length === 0 ? 'CHAT_NO_CONFERENCE' : null),
  conferenceLeave: (view) => {
    const live = liveChat(view.state);
    if (live) return live;
    if (isOwner(view)) return 'CHAT_OWNER_CANNOT_LEAVE';
    return memberOf(view.state, view.agentId)?.state === 'Active' ? null : 'CHAT_NOT_PARTICIPANT';
  },
  end: ownerLive,
  setDetails: editDetails,
  setTranscriptEmail: (view) => editDetails(view) ?? (view.state.customer.email ? null : 'CHAT_NO_CUSTOMER_EMAIL'),
  done: (view) => {
    const { state } = view;
    if (state.lifecycle === 'closed') return 'INTERACTION_ENDED';
    if (state.lifecycle === 'offered') return 'WRONG_STATE';
    if (state.lifecycle === 'active') return 'CHAT_NOT_ENDED';
    if (!isOwner(view)) return 'NOT_OWNER';
    if (state.wrapUpStep === 'followUp') return 'CHAT_FOLLOW_UP_PENDING';
    return state.settings.dispositionRequired && state.details.dispositions.length === 0
      ? 'DISPOSITION_REQUIRED'
      : null;
  },
  followUpConfirm: followUpAnswer,
  followUpStop: followUpAnswer,
  followUpCancel: followUpAnswer
};
