// D13 outbound e-mail and D14 outbound SMS: the agent starts a conversation. E-mail: sender channel, recipient,
// subject, formatted body, attachments (each checked against the channel's size and type limits before it is added;
// the connector checks again), notes; SMS: destination number, sender channel, text, notes. "Save and send" sends and
// logs it at once (`sendOutbound`); the answer is shown here: the new interaction number, or why it was refused
// (the refusal's labelKey, and for INVALID_INPUT the fields to check). Whether the agent may send e-mail at all is
// the senders directory's: it lists e-mail senders only for members of an outbound e-mail queue.
//
// @api channel          'email' or 'sms'
// @api senders          the senders directory's senders (this channel's are offered)
// @api channelSettings  this channel's entry of the channelSettings directory's `digital` (attachments, text limit)
// Fires `command {command: 'sendOutbound', args, resolve}` and `cancel`.
import { LightningElement, api } from 'lwc';
import type { AttachmentRef, SendersDirectory } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import { chooseFiles, type ComposerSettings, type RefusedFile } from 'c/chatComposer';
import LABEL_EMAIL_TITLE from '@salesforce/label/c.Digital_OutboundEmailTitle';
import LABEL_SMS_TITLE from '@salesforce/label/c.Digital_OutboundSmsTitle';
import LABEL_SENDER from '@salesforce/label/c.Digital_Sender';
import LABEL_TO_EMAIL from '@salesforce/label/c.Digital_ToEmail';
import LABEL_TO_SMS from '@salesforce/label/c.Digital_ToSms';
import LABEL_SUBJECT from '@salesforce/label/c.Digital_Subject';
import LABEL_BODY from '@salesforce/label/c.Digital_Body';
import LABEL_TEXT from '@salesforce/label/c.Digital_Text';
import LABEL_NOTES from '@salesforce/label/c.Digital_Notes';
import LABEL_FILES from '@salesforce/label/c.Digital_Attachments';
import LABEL_ADD from '@salesforce/label/c.Digital_AddFiles';
import LABEL_SEND from '@salesforce/label/c.Digital_SaveAndSend';
import LABEL_CANCEL from '@salesforce/label/c.Digital_Cancel';
import LABEL_SENT from '@salesforce/label/c.Digital_OutboundSent';
import LABEL_CHECK from '@salesforce/label/c.Digital_CheckFields';
import LABEL_TOO_MANY from '@salesforce/label/c.Digital_TooManyFiles';

type Sender = SendersDirectory['senders'][number];
type Answer = {
  type: string;
  created?: { interactionId: string; interactionNumber: string };
  error?: { code: string; message: string; labelKey?: string; issues?: { path: string; message: string }[] };
};

export default class DigitalOutbound extends LightningElement {
  @api channel: 'email' | 'sms' = 'email';
  @api senders: Sender[] = [];
  @api channelSettings: ComposerSettings | null = null;

  senderId = '';
  to = '';
  subject = '';
  body = '';
  text = '';
  notes = '';
  files: AttachmentRef[] = [];
  refused: RefusedFile[] = [];
  sending = false;
  sent: string | null = null;
  error: string | null = null;
  private focused = false;

  readonly labels = {
    sender: LABEL_SENDER,
    subject: LABEL_SUBJECT,
    body: LABEL_BODY,
    text: LABEL_TEXT,
    notes: LABEL_NOTES,
    files: LABEL_FILES,
    add: LABEL_ADD,
    send: LABEL_SEND,
    cancel: LABEL_CANCEL
  };

  get email(): boolean {
    return this.channel === 'email';
  }

  get title(): string {
    return this.email ? LABEL_EMAIL_TITLE : LABEL_SMS_TITLE;
  }

  get toLabel(): string {
    return this.email ? LABEL_TO_EMAIL : LABEL_TO_SMS;
  }

  get toType(): string {
    return this.email ? 'email' : 'tel';
  }

