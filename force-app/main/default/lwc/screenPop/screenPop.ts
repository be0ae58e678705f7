// S6, C3: the screen pop of an interaction of any channel, once the agent has it (accepted, or dialled): one match
// opens its record in a console tab (or focuses the tab already showing it), several are listed to open the right one,
// none offers Create contact and Create lead with the customer's number or e-mail address filled in. Tabs are opened
// once per interaction, also across a re-render, a new snapshot or a reload of the console: a tab the agent closed
// stays closed.
// V13, D5: Name (a contact or lead: the Task's WhoId) and Related To (any other record: its WhatId). The options are
// the screen pop's matches and the records open in the console's tabs, kept current as tabs open, change and close.
// Choosing one fires `details` {interactionId, whoId} or {interactionId, whatId} (null: none) for the softphone to send
// as setDetails; when setDetails is not possible the choice is disabled and says why.
import { LightningElement, api, wire } from 'lwc';
import { focusTab, getAllTabInfo, openTab, type TabInfo } from 'lightning/platformWorkspaceApi';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import {
  APPLICATION_SCOPE,
  MessageContext,
  subscribe,
  unsubscribe,
  type MessageContextValue,
  type MessageSubscription
} from 'lightning/messageService';
import TAB_CREATED from '@salesforce/messageChannel/lightning__tabCreated';
import TAB_FOCUSED from '@salesforce/messageChannel/lightning__tabFocused';
import TAB_UPDATED from '@salesforce/messageChannel/lightning__tabUpdated';
import TAB_CLOSED from '@salesforce/messageChannel/lightning__tabClosed';
import type { CommandAvailability, Customer, ScreenPopView } from 'c/connectorProtocol';
import { reasonText } from 'c/reasonLabels';
import { formatLabel } from 'c/utilityBadge';
import LABEL_SEVERAL from '@salesforce/label/c.ScreenPop_SeveralMatches';
import LABEL_NO_MATCH from '@salesforce/label/c.ScreenPop_NoMatch';
import LABEL_CREATE_CONTACT from '@salesforce/label/c.ScreenPop_CreateContact';
import LABEL_CREATE_LEAD from '@salesforce/label/c.ScreenPop_CreateLead';
import LABEL_DETAILS from '@salesforce/label/c.ScreenPop_Details';
import LABEL_NAME from '@salesforce/label/c.ScreenPop_Name';
import LABEL_RELATED_TO from '@salesforce/label/c.ScreenPop_RelatedTo';
import LABEL_NONE from '@salesforce/label/c.ScreenPop_None';
import LABEL_CURRENT_RECORD from '@salesforce/label/c.ScreenPop_CurrentRecord';
import LABEL_CONTACT from '@salesforce/label/c.ScreenPop_TypeContact';
import LABEL_LEAD from '@salesforce/label/c.ScreenPop_TypeLead';
import LABEL_ACCOUNT from '@salesforce/label/c.ScreenPop_TypeAccount';
import LABEL_CASE from '@salesforce/label/c.ScreenPop_TypeCase';
import LABEL_OPPORTUNITY from '@salesforce/label/c.ScreenPop_TypeOpportunity';
import LABEL_OTHER from '@salesforce/label/c.ScreenPop_TypeOther';

/** What the screen pop needs of a snapshot interaction (voice, chat or digital). */
export interface PoppedInteraction {
  id: string;
  channel: string;
  lifecycle: 'offered' | 'active' | 'wrapUp' | 'closed';
  customer: Customer;
  details: { whoId: string | null; whatId: string | null };
  commands: CommandAvailability[];
  screenPop: ScreenPopView | null;
  /** Voice: the record a click-to-dial call was placed from. */
  contact?: { id: string; name: string | null } | null;
}
/** The payload of the `details` event. */
export type DetailsChoice = { interactionId: string } & ({ whoId: string | null } | { whatId: string | null });

type Role = 'who' | 'what';
interface RecordChoice {
  id: string;
  name: string;
  type: string;
  /** A contact's account or a lead's company. */
  detail: string | null;
}
interface SelectOption {
  value: string;
  text: string;
  selected: boolean;
}

