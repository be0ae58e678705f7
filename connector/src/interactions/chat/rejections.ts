// Refusals specific to the chat machine; merged into the shared catalogue in kernel/rejections.ts.
// Every code starts with CHAT_ so that no other machine's code can silently shadow one of these in the merge.
import type { RejectionText } from '../kernel/rejections';

export const chatRejections = {
  CHAT_CONVERSATION_ENDED: {
    message: 'The chat has ended; finish the wrap-up instead.',
    labelKey: 'Reason_ChatConversationEnded'
  },
  CHAT_NOT_ENDED: {
    message: 'End the chat first, then finish the wrap-up.',
    labelKey: 'Reason_ChatNotEnded'
  },
  CHAT_NOT_PARTICIPANT: {
    message: 'You are not in this chat; join it from the invitation first.',
    labelKey: 'Reason_ChatNotParticipant'
  },
  CHAT_PAGE_URL_NOT_HTTP: {
    message: 'Only web pages can be pushed: use an address that starts with http:// or https://.',
    labelKey: 'Reason_ChatPageUrlNotHttp'
  },
  CHAT_TRANSFER_PENDING: {
    message: 'A transfer is waiting for the receiving agent; wait for the answer first.',
    labelKey: 'Reason_ChatTransferPending'
  },
  CHAT_NO_TRANSFER_PENDING: {
    message: 'No transfer of this chat is waiting for an answer.',
    labelKey: 'Reason_ChatNoTransferPending'
  },
  CHAT_TRANSFER_TO_SELF: {
    message: 'You already own this chat; choose another agent, a supervisor or a queue.',
    labelKey: 'Reason_ChatTransferToSelf'
  },
  CHAT_CONFERENCE_IN_PROGRESS: {
    message: 'End the conference before you transfer the chat.',
    labelKey: 'Reason_ChatConferenceInProgress'
  },
  CHAT_CONFERENCE_FULL: {
    message: 'No more agents can join this chat; end the conference or let someone leave first.',
    labelKey: 'Reason_ChatConferenceFull'
  },
  CHAT_NO_CONFERENCE: {
    message: 'No other agent is in or invited to this chat.',
    labelKey: 'Reason_ChatNoConference'
  },
  CHAT_ALREADY_IN: {
    message: 'That agent is already in or invited to this chat.',
    labelKey: 'Reason_ChatAlreadyIn'
  },
  CHAT_NOT_INVITED: {
    message: 'That agent has no pending invitation to this chat.',
    labelKey: 'Reason_ChatNotInvited'
  },
  CHAT_OWNER_CANNOT_LEAVE: {
    message: 'You own this chat: end the conference or the chat instead of leaving it.',
    labelKey: 'Reason_ChatOwnerCannotLeave'
  },
  CHAT_NO_CUSTOMER_EMAIL: {
    message: 'The customer gave no e-mail address, so the transcript cannot be e-mailed.',
    labelKey: 'Reason_ChatNoCustomerEmail'
  },
  CHAT_FOLLOW_UP_PENDING: {
    message: 'Choose a follow-up queue, or press Stop or Cancel first.',
    labelKey: 'Reason_ChatFollowUpPending'
  },
  CHAT_FOLLOW_UP_NOT_ASKED: {
    message: 'No follow-up question is open; press Done first.',
    labelKey: 'Reason_ChatFollowUpNotAsked'
  },
  CHAT_FOLLOW_UP_QUEUE_UNKNOWN: {
    message: 'That queue is not a follow-up queue; pick one from the list.',
    labelKey: 'Reason_ChatFollowUpQueueUnknown'
  }
} as const satisfies Record<string, RejectionText>;
