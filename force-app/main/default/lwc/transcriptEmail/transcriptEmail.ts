// C13: at wrap-up, the choice to e-mail the transcript to the customer when the chat is done. A checkbox with the
// snapshot's `emailTranscript`; changing it sends `setTranscriptEmail {enabled}`; disabled with the command's reason
// (no e-mail address known: CHAT_NO_CUSTOMER_EMAIL; the follow-up question open: CHAT_FOLLOW_UP_PENDING).
//
// @api chat  the snapshot's chat interaction.  Fires `command`.
import { LightningElement, api } from 'lwc';
import type { ChatInteraction } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import LABEL_EMAIL from '@salesforce/label/c.ChatPanel_EmailTranscript';
import LABEL_EMAIL_NONE from '@salesforce/label/c.ChatPanel_EmailTranscriptNoAddress';

export default class TranscriptEmail extends LightningElement {
  @api chat: ChatInteraction | null = null;

  private get availability() {
    return this.chat?.commands.find((c) => c.command === 'setTranscriptEmail');
  }

  get label(): string {
    const email = this.chat?.customer.email;
    return email ? formatLabel(LABEL_EMAIL, email) : LABEL_EMAIL_NONE;
  }

  get chosen(): boolean {
    return Boolean(this.chat?.emailTranscript);
  }

  get disabled(): boolean {
    return !this.availability?.enabled;
  }

  get reason(): string | null {
    return this.disabled && this.availability?.labelKey ? reasonText(this.availability.labelKey) : null;
  }

  handleChange(event: Event): void {
    const enabled = (event.target as HTMLInputElement).checked;
    if (!this.chat || this.disabled) return;
    this.dispatchEvent(
      new CustomEvent('command', {
        detail: { command: 'setTranscriptEmail', interactionId: this.chat.id, args: { enabled } }
      })
    );
  }
}
