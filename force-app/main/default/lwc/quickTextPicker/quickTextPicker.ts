// C7: the Salesforce Quick Texts as a filterable list. Typing filters by name, text and category; the arrow keys
// move through the list (Home and End to its ends), Enter picks the highlighted one, Escape closes. Picking fires
// `insert {message}`: the composer puts the text into the message box, where the agent edits it before sending.
//
// @api texts    the quickTexts directory's texts
// @api channel  only the texts for this channel (e.g. 'chat', 'whatsapp'); all when unset
// Events: `insert {id, message}`, `close` (Escape).
import { LightningElement, api } from 'lwc';
import type { Channel, QuickTextsDirectory } from 'c/connectorProtocol';
import LABEL_FILTER from '@salesforce/label/c.QuickText_Filter';
import LABEL_LIST from '@salesforce/label/c.QuickText_List';
import LABEL_NO_MATCH from '@salesforce/label/c.QuickText_NoMatch';
import LABEL_HINT from '@salesforce/label/c.QuickText_Hint';

export type QuickText = QuickTextsDirectory['texts'][number];
interface Option {
  id: string;
  key: string;
  name: string;
  message: string;
  category: string | null;
  selected: boolean;
  className: string;
}

export default class QuickTextPicker extends LightningElement {
  @api texts: QuickText[] = [];
  @api channel: Channel | null = null;

  filter = '';
  active = 0;
  readonly labels = { filter: LABEL_FILTER, list: LABEL_LIST, noMatch: LABEL_NO_MATCH, hint: LABEL_HINT };

  /** Puts the focus in the filter box (the composer does when the picker opens). */
  @api
  focus(): void {
    this.template?.querySelector('input')?.focus();
  }

  get matching(): QuickText[] {
    const needle = this.filter.trim().toLowerCase();
    return (this.texts ?? []).filter(
      (t) =>
        (!this.channel || (t.channels as string[]).includes(this.channel)) &&
        (needle === '' ||
          t.name.toLowerCase().includes(needle) ||
          t.message.toLowerCase().includes(needle) ||
          (t.category ?? '').toLowerCase().includes(needle))
    );
  }

  get options(): Option[] {
    return this.matching.map((t, index) => {
      const selected = index === this.active;
      return {
        id: `qt-${index}`,
        key: t.id,
        name: t.name,
        message: t.message,
        category: t.category,
        selected,
        className: `slds-media slds-listbox__option slds-listbox__option_plain slds-p-around_xx-small${
          selected ? ' slds-has-focus' : ''
        }`
      };
    });
  }

  get activeId(): string | null {
    return this.matching.length > 0 ? `qt-${this.active}` : null;
  }

  get nothingMatches(): boolean {
    return this.matching.length === 0;
  }

  handleFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value;
    this.active = 0;
  }

  handleKeydown(event: KeyboardEvent): void {
    const count = this.matching.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count > 0) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        if (count > 0) this.active = (this.active - 1 + count) % count;
        break;
      case 'Home':
        this.active = 0;
        break;
      case 'End':
        this.active = Math.max(count - 1, 0);
        break;
      case 'Enter':
        if (event.isComposing) return;
        this.pick(this.active);
        break;
      case 'Escape':
        this.dispatchEvent(new CustomEvent('close'));
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    this.scrollToActive();
  }

  handlePick(event: Event): void {
    this.pick(Number((event.currentTarget as HTMLElement).dataset.index));
  }

  private pick(index: number): void {
    const text = this.matching[index];
    if (!text) return;
    this.dispatchEvent(new CustomEvent('insert', { detail: { id: text.id, message: text.message } }));
  }

  private scrollToActive(): void {
    Promise.resolve().then(() => {
      const option = this.template?.querySelector('.slds-has-focus') as HTMLElement | null;
      option?.scrollIntoView?.({ block: 'nearest' });
    });
  }
}