/** Key prefixes of the objects named here; the id's first three characters say what a record is. */
const TYPES: { [prefix: string]: string } = {
  '003': LABEL_CONTACT,
  '00Q': LABEL_LEAD,
  '001': LABEL_ACCOUNT,
  '500': LABEL_CASE,
  '006': LABEL_OPPORTUNITY
};
const WHO_PREFIXES = ['003', '00Q'];
/**
 * Records a Task cannot be related to, though they open in tabs: users, groups, reports, dashboards, activities,
 * e-mail messages, files and setup records. Any other record is Related To (custom objects included).
 */
const NOT_RELATABLE = [
  '005',
  '00G',
  '00O',
  '01Z',
  '00T',
  '00U',
  '02s',
  '069',
  '068',
  '015',
  '00D',
  '00E',
  '00e',
  '0PS'
];
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const ACCEPTED = ['active', 'wrapUp'];
const TAB_CHANNELS = [TAB_CREATED, TAB_FOCUSED, TAB_UPDATED, TAB_CLOSED];

/** 15 and 18 character ids of one record share their first 15 characters. */
const sameRecord = (a: string | null | undefined, b: string | null | undefined): boolean =>
  Boolean(a && b && a.slice(0, 15) === b.slice(0, 15));

/** Name (who) for contacts and leads, Related To (what) for others, null for records a Task cannot point at. */
export function roleOf(recordId: string): Role | null {
  const prefix = recordId.slice(0, 3);
  if (WHO_PREFIXES.includes(prefix)) return 'who';
  return NOT_RELATABLE.includes(prefix) ? null : 'what';
}

function typeOf(recordId: string): string {
  return TYPES[recordId.slice(0, 3)] ?? LABEL_OTHER;
}

/** Every record open in a workspace tab or subtab, once each. */
export function tabRecords(tabs: TabInfo[]): RecordChoice[] {
  const records: RecordChoice[] = [];
  const visit = (tab: TabInfo) => {
    const id = tab.recordId ?? tab.pageReference?.attributes?.recordId;
    if (id && RECORD_ID.test(id) && !records.some((r) => sameRecord(r.id, id))) {
      const type = typeOf(id);
      records.push({ id, name: tab.customTitle || tab.title || type, type, detail: null });
    }
    for (const subtab of tab.subtabs ?? []) visit(subtab);
  };
  for (const tab of tabs) visit(tab);
  return records;
}

function findTab(tabs: TabInfo[], recordId: string): TabInfo | null {
  for (const tab of tabs) {
    if (sameRecord(tab.recordId ?? tab.pageReference?.attributes?.recordId, recordId)) return tab;
    const subtab = findTab(tab.subtabs ?? [], recordId);
    if (subtab) return subtab;
  }
  return null;
}

/** Opens a record in a workspace tab, or focuses the tab (or subtab) already showing it. */
async function openRecord(recordId: string): Promise<void> {
  try {
    const open = findTab(await getAllTabInfo(), recordId);
    if (open) await focusTab(open.tabId);
    else await openTab({ recordId, focus: true });
  } catch {
    // Outside a console app the workspace API refuses: there is no tab to open.
  }
}

// Interactions whose pop has been done, kept for the browser tab's session (a reload of the console must not open
// again a tab the agent closed); in memory when session storage is refused.
const POPPED_KEY = 'openSoftphone.screenPopped';
const POPPED_KEPT = 200;
let poppedInMemory: string[] = [];

function popped(): string[] {
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(POPPED_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return poppedInMemory;
  }
}

/** True the first time it is asked for an interaction, false ever after. */
function claimPop(interactionId: string): boolean {
  const ids = popped();
  if (ids.includes(interactionId)) return false;
  const kept = [...ids, interactionId].slice(-POPPED_KEPT);
  try {
    window.sessionStorage.setItem(POPPED_KEY, JSON.stringify(kept));
  } catch {
    poppedInMemory = kept;
  }
  return true;
}

