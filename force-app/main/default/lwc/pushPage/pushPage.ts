// C11: open a web page for the customer. The agent types an address; only http(s) pages may be pushed: another
// address is refused here with the connector's own sentence (the connector refuses it again,
// CHAT_PAGE_URL_NOT_HTTP), and a refusal from the connector is shown the same way. The button is the snapshot's
// `pushPage` command (disabled with its reason).
//
// @api chat  the snapshot's chat interaction
// Fires `command {command: 'pushPage', interactionId, args: {url}, resolve}`: the softphone hands the answer back.
import { LightningElement, api } from 'lwc';
import type { ChatInteraction } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import LABEL_URL from '@salesforce/label/c.ChatPanel_PageUrl';
import LABEL_PUSH from '@salesforce/label/c.ChatPanel_PushPage';

const NOT_HTTP = 'Reason_ChatPageUrlNotHttp';

/** True for an absolute http:// or https:// address. */
export function isWebPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

interface Answer {
  type: string;
  error?: { labelKey?: string };
}

export default class PushPage extends LightningElement {
  @api chat: ChatInteraction | null = null;

  url = '';
  refusal: string | null = null;
  readonly labels = { url: LABEL_URL, push: LABEL_PUSH };

  private get availability() {
    return this.chat?.commands.find((c) => c.command === 'pushPage');
  }

  get shown(): boolean {
    return this.availability?.reason !== 'NOT_OWNER';
  }

  get disabled(): boolean {
    return !this.availability?.enabled;
  }

  get pushDisabled(): boolean {
    return this.disabled || this.url.trim() === '';
  }

  /** Why the page cannot be pushed: the command's reason, else the last refusal. */
  get reason(): string | null {
    if (this.disabled && this.availability?.labelKey) return reasonText(this.availability.labelKey);
    return this.refusal;
  }

  handleInput(event: Event): void {
    this.url = (event.target as HTMLInputElement).value;
    this.refusal = null;
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.push();
  }

  handlePush(): void {
    this.push();
  }

  private push(): void {
    const url = this.url.trim();
    if (!this.chat || this.disabled || url === '') return;
    if (!isWebPage(url)) {
      this.refusal = reasonText(NOT_HTTP);
      return;
    }
    const resolve = (answer: Answer) => {
      if (answer.type === 'rejected') {
        this.refusal = reasonText(answer.error?.labelKey);
        return;
      }
      this.url = '';
      const input = this.template?.querySelector('input');
      if (input) input.value = '';
    };
    this.dispatchEvent(
      new CustomEvent('command', {
        detail: { command: 'pushPage', interactionId: this.chat.id, args: { url }, resolve }
      })
    );
  }
}
