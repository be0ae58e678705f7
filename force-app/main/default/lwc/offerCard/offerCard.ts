// V1, C1: an offer is the loudest thing on screen: channel icon, who (name, else number or id), the queue, how long
// they waited and how long is left to accept, and two large buttons, Accept (brand) and Decline. Announced once when
// it appears, by the softphone (offerAnnouncement; the countdown is not announced every second). Shared by the voice
// and chat panels.
import { LightningElement, api } from 'lwc';
import type { CommandAvailability } from 'c/connectorProtocol';
import { repeatedReasons } from 'c/commandButton';
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

/** Who is offered, as the card's title says it: the matched contact, else the customer's name, else their address. */
export function offerWho(interaction: OfferedInteraction | null): string {
  return interaction?.contact?.name ?? interaction?.customer.name ?? interaction?.customer.address ?? '';
}

/**
 * The sentence that announces an offer to screen readers ("Incoming call: +14155550123, Voice Support."). The
 * softphone says it once per offer in its own live region, which is always in the page: a region that appears with
 * its text (as a new card would) is often not read, and a card in a hidden tab never is.
 */
export function offerAnnouncement(interaction: OfferedInteraction, queueName: string | null): string {
  const label = interaction.channel === 'voice' ? LABEL_NEW_CALL : LABEL_NEW_CHAT;
  return formatLabel(label, offerWho(interaction), queueName ?? '');
}

export default class OfferCard extends LightningElement {
  @api interaction: OfferedInteraction | null = null;
  /** The queue's name (from the queues directory). */
  @api queueName: string | null = null;

  readonly labels = { accept: LABEL_ACCEPT, decline: LABEL_DECLINE, waited: LABEL_WAITED, left: LABEL_LEFT };
  get who(): string {
    return offerWho(this.interaction);
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

  get accept(): { availability: CommandAvailability | null } {
    return this.controls()[0]!;
  }

  /** Decline shows its reason only when it differs from Accept's (once accepted both say the same). */
  get decline(): { availability: CommandAvailability | null; quiet: boolean } {
    return this.controls()[1]!;
  }

  handleAccept(): void {
    this.send('accept');
  }

  handleDecline(): void {
    this.send('decline');
  }

  private send(command: string): void {
    if (!this.interaction || !this.find(command)?.enabled) return;
    this.dispatchEvent(new CustomEvent('offercommand', { detail: { command, interactionId: this.interaction.id } }));
  }

  private find(command: string): CommandAvailability | null {
    return this.interaction?.commands.find((c) => c.command === command) ?? null;
  }

  private controls(): { availability: CommandAvailability | null; quiet: boolean }[] {
    const availabilities = [this.find('accept'), this.find('decline')];
    const quiet = repeatedReasons(availabilities);
    return availabilities.map((availability, index) => ({ availability, quiet: quiet[index]! }));
  }
}
