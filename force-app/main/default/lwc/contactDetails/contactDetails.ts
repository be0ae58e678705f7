// V8, V13, D5, D6, C12, C16: what the agent knows and writes about the customer of one interaction, any channel:
// its number (digital conversations), the customer's address or digital id (D5) and e-mail, Name and Related To (the
// embedded c-screen-pop, V13), tags (several, as chips), notes (saved when the agent leaves the box or presses Save),
// the agent's own earlier notes on this contact (D6), a number to call (C12), and the contact history (C16).
//
// @api interaction  a snapshot interaction (voice, chat or digital), with its `commands`, `myEarlierNotes`, `history`
// @api agents       the agents directory's rows (names in the history; optional)
// @api dial         the snapshot's `dial` command (AgentSnapshot.commands.dial): given, a Call row is shown (C12)
// @api hideNotes    true where another form edits the notes (e.g. the wrap-up form)
// Events: `details {interactionId, whoId?, whatId?, tags?, notes?}` (the softphone sends it as setDetails; the
// screen pop's `details` pass through as they are), `dialnumber {number}` (C12: the panel sends `dial`).
// Tags and notes are editable only while the snapshot's `setDetails` is enabled; otherwise its reason is shown.
import { LightningElement, api } from 'lwc';
import type { AgentEntry, CommandAvailability, SnapshotInteraction } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import LABEL_DETAILS from '@salesforce/label/c.ContactDetails_Title';
import LABEL_NUMBER from '@salesforce/label/c.ContactDetails_Number';
import LABEL_EMAIL from '@salesforce/label/c.ContactDetails_Email';
import LABEL_CHAT_ID from '@salesforce/label/c.ContactDetails_ChatId';
import LABEL_PHONE from '@salesforce/label/c.ContactDetails_Phone';
import LABEL_EMAIL_ADDRESS from '@salesforce/label/c.ContactDetails_EmailAddress';
import LABEL_SMS_NUMBER from '@salesforce/label/c.ContactDetails_SmsNumber';
import LABEL_WHATSAPP_NUMBER from '@salesforce/label/c.ContactDetails_WhatsappNumber';
import LABEL_MESSENGER_ID from '@salesforce/label/c.ContactDetails_MessengerId';
import LABEL_INSTAGRAM_ID from '@salesforce/label/c.ContactDetails_InstagramId';
import LABEL_X_ID from '@salesforce/label/c.ContactDetails_XId';
import LABEL_TAGS from '@salesforce/label/c.ContactDetails_Tags';
import LABEL_ADD_TAG from '@salesforce/label/c.ContactDetails_AddTag';
import LABEL_REMOVE_TAG from '@salesforce/label/c.ContactDetails_RemoveTag';
import LABEL_NOTES from '@salesforce/label/c.ContactDetails_Notes';
import LABEL_SAVE from '@salesforce/label/c.ContactDetails_Save';
import LABEL_EARLIER from '@salesforce/label/c.ContactDetails_EarlierNotes';
import LABEL_CALL_NUMBER from '@salesforce/label/c.ContactDetails_CallNumber';
import LABEL_CALL from '@salesforce/label/c.ContactDetails_Call';

const ID_LABELS: Record<string, string> = {
  emailAddress: LABEL_EMAIL_ADDRESS,
  smsNumber: LABEL_SMS_NUMBER,
  whatsappNumber: LABEL_WHATSAPP_NUMBER,
  messengerId: LABEL_MESSENGER_ID,
  instagramId: LABEL_INSTAGRAM_ID,
  xId: LABEL_X_ID
};
const PHONE_IDS = ['smsNumber', 'whatsappNumber'];
const looksLikePhone = (value: string) => /^\+?\d{7,15}$/.test(value.replace(/[\s().-]/g, ''));
const MAX_TAG = 80;

export default class ContactDetails extends LightningElement {
  @api interaction: SnapshotInteraction | null = null;
  @api agents: AgentEntry[] = [];
  @api dial: CommandAvailability | null = null;
  @api hideNotes = false;

  /** The number in the Call box, once the agent typed one (until then the customer's own). */
  typedNumber: string | null = null;
  tagDraft = '';

  readonly labels = {
    details: LABEL_DETAILS,
    number: LABEL_NUMBER,
    email: LABEL_EMAIL,
    tags: LABEL_TAGS,
    addTag: LABEL_ADD_TAG,
    notes: LABEL_NOTES,
    save: LABEL_SAVE,
    earlier: LABEL_EARLIER,
    callNumber: LABEL_CALL_NUMBER,
    call: LABEL_CALL
  };

  /** D5: a digital conversation's number (chats and calls have none). */
  get interactionNumber(): string | null {
    const i = this.interaction;
    return i && 'interactionNumber' in i ? i.interactionNumber : null;
  }