  get senderOptions(): { label: string; value: string }[] {
    return (this.senders ?? [])
      .filter((s) => s.channel === this.channel)
      .map((s) => ({ label: `${s.label} (${s.address})`, value: s.id }));
  }

  /** The only sender when there is one, else the agent's choice. */
  get chosenSender(): string {
    const options = this.senderOptions;
    return this.senderId || (options.length === 1 ? options[0]!.value : '');
  }

  get attachmentsAllowed(): boolean {
    return this.email && Boolean(this.channelSettings?.attachments.allowed);
  }

  get maxLength(): number | null {
    return this.channelSettings?.maxTextLength ?? null;
  }

  get hasFiles(): boolean {
    return this.files.length > 0;
  }

  renderedCallback(): void {
    if (this.focused) return;
    const first = this.template?.querySelector<HTMLElement>('lightning-combobox');
    if (!first) return;
    this.focused = true;
    first.focus();
  }

  handleField(event: Event): void {
    const target = event.target as HTMLElement & { value: string; dataset: DOMStringMap };
    const field = target.dataset.field as 'senderId' | 'to' | 'subject' | 'body' | 'text' | 'notes';
    const value = (event as CustomEvent<{ value?: string }>).detail?.value ?? target.value;
    this[field] = value ?? '';
    this.sent = null;
  }

  /** D13: files up to the channel's size limit (10 MB), blocked types refused with their reason. */
  handleFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    const policy = this.channelSettings?.attachments;
    if (!policy?.allowed) return;
    const { files, refused } = chooseFiles(Array.from(input.files ?? []), policy, this.files, LABEL_TOO_MANY);
    this.files = files;
    this.refused = [...this.refused, ...refused];
    input.value = '';
  }

  handleRemove(event: CustomEvent<{ id: string }>): void {
    this.files = this.files.filter((f) => f.id !== event.detail.id);
    this.refused = this.refused.filter((f) => f.id !== event.detail.id);
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.handleCancel();
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSend(): void {
    if (this.sending) return;
    const details = this.notes.trim() !== '' ? { details: { notes: this.notes } } : {};
    const args = this.email
      ? {
          channel: 'email',
          senderId: this.chosenSender,
          to: this.to.trim(),
          subject: this.subject,
          body: this.body,
          ...(this.files.length > 0 ? { attachments: this.files } : {}),
          ...details
        }
      : { channel: 'sms', senderId: this.chosenSender, to: this.to.trim(), text: this.text, ...details };
    this.sending = true;
    this.error = null;
    this.sent = null;
    const resolve = (answer: Answer) => this.answered(answer);
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'sendOutbound', args, resolve } }));
  }

  private answered(answer: Answer): void {
    this.sending = false;
    if (answer.type === 'ack') {
      this.sent = formatLabel(LABEL_SENT, answer.created?.interactionNumber ?? '');
      this.to = '';
      this.subject = '';
      this.body = '';
      this.text = '';
      this.notes = '';
      this.files = [];
      this.refused = [];
      return;
    }
    const error = answer.error;
    const why = error?.labelKey ? reasonText(error.labelKey) : (error?.message ?? '');
    const fields = this.fieldNames(error?.issues ?? []);
    this.error = fields ? `${why} ${formatLabel(LABEL_CHECK, fields)}` : why;
  }

  /** The form's names of the fields a refusal points at (`to`, `subject`, …). */
  private fieldNames(issues: { path: string }[]): string {
    const names: { [path: string]: string } = {
      senderId: LABEL_SENDER,
      to: this.toLabel,
      subject: LABEL_SUBJECT,
      body: LABEL_BODY,
      text: LABEL_TEXT,
      attachments: LABEL_FILES,
      details: LABEL_NOTES
    };
    const found = issues.map((i) => names[i.path.split('.')[0] ?? '']).filter((n): n is string => Boolean(n));
    return [...new Set(found)].join(', ');
  }
}
