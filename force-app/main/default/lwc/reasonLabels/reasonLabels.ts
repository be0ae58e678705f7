// Why a command is disabled or was refused, in the agent's language. The connector names a Custom Label (labelKey,
// "Reason_CallOnHold") but LWC resolves labels only through static imports, so every Reason label is imported here and
// looked up by name. Texts: labels/reasons.json; scripts/__tests__/reasons.test.ts keeps this list, those labels and the
// connector's rejection catalogue in step.
import REASON_ALREADY_IN_STATUS from '@salesforce/label/c.Reason_AlreadyInStatus';
import REASON_ALREADY_MASKED from '@salesforce/label/c.Reason_AlreadyMasked';
import REASON_ALREADY_MUTED from '@salesforce/label/c.Reason_AlreadyMuted';
import REASON_ALREADY_ON_HOLD from '@salesforce/label/c.Reason_AlreadyOnHold';
import REASON_ALREADY_RECORDING from '@salesforce/label/c.Reason_AlreadyRecording';
import REASON_AT_CAPACITY from '@salesforce/label/c.Reason_AtCapacity';
import REASON_ATTACHMENT_TOO_LARGE from '@salesforce/label/c.Reason_AttachmentTooLarge';
import REASON_ATTACHMENT_TYPE_BLOCKED from '@salesforce/label/c.Reason_AttachmentTypeBlocked';
import REASON_ATTACHMENTS_NOT_SUPPORTED from '@salesforce/label/c.Reason_AttachmentsNotSupported';
import REASON_BUSY_REASON_REQUIRED from '@salesforce/label/c.Reason_BusyReasonRequired';
import REASON_CALL_ENDED from '@salesforce/label/c.Reason_CallEnded';
import REASON_CALL_MASKED from '@salesforce/label/c.Reason_CallMasked';
import REASON_CALL_NOT_CONNECTED from '@salesforce/label/c.Reason_CallNotConnected';
import REASON_CALL_NOT_PAUSABLE from '@salesforce/label/c.Reason_CallNotPausable';
import REASON_CALL_ON_HOLD from '@salesforce/label/c.Reason_CallOnHold';
import REASON_CHAT_ALREADY_IN from '@salesforce/label/c.Reason_ChatAlreadyIn';
import REASON_CHAT_CONFERENCE_FULL from '@salesforce/label/c.Reason_ChatConferenceFull';
import REASON_CHAT_CONFERENCE_IN_PROGRESS from '@salesforce/label/c.Reason_ChatConferenceInProgress';
import REASON_CHAT_CONVERSATION_ENDED from '@salesforce/label/c.Reason_ChatConversationEnded';
import REASON_CHAT_FOLLOW_UP_NOT_ASKED from '@salesforce/label/c.Reason_ChatFollowUpNotAsked';
import REASON_CHAT_FOLLOW_UP_PENDING from '@salesforce/label/c.Reason_ChatFollowUpPending';
import REASON_CHAT_FOLLOW_UP_QUEUE_UNKNOWN from '@salesforce/label/c.Reason_ChatFollowUpQueueUnknown';
import REASON_CHAT_NO_CONFERENCE from '@salesforce/label/c.Reason_ChatNoConference';
import REASON_CHAT_NO_CUSTOMER_EMAIL from '@salesforce/label/c.Reason_ChatNoCustomerEmail';
import REASON_CHAT_NO_TRANSFER_PENDING from '@salesforce/label/c.Reason_ChatNoTransferPending';
import REASON_CHAT_NOT_ENDED from '@salesforce/label/c.Reason_ChatNotEnded';
import REASON_CHAT_NOT_INVITED from '@salesforce/label/c.Reason_ChatNotInvited';
import REASON_CHAT_NOT_PARTICIPANT from '@salesforce/label/c.Reason_ChatNotParticipant';
import REASON_CHAT_OWNER_CANNOT_LEAVE from '@salesforce/label/c.Reason_ChatOwnerCannotLeave';
import REASON_CHAT_PAGE_URL_NOT_HTTP from '@salesforce/label/c.Reason_ChatPageUrlNotHttp';
import REASON_CHAT_TRANSFER_PENDING from '@salesforce/label/c.Reason_ChatTransferPending';
import REASON_CHAT_TRANSFER_TO_SELF from '@salesforce/label/c.Reason_ChatTransferToSelf';
import REASON_CONFERENCE_FULL from '@salesforce/label/c.Reason_ConferenceFull';
import REASON_CONSULT_IN_PROGRESS from '@salesforce/label/c.Reason_ConsultInProgress';
import REASON_CONSULT_NOT_CONNECTED from '@salesforce/label/c.Reason_ConsultNotConnected';
import REASON_DIGITAL_ALREADY_ASSIGNED_TO_YOU from '@salesforce/label/c.Reason_DigitalAlreadyAssignedToYou';
import REASON_DIGITAL_ALREADY_RESOLVED from '@salesforce/label/c.Reason_DigitalAlreadyResolved';
import REASON_DIGITAL_ASSIGNED_TO_OTHER_AGENT from '@salesforce/label/c.Reason_DigitalAssignedToOtherAgent';
import REASON_DIGITAL_DUPLICATE_MESSAGE from '@salesforce/label/c.Reason_DigitalDuplicateMessage';
import REASON_DIGITAL_EMOJI_NOT_SUPPORTED from '@salesforce/label/c.Reason_DigitalEmojiNotSupported';
import REASON_DIGITAL_NOT_DIGITAL_QUEUE from '@salesforce/label/c.Reason_DigitalNotDigitalQueue';
import REASON_DIGITAL_NOT_OPENED from '@salesforce/label/c.Reason_DigitalNotOpened';
import REASON_DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER from '@salesforce/label/c.Reason_DigitalNotOutboundEmailMember';
import REASON_DIGITAL_NOT_QUEUE_MEMBER from '@salesforce/label/c.Reason_DigitalNotQueueMember';
import REASON_DIGITAL_NOTHING_UNREAD from '@salesforce/label/c.Reason_DigitalNothingUnread';
import REASON_DIGITAL_TEXT_TOO_LONG from '@salesforce/label/c.Reason_DigitalTextTooLong';
import REASON_DIGITAL_UNKNOWN_MESSAGE from '@salesforce/label/c.Reason_DigitalUnknownMessage';
import REASON_DIGITAL_UNKNOWN_QUEUE from '@salesforce/label/c.Reason_DigitalUnknownQueue';
import REASON_DIGITAL_UNKNOWN_SENDER from '@salesforce/label/c.Reason_DigitalUnknownSender';
import REASON_DISPOSITION_REQUIRED from '@salesforce/label/c.Reason_DispositionRequired';
import REASON_EMPTY_MESSAGE from '@salesforce/label/c.Reason_EmptyMessage';
import REASON_HOLD_ACTIVE_CALL_FIRST from '@salesforce/label/c.Reason_HoldActiveCallFirst';
import REASON_HOLD_OTHER_CALL_FIRST from '@salesforce/label/c.Reason_HoldOtherCallFirst';
import REASON_IN_CONFERENCE from '@salesforce/label/c.Reason_InConference';
import REASON_IN_RONA from '@salesforce/label/c.Reason_InRona';
import REASON_INTERACTION_ENDED from '@salesforce/label/c.Reason_InteractionEnded';
import REASON_INVALID_INPUT from '@salesforce/label/c.Reason_InvalidInput';
import REASON_INVALID_NUMBER from '@salesforce/label/c.Reason_InvalidNumber';
import REASON_NO_CONSULT from '@salesforce/label/c.Reason_NoConsult';
import REASON_NOT_AVAILABLE from '@salesforce/label/c.Reason_NotAvailable';
import REASON_NOT_MASKED from '@salesforce/label/c.Reason_NotMasked';
import REASON_NOT_MUTED from '@salesforce/label/c.Reason_NotMuted';
import REASON_NOT_ON_HOLD from '@salesforce/label/c.Reason_NotOnHold';
import REASON_NOT_OWNER from '@salesforce/label/c.Reason_NotOwner';
import REASON_NOT_RECORDING from '@salesforce/label/c.Reason_NotRecording';
import REASON_OFFLINE from '@salesforce/label/c.Reason_Offline';
import REASON_OPEN_WORK from '@salesforce/label/c.Reason_OpenWork';
import REASON_PAUSED_BY_CALL from '@salesforce/label/c.Reason_PausedByCall';
import REASON_PCI_BLOCKED from '@salesforce/label/c.Reason_PciBlocked';
import REASON_SKILL_REQUIRED from '@salesforce/label/c.Reason_SkillRequired';
import REASON_TARGET_IS_SELF from '@salesforce/label/c.Reason_TargetIsSelf';
import REASON_TRANSCRIPT_PAUSED from '@salesforce/label/c.Reason_TranscriptPaused';
import REASON_TRANSCRIPT_SIDE_HIDDEN from '@salesforce/label/c.Reason_TranscriptSideHidden';
import REASON_TRANSFER_IN_PROGRESS from '@salesforce/label/c.Reason_TransferInProgress';
import REASON_UNKNOWN_BUSY_REASON from '@salesforce/label/c.Reason_UnknownBusyReason';
import REASON_UNKNOWN_COMMAND from '@salesforce/label/c.Reason_UnknownCommand';
import REASON_UNKNOWN_DISPOSITION from '@salesforce/label/c.Reason_UnknownDisposition';
import REASON_UNKNOWN_INTERACTION from '@salesforce/label/c.Reason_UnknownInteraction';
import REASON_UNKNOWN_SKILL from '@salesforce/label/c.Reason_UnknownSkill';
import REASON_VOICE_IS_EXCLUSIVE from '@salesforce/label/c.Reason_VoiceIsExclusive';
import REASON_WRONG_STATE from '@salesforce/label/c.Reason_WrongState';
import REASON_UNKNOWN from '@salesforce/label/c.Reason_Unknown';

