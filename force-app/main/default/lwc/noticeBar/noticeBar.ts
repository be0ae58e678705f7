// The newest notice for the agent (D7, D8, D12, V2, V6, V9, C5, C6, C8, C9), in the softphone's header: a sentence from
// its Custom Label with the connector's params, read politely, until the agent dismisses it or a newer one comes.
// Notices are fire-and-forget (docs/decisions.md): nothing is kept after a reload. It decides nothing: the label key
// and params come from the connector, and a key this panel does not know shows nothing.
import { LightningElement, api } from 'lwc';
import type { Notice } from 'c/connectorProtocol';
import type { ClientEvent } from 'c/connectorClient';
import { formatLabel } from 'c/utilityBadge';
import LABEL_DIGITAL_TRANSFER_RETURNED from '@salesforce/label/c.Notice_DigitalTransferReturned';
import LABEL_DIGITAL_DELIVERY_FAILED from '@salesforce/label/c.Notice_DigitalDeliveryFailed';
import LABEL_DIGITAL_CUSTOMER_MESSAGE from '@salesforce/label/c.Notice_DigitalCustomerMessage';
import LABEL_DIAL_FAILED from '@salesforce/label/c.Notice_DialFailed';
import LABEL_CONSULT_FAILED from '@salesforce/label/c.Notice_ConsultFailed';
import LABEL_TRANSFER_FAILED from '@salesforce/label/c.Notice_TransferFailed';
import LABEL_RECORDING_FAILED from '@salesforce/label/c.Notice_RecordingFailed';
import LABEL_CHAT_TRANSFER_DECLINED from '@salesforce/label/c.Notice_ChatTransferDeclined';
import LABEL_CHAT_CONFERENCE_DECLINED from '@salesforce/label/c.Notice_ChatConferenceDeclined';
import LABEL_CHAT_ATTACHMENTS_BLOCKED from '@salesforce/label/c.Notice_ChatAttachmentsBlocked';
import LABEL_DISMISS from '@salesforce/label/c.Notice_Dismiss';

/** The connector's label keys (docs/protocol.md, "Notices"). */
const LABELS: { [labelKey: string]: string } = {
  Notice_DigitalTransferReturned: LABEL_DIGITAL_TRANSFER_RETURNED,
  Notice_DigitalDeliveryFailed: LABEL_DIGITAL_DELIVERY_FAILED,
  Notice_DigitalCustomerMessage: LABEL_DIGITAL_CUSTOMER_MESSAGE,
  Notice_DialFailed: LABEL_DIAL_FAILED,
  Notice_ConsultFailed: LABEL_CONSULT_FAILED,
  Notice_TransferFailed: LABEL_TRANSFER_FAILED,
  Notice_RecordingFailed: LABEL_RECORDING_FAILED,
  Notice_ChatTransferDeclined: LABEL_CHAT_TRANSFER_DECLINED,
  Notice_ChatConferenceDeclined: LABEL_CHAT_CONFERENCE_DECLINED,
  Notice_ChatAttachmentsBlocked: LABEL_CHAT_ATTACHMENTS_BLOCKED
};

/** What the bar needs of the connector client: its events. */
export interface NoticeSource {
  subscribe(listener: (event: ClientEvent) => void): () => void;
}

/** The sentence a notice shows, or null for a label key this panel does not have. */
export function noticeText(notice: Notice): string | null {
  const label = LABELS[notice.labelKey];
  return label === undefined ? null : formatLabel(label, ...(notice.params ?? []));
}

export default class NoticeBar extends LightningElement {
  readonly dismissLabel = LABEL_DISMISS;
  current: Notice | null = null;
  private clientValue: NoticeSource | null = null;
  private stopClient: (() => void) | null = null;
  private connected = false;

  /** The connector client whose notice events the bar shows (the softphone's). */
  @api
  get client(): NoticeSource | null {
    return this.clientValue;
  }
  set client(value: NoticeSource | null) {
    if (value === this.clientValue) return;
    this.clientValue = value ?? null;
    this.attach();
  }

  connectedCallback(): void {
    this.connected = true;
    this.attach();
  }

  disconnectedCallback(): void {
    this.connected = false;
    this.stopClient?.();
    this.stopClient = null;
  }

  /** Rendered as text (`{text}`), never as markup. */
  get text(): string | null {
    return this.current ? noticeText(this.current) : null;
  }

  handleDismiss(): void {
    this.current = null;
  }

  private attach(): void {
    this.stopClient?.();
    this.stopClient = null;
    const client = this.clientValue;
    if (!client || !this.connected) return;
    this.stopClient = client.subscribe((event) => {
      if (event.type === 'notice' && noticeText(event.notice) !== null) this.current = event.notice;
    });
  }
}
