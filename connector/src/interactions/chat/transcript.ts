// Building transcript lines. Messages pass the C6 guard in the configured mode before they get here; appendLines then
// masks whatever remains (names, file names, URLs) as a last net, so no card number can reach the stored transcript.
import { guardMessage, scanText, type PciConfig } from '../pci/guard';
import type { AttachmentRef, Instant, TranscriptEntry } from '../kernel/types';
import { checkAttachment } from './attachments';
import type { ChatAttachment } from './commands';
import type { ChatConfig } from './config';
import type { ChatState } from './state';

export type LineInput = Omit<TranscriptEntry, 'id'>;

/** Stable keys of the system lines this machine writes; the panel turns each into a Custom Label. */
export type ChatSystemEvent =
  | 'agent_joined'
  | 'agent_left'
  | 'customer_left'
  | 'message_blocked'
  | 'attachment_blocked'
  | 'attachment_too_large'
  | 'attachment_type_blocked'
  | 'attachments_not_supported'
  | 'transferred';

export function systemLine(at: Instant, event: ChatSystemEvent, author: string | null = null, text = ''): LineInput {
  return { at, from: 'system', author, text, attachments: [], systemEvent: event };
}

/** C3 / C9: "<agent> joined", shown to the customer and the agents. */
export const joinedLine = (at: Instant, name: string): LineInput =>
  systemLine(at, 'agent_joined', name, `${name} joined`);

/** C9 / C10: "<agent> left", shown to the customer and the agents. */
export const leftLine = (at: Instant, name: string): LineInput =>
  systemLine(at, 'agent_left', name, `${name} left the chat`);

/** Agent names end up in lines, effects and the state: C6 holds for them too, whatever a directory contains. */
export function guardedName(state: ChatState, name: string): string {
  return scanText(name, state.settings.pci).redacted;
}

export function appendLines(state: ChatState, lines: readonly LineInput[]): ChatState {
  if (lines.length === 0) return state;
  const pci = state.settings.pci;
  const added = lines.map((line, k) => masked({ ...line, id: `${state.id}:${state.transcript.length + k + 1}` }, pci));
  return { ...state, transcript: [...state.transcript, ...added] };
}

function masked(entry: TranscriptEntry, pci: PciConfig): TranscriptEntry {
  const mask = (s: string) => scanText(s, pci).redacted;
  const author = entry.author === null ? null : mask(entry.author);
  const text = mask(entry.text);
  const pushedUrl = entry.pushedUrl === undefined ? undefined : mask(entry.pushedUrl);
  const attachments =
    entry.attachments.length === 0 ? entry.attachments : entry.attachments.map((a) => maskAttachment(a, mask));
  // Nearly every line is already clean (the guard ran first): keep it as it is rather than copy it.
  if (author === entry.author && text === entry.text && pushedUrl === entry.pushedUrl && attachments.length === 0) {
    return entry;
  }
  const out: TranscriptEntry = { ...entry, author, text, attachments };
  if (pushedUrl !== undefined) out.pushedUrl = pushedUrl;
  return out;
}

function maskAttachment(a: AttachmentRef, mask: (s: string) => string): AttachmentRef {
  const ref: AttachmentRef = { id: a.id, name: mask(a.name), contentType: a.contentType, sizeBytes: a.sizeBytes };
  if (a.caption !== undefined) ref.caption = mask(a.caption);
  return ref;
}

export function toAttachmentRef(a: ChatAttachment): AttachmentRef {
  const ref: AttachmentRef = { id: a.id, name: a.name, contentType: a.contentType, sizeBytes: a.sizeBytes };
  if (a.caption !== undefined) ref.caption = a.caption;
  return ref;
}

/**
 * C6 + C5 for a message from the customer's side (customer or bot): the lines to add. In drop mode a flagged message
 * becomes one 'message_blocked' line; otherwise flagged attachments and files the policy refuses are left out, each
 * replaced by a system line saying why.
 */
export function inboundLines(
  message: { text: string; attachments: readonly ChatAttachment[] },
  from: 'customer' | 'bot',
  author: string | null,
  at: Instant,
  settings: ChatConfig
): LineInput[] {
  const guarded = guardMessage(message, settings.pci);
  if (guarded.outcome === 'dropped') return [systemLine(at, 'message_blocked')];
  const notes: LineInput[] = [];
  if (guarded.outcome === 'redacted') {
    for (let k = 0; k < guarded.droppedAttachments; k++) notes.push(systemLine(at, 'attachment_blocked'));
  }
  const kept: AttachmentRef[] = [];
  for (const file of guarded.attachments) {
    const verdict = checkAttachment(file, settings.attachments);
    if (verdict === 'ok') kept.push(toAttachmentRef(file));
    else notes.push(systemLine(at, refusedFileEvent[verdict], null, file.name));
  }
  const lines: LineInput[] = [];
  if (guarded.text.trim() !== '' || kept.length > 0) {
    lines.push({ at, from, author, text: guarded.text, attachments: kept });
  }
  return [...lines, ...notes];
}

const refusedFileEvent = {
  ATTACHMENTS_NOT_SUPPORTED: 'attachments_not_supported',
  ATTACHMENT_TOO_LARGE: 'attachment_too_large',
  ATTACHMENT_TYPE_BLOCKED: 'attachment_type_blocked'
} as const satisfies Record<string, ChatSystemEvent>;
