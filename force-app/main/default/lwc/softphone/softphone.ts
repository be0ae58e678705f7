// The softphone in the console's utility bar: it signs the agent in to the connector, keeps the one connection, and
// lays out what the agent needs, top to bottom: status and connection state, what needs them now (the RONA prompt),
// then the work in tabs Voice / Chat / Digital with badges. It decides nothing: every document comes from the
// connector, every choice goes back to it as a command.
import { LightningElement, api, wire } from 'lwc';
import {
  APPLICATION_SCOPE,
  MessageContext,
  subscribe,
  unsubscribe,
  type MessageContextValue,
  type MessageSubscription
} from 'lightning/messageService';
import SOFTPHONE_DIAL from '@salesforce/messageChannel/Softphone_Dial__c';
import { dialRequestOf } from 'c/clickToDial';
import { newCallId } from 'c/callTargets';
import type { AgentInbox, AgentSnapshot, ErrorBody, InboxSortOrder, ScreenPopView } from 'c/connectorProtocol';
import {
  ConnectorClient,
  type ClientEvent,
  type CommandAnswer,
  type ConnectionState,
  type DirectoryDocuments
} from 'c/connectorClient';
import { ConnectorSession, type SessionEvent } from 'c/connectorSession';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import type { WrapUpCode } from 'c/wrapUpForm';
import { offerAnnouncement } from 'c/offerCard';
import LABEL_CUSTOMER_LEFT from '@salesforce/label/c.ChatPanel_CustomerLeft';
import { shortcutIntent, shortcutTarget } from 'c/shortcuts';
import LABEL_VOICE from '@salesforce/label/c.Softphone_TabVoice';
import LABEL_CHAT from '@salesforce/label/c.Softphone_TabChat';
import LABEL_DIGITAL from '@salesforce/label/c.Softphone_TabDigital';
import LABEL_TABS from '@salesforce/label/c.Softphone_Tabs';
import LABEL_TAB_COUNT from '@salesforce/label/c.Softphone_TabCount';
import LABEL_NO_CONNECTOR from '@salesforce/label/c.Softphone_NoConnectorUrl';
import LABEL_NO_OFFER from '@salesforce/label/c.Shortcuts_NoOffer';
import LABEL_NO_CALL from '@salesforce/label/c.Shortcuts_NoCall';

type TabName = 'voice' | 'chat' | 'digital';
interface Tab {
  name: TabName;
  id: string;
  panelId: string;
  label: string;
  count: number;
  countLabel: string;
  selected: boolean;
  tabIndex: number;
  className: string;
}

const TAB_NAMES: TabName[] = ['voice', 'chat', 'digital'];

export default class Softphone extends LightningElement {
  /** The connector's address, set by the admin in the utility item's properties (e.g. https://connector.example.com). */
  @api connectorUrl = '';

  state: ConnectionState = 'connecting';
  snapshot: AgentSnapshot | null = null;
  inbox: AgentInbox | null = null;
  directories: DirectoryDocuments = {};
  sync: ConnectorClient['sync'] = null;
  signInError: string | null = null;
  commandError: ErrorBody | null = null;
  /** Why a keyboard shortcut sent nothing (the command's reason, or that there is nothing to act on). */
  shortcutNotice: string | null = null;
  /** Each new offer, said once to screen readers in a live region that is always in the page (UI.md). */
  announcement = '';
  activeTab: TabName = 'voice';
  /** S6: screen-pop answers by interaction id, as the connector pushed them. */
  screenPops: { [interactionId: string]: ScreenPopView } = {};

  private client: ConnectorClient | null = null;
  private session: ConnectorSession | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  /** C10: said politely, whichever tab is open (a live region in a hidden tab is never read). */
  departure = '';
  /** The chats whose customer's leaving was announced. */
  private announcedDepartures = new Set<string>();
  /** The offers already announced (those still offered; one offered again is new again). */
  private announcedOffers = new Set<string>();
  private readonly onKeydown = (event: KeyboardEvent) => this.handleShortcut(event);
  /** V12: click-to-dial requests from record pages (c/clickToDial on Softphone_Dial__c). */
  @wire(MessageContext) messageContext?: MessageContextValue;
  private dialSubscription: MessageSubscription | null = null;

  readonly tabsLabel = LABEL_TABS;
  readonly noConnectorLabel = LABEL_NO_CONNECTOR;

