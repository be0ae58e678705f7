// D5-D12: one digital conversation the agent owns. Top to bottom: who and which channel, the D8 status chip and the
// e-mail subject; the transcript (customer left, agent right); the contact details (D5: interaction number, the
// channel's digital id, Name / Related To, notes; D6: the agent's own earlier notes; D12: master contact id and how
// often it was transferred); the reply box (D7: text, plus attachments and emoji where the channel allows); then
// Set as resolved (D9), Transfer (D12) and End (D10, which asks for disposition, Name, Related To and notes first).
// Shown with unread customer messages, it tells the connector they were read (markRead).
//
// @api interaction      a snapshot interaction of a digital channel (with its commands, myEarlierNotes, screenPop)
// @api queues           the queues directory's queues (D12 targets: digital queues that take transfers)
// @api wrapUpCodes      the wrapUpCodes directory's codes (D10)
// @api channelSettings  this channel's entry of the channelSettings directory's `digital` (D7, D10)
// @api quickTexts       the quickTexts directory's texts (optional)
// Fires `command {command, interactionId, args?, resolve?}`: reply, resolve, transfer, end, setDetails, markRead;
// `resolve(answer)` is called with the connector's answer where the view shows it itself (End's Save).
import { LightningElement, api } from 'lwc';
import type { CommandAvailability, DigitalInteraction, QueuesDirectory } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import { channelIcon, channelName } from 'c/digitalChannels';
import type { WrapUpCode } from 'c/wrapUpForm';
import type { ComposerSettings } from 'c/chatComposer';
import LABEL_NEW from '@salesforce/label/c.Inbox_StatusNew';
import LABEL_OPEN from '@salesforce/label/c.Inbox_StatusOpen';
import LABEL_RESOLVED from '@salesforce/label/c.Inbox_StatusResolved';
import LABEL_RESOLVE from '@salesforce/label/c.Digital_Resolve';
import LABEL_TRANSFER from '@salesforce/label/c.Digital_Transfer';
import LABEL_END from '@salesforce/label/c.Digital_End';
import LABEL_CANCEL from '@salesforce/label/c.Digital_Cancel';
import LABEL_MASTER from '@salesforce/label/c.Digital_MasterContact';
import LABEL_TRANSFERS from '@salesforce/label/c.Digital_TransferCount';
import LABEL_SUBJECT from '@salesforce/label/c.Digital_Subject';
import LABEL_HEADING from '@salesforce/label/c.Digital_ConversationHeading';

export type DigitalConversationInteraction = DigitalInteraction & { commands: CommandAvailability[] };
export type DigitalQueue = QueuesDirectory['queues'][number];
export type DigitalSettings = ComposerSettings & { dispositionRequired?: boolean };
export type CommandAnswer = { type: 'ack' | 'rejected'; error?: { code: string; message: string; labelKey?: string } };

const STATUS: { [status: string]: { label: string; className: string } } = {
  New: { label: LABEL_NEW, className: 'slds-badge slds-theme_info' },
  Open: { label: LABEL_OPEN, className: 'slds-badge slds-theme_warning' },
  Resolved: { label: LABEL_RESOLVED, className: 'slds-badge slds-theme_success' }
};

export default class DigitalConversation extends LightningElement {
  @api interaction: DigitalConversationInteraction | null = null;
  @api queues: DigitalQueue[] = [];
  @api wrapUpCodes: WrapUpCode[] = [];
  @api channelSettings: DigitalSettings | null = null;
  @api quickTexts: unknown[] = [];

  /** What the actions row opened: the transfer picker or the End form. */
  step: 'transfer' | 'end' | null = null;
  /** `<id>:<unread>` of the last markRead sent, so each new unread message is marked once. */
  private markedRead = '';

  readonly labels = {
    resolve: LABEL_RESOLVE,
    transfer: LABEL_TRANSFER,
    end: LABEL_END,
    cancel: LABEL_CANCEL,
    master: LABEL_MASTER,
    transfers: LABEL_TRANSFERS,
    subject: LABEL_SUBJECT
  };

