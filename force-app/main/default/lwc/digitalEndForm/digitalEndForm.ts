// D10: End asks for disposition, Name, Related To and notes, then Save sends them with `end` in one go. The
// disposition codes are the wrapUpCodes directory's for this channel and queue; whether one is required is the
// connector's: a refusal (DISPOSITION_REQUIRED, …) is shown here as the sentence its labelKey names. Name and
// Related To are the screen pop's choices (saved as they are made); Save sends the ones chosen. Escape or Cancel goes
// back to the conversation without ending it.
//
// @api interaction          the digital snapshot interaction (details, commands, screenPop)
// @api codes                the wrapUpCodes directory's codes
// @api dispositionRequired  the channel's setting, shown as a required mark only (the connector decides)
// Fires `command {command: 'end', interactionId, args: {disposition?, whoId?, whatId?, notes?}, resolve}`, lets the
// screen pop's `details` through, and `cancel`.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability, ContactDetails, Customer, ScreenPopView } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import type { WrapUpCode } from 'c/wrapUpForm';
import LABEL_TITLE from '@salesforce/label/c.Digital_EndTitle';
import LABEL_DISPOSITION from '@salesforce/label/c.Digital_Disposition';
import LABEL_NONE from '@salesforce/label/c.Digital_DispositionNone';
import LABEL_NOTES from '@salesforce/label/c.Digital_Notes';
import LABEL_SAVE from '@salesforce/label/c.Digital_EndSave';
import LABEL_CANCEL from '@salesforce/label/c.Digital_Cancel';

interface EndInteraction {
  id: string;
  channel: string;
  lifecycle: 'offered' | 'active' | 'wrapUp' | 'closed';
  queueId: string | null;
  customer: Customer;
  details: ContactDetails;
  commands: CommandAvailability[];
  screenPop: ScreenPopView | null;
}
type Answer = { type: string; error?: { message: string; labelKey?: string } };

export default class DigitalEndForm extends LightningElement {
  @api interaction: EndInteraction | null = null;
  @api codes: WrapUpCode[] = [];
  @api dispositionRequired = false;

  disposition: string | null = null;
  notes: string | null = null;
  error: string | null = null;
  saving = false;
  private focused = false;

  readonly labels = {
    title: LABEL_TITLE,
    disposition: LABEL_DISPOSITION,
    notes: LABEL_NOTES,
    save: LABEL_SAVE,
    cancel: LABEL_CANCEL
  };

  /** D10: the codes of this channel and queue (none for a queue means every queue), in the admin's order. */
  get options(): { label: string; value: string }[] {
    const i = this.interaction;
    if (!i) return [];
    const codes = (this.codes ?? []).filter(
      (c) =>
        (c.channels as string[]).includes(i.channel) &&
        (c.queueIds.length === 0 || (i.queueId !== null && c.queueIds.includes(i.queueId)))
    );
    return [{ label: LABEL_NONE, value: '' }, ...codes.map((c) => ({ label: c.label, value: c.code }))];
  }

  get chosen(): string {
    return this.disposition ?? this.interaction?.details.dispositions[0] ?? '';
  }

  get notesValue(): string {
    return this.notes ?? this.interaction?.details.notes ?? '';
  }

  get end(): CommandAvailability | undefined {
    return this.interaction?.commands.find((c) => c.command === 'end');
  }

  get saveDisabled(): boolean {
    return !this.end?.enabled || this.saving;
  }

  get reason(): string | null {
    return !this.end?.enabled && this.end?.labelKey ? reasonText(this.end.labelKey) : null;
  }

  renderedCallback(): void {
    // The notes as saved until the agent types (their words win).
    const notes = this.template?.querySelector('textarea');
    if (notes && this.notes === null && notes.value !== this.notesValue) notes.value = this.notesValue;
    if (this.focused) return;
    const box = this.template?.querySelector<HTMLElement>('lightning-combobox');
    if (!box) return;
    this.focused = true;
    box.focus();
  }

  handleDisposition(event: CustomEvent<{ value: string }>): void {
    this.disposition = event.detail.value;
    this.error = null;
  }

  handleNotes(event: Event): void {
    this.notes = (event.target as HTMLTextAreaElement).value;
  }

  /** Name or Related To chosen in the screen pop: saved at once (setDetails), so Save sends the choice. */
  handleDetails(event: CustomEvent): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('details', { detail: event.detail }));
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.handleCancel();
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSave(): void {
    const i = this.interaction;
    if (!i || this.saveDisabled) return;
    const args: Record<string, unknown> = {};
    if (this.chosen) args.disposition = this.chosen;
    if (i.details.whoId) args.whoId = i.details.whoId;
    if (i.details.whatId) args.whatId = i.details.whatId;
    if (this.notesValue.trim() !== '') args.notes = this.notesValue;
    this.error = null;
    this.saving = true;
    const resolve = (answer: Answer) => {
      this.saving = false;
      this.error =
        answer.type === 'rejected'
          ? answer.error?.labelKey
            ? reasonText(answer.error.labelKey)
            : (answer.error?.message ?? null)
          : null;
    };
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'end', interactionId: i.id, args, resolve } }));
  }
}
