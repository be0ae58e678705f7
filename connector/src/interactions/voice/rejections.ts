// Refusals specific to the voice machine; merged into the shared catalogue in kernel/rejections.ts.
import type { RejectionText } from '../kernel/rejections';

export const voiceRejections = {
  CALL_ON_HOLD: { message: 'The call is on hold: resume it first.', labelKey: 'Reason_CallOnHold' },
  NOT_ON_HOLD: { message: 'The call is not on hold.', labelKey: 'Reason_NotOnHold' },
  ALREADY_ON_HOLD: {
    message: 'The call is already on hold; use Resume to return to it.',
    labelKey: 'Reason_AlreadyOnHold'
  },
  ALREADY_MUTED: { message: 'Your microphone is already muted; use Unmute.', labelKey: 'Reason_AlreadyMuted' },
  NOT_MUTED: { message: 'Your microphone is not muted.', labelKey: 'Reason_NotMuted' },
  ALREADY_RECORDING: { message: 'The call is already being recorded.', labelKey: 'Reason_AlreadyRecording' },
  NOT_RECORDING: { message: 'The call is not being recorded.', labelKey: 'Reason_NotRecording' },
  ALREADY_MASKED: {
    message: 'Recording is already masked; use Unmask when the sensitive part is over.',
    labelKey: 'Reason_AlreadyMasked'
  },
  NOT_MASKED: { message: 'Recording is not masked.', labelKey: 'Reason_NotMasked' },
  CALL_MASKED: {
    message: 'Recording is masked: unmask before you merge the conference.',
    labelKey: 'Reason_CallMasked'
  },
  IN_CONFERENCE: {
    message: 'Not possible in a conference: hold, mask and the keypad work on two-party calls only.',
    labelKey: 'Reason_InConference'
  },
  CALL_NOT_CONNECTED: {
    message: 'The call is not connected yet; wait for the other side to answer.',
    labelKey: 'Reason_CallNotConnected'
  },
  CALL_ENDED: { message: 'The call has ended; finish the wrap-up.', labelKey: 'Reason_CallEnded' },
  TRANSFER_IN_PROGRESS: {
    message: 'The call is being transferred; wait until the transfer completes or fails.',
    labelKey: 'Reason_TransferInProgress'
  },
  CONSULT_IN_PROGRESS: {
    message: 'A consult is in progress: merge, transfer or cancel it first.',
    labelKey: 'Reason_ConsultInProgress'
  },
  NO_CONSULT: { message: 'There is no consult call; start one first.', labelKey: 'Reason_NoConsult' },
  CONSULT_NOT_CONNECTED: {
    message: 'The consulted party has not answered yet; wait or cancel the consult.',
    labelKey: 'Reason_ConsultNotConnected'
  },
  CONFERENCE_FULL: {
    message: 'The conference has as many parties as allowed; transfer or end instead.',
    labelKey: 'Reason_ConferenceFull'
  },
  TARGET_IS_SELF: {
    message: 'You cannot call or transfer to yourself; choose someone else.',
    labelKey: 'Reason_TargetIsSelf'
  },
  INVALID_NUMBER: {
    message: 'This is not a valid phone number; check the digits and the country code.',
    labelKey: 'Reason_InvalidNumber'
  },
  SKILL_REQUIRED: {
    message: 'You have several outbound skills: choose the one to call with.',
    labelKey: 'Reason_SkillRequired'
  },
  UNKNOWN_SKILL: {
    message: 'This outbound skill is not one of yours; choose one from the list.',
    labelKey: 'Reason_UnknownSkill'
  },
  TRANSCRIPT_PAUSED: {
    message: 'Live transcript is paused while the call is on hold or masked.',
    labelKey: 'Reason_TranscriptPaused'
  },
  TRANSCRIPT_SIDE_HIDDEN: {
    message: 'Your settings do not show the live transcript of this side of the call.',
    labelKey: 'Reason_TranscriptSideHidden'
  },
  CALL_HOLD_OTHER_FIRST: {
    message: 'Your other call is live: put it on hold before you resume this one.',
    labelKey: 'Reason_HoldOtherCallFirst'
  },
  CALL_NOT_PAUSABLE: {
    message: 'A call is never paused by another call; put it on hold instead.',
    labelKey: 'Reason_CallNotPausable'
  }
} as const satisfies Record<string, RejectionText>;
