// C4: what the agent writes. Enter sends, Shift+Enter starts a new line; the Send button does the same. Whether the
// agent may write (the owner, or a conference member who joined; not while a call pauses the chat, A6) comes from
// the snapshot's `send` command, and a refusal says why next to the box.
// C5, D7: files, where the channel's settings allow them: each chosen file is checked before it is added (size and
// blocked types, from the channelSettings directory; the connector checks again); a refused one stays listed with
// its reason until dismissed. C7: Quick Text opens a filterable list whose text goes into the box for editing.
// D7: emoji only where the channel's settings say `emoji: true`.
//
// @api availability    the snapshot's `send` (or a digital `reply`) command of this conversation
// @api channelSettings that channel's entry of the channelSettings directory ({attachments, emoji?, maxTextLength?})
// @api quickTexts      the quickTexts directory's texts; @api channel filters them (e.g. 'chat', 'whatsapp')
// Fires `send {text, attachments}`: attachments are the protocol's AttachmentRef ({id, name, contentType, sizeBytes}).
// The protocol carries a file's description only: the connector has no upload endpoint yet, so the id is made here.
import { LightningElement, api } from 'lwc';
import type { AttachmentRef, Channel, CommandAvailability } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import { formatSize } from 'c/attachmentChip';
import type { QuickText } from 'c/quickTextPicker';
import LABEL_MESSAGE from '@salesforce/label/c.ChatComposer_Message';
import LABEL_SEND from '@salesforce/label/c.ChatComposer_Send';
import LABEL_HINT from '@salesforce/label/c.ChatComposer_Hint';
import LABEL_EMOJI from '@salesforce/label/c.ChatComposer_Emoji';
import LABEL_FILES from '@salesforce/label/c.ChatComposer_Files';
import LABEL_QUICK_TEXT from '@salesforce/label/c.QuickText_Open';
import LABEL_ADD from '@salesforce/label/c.Attachment_Add';
import LABEL_TOO_LARGE from '@salesforce/label/c.Attachment_TooLarge';
import LABEL_TYPE_BLOCKED from '@salesforce/label/c.Attachment_TypeBlocked';
import LABEL_TOO_MANY from '@salesforce/label/c.Attachment_TooMany';
import LABEL_DISMISS from '@salesforce/label/c.Attachment_Dismiss';

/** What the composer needs of a channel's settings (chat's and each digital channel's entry fit). */
export interface ComposerSettings {
  attachments: { allowed: boolean; maxBytes: number; blockedExtensions: string[]; blockedContentTypes: string[] };
  emoji?: boolean;
  maxTextLength?: number;
}
/** The most files one message takes (the protocol's limit). */
export const MAX_FILES = 10;
const EMOJI = ['🙂', '😀', '😉', '😊', '👍', '👋', '🙏', '🎉', '✅', '❤️', '😕', '📦'];

/** The extension after the last dot, lower-cased (as the connector reads it): "Invoice.PDF.exe" -> "exe". */
function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 || dot === base.length - 1 ? '' : base.slice(dot + 1).toLowerCase();
}

/** C5: why a file may not be sent on this channel, as the sentence the agent reads; null when it may. */
export function fileRefusal(
  file: { name: string; type: string; size: number },
  policy: ComposerSettings['attachments']
): string | null {
  if (file.size > policy.maxBytes) return formatLabel(LABEL_TOO_LARGE, file.name, formatSize(policy.maxBytes));
  const extension = extensionOf(file.name);
  const mediaType = (file.type.split(';')[0] ?? '').trim().toLowerCase();
  const blocked =
    (extension !== '' && policy.blockedExtensions.some((b) => b.toLowerCase() === extension)) ||
    (mediaType !== '' && policy.blockedContentTypes.some((b) => b.toLowerCase() === mediaType));
  return blocked ? formatLabel(LABEL_TYPE_BLOCKED, file.name) : null;
}

/**
 * C5, D7, D13: the files the agent just picked, each checked before it joins those already chosen (size, blocked
 * type, at most MAX_FILES); `tooMany` is the sentence for a file over the count ({0} name, {1} the limit).
 */
export function chooseFiles(
  picked: readonly { name: string; type: string; size: number }[],
  policy: ComposerSettings['attachments'],
  chosen: readonly AttachmentRef[],
  tooMany: string
): { files: AttachmentRef[]; refused: RefusedFile[] } {
  const files = [...chosen];
  const refused: RefusedFile[] = [];
  for (const file of picked) {
    const attachment: AttachmentRef = {
      id: fileId(),
      name: file.name,
      contentType: file.type || 'application/octet-stream',
      sizeBytes: file.size
    };
    const why =
      fileRefusal(file, policy) ?? (files.length >= MAX_FILES ? formatLabel(tooMany, file.name, MAX_FILES) : null);
    if (why) refused.push({ id: attachment.id, attachment, reason: why });
    else files.push(attachment);
  }
  return { files, refused };
}

