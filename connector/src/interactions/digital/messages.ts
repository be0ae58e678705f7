// Messages in and out of a conversation. The C6 guard runs first, before anything is checked further, stored or sent;
// an agent's message is then checked against what the channel can carry (D7).
import type { RejectionCode } from '../kernel/rejections';
import type { AttachmentRef, DigitalChannel, Instant, TranscriptEntry } from '../kernel/types';
import { guardMessage, scanText, visibleTextOfHtml } from '../pci/guard';
import { containsEmoji } from './channels';
import type { DigitalAttachment } from './commands';
import { attachmentRulesOf, type DigitalConfig } from './config';

export type Checked<T> = { ok: true; value: T } | { ok: false; code: RejectionCode };

export interface OutgoingMessage {
  text: string;
  attachments: AttachmentRef[];
}

/** C6 then D7 for what an agent sends. In drop mode a flagged message is refused whole (PCI_BLOCKED). */
export function checkOutgoing(
  channel: DigitalChannel,
  message: { text: string; attachments: readonly DigitalAttachment[] },
  config: DigitalConfig
): Checked<OutgoingMessage> {
  const guarded = guardMessage(message, config.pci);
  if (guarded.outcome === 'dropped') return { ok: false, code: 'PCI_BLOCKED' };
  const { text } = guarded;
  // An e-mail body is HTML (D13's formatted body): markup can split a card number that the reader sees whole.
  if (channel === 'email' && scanText(visibleTextOfHtml(text), config.pci).flagged) {
    return { ok: false, code: 'PCI_BLOCKED' };
  }
  const attachments = guarded.attachments.map(toAttachmentRef);
  if (text.trim() === '' && attachments.length === 0) return { ok: false, code: 'EMPTY_MESSAGE' };
  const capability = config.capabilities[channel];
  if (attachments.length > 0 && !capability.attachments) return { ok: false, code: 'ATTACHMENTS_NOT_SUPPORTED' };
  const rules = attachmentRulesOf(config, channel);
  for (const attachment of attachments) {
    if (attachment.sizeBytes > rules.maxBytes) return { ok: false, code: 'ATTACHMENT_TOO_LARGE' };
    if (isBlockedFile(attachment.name, rules.blockedExtensions)) return { ok: false, code: 'ATTACHMENT_TYPE_BLOCKED' };
  }
  if (!capability.emoji && containsEmoji(text)) return { ok: false, code: 'DIGITAL_EMOJI_NOT_SUPPORTED' };
  if (text.length > capability.maxTextLength) return { ok: false, code: 'DIGITAL_TEXT_TOO_LONG' };
  return { ok: true, value: { text, attachments } };
}

/** C6 for a single field an agent types (notes, e-mail subject): masked, or refused in drop mode. */
export function checkField(text: string, config: DigitalConfig): Checked<string> {
  const scan = scanText(text, config.pci);
  if (!scan.flagged) return { ok: true, value: text };
  if (config.pci.mode === 'drop') return { ok: false, code: 'PCI_BLOCKED' };
  return { ok: true, value: scan.redacted };
}

/**
 * C6 for a customer's message: the line to store. In drop mode a flagged message and its files are discarded and a
 * 'message_blocked' system line takes its place, under the same id so that a repeated webhook is still recognised.
 */
export function customerLine(
  message: { id: string; text: string; attachments: readonly DigitalAttachment[] },
  at: Instant,
  authorName: string | null,
  config: DigitalConfig
): TranscriptEntry {
  const guarded = guardMessage(message, config.pci);
  if (guarded.outcome === 'dropped') {
    return {
      id: message.id,
      at,
      from: 'system',
      author: null,
      text: '',
      attachments: [],
      systemEvent: 'message_blocked'
    };
  }
  const author = authorName === null ? null : scanText(authorName, config.pci).redacted;
  return {
    id: message.id,
    at,
    from: 'customer',
    author,
    text: guarded.text,
    attachments: guarded.attachments.map(toAttachmentRef)
  };
}

export function agentLine(id: string, at: Instant, agentName: string, message: OutgoingMessage): TranscriptEntry {
  return { id, at, from: 'agent', author: agentName, text: message.text, attachments: message.attachments };
}

export function systemLine(id: string, at: Instant, systemEvent: DigitalSystemEvent): TranscriptEntry {
  return { id, at, from: 'system', author: null, text: '', attachments: [], systemEvent };
}

/** Stable keys of the system lines this machine writes; the panel turns each into a Custom Label. */
export type DigitalSystemEvent = 'message_blocked' | 'delivery_failed' | 'transferred' | 'reopened';

export function toAttachmentRef(a: DigitalAttachment): AttachmentRef {
  const ref: AttachmentRef = { id: a.id, name: a.name, contentType: a.contentType, sizeBytes: a.sizeBytes };
  if (a.caption !== undefined) ref.caption = a.caption;
  return ref;
}

/** C5 applied to digital: "Invoice.PDF.exe" is an exe. */
export function isBlockedFile(fileName: string, blockedExtensions: readonly string[]): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return false;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return blockedExtensions.some((blocked) => blocked.toLowerCase() === extension);
}
