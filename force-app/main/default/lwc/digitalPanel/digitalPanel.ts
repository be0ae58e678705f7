// The Digital tab's frame (D2-D14). Home is the inbox list (digitalInbox, kept mounted so its scroll position and
// window survive a trip to a conversation); opening a row takes it (D4) and shows it once the snapshot has it on the
// agent's desk. The switcher (D11) jumps between the agent's open digital conversations, each with its unread count,
// and Home goes back to the list. From Home the agent may start an outbound e-mail (D13, only when the senders
// directory holds e-mail senders, i.e. for members of an outbound e-mail queue) or SMS (D14).
//
// @api inbox            the inbox window (AgentInbox)
// @api interactions     the snapshot's interactions (all channels; the digital ones the agent works on are shown)
// @api queues           the queues directory's queues (D12)
// @api wrapUpCodes      the wrapUpCodes directory's codes (D10)
// @api senders          the senders directory's senders (D13, D14)
// @api channelSettings  the channelSettings directory's `digital` entry, per channel (D7, D10, D13)
// @api quickTexts       the quickTexts directory's texts (optional)
// Fires `viewchange` and `open` (from the inbox) and `command {command, interactionId?, args?, resolve?}`.
import { LightningElement, api } from 'lwc';
import type { AgentInbox, ChannelSettingsDirectory, SendersDirectory, SnapshotInteraction } from 'c/connectorProtocol';
import type { DigitalConversationInteraction, DigitalQueue, DigitalSettings } from 'c/digitalConversation';
import type { SwitcherConversation } from 'c/digitalSwitcher';
import type { WrapUpCode } from 'c/wrapUpForm';
import LABEL_NEW_EMAIL from '@salesforce/label/c.Digital_NewEmail';
import LABEL_NEW_SMS from '@salesforce/label/c.Digital_NewSms';
import LABEL_OUTBOUND from '@salesforce/label/c.Digital_Outbound';

const DIGITAL = ['email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x'];
type Interaction = SnapshotInteraction & { commands: DigitalConversationInteraction['commands'] };
export type Sender = SendersDirectory['senders'][number];

export default class DigitalPanel extends LightningElement {
  @api inbox: AgentInbox | null = null;
  @api interactions: Interaction[] = [];
  @api queues: DigitalQueue[] = [];
  @api wrapUpCodes: WrapUpCode[] = [];
  @api senders: Sender[] = [];
  @api channelSettings: ChannelSettingsDirectory['digital'] = {};
  @api quickTexts: unknown[] = [];

  /** The conversation the agent chose (shown once it is on their desk), or null for Home. */
  selectedId: string | null = null;
  /** The outbound form open instead of the list. */
  outbound: 'email' | 'sms' | null = null;

  readonly labels = { newEmail: LABEL_NEW_EMAIL, newSms: LABEL_NEW_SMS, outbound: LABEL_OUTBOUND };

  /** The digital conversations the agent is working on (assigned to them: the desk holds only their work). */
  get open(): DigitalConversationInteraction[] {
    return (this.interactions ?? []).filter(
      (i): i is DigitalConversationInteraction & Interaction => DIGITAL.includes(i.channel) && i.lifecycle === 'active'
    ) as DigitalConversationInteraction[];
  }

  get conversations(): SwitcherConversation[] {
    return this.open.map((i) => ({
      id: i.id,
      name: i.customer.name ?? i.customer.address,
      channel: i.channel,
      unread: i.unread
    }));
  }

  get current(): DigitalConversationInteraction | null {
    return this.open.find((i) => i.id === this.selectedId) ?? null;
  }

  get shown(): DigitalConversationInteraction[] {
    return this.current ? [this.current] : [];
  }

  get shownId(): string | null {
    return this.current?.id ?? null;
  }

  get currentSettings(): DigitalSettings | null {
    const channel = this.current?.channel;
    return (channel && this.channelSettings?.[channel]) || null;
  }

  get home(): boolean {
    return !this.current && !this.outbound;
  }

  get notHome(): boolean {
    return !this.home;
  }

  get showOutbound(): boolean {
    return !this.current && this.outbound !== null;
  }

  get emailSenders(): boolean {
    return (this.senders ?? []).some((s) => s.channel === 'email');
  }

  get smsSenders(): boolean {
    return (this.senders ?? []).some((s) => s.channel === 'sms');
  }

  get anySenders(): boolean {
    return this.emailSenders || this.smsSenders;
  }

  get outboundSettings(): DigitalSettings | null {
    return (this.outbound && this.channelSettings?.[this.outbound]) || null;
  }

  /** D11: a conversation from the switcher, or Home (null). */
  handleSelect(event: CustomEvent<{ interactionId: string | null }>): void {
    this.selectedId = event.detail.interactionId;
    this.outbound = null;
  }

  handleHome(): void {
    this.selectedId = null;
    this.outbound = null;
  }

  handleNewEmail(): void {
    this.selectedId = null;
    this.outbound = 'email';
  }

  handleNewSms(): void {
    this.selectedId = null;
    this.outbound = 'sms';
  }

  handleView(event: CustomEvent): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('viewchange', { detail: event.detail }));
  }

  /** D4: a row of the inbox. One already on the agent's desk is shown; any other is taken first. */
  handleOpen(event: CustomEvent<{ interactionId: string }>): void {
    event.stopPropagation();
    const { interactionId } = event.detail;
    this.selectedId = interactionId;
    this.outbound = null;
    if (this.open.some((i) => i.id === interactionId)) return;
    this.dispatchEvent(new CustomEvent('open', { detail: { interactionId } }));
  }

  handleCommand(event: CustomEvent): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('command', { detail: event.detail }));
  }
}