  get who(): string {
    const customer = this.interaction?.customer;
    return customer?.name ?? customer?.address ?? '';
  }

  get heading(): string {
    return this.interaction ? formatLabel(LABEL_HEADING, this.who, channelName(this.interaction.channel)) : '';
  }

  get icon(): string {
    return channelIcon(this.interaction?.channel ?? '');
  }

  get channel(): string {
    return channelName(this.interaction?.channel ?? '');
  }

  get status(): { label: string; className: string } {
    const status = this.interaction?.status ?? '';
    return STATUS[status] ?? { label: status, className: 'slds-badge' };
  }

  get subject(): string | null {
    return this.interaction?.subject ?? null;
  }

  get transferCount(): string {
    return String(this.interaction?.transferCount ?? 0);
  }

  get reply(): CommandAvailability | null {
    return this.availability('reply') ?? null;
  }

  get resolveControl(): CommandAvailability | null {
    return this.availability('resolve') ?? null;
  }

  get transferControl(): CommandAvailability | null {
    return this.availability('transfer') ?? null;
  }

  get endControl(): CommandAvailability | null {
    return this.availability('end') ?? null;
  }

  get dispositionRequired(): boolean {
    return this.channelSettings?.dispositionRequired === true;
  }

  get transferring(): boolean {
    return this.step === 'transfer';
  }

  get ending(): boolean {
    return this.step === 'end';
  }

  get transferPressed(): string {
    return String(this.step === 'transfer');
  }

  get endPressed(): string {
    return String(this.step === 'end');
  }

  /** D12: queues only (the picker offers those that take digital transfers). */
  readonly queueKinds = ['queue'];

  renderedCallback(): void {
    const i = this.interaction;
    if (!i || i.unread === 0 || !this.availability('markRead')?.enabled) return;
    const key = `${i.id}:${i.unread}`;
    if (this.markedRead === key) return;
    this.markedRead = key;
    this.send('markRead');
  }

  /** D7: the reply box's text and files. */
  handleReply(event: CustomEvent<{ text: string; attachments?: unknown[] }>): void {
    event.stopPropagation();
    this.send('reply', { text: event.detail.text, attachments: event.detail.attachments ?? [] });
  }

  /** D9 */
  handleResolve(): void {
    this.send('resolve');
  }

  handleTransferToggle(): void {
    this.step = this.step === 'transfer' ? null : 'transfer';
  }

  handleEndToggle(): void {
    this.step = this.step === 'end' ? null : 'end';
  }

  /** D12: the chosen queue (the picker's target is `{queueId}` for a digital conversation). */
  handleTarget(event: CustomEvent<{ target: { queueId: string } }>): void {
    event.stopPropagation();
    this.transfer(event.detail.target.queueId);
  }

  handleCancel(): void {
    this.step = null;
  }

  /** D10 and D5: the End form's Save and the details' choices go up as they are. */
  handleChildCommand(event: CustomEvent): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('command', { detail: event.detail }));
  }

  /** D5: Name or Related To chosen in the screen pop, notes and tags from the details. */
  handleDetails(event: CustomEvent<{ interactionId: string } & Record<string, unknown>>): void {
    event.stopPropagation();
    const { interactionId, ...args } = event.detail;
    this.dispatchEvent(new CustomEvent('command', { detail: { command: 'setDetails', interactionId, args } }));
  }

  private transfer(queueId: string): void {
    if (!queueId) return;
    this.send('transfer', { queueId });
    this.step = null;
  }

  private availability(command: string): CommandAvailability | undefined {
    return this.interaction?.commands.find((c) => c.command === command);
  }

  private send(command: string, args?: Record<string, unknown>): void {
    const i = this.interaction;
    if (!i || !this.availability(command)?.enabled) return;
    this.dispatchEvent(
      new CustomEvent('command', { detail: { command, interactionId: i.id, ...(args ? { args } : {}) } })
    );
  }
}