/** Names of records seen as options, so a choice keeps its name after its tab is closed. */
const knownRecords = new Map<string, RecordChoice>();
const remember = (record: RecordChoice) => knownRecords.set(record.id.slice(0, 15), record);

const PHONE_CHANNELS = ['voice', 'sms', 'whatsapp'];
const looksLikePhone = (value: string) => /^\+?\d{7,15}$/.test(value.replace(/[\s().-]/g, ''));
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export default class ScreenPop extends LightningElement {
  @wire(MessageContext) messageContext?: MessageContextValue;

  private current: PoppedInteraction | null = null;
  private connected = false;
  private subscriptions: MessageSubscription[] = [];
  private tabsAsked = 0;
  /** Records open in the console's tabs. */
  tabs: RecordChoice[] = [];

  readonly labels = {
    details: LABEL_DETAILS,
    name: LABEL_NAME,
    relatedTo: LABEL_RELATED_TO,
    createContact: LABEL_CREATE_CONTACT,
    createLead: LABEL_CREATE_LEAD
  };

  /** The interaction as the snapshot has it, with its commands and `screenPop` (merged from the screenPop frame). */
  @api
  get interaction(): PoppedInteraction | null {
    return this.current;
  }
  set interaction(value: PoppedInteraction | null) {
    this.current = value;
    if (this.connected) this.pop();
  }

  connectedCallback(): void {
    this.connected = true;
    this.subscriptions = TAB_CHANNELS.map((channel) =>
      subscribe(this.messageContext, channel, () => this.readTabs(), { scope: APPLICATION_SCOPE })
    );
    this.readTabs();
    this.pop();
  }

  disconnectedCallback(): void {
    this.connected = false;
    for (const subscription of this.subscriptions) if (subscription) unsubscribe(subscription);
    this.subscriptions = [];
  }

  get accepted(): boolean {
    return Boolean(this.current && ACCEPTED.includes(this.current.lifecycle));
  }

  get showPicker(): boolean {
    return this.accepted && this.current?.screenPop?.outcome === 'several';
  }

  get showCreate(): boolean {
    return this.accepted && this.current?.screenPop?.outcome === 'none';
  }

  get pickerTitle(): string {
    return formatLabel(LABEL_SEVERAL, this.matches.length);
  }

  get pickerItems(): { id: string; name: string; description: string }[] {
    return this.matches.map((m) => ({
      id: m.id,
      name: m.name,
      description: [m.type, m.detail].filter(Boolean).join(' · ')
    }));
  }

  get noMatchText(): string {
    return formatLabel(LABEL_NO_MATCH, this.lookedUp);
  }

  get whoOptions(): SelectOption[] {
    return this.options('who');
  }

  get whatOptions(): SelectOption[] {
    return this.options('what');
  }

  get disabled(): boolean {
    return !this.setDetails?.enabled;
  }

  /** Why Name and Related To cannot be changed now, when they cannot. */
  get reason(): string | null {
    const availability = this.setDetails;
    return availability && !availability.enabled && availability.labelKey ? reasonText(availability.labelKey) : null;
  }

  get describedBy(): string | null {
    return this.reason ? 'details-reason' : null;
  }

  handleOpen(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id) openRecord(id);
  }

  handleCreate(event: Event): void {
    const objectApiName = (event.currentTarget as HTMLElement).dataset.object;
    if (!objectApiName) return;
    const defaults = this.createDefaults();
    openTab({
      pageReference: {
        type: 'standard__objectPage',
        attributes: { objectApiName, actionName: 'new' },
        state: Object.keys(defaults).length > 0 ? { defaultFieldValues: encodeDefaultFieldValues(defaults) } : {}
      },
      focus: true
    }).catch(() => {
      // Outside a console app there is no tab to open.
    });
  }

  handleWho(event: Event): void {
    this.choose('who', (event.target as HTMLSelectElement).value);
  }

  handleWhat(event: Event): void {
    this.choose('what', (event.target as HTMLSelectElement).value);
  }

  private choose(role: Role, value: string): void {
    const interaction = this.current;
    if (!interaction || this.disabled) return;
    const id = value === '' ? null : value;
    const currentId = role === 'who' ? interaction.details.whoId : interaction.details.whatId;
    if (id === currentId || sameRecord(id, currentId)) return;
    const detail: DetailsChoice =
      role === 'who' ? { interactionId: interaction.id, whoId: id } : { interactionId: interaction.id, whatId: id };
    this.dispatchEvent(new CustomEvent('details', { detail }));
  }

  /** The first time the pop is there for an interaction the agent has, its one match is opened. */
  private pop(): void {
    const interaction = this.current;
    if (!interaction?.screenPop || !this.accepted) return;
    if (!claimPop(interaction.id)) return;
    const [only] = interaction.screenPop.matches;
    if (interaction.screenPop.outcome === 'one' && only) openRecord(only.id);
  }

  private async readTabs(): Promise<void> {
    const asked = ++this.tabsAsked;
    try {
      const tabs = tabRecords(await getAllTabInfo());
      if (asked === this.tabsAsked) this.tabs = tabs;
    } catch {
      // Outside a console app: no tabs, the screen pop's matches are the only options.
    }
  }

  private get setDetails(): CommandAvailability | undefined {
    return this.current?.commands.find((c) => c.command === 'setDetails');
  }

  private get matches(): RecordChoice[] {
    return (this.current?.screenPop?.matches ?? []).map((m) => ({
      id: m.id,
      name: m.name,
      type: TYPES[m.id.slice(0, 3)] ?? (m.objectType === 'Lead' ? LABEL_LEAD : LABEL_CONTACT),
      detail: m.accountName ?? m.company
    }));
  }

  /** What the screen pop looked the customer up by: their e-mail address on chat, else the number or id. */
  private get lookedUp(): string {
    const customer = this.current?.customer;
    if (!customer) return '';
    return this.current?.channel === 'chat' && customer.email ? customer.email : customer.address;
  }

  /** The new contact's or lead's Phone or Email, from what the customer reached us with. */
  private createDefaults(): { [field: string]: string } {
    const interaction = this.current;
    if (!interaction) return {};
    const address = interaction.customer.address.trim();
    const defaults: { [field: string]: string } = {};
    if (PHONE_CHANNELS.includes(interaction.channel) && looksLikePhone(address)) defaults.Phone = address;
    const email = looksLikeEmail(address) ? address : interaction.customer.email?.trim();
    if (email && looksLikeEmail(email)) defaults.Email = email;
    return defaults;
  }

  /** None, then the screen pop's matches and the records open in tabs for this role, the current choice selected. */
  private options(role: Role): SelectOption[] {
    const interaction = this.current;
    if (!interaction) return [];
    const currentId = role === 'who' ? interaction.details.whoId : interaction.details.whatId;
    const records: RecordChoice[] = [];
    for (const record of [...this.matches, ...this.tabs]) {
      if (roleOf(record.id) !== role || records.some((r) => sameRecord(r.id, record.id))) continue;
      remember(record);
      records.push(record);
    }
    if (currentId && !records.some((r) => sameRecord(r.id, currentId))) {
      const dialled = interaction.contact && sameRecord(interaction.contact.id, currentId) ? interaction.contact : null;
      records.unshift(
        knownRecords.get(currentId.slice(0, 15)) ?? {
          id: currentId,
          name: dialled?.name ?? LABEL_CURRENT_RECORD,
          type: typeOf(currentId),
          detail: null
        }
      );
    }
    return [
      { value: '', text: LABEL_NONE, selected: !currentId },
      // The chosen record keeps the snapshot's id as its value, so its option stays the same element (and selected)
      // when a tab later shows the record under its 15 or 18 character id.
      ...records.map((r) => {
        const selected = sameRecord(r.id, currentId);
        return {
          value: selected && currentId ? currentId : r.id,
          text: [r.name, r.type, r.detail].filter(Boolean).join(' · '),
          selected
        };
      })
    ];
  }
}