  connectedCallback(): void {
    if (!this.connectorUrl) return;
    // Shortcuts work wherever the focus is in the console: the softphone is loaded in the same page (docs/decisions.md).
    window.addEventListener('keydown', this.onKeydown);
    const onDial = (message: unknown) => this.handleDialRequest(message);
    this.dialSubscription = subscribe(this.messageContext, SOFTPHONE_DIAL, onDial, { scope: APPLICATION_SCOPE });
    const base = this.connectorUrl.replace(/\/+$/, '');
    this.session = new ConnectorSession({ connectorUrl: base });
    const session = this.session;
    // The softphone runs beside the console's Omni relay (aura:omniRelay in the utility bar, docs/omni.md).
    this.client = new ConnectorClient({
      url: `${base.replace(/^http/, 'ws')}/ws`,
      token: () => session.token(),
      omniRelay: true
    });
    this.unsubscribe.push(
      this.client.subscribe((event) => this.onClient(event)),
      this.session.subscribe((event) => this.onSession(event))
    );
    this.client.connect();
  }

  disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKeydown);
    if (this.dialSubscription) unsubscribe(this.dialSubscription);
    this.dialSubscription = null;
    for (const stop of this.unsubscribe.splice(0)) stop();
    this.client?.close();
    this.session?.close();
    this.client = null;
    this.session = null;
  }

  get configured(): boolean {
    return Boolean(this.connectorUrl);
  }

  get presence(): AgentSnapshot['presence'] | null {
    return this.snapshot?.presence ?? null;
  }

  get presenceCommands(): AgentSnapshot['commands']['presence'] {
    return this.snapshot?.commands.presence ?? [];
  }

  get busyReasons(): { code: string; label: string }[] {
    return this.directories.reasonCodes?.busyReasons ?? [];
  }

  /** Offers ringing now, every channel (the utility item's highlight). */
  get offerCount(): number {
    return (this.snapshot?.interactions ?? []).filter((i) => i.lifecycle === 'offered').length;
  }

  get unreadCount(): number {
    return this.inbox?.unread ?? 0;
  }

  /** The header's error line: the connector's last refusal, or why a shortcut sent nothing. */
  get commandErrorText(): string | null {
    return this.commandError ? reasonText(this.commandError.labelKey) : this.shortcutNotice;
  }

  get tabs(): Tab[] {
    const interactions = this.snapshot?.interactions ?? [];
    const counts: Record<TabName, number> = {
      voice: interactions.filter((i) => i.channel === 'voice').length,
      chat: interactions.filter((i) => i.channel === 'chat').length,
      // D2: the digital badge counts unread messages over the whole inbox.
      digital: this.unreadCount
    };
    const labels: Record<TabName, string> = { voice: LABEL_VOICE, chat: LABEL_CHAT, digital: LABEL_DIGITAL };
    return TAB_NAMES.map((name) => {
      const selected = name === this.activeTab;
      return {
        name,
        id: `tab-${name}`,
        panelId: `panel-${name}`,
        label: labels[name],
        count: counts[name],
        countLabel: formatLabel(LABEL_TAB_COUNT, labels[name], counts[name]),
        selected,
        tabIndex: selected ? 0 : -1,
        className: `slds-tabs_default__item${selected ? ' slds-is-active' : ''}`
      };
    });
  }

  get hideVoice(): boolean {
    return this.activeTab !== 'voice';
  }
  get hideChat(): boolean {
    return this.activeTab !== 'chat';
  }
  get hideDigital(): boolean {
    return this.activeTab !== 'digital';
  }

  handleTabClick(event: Event): void {
    const name = (event.currentTarget as HTMLElement).dataset.tab as TabName;
    this.activeTab = name;
  }

  /** ARIA tabs: arrows move between tabs (and select them), Home and End jump to the first and last. */
  handleTabKeydown(event: KeyboardEvent): void {
    const index = TAB_NAMES.indexOf(this.activeTab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TAB_NAMES.length
        : event.key === 'ArrowLeft'
          ? (index + TAB_NAMES.length - 1) % TAB_NAMES.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TAB_NAMES.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    this.activeTab = TAB_NAMES[next]!;
    // Focus follows the selection once the tab re-rendered.
    Promise.resolve().then(() => {
      const tab = this.template?.querySelector<HTMLElement>(`[data-tab="${this.activeTab}"]`);
      tab?.focus();
    });
  }

  get wrapUpCodes(): WrapUpCode[] {
    return this.directories.wrapUpCodes?.codes ?? [];
  }

  /** A2, S1-S4: the Omni relay's bridge talks through the same connection. */
  get omniClient(): ConnectorClient | null {
    return this.client;
  }

  get queues(): { id: string; name: string }[] {
    return this.directories.queues?.queues ?? [];
  }

  /** D13, D14: the sender channels the agent may send from (e-mail ones only for outbound e-mail queue members). */
  get senders(): NonNullable<DirectoryDocuments['senders']>['senders'] {
    return this.directories.senders?.senders ?? [];
  }

  /** D7, D10, D13: each digital channel's settings (attachments, emoji, text limit, disposition rule). */
  get digitalSettings(): NonNullable<DirectoryDocuments['channelSettings']>['digital'] {
    return this.directories.channelSettings?.digital ?? {};
  }

  /** C5, C7, C8, C9, C12, C17: what the chat panel needs besides its interactions. */
  get chatPanelInputs() {
    return {
      agents: this.directories.agents?.agents ?? [],
      quickTexts: this.directories.quickTexts?.texts ?? [],
      channelSettings: this.directories.channelSettings?.chat ?? null,
      selfId: this.snapshot?.agent.agentId ?? null,
      dial: this.snapshot?.commands.dial ?? null
    };
  }

  /** V4, V7, V9, V10, V14: what the voice panel needs besides its interactions (directories, dial, own id). */
  get voicePanelInputs() {
    return {
      agents: this.directories.agents?.agents ?? [],
      queues: this.directories.queues?.queues ?? [],
      addressBook: this.directories.addressBook?.entries ?? [],
      outboundSkills: this.directories.outboundSkills ?? null,
      emergencyNumbers: this.directories.emergencyNumbers ?? null,
      channelSettings: this.directories.channelSettings ?? null,
      busyReasons: this.directories.reasonCodes?.busyReasons ?? [],
      dial: this.snapshot?.commands.dial ?? null,
      agentId: this.snapshot?.agent.agentId ?? null
    };
  }

  /** The snapshot's interactions, each with the newest screen-pop answer (a frame can come before the snapshot). */
  get interactions(): AgentSnapshot['interactions'] {
    return (this.snapshot?.interactions ?? []).map((i) => {
      const pop = this.screenPops[i.id];
      return pop && !i.screenPop ? { ...i, screenPop: pop } : i;
    });
  }

  /**
   * A command from a channel panel (for one interaction, or the agent's own such as sendOutbound). A form that shows
   * the answer itself (the digital End form, the outbound forms) passes `resolve`: it gets the answer, and the header
   * does not repeat the refusal.
   */
  async handleCommand(
    event: CustomEvent<{
      command: string;
      interactionId?: string;
      args?: Record<string, unknown>;
      resolve?: (answer: CommandAnswer) => void;
    }>
  ) {
    if (!this.client) return;
    const { command, interactionId, args, resolve } = event.detail;
    const answer = await this.client.command(command, {
      ...(interactionId !== undefined ? { interactionId } : {}),
      ...(args ? { args } : {})
    });
    if (resolve) {
      this.showAnswer(null);
      resolve(answer);
      return;
    }
    this.showAnswer(answer);
  }

  /** D3: the inbox window the agent wants (sort, tags, the rows in sight). */
  handleInboxView(event: CustomEvent<{ sort: InboxSortOrder; tags: string[]; offset: number; limit: number }>): void {
    this.client?.setInboxView(event.detail);
  }

  /** D4: opening a conversation takes it. */
  async handleInboxOpen(event: CustomEvent<{ interactionId: string }>): Promise<void> {
    if (!this.client) return;
    const answer = await this.client.command('take', { args: { interactionId: event.detail.interactionId } });
    this.showAnswer(answer);
  }

  /** A status chosen in the picker or the RONA prompt. */
  async handleStatusChange(event: CustomEvent<{ command: string; args?: Record<string, unknown> }>): Promise<void> {
    if (!this.client) return;
    const answer = await this.client.command(
      event.detail.command,
      event.detail.args ? { args: event.detail.args } : {}
    );
    this.showAnswer(answer);
  }

  /**
   * UI.md: a keyboard shortcut (c/shortcuts) acts on the interaction in front of the agent: the newest offer for
   * accept and decline, the connected call for hold, mute and end. It sends the snapshot's command only when that is
   * enabled; otherwise the header says why (the command's reason, or that there is nothing to act on).
   */
  async handleShortcut(event: KeyboardEvent): Promise<void> {
    if (event.defaultPrevented) return;
    const intent = shortcutIntent(event);
    if (!intent) return;
    event.preventDefault();
    const target = shortcutTarget(intent, this.snapshot?.interactions ?? []);
    if (!target) {
      this.commandError = null;
      this.shortcutNotice = intent === 'accept' || intent === 'decline' ? LABEL_NO_OFFER : LABEL_NO_CALL;
      return;
    }
    if (!target.availability?.enabled) {
      this.commandError = null;
      this.shortcutNotice = reasonText(target.availability?.labelKey);
      return;
    }
    if (!this.client) return;
    const answer = await this.client.command(target.command, { interactionId: target.interactionId });
    this.showAnswer(answer);
  }

  /**
   * V12: a number clicked on a record (c/clickToDial) becomes the agent's `dial`, with the record as the call's Name or
   * Related To, when the snapshot's `commands.dial` is enabled; otherwise the header says why, as for shortcuts. V11:
   * no `holdActiveCall`: a live call is held only when the agent chooses to (docs/decisions.md), so the connector's
   * refusal says to hold it first.
   */
  async handleDialRequest(message: unknown): Promise<void> {
    const request = dialRequestOf(message);
    if (!request) return;
    const dial = this.snapshot?.commands.dial;
    if (!dial?.enabled) {
      this.commandError = null;
      this.shortcutNotice = reasonText(dial?.labelKey);
      return;
    }
    if (!this.client) return;
    this.activeTab = 'voice';
    const { number, recordId, source } = request;
    const args = { interactionId: newCallId(), number, source, ...(recordId ? { recordId } : {}) };
    this.showAnswer(await this.client.command('dial', { args }));
  }

  async handleSignIn(): Promise<void> {
    if (!this.session) return;
    this.signInError = null;
    try {
      await this.session.signIn();
    } catch (error) {
      this.signInError = (error as { code?: string }).code ?? 'SIGN_IN_FAILED';
    }
  }

  private onClient(event: ClientEvent): void {
    switch (event.type) {
      case 'state':
        this.state = event.state;
        break;
      case 'snapshot':
        this.snapshot = event.snapshot;
        this.announceOffers();
        this.announceDepartures();
        break;
      case 'inbox':
        this.inbox = event.inbox;
        break;
      case 'directory':
        // A new object, so the template sees the change.
        this.directories = { ...this.client!.directories };
        break;
      case 'sync':
        this.sync = event.sync;
        break;
      case 'screenPop':
        this.screenPops = { ...this.screenPops, [event.interactionId]: event.screenPop };
        break;
      default:
        break;
    }
  }

  /** The header line shows the connector's refusal, if any; a new answer replaces a shortcut's notice. */
  private showAnswer(answer: CommandAnswer | null): void {
    this.shortcutNotice = null;
    this.commandError = answer?.type === 'rejected' ? answer.error : null;
  }

  /** V1 C1: each offer that is new in this snapshot is announced once, whichever tab is open. */
  private announceOffers(): void {
    const offers = (this.snapshot?.interactions ?? []).filter(
      (i) => i.lifecycle === 'offered' && (i.channel === 'voice' || i.channel === 'chat')
    );
    const fresh = offers.filter((offer) => !this.announcedOffers.has(offer.id));
    this.announcedOffers = new Set(offers.map((offer) => offer.id));
    if (fresh.length === 0) return;
    this.announcement = fresh
      .map((offer) => {
        const queueName =
          ('queueName' in offer ? offer.queueName : null) ??
          this.queues.find((q) => q.id === offer.queueId)?.name ??
          null;
        return offerAnnouncement(offer as Parameters<typeof offerAnnouncement>[0], queueName);
      })
      .join(' ');
  }

  /** C10: a chat whose customer left is announced once ("<name> left the chat. Finish the wrap-up."). */
  private announceDepartures(): void {
    const left = (this.snapshot?.interactions ?? []).filter(
      (i) => i.channel === 'chat' && i.lifecycle === 'wrapUp' && 'endedBy' in i && i.endedBy === 'customer'
    );
    const fresh = left.filter((chat) => !this.announcedDepartures.has(chat.id));
    this.announcedDepartures = new Set(left.map((chat) => chat.id));
    if (fresh.length === 0) return;
    this.departure = fresh
      .map((chat) => formatLabel(LABEL_CUSTOMER_LEFT, chat.customer.name ?? chat.customer.address))
      .join(' ');
  }

  private onSession(event: SessionEvent): void {
    if (event.type === 'signedIn') {
      this.signInError = null;
      this.client?.reauthenticated();
    } else if (event.type === 'signedOut') {
      this.client?.close();
      this.state = 'signedOut';
    }
  }
}
