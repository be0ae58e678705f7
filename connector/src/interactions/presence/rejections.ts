// Refusals specific to the presence machine; merged into the shared catalogue in kernel/rejections.ts.
import type { RejectionText } from '../kernel/rejections';

export const presenceRejections = {
  REASON_REQUIRED: {
    message: 'Choose a reason (for example Break or Lunch) to go Busy.',
    labelKey: 'Reason_BusyReasonRequired'
  },
  UNKNOWN_REASON: {
    message: 'That Busy reason is not in your organisation’s list; pick one from the list.',
    labelKey: 'Reason_UnknownBusyReason'
  },
  ALREADY_IN_STATUS: { message: 'You already have this status.', labelKey: 'Reason_AlreadyInStatus' },
  OPEN_WORK: {
    message: 'Finish or transfer your open interactions before going offline.',
    labelKey: 'Reason_OpenWork'
  }
} as const satisfies Record<string, RejectionText>;
