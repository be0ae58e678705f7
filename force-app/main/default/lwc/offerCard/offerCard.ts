// V1, C1: an offer is the loudest thing on screen: channel icon, who (name, else number or id), the queue, how long
// they waited and how long is left to accept, and two large buttons, Accept (brand) and Decline. Announced once when
// it appears (the countdown is not announced every second). Shared by the voice and chat panels.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import LABEL_ACCEPT from '@salesforce/label/c.OfferCard_Accept';
import LABEL_DECLINE from '@salesforce/label/c.OfferCard_Decline';
import LABEL_WAITED from '@salesforce/label/c.OfferCard_Waited';
import LABEL_LEFT from '@salesforce/label/c.OfferCard_TimeLeft';
import LABEL_NEW_CALL from '@salesforce/label/c.OfferCard_NewCall';
import LABEL_NEW_CHAT from '@salesforce/label/c.OfferCard_NewChat';

/** What an offer card needs of an interaction (a call or a chat in the snapshot). */
export interface OfferedInteraction {
  id: string;
  channel: string;
  customer: { name: string | null; address: string; email: string | null };
  timers: { waitingSince: number | null; offerExpiresAt: number | null };
  commands: CommandAvailability[];
  contact?: { name: string | null } | null;
}

export default class OfferCard extends LightningElement {
  @api interaction: OfferedInteraction | null = null;
  /** The queue's name (from the queues directory). */
  @api queueName: string | null = null;

  readonly labels = { accept: LABEL_ACCEPT, decline: LABEL_DECLINE, waited: LABEL_WAITED, left: LABEL_LEFT };
  /** Set once, when the card appears: a live region that changes is read again. */
  announcement = '';

  get who(): string {
    const i = this.interaction;
    return i?.contact?.name ?? i?.customer.name ?? i?.customer.address ?? '';
  }

  /** The number or id under the name, when there is a name. */
  get address(): string | null {
    const i = this.interaction;
    return i && this.who !== i.customer.address ? i.customer.address : null;
  }

  get iconName(): string {
    return this.interaction?.channel === 'voice' ? 'standard:call' : 'standard:live_chat';
  }

  get waitingSince(): number | null {
    return this.interaction?.timers.waitingSince ?? null;
  }

  get expiresAt(): number | null {
    return this.interaction?.timers.offerExpiresAt ?? null;
  }

  get accept(): { disabled: boolean; reason: string | null } {
    return this.availability('accept');
  }

  get decline(): { disabled: boolean; reason: string | null } {
    return this.availability('decline');
  }

  connectedCallback(): void {
    const label = this.interaction?.channel === 'voice' ? LABEL_NEW_CALL : LABEL_NEW_CHAT;
    this.announcement = formatLabel(label, this.who, this.queueName ?? '');
  }

  handleAccept(): void {
    this.send('accept');
  }

  handleDecline(): void {
    this.send('decline');
  }

  private send(command: string): void {
    if (!this.interaction || this.availability(command).disabled) return;
    this.dispatchEvent(new CustomEvent('offercommand', { detail: { command, interactionId: this.interaction.id } }));
  }

  private availability(command: string): { disabled: boolean; reason: string | null } {
    const found = this.interaction?.commands.find((c) => c.command === command);
    const disabled = !found?.enabled;
    return { disabled, reason: disabled && found?.labelKey ? reasonText(found.labelKey) : null };
  }
}