const REASONS: Readonly<Record<string, string>> = {
  Reason_AlreadyInStatus: REASON_ALREADY_IN_STATUS,
  Reason_AlreadyMasked: REASON_ALREADY_MASKED,
  Reason_AlreadyMuted: REASON_ALREADY_MUTED,
  Reason_AlreadyOnHold: REASON_ALREADY_ON_HOLD,
  Reason_AlreadyRecording: REASON_ALREADY_RECORDING,
  Reason_AtCapacity: REASON_AT_CAPACITY,
  Reason_AttachmentTooLarge: REASON_ATTACHMENT_TOO_LARGE,
  Reason_AttachmentTypeBlocked: REASON_ATTACHMENT_TYPE_BLOCKED,
  Reason_AttachmentsNotSupported: REASON_ATTACHMENTS_NOT_SUPPORTED,
  Reason_BusyReasonRequired: REASON_BUSY_REASON_REQUIRED,
  Reason_CallEnded: REASON_CALL_ENDED,
  Reason_CallMasked: REASON_CALL_MASKED,
  Reason_CallNotConnected: REASON_CALL_NOT_CONNECTED,
  Reason_CallNotPausable: REASON_CALL_NOT_PAUSABLE,
  Reason_CallOnHold: REASON_CALL_ON_HOLD,
  Reason_ChatAlreadyIn: REASON_CHAT_ALREADY_IN,
  Reason_ChatConferenceFull: REASON_CHAT_CONFERENCE_FULL,
  Reason_ChatConferenceInProgress: REASON_CHAT_CONFERENCE_IN_PROGRESS,
  Reason_ChatConversationEnded: REASON_CHAT_CONVERSATION_ENDED,
  Reason_ChatFollowUpNotAsked: REASON_CHAT_FOLLOW_UP_NOT_ASKED,
  Reason_ChatFollowUpPending: REASON_CHAT_FOLLOW_UP_PENDING,
  Reason_ChatFollowUpQueueUnknown: REASON_CHAT_FOLLOW_UP_QUEUE_UNKNOWN,
  Reason_ChatNoConference: REASON_CHAT_NO_CONFERENCE,
  Reason_ChatNoCustomerEmail: REASON_CHAT_NO_CUSTOMER_EMAIL,
  Reason_ChatNoTransferPending: REASON_CHAT_NO_TRANSFER_PENDING,
  Reason_ChatNotEnded: REASON_CHAT_NOT_ENDED,
  Reason_ChatNotInvited: REASON_CHAT_NOT_INVITED,
  Reason_ChatNotParticipant: REASON_CHAT_NOT_PARTICIPANT,
  Reason_ChatOwnerCannotLeave: REASON_CHAT_OWNER_CANNOT_LEAVE,
  Reason_ChatPageUrlNotHttp: REASON_CHAT_PAGE_URL_NOT_HTTP,
  Reason_ChatTransferPending: REASON_CHAT_TRANSFER_PENDING,
  Reason_ChatTransferToSelf: REASON_CHAT_TRANSFER_TO_SELF,
  Reason_ConferenceFull: REASON_CONFERENCE_FULL,
  Reason_ConsultInProgress: REASON_CONSULT_IN_PROGRESS,
  Reason_ConsultNotConnected: REASON_CONSULT_NOT_CONNECTED,
  Reason_DigitalAlreadyAssignedToYou: REASON_DIGITAL_ALREADY_ASSIGNED_TO_YOU,
  Reason_DigitalAlreadyResolved: REASON_DIGITAL_ALREADY_RESOLVED,
  Reason_DigitalAssignedToOtherAgent: REASON_DIGITAL_ASSIGNED_TO_OTHER_AGENT,
  Reason_DigitalDuplicateMessage: REASON_DIGITAL_DUPLICATE_MESSAGE,
  Reason_DigitalEmojiNotSupported: REASON_DIGITAL_EMOJI_NOT_SUPPORTED,
  Reason_DigitalNotDigitalQueue: REASON_DIGITAL_NOT_DIGITAL_QUEUE,
  Reason_DigitalNotOpened: REASON_DIGITAL_NOT_OPENED,
  Reason_DigitalNotOutboundEmailMember: REASON_DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER,
  Reason_DigitalNotQueueMember: REASON_DIGITAL_NOT_QUEUE_MEMBER,
  Reason_DigitalNothingUnread: REASON_DIGITAL_NOTHING_UNREAD,
  Reason_DigitalTextTooLong: REASON_DIGITAL_TEXT_TOO_LONG,
  Reason_DigitalUnknownMessage: REASON_DIGITAL_UNKNOWN_MESSAGE,
  Reason_DigitalUnknownQueue: REASON_DIGITAL_UNKNOWN_QUEUE,
  Reason_DigitalUnknownSender: REASON_DIGITAL_UNKNOWN_SENDER,
  Reason_DispositionRequired: REASON_DISPOSITION_REQUIRED,
  Reason_EmptyMessage: REASON_EMPTY_MESSAGE,
  Reason_HoldActiveCallFirst: REASON_HOLD_ACTIVE_CALL_FIRST,
  Reason_HoldOtherCallFirst: REASON_HOLD_OTHER_CALL_FIRST,
  Reason_InConference: REASON_IN_CONFERENCE,
  Reason_InRona: REASON_IN_RONA,
  Reason_InteractionEnded: REASON_INTERACTION_ENDED,
  Reason_InvalidInput: REASON_INVALID_INPUT,
  Reason_InvalidNumber: REASON_INVALID_NUMBER,
  Reason_NoConsult: REASON_NO_CONSULT,
  Reason_NotAvailable: REASON_NOT_AVAILABLE,
  Reason_NotMasked: REASON_NOT_MASKED,
  Reason_NotMuted: REASON_NOT_MUTED,
  Reason_NotOnHold: REASON_NOT_ON_HOLD,
  Reason_NotOwner: REASON_NOT_OWNER,
  Reason_NotRecording: REASON_NOT_RECORDING,
  Reason_Offline: REASON_OFFLINE,
  Reason_OpenWork: REASON_OPEN_WORK,
  Reason_PausedByCall: REASON_PAUSED_BY_CALL,
  Reason_PciBlocked: REASON_PCI_BLOCKED,
  Reason_SkillRequired: REASON_SKILL_REQUIRED,
  Reason_TargetIsSelf: REASON_TARGET_IS_SELF,
  Reason_TranscriptPaused: REASON_TRANSCRIPT_PAUSED,
  Reason_TranscriptSideHidden: REASON_TRANSCRIPT_SIDE_HIDDEN,
  Reason_TransferInProgress: REASON_TRANSFER_IN_PROGRESS,
  Reason_UnknownBusyReason: REASON_UNKNOWN_BUSY_REASON,
  Reason_UnknownCommand: REASON_UNKNOWN_COMMAND,
  Reason_UnknownDisposition: REASON_UNKNOWN_DISPOSITION,
  Reason_UnknownInteraction: REASON_UNKNOWN_INTERACTION,
  Reason_UnknownSkill: REASON_UNKNOWN_SKILL,
  Reason_VoiceIsExclusive: REASON_VOICE_IS_EXCLUSIVE,
  Reason_WrongState: REASON_WRONG_STATE
};

/**
 * The text of the Custom Label a labelKey names. A key this version does not know (a newer connector) or no key at all
 * gives a generic sentence, so a disabled button always says something.
 */
export function reasonText(labelKey: string | undefined | null): string {
  // Own keys only: "toString" or "__proto__" must not reach Object.prototype.
  return labelKey && Object.prototype.hasOwnProperty.call(REASONS, labelKey) ? REASONS[labelKey] : REASON_UNKNOWN;
}
