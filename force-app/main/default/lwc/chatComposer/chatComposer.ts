// C4: what the agent writes. Enter sends, Shift+Enter starts a new line; the Send button does the same. Whether the
// agent may write (the owner, or a conference member who joined; not while a call pauses the chat, A6) comes from
// the snapshot's `send` command, and a refusal says why next to the box.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import LABEL_MESSAGE from '@salesforce/label/c.ChatComposer_Message';
import LABEL_SEND from '@salesforce/label/c.ChatComposer_Send';
import LABEL_HINT from '@salesforce/label/c.ChatComposer_Hint';

export default class ChatComposer extends LightningElement {
  /** The snapshot's `send` command of this conversation. */
  @api availability: CommandAvailability | null = null;

  text = '';
  readonly labels = { message: LABEL_MESSAGE, send: LABEL_SEND, hint: LABEL_HINT };

  get disabled(): boolean {
    return !this.availability?.enabled;
  }

  get reason(): string | null {
    return this.disabled && this.availability?.labelKey ? reasonText(this.availability.labelKey) : null;
  }

  get sendDisabled(): boolean {
    return this.disabled || this.text.trim() === '';
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

  private send(): void {
    const text = this.text.trim();
    if (this.disabled || text === '') return;
    this.dispatchEvent(new CustomEvent('send', { detail: { text } }));
    this.text = '';
    const box = this.template?.querySelector('textarea');
    if (box) box.value = '';
  }
}
