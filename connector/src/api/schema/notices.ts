// Notices: something that happened to the agent's work which the snapshot alone does not say (a dial failed, a
// transfer was declined, the conversation came straight back). Fire-and-forget: sent once to the agent's open panels
// after the commit that produced it, never kept for a panel that connects later (docs/decisions.md).
import { z } from 'zod';
import { instant } from './common';

/** Every notice a panel can get, with the rule it serves and the Custom Label it shows. */
export const NOTICE_CATALOGUE = {
  /** D12: transferred to a digital queue whose only member is the agent; params [queue name]. */
  digitalTransferReturned: { rule: 'D12', labelKey: 'Notice_DigitalTransferReturned' },
  /** D7: an agent message could not be delivered to the customer. */
  digitalDeliveryFailed: { rule: 'D7', labelKey: 'Notice_DigitalDeliveryFailed' },
  /** D8: the customer wrote again in a conversation the agent holds. */
  digitalCustomerMessage: { rule: 'D8', labelKey: 'Notice_DigitalCustomerMessage' },
  /** V9: an outbound call could not be connected. */
  dialFailed: { rule: 'V9', labelKey: 'Notice_DialFailed' },
  /** V6: the consulted party could not be reached; the customer is still on hold. */
  consultFailed: { rule: 'V6', labelKey: 'Notice_ConsultFailed' },
  /** V6: a transfer did not complete; the customer is back, on hold. */
  transferFailed: { rule: 'V6', labelKey: 'Notice_TransferFailed' },
  /** V2: the recording stopped because the provider could not record. */
  recordingFailed: { rule: 'V2', labelKey: 'Notice_RecordingFailed' },
  /** C8: the chat transfer was declined; the chat stays with the agent. */
  chatTransferDeclined: { rule: 'C8', labelKey: 'Notice_ChatTransferDeclined' },
  /** C9: the invited agent declined the conference; params [agent name]. */
  chatConferenceDeclined: { rule: 'C9', labelKey: 'Notice_ChatConferenceDeclined' },
  /** C5, C6: files the PCI guard kept back from a sent message; params [how many]. */
  chatAttachmentsBlocked: { rule: 'C6', labelKey: 'Notice_ChatAttachmentsBlocked' }
} as const;
export type NoticeKind = keyof typeof NOTICE_CATALOGUE;

export const noticeKind = z
  .enum(Object.keys(NOTICE_CATALOGUE) as [NoticeKind, ...NoticeKind[]])
  .meta({ id: 'NoticeKind' });

export const notice = z
  .object({
    /** Unique per notice: a panel showing several tells them apart (and drops one it has already shown). */
    id: z.string().min(1).max(64),
    /** When the change that produced it was committed. */
    at: instant,
    kind: noticeKind,
    /** The interaction it is about, when there is one. */
    interactionId: z.string().optional(),
    /** The Custom Label the panel shows (NOTICE_CATALOGUE). */
    labelKey: z.string().regex(/^Notice_[A-Za-z]+$/),
    /**
     * The label's {0}, {1}… in order. Only names and counts the connector knows (a queue's or a colleague's name, a
     * number of files): never the customer's words or a provider's free-text reason.
     */
    params: z
      .array(z.union([z.string().max(120), z.number()]))
      .max(4)
      .optional()
  })
  .strict()
  .meta({ id: 'Notice' });
export type Notice = z.infer<typeof notice>;