  /** D5: the customer's id on this channel, and what it is. */
  get address(): { label: string; value: string } | null {
    const i = this.interaction;
    if (!i) return null;
    if ('digitalId' in i) return { label: ID_LABELS[i.digitalId.kind] ?? LABEL_CHAT_ID, value: i.digitalId.value };
    if (i.channel === 'voice') return { label: LABEL_PHONE, value: i.number ?? i.customer.address };
    return { label: LABEL_CHAT_ID, value: i.customer.address };
  }

  get email(): string | null {
    const i = this.interaction;
    if (!i?.customer.email) return null;
    return 'digitalId' in i && i.digitalId.kind === 'emailAddress' ? null : i.customer.email;
  }

  get tags(): { name: string; removeLabel: string }[] {
    return (this.interaction?.details.tags ?? []).map((name) => ({
      name,
      removeLabel: formatLabel(LABEL_REMOVE_TAG, name)
    }));
  }

  get showNotes(): boolean {
    return !this.hideNotes;
  }

  get notes(): string {
    return this.interaction?.details.notes ?? '';
  }

  get earlierNotes(): { key: string; at: number; body: string }[] {
    return [...(this.interaction?.myEarlierNotes ?? [])]
      .sort((a, b) => b.at - a.at)
      .map((n) => ({ key: `${n.interactionId}:${n.at}`, at: n.at, body: n.body }));
  }

  get hasEarlierNotes(): boolean {
    return this.earlierNotes.length > 0;
  }

  get history() {
    return this.interaction?.history ?? [];
  }

  get editDisabled(): boolean {
    return !this.setDetails?.enabled;
  }

  get editReason(): string | null {
    return this.editDisabled && this.setDetails?.labelKey ? reasonText(this.setDetails.labelKey) : null;
  }

  get showCall(): boolean {
    return this.dial !== null && this.dial !== undefined;
  }

  /** C12: the customer's own number where the channel has one, else what the agent typed. */
  get callNumber(): string {
    if (this.typedNumber !== null) return this.typedNumber;
    const i = this.interaction;
    if (!i) return '';
    if (i.channel === 'voice') return i.number ?? '';
    if ('digitalId' in i && PHONE_IDS.includes(i.digitalId.kind)) return i.digitalId.value;
    return looksLikePhone(i.customer.address) ? i.customer.address : '';
  }

  get callDisabled(): boolean {
    return !this.dial?.enabled || this.callNumber.trim() === '';
  }

  get callReason(): string | null {
    return this.dial && !this.dial.enabled && this.dial.labelKey ? reasonText(this.dial.labelKey) : null;
  }

  /** The notes as saved, unless the agent is typing in the box (their words win until they leave it). */
  renderedCallback(): void {
    const box = this.template?.querySelector('textarea');
    if (box && this.template?.activeElement !== box && box.value !== this.notes) box.value = this.notes;
  }

  /** V13, C3: Name or Related To from the screen pop, passed on as it is. */
  handlePop(event: CustomEvent): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('details', { detail: event.detail }));
  }

  handleTagInput(event: Event): void {
    this.tagDraft = (event.target as HTMLInputElement).value;
  }

  handleTagKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const tag = input.value.trim().slice(0, MAX_TAG);
    const tags = this.interaction?.details.tags ?? [];
    if (tag === '' || tags.includes(tag)) return;
    if (this.save({ tags: [...tags, tag] })) {
      input.value = '';
      this.tagDraft = '';
    }
  }

  handleTagRemove(event: Event): void {
    const tag = (event.currentTarget as HTMLElement).dataset.tag!;
    this.save({ tags: (this.interaction?.details.tags ?? []).filter((t) => t !== tag) });
  }

  /** Notes are saved when the agent leaves the box or presses Save, not on every key. */
  handleNotesChange(event: Event): void {
    this.saveNotes((event.target as HTMLTextAreaElement).value);
  }

  handleSaveNotes(): void {
    const box = this.template?.querySelector('textarea');
    if (box) this.saveNotes(box.value);
  }

  handleCallInput(event: Event): void {
    this.typedNumber = (event.target as HTMLInputElement).value;
  }

  handleCall(): void {
    if (this.callDisabled) return;
    this.dispatchEvent(new CustomEvent('dialnumber', { detail: { number: this.callNumber.trim() } }));
  }

  handleCallKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.handleCall();
  }

  private saveNotes(notes: string): void {
    if (notes !== this.notes) this.save({ notes });
  }

  private get setDetails(): CommandAvailability | undefined {
    return this.interaction?.commands.find((c) => c.command === 'setDetails');
  }

  private save(args: { tags?: string[]; notes?: string }): boolean {
    if (!this.interaction || this.editDisabled) return false;
    this.dispatchEvent(new CustomEvent('details', { detail: { interactionId: this.interaction.id, ...args } }));
    return true;
  }
}
