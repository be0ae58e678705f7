// C2, C4, C6, C10, D7: a conversation as agents read it, shared by the chat panel and the digital inbox: the customer
// (and a bot) on the left, agents on the right with their names, system notices centred and muted, each with its time.
// Text is shown as text, after the connector's PCI guard: a redacted card number stays the redaction.
// C12: phone numbers in the customer's messages are buttons that fire `dialnumber {number}` (as written); while the
// snapshot's `dial` command (@api dial, optional) is disabled they stay text. C11: a pushed page is its link, marked
// as opened for the customer. C5, D7: files are c-attachment-chip; a refused file is its system line with the name.
import { LightningElement, api } from 'lwc';
import type { AttachmentRef, CommandAvailability, TranscriptEntry } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import LABEL_LOG from '@salesforce/label/c.Transcript_Log';
import LABEL_AGENT_JOINED from '@salesforce/label/c.Transcript_AgentJoined';
import LABEL_AGENT_LEFT from '@salesforce/label/c.Transcript_AgentLeft';
import LABEL_CUSTOMER_LEFT from '@salesforce/label/c.Transcript_CustomerLeft';
import LABEL_MESSAGE_BLOCKED from '@salesforce/label/c.Transcript_MessageBlocked';
import LABEL_ATTACHMENT_BLOCKED from '@salesforce/label/c.Transcript_AttachmentBlocked';
import LABEL_ATTACHMENT_TOO_LARGE from '@salesforce/label/c.Transcript_AttachmentTooLarge';
import LABEL_ATTACHMENT_TYPE_BLOCKED from '@salesforce/label/c.Transcript_AttachmentTypeBlocked';
import LABEL_ATTACHMENTS_NOT_SUPPORTED from '@salesforce/label/c.Transcript_AttachmentsNotSupported';
import LABEL_TRANSFERRED from '@salesforce/label/c.Transcript_Transferred';
import LABEL_DELIVERY_FAILED from '@salesforce/label/c.Transcript_DeliveryFailed';
import LABEL_REOPENED from '@salesforce/label/c.Transcript_Reopened';
import LABEL_PAGE_PUSHED from '@salesforce/label/c.Transcript_PagePushed';
import LABEL_CALL_NUMBER from '@salesforce/label/c.Transcript_CallNumber';

/** The connector's stable system-line keys ({0}: who, when it names someone). */
const SYSTEM_LINES: { [event: string]: string } = {
  agent_joined: LABEL_AGENT_JOINED,
  agent_left: LABEL_AGENT_LEFT,
  customer_left: LABEL_CUSTOMER_LEFT,
  message_blocked: LABEL_MESSAGE_BLOCKED,
  attachment_blocked: LABEL_ATTACHMENT_BLOCKED,
  attachment_too_large: LABEL_ATTACHMENT_TOO_LARGE,
  attachment_type_blocked: LABEL_ATTACHMENT_TYPE_BLOCKED,
  attachments_not_supported: LABEL_ATTACHMENTS_NOT_SUPPORTED,
  transferred: LABEL_TRANSFERRED,
  delivery_failed: LABEL_DELIVERY_FAILED,
  reopened: LABEL_REOPENED
};

/** System lines whose {0} is the line's text (a refused file's name), not its author. */
const NAMES_THE_FILE = ['attachment_too_large', 'attachment_type_blocked', 'attachments_not_supported'];
/** A phone number as customers write it: up to 15 digits, with spaces, dots, dashes or brackets, maybe a leading +. */
const PHONE = /(?:\+|\b00)?\(?\d[\d\s().-]{5,}\d/g;

interface Segment {
  key: string;
  text: string;
  number: string | null;
  callLabel: string | null;
}

/** C12: the text cut into plain parts and phone numbers (the text itself is never changed). */
export function segments(text: string): Segment[] {
  const parts: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const written = match[0].trim();
    const digits = written.replace(/\D/g, '');
    // A + or 00 prefix, or at least 9 digits: order numbers and dates are not numbers to call.
    const international = /^(?:\+|00)/.test(written);
    if (digits.length > 15 || digits.length < (international ? 7 : 9)) continue;
    const start = match.index ?? 0;
    if (start > last) parts.push({ key: `t${last}`, text: text.slice(last, start), number: null, callLabel: null });
    parts.push({
      key: `n${start}`,
      text: written,
      number: written,
      callLabel: formatLabel(LABEL_CALL_NUMBER, written)
    });
    last = start + written.length;
  }
  if (last < text.length) parts.push({ key: `t${last}`, text: text.slice(last), number: null, callLabel: null });
  return parts;
}

interface Line {
  id: string;
  system: boolean;
  itemClass: string;
  bubbleClass: string;
  author: string | null;
  text: string;
  at: number;
  pushedUrl: string | null;
  attachments: AttachmentRef[];
  segments: Segment[] | null;
}

export default class TranscriptView extends LightningElement {
  @api entries: TranscriptEntry[] = [];
  /** The snapshot's `dial` command (AgentSnapshot.commands.dial); numbers are buttons unless it is disabled. */
  @api dial: CommandAvailability | null = null;

  readonly logLabel = LABEL_LOG;
  readonly pushedLabel = LABEL_PAGE_PUSHED;

  get dialable(): boolean {
    return this.dial ? this.dial.enabled : true;
  }

  get lines(): Line[] {
    return (this.entries ?? []).map((entry) => {
      const system = entry.from === 'system';
      const outbound = entry.from === 'agent';
      const side = system ? 'event' : outbound ? 'outbound' : 'inbound';
      const label = entry.systemEvent ? SYSTEM_LINES[entry.systemEvent] : undefined;
      const named = NAMES_THE_FILE.includes(entry.systemEvent ?? '') ? entry.text : (entry.author ?? '');
      // C11: only http(s) pages are ever pushed; anything else is not made a link.
      const pushedUrl = entry.pushedUrl && /^https?:\/\//i.test(entry.pushedUrl) ? entry.pushedUrl : null;
      return {
        id: entry.id,
        system,
        itemClass: `slds-chat-listitem slds-chat-listitem_${side}`,
        bubbleClass: `slds-chat-message__text slds-chat-message__text_${side}${entry.from === 'bot' ? ' bot' : ''}`,
        author: system ? null : entry.author,
        // A system line the panel has no label for yet keeps the connector's own sentence.
        text: system && label ? formatLabel(label, named) : pushedUrl ? '' : entry.text,
        at: entry.at,
        pushedUrl,
        attachments: entry.attachments,
        segments: entry.from === 'customer' && this.dialable && !pushedUrl ? segments(entry.text) : null
      };
    });
  }

  /** C12: the agent clicked a number in a message. */
  handleNumber(event: Event): void {
    const number = (event.currentTarget as HTMLElement).dataset.number!;
    this.dispatchEvent(new CustomEvent('dialnumber', { detail: { number } }));
  }
}