let made = 0;
function fileId(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Math.random().toString(36).slice(2);
  return `file-${random}-${++made}`;
}

/** A file the agent picked that may not go, with the sentence saying why (its id is the attachment's). */
export interface RefusedFile {
  id: string;
  attachment: AttachmentRef;
  reason: string;
}
type Refused = RefusedFile;

export default class ChatComposer extends LightningElement {
  @api availability: CommandAvailability | null = null;
  @api channelSettings: ComposerSettings | null = null;
  @api quickTexts: QuickText[] = [];
  @api channel: Channel | null = null;

  text = '';
  files: AttachmentRef[] = [];
  refused: Refused[] = [];
  quickTextOpen = false;
  emojiOpen = false;
  readonly labels = {
    message: LABEL_MESSAGE,
    send: LABEL_SEND,
    hint: LABEL_HINT,
    emoji: LABEL_EMOJI,
    files: LABEL_FILES,
    quickText: LABEL_QUICK_TEXT,
    add: LABEL_ADD,
    dismiss: LABEL_DISMISS
  };
  readonly emoji = EMOJI;

  /** Inserts text at the caret of the message box (C7 Quick Text, D7 emoji), for the agent to edit before sending. */
  @api
  insert(value: string): void {
    const box = this.box;
    if (!box || this.disabled) return;
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? start;
    box.value = `${box.value.slice(0, start)}${value}${box.value.slice(end)}`;
    this.text = box.value;
    box.focus();
    const caret = start + value.length;
    box.setSelectionRange?.(caret, caret);
  }

  get disabled(): boolean {
    return !this.availability?.enabled;
  }

  get reason(): string | null {
    return this.disabled && this.availability?.labelKey ? reasonText(this.availability.labelKey) : null;
  }

  get sendDisabled(): boolean {
    return this.disabled || (this.text.trim() === '' && this.files.length === 0);
  }

  get attachmentsAllowed(): boolean {
    return Boolean(this.channelSettings?.attachments.allowed);
  }

  get emojiAllowed(): boolean {
    return this.channelSettings?.emoji === true;
  }

  get hasQuickTexts(): boolean {
    return (this.quickTexts ?? []).length > 0;
  }

  get maxLength(): number | null {
    return this.channelSettings?.maxTextLength ?? null;
  }

  get hasFiles(): boolean {
    return this.files.length > 0;
  }

  get hasRefused(): boolean {
    return this.refused.length > 0;
  }

  get refusedItems(): { key: string; attachment: AttachmentRef; reason: string }[] {
    return this.refused.map((r) => ({ key: r.attachment.id, ...r }));
  }

  handleInput(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.send();
  }

  handleSend(): void {
    this.send();
  }

  /** C5: each chosen file is checked against the channel's settings before it joins the message. */
  handleFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    const policy = this.channelSettings?.attachments;
    if (!policy?.allowed || this.disabled) return;
    const { files, refused } = chooseFiles(Array.from(input.files ?? []), policy, this.files, LABEL_TOO_MANY);
    this.files = files;
    this.refused = [...this.refused, ...refused];
    input.value = '';
  }

  handleRemove(event: CustomEvent<{ id: string }>): void {
    this.files = this.files.filter((f) => f.id !== event.detail.id);
    this.box?.focus();
  }

  handleDismiss(): void {
    this.refused = [];
    this.box?.focus();
  }

  handleQuickTextToggle(): void {
    this.quickTextOpen = !this.quickTextOpen;
    this.emojiOpen = false;
    if (this.quickTextOpen) {
      Promise.resolve().then(() =>
        (this.template?.querySelector('c-quick-text-picker') as unknown as { focus(): void } | null)?.focus()
      );
    }
  }

  handleQuickText(event: CustomEvent<{ message: string }>): void {
    this.quickTextOpen = false;
    this.insert(event.detail.message);
  }

  handleQuickTextClose(): void {
    this.quickTextOpen = false;
    this.box?.focus();
  }

  handleEmojiToggle(): void {
    this.emojiOpen = !this.emojiOpen;
    this.quickTextOpen = false;
  }

  handleEmoji(event: Event): void {
    this.insert((event.currentTarget as HTMLElement).dataset.emoji!);
  }

  handleEmojiKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.emojiOpen = false;
    this.box?.focus();
  }

  private get box(): HTMLTextAreaElement | null {
    return (this.template?.querySelector('textarea') as HTMLTextAreaElement | null) ?? null;
  }

  private send(): void {
    const text = this.text.trim();
    if (this.disabled || (text === '' && this.files.length === 0)) return;
    this.dispatchEvent(new CustomEvent('send', { detail: { text, attachments: this.files } }));
    this.text = '';
    this.files = [];
    this.refused = [];
    const box = this.box;
    if (box) box.value = '';
  }
}
