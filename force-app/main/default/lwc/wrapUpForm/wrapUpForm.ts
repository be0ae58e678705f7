// C10, V13, D10: after-contact work, shared by every channel: one or more reasons from the admin's wrap-up codes for
// this channel and queue (type to filter), and notes. Each choice is saved as it is made (setDetails), so nothing is
// lost if the console reloads before Done. A code that requires a note says so; whether Done may be pressed is the
// snapshot's (C14), not this form's.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability, WrapUpCodesDirectory } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import LABEL_REASONS from '@salesforce/label/c.WrapUp_Reasons';
import LABEL_FILTER from '@salesforce/label/c.WrapUp_Filter';
import LABEL_NOTES from '@salesforce/label/c.WrapUp_Notes';
import LABEL_NOTE_NEEDED from '@salesforce/label/c.WrapUp_NoteNeeded';
import LABEL_NO_MATCH from '@salesforce/label/c.WrapUp_NoMatch';

export type WrapUpCode = WrapUpCodesDirectory['codes'][number];
interface WrapUpInteraction {
  id: string;
  channel: string;
  queueId: string | null;
  details: { dispositions: string[]; notes: string };
  commands: CommandAvailability[];
}

export default class WrapUpForm extends LightningElement {
  @api interaction: WrapUpInteraction | null = null;
  /** The wrapUpCodes directory's codes. */
  @api codes: WrapUpCode[] = [];

  filter = '';
  readonly labels = { reasons: LABEL_REASONS, filter: LABEL_FILTER, notes: LABEL_NOTES, noMatch: LABEL_NO_MATCH };

  /** The codes of this channel and queue (an empty queue list means every queue), in the admin's order. */
  get applicable(): WrapUpCode[] {
    const i = this.interaction;
    if (!i) return [];
    return (this.codes ?? []).filter(
      (c) =>
        (c.channels as string[]).includes(i.channel) &&
        (c.queueIds.length === 0 || (i.queueId !== null && c.queueIds.includes(i.queueId)))
    );
  }

  get choices(): { code: string; label: string; checked: boolean; id: string }[] {
    const chosen = this.interaction?.details.dispositions ?? [];
    const needle = this.filter.trim().toLowerCase();
    return this.applicable
      .filter(
        (c) =>
          needle === '' || c.label.toLowerCase().includes(needle) || (c.category ?? '').toLowerCase().includes(needle)
      )
      .map((c) => ({ code: c.code, label: c.label, checked: chosen.includes(c.code), id: `code-${c.code}` }));
  }

  get nothingMatches(): boolean {
    return this.choices.length === 0;
  }

  get notes(): string {
    return this.interaction?.details.notes ?? '';
  }

  /** The chosen codes that need a note, while the notes are empty. */
  get noteNeeded(): string | null {
    const chosen = this.interaction?.details.dispositions ?? [];
    const needing = this.applicable.filter((c) => c.requiresNote && chosen.includes(c.code)).map((c) => c.label);
    return needing.length > 0 && this.notes.trim() === '' ? formatLabel(LABEL_NOTE_NEEDED, needing.join(', ')) : null;
  }

  get disabled(): boolean {
    return !this.setDetails?.enabled;
  }

  get reason(): string | null {
    return this.disabled && this.setDetails?.labelKey ? reasonText(this.setDetails.labelKey) : null;
  }

  /** The notes as saved, unless the agent is typing in the box (their words win until they leave it). */
  renderedCallback(): void {
    const box = this.template?.querySelector('textarea');
    if (box && this.template?.activeElement !== box && box.value !== this.notes) box.value = this.notes;
  }

  handleFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value;
  }

  handleToggle(event: Event): void {
    const box = event.target as HTMLInputElement;
    const chosen = this.interaction?.details.dispositions ?? [];
    const code = box.dataset.code!;
    const dispositions = box.checked ? [...chosen.filter((c) => c !== code), code] : chosen.filter((c) => c !== code);
    this.save({ dispositions });
  }

  /** Notes are saved when the agent leaves the box, not on every key. */
  handleNotes(event: Event): void {
    const notes = (event.target as HTMLTextAreaElement).value;
    if (notes !== this.notes) this.save({ notes });
  }

  private get setDetails(): CommandAvailability | undefined {
    return this.interaction?.commands.find((c) => c.command === 'setDetails');
  }

  private save(args: { dispositions?: string[]; notes?: string }): void {
    if (!this.interaction || this.disabled) return;
    this.dispatchEvent(
      new CustomEvent('command', { detail: { command: 'setDetails', interactionId: this.interaction.id, args } })
    );
  }
}
