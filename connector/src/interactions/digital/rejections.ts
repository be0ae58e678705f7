// Refusals specific to the digital machine; merged into the shared catalogue in kernel/rejections.ts.
// Every code starts with DIGITAL_ so that no other machine's code can silently shadow one of these in the merge.
import type { RejectionText } from '../kernel/rejections';

export const digitalRejections = {
  DIGITAL_ASSIGNED_TO_OTHER_AGENT: {
    message: 'Another agent has this conversation open; it stays with them until they end or transfer it.',
    labelKey: 'Reason_DigitalAssignedToOtherAgent'
  },
  DIGITAL_ALREADY_ASSIGNED_TO_YOU: {
    message: 'You already have this conversation open; pick it in the switcher.',
    labelKey: 'Reason_DigitalAlreadyAssignedToYou'
  },
  DIGITAL_NOT_QUEUE_MEMBER: {
    message: 'This conversation waits in a queue you are not a member of; ask a supervisor to transfer it to you.',
    labelKey: 'Reason_DigitalNotQueueMember'
  },
  DIGITAL_NOT_OPENED: {
    message: 'Open the conversation first; opening it assigns it to you.',
    labelKey: 'Reason_DigitalNotOpened'
  },
  DIGITAL_ALREADY_RESOLVED: {
    message: 'This conversation is already resolved; nothing waits for an answer.',
    labelKey: 'Reason_DigitalAlreadyResolved'
  },
  DIGITAL_NOTHING_UNREAD: {
    message: 'There are no unread messages in this conversation.',
    labelKey: 'Reason_DigitalNothingUnread'
  },
  DIGITAL_UNKNOWN_QUEUE: {
    message: 'This queue does not exist any more; refresh the list and pick another.',
    labelKey: 'Reason_DigitalUnknownQueue'
  },
  DIGITAL_NOT_DIGITAL_QUEUE: {
    message: 'Conversations can only be transferred to digital queues, not to Omni-Channel-only queues; pick another.',
    labelKey: 'Reason_DigitalNotDigitalQueue'
  },
  DIGITAL_EMOJI_NOT_SUPPORTED: {
    message: 'This channel cannot carry emoji; remove them and send again.',
    labelKey: 'Reason_DigitalEmojiNotSupported'
  },
  DIGITAL_TEXT_TOO_LONG: {
    message: 'The message is longer than this channel allows; shorten it or split it.',
    labelKey: 'Reason_DigitalTextTooLong'
  },
  DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER: {
    message: 'Only members of an outbound e-mail queue can send e-mail; ask your admin to add you to one.',
    labelKey: 'Reason_DigitalNotOutboundEmailMember'
  },
  DIGITAL_UNKNOWN_SENDER: {
    message: 'This sender channel does not exist for this kind of message; pick one from the list.',
    labelKey: 'Reason_DigitalUnknownSender'
  },
  DIGITAL_DUPLICATE_MESSAGE: {
    message: 'This message was already recorded; the repeat was not applied.',
    labelKey: 'Reason_DigitalDuplicateMessage'
  },
  DIGITAL_UNKNOWN_MESSAGE: {
    message: 'No message sent by an agent in this conversation has this id.',
    labelKey: 'Reason_DigitalUnknownMessage'
  }
} as const satisfies Record<string, RejectionText>;
