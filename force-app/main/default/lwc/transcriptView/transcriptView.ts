// C2, C4, C6, C10, D7: a conversation as agents read it, shared by the chat panel and the digital inbox: the customer
// (and a bot) on the left, agents on the right with their names, system notices centred and muted, each with its time.
// Text is shown as text, after the connector's PCI guard: a redacted card number stays the redaction.
import { LightningElement, api } from 'lwc';
import type { TranscriptEntry } from 'c/connectorProtocol';
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

interface Line {
  id: string;
  system: boolean;
  itemClass: string;
  bubbleClass: string;
  author: string | null;
  text: string;
  at: number;
  pushedUrl: string | null;
  attachments: { id: string; name: string }[];
}

export default class TranscriptView extends LightningElement {
  @api entries: TranscriptEntry[] = [];

  readonly logLabel = LABEL_LOG;

  get lines(): Line[] {
    return (this.entries ?? []).map((entry) => {
      const system = entry.from === 'system';
      const outbound = entry.from === 'agent';
      const side = system ? 'event' : outbound ? 'outbound' : 'inbound';
      const label = entry.systemEvent ? SYSTEM_LINES[entry.systemEvent] : undefined;
      return {
        id: entry.id,
        system,
        itemClass: `slds-chat-listitem slds-chat-listitem_${side}`,
        bubbleClass: `slds-chat-message__text slds-chat-message__text_${side}${entry.from === 'bot' ? ' bot' : ''}`,
        author: system ? null : entry.author,
        // A system line the panel has no label for yet keeps the connector's own sentence.
        text: system && label ? formatLabel(label, entry.author ?? '') : entry.text,
        at: entry.at,
        // C11: only http(s) pages are ever pushed; anything else is not made a link.
        pushedUrl: entry.pushedUrl && /^https?:\/\//i.test(entry.pushedUrl) ? entry.pushedUrl : null,
        attachments: entry.attachments.map((a) => ({ id: a.id, name: a.name }))
      };
    });
  }
}
