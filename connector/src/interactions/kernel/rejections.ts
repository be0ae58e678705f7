// Every refusal has a stable code (for logs, tests and panels) and a sentence saying what happened and what to do.
// Panels show the Custom Label named by labelKey; the sentence here is its English text and the log message.
import { presenceRejections } from '../presence/rejections';
import { voiceRejections } from '../voice/rejections';
import { chatRejections } from '../chat/rejections';
import { digitalRejections } from '../digital/rejections';

export interface RejectionText {
  message: string;
  labelKey: string;
}

/** Shared by every machine. */
export const commonRejections = {
  INVALID_INPUT: { message: 'The request is malformed; see the listed fields.', labelKey: 'Reason_InvalidInput' },
  UNKNOWN_COMMAND: {
    message: 'This command does not exist for this kind of interaction.',
    labelKey: 'Reason_UnknownCommand'
  },
  WRONG_STATE: {
    message: 'This cannot be done in the interaction’s current state.',
    labelKey: 'Reason_WrongState'
  },
  NOT_OWNER: {
    message: 'Only the agent who owns this interaction can do this.',
    labelKey: 'Reason_NotOwner'
  },
  INTERACTION_ENDED: { message: 'This interaction has already ended.', labelKey: 'Reason_InteractionEnded' },
  NOT_AVAILABLE: { message: 'Set your status to Available to receive offers.', labelKey: 'Reason_NotAvailable' },
  AT_CAPACITY: {
    message: 'You are at capacity for this channel; finish some work first.',
    labelKey: 'Reason_AtCapacity'
  },
  IN_RONA: {
    message: 'You missed an offer: choose Available or Busy to continue.',
    labelKey: 'Reason_InRona'
  },
  OFFLINE: { message: 'You are offline: set a status first.', labelKey: 'Reason_Offline' },
  PAUSED_BY_CALL: {
    message: 'This work is paused while you are on a call; it resumes when the call ends.',
    labelKey: 'Reason_PausedByCall'
  },
  DISPOSITION_REQUIRED: { message: 'Choose a disposition before you finish.', labelKey: 'Reason_DispositionRequired' },
  UNKNOWN_DISPOSITION: {
    message: 'This disposition is not a wrap-up code for this channel and queue; choose one from the list.',
    labelKey: 'Reason_UnknownDisposition'
  },
  PCI_BLOCKED: {
    message: 'The message contained card data and was not sent, as your settings require.',
    labelKey: 'Reason_PciBlocked'
  },
  ATTACHMENT_TOO_LARGE: { message: 'Attachments can be at most 10 MB each.', labelKey: 'Reason_AttachmentTooLarge' },
  ATTACHMENT_TYPE_BLOCKED: {
    message: 'This type of file cannot be sent for security reasons.',
    labelKey: 'Reason_AttachmentTypeBlocked'
  },
  ATTACHMENTS_NOT_SUPPORTED: {
    message: 'This channel does not support attachments.',
    labelKey: 'Reason_AttachmentsNotSupported'
  },
  EMPTY_MESSAGE: { message: 'Write a message or add an attachment first.', labelKey: 'Reason_EmptyMessage' },
  UNKNOWN_INTERACTION: {
    message: 'This interaction is not on your desk; refresh your list.',
    labelKey: 'Reason_UnknownInteraction'
  },
  HOLD_ACTIVE_CALL_FIRST: {
    message: 'Put your current call on hold before dialling another number.',
    labelKey: 'Reason_HoldActiveCallFirst'
  },
  VOICE_IS_EXCLUSIVE: {
    message: 'Other work is not offered while you are on a call.',
    labelKey: 'Reason_VoiceIsExclusive'
  }
} as const satisfies Record<string, RejectionText>;

export const rejectionCatalogue = {
  ...commonRejections,
  ...presenceRejections,
  ...voiceRejections,
  ...chatRejections,
  ...digitalRejections
} as const satisfies Record<string, RejectionText>;

export type RejectionCode = keyof typeof rejectionCatalogue;

export interface Rejection {
  code: RejectionCode;
  message: string;
  labelKey: string;
  /** For INVALID_INPUT: which fields were wrong, as dotted paths ("args.digits"). */
  issues?: { path: string; message: string }[];
}

export function reject(code: RejectionCode, issues?: Rejection['issues']): Rejection {
  const text: RejectionText = rejectionCatalogue[code];
  return issues ? { code, message: text.message, labelKey: text.labelKey, issues } : { code, ...text };
}

/** Build a refused transition. */
export function refuse(code: RejectionCode): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: reject(code) };
}
