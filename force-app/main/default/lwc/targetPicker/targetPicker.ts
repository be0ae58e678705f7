// V4, C8, C9, D12: choosing a transfer or conference target. A row of kinds (Agents / Queues / Address book / Number),
// then a list filtered by typing (arrow keys move, Enter chooses; the filter keeps the focus, aria-activedescendant
// names the option) or, for Number, the keypad.
//
// @api agents        the agents directory's rows; each shows its live presence (status dot + label); supervisors marked
// @api queues        the queues directory's rows
// @api addressBook   the addressBook directory's entries (one option per number)
// @api kinds         which kinds to offer: any of 'agent' | 'queue' | 'addressBook' | 'number' (default all four)
// @api channel       'voice' (default), 'chat' or a digital channel: the target shape, and queues of that channel
// @api digitalOnly   D12: queues that take digital transfers (`digitalTransfers`), whatever their channel
// @api selfId        the agent's own id, never listed
// @api actionLabel   the keypad's action label for a typed number (default 'Choose'); also names the list
// @api busyReasons   optional reasonCodes rows, so a colleague's Busy reason reads as its label
// @api defaultCountry  for the keypad's E.164 form (the emergencyNumbers directory's country)
// Event `select {target}`, `target` exactly as the channel's command takes it:
//   voice  (consult / blindTransfer): {kind:'agent', agentId} | {kind:'queue', queueId}
//                                     | {kind:'contact', contactId, number} | {kind:'number', number}
//   chat   (transfer; conferenceInvite takes its agentId): {kind:'agent'|'supervisor', agentId} | {kind:'queue', queueId}
//   digital (transfer): {queueId}
import { LightningElement, api } from 'lwc';
import type { AddressBookDirectory, AgentEntry, QueuesDirectory } from 'c/connectorProtocol';
import { statusText } from 'c/statusPicker';
import LABEL_AGENTS from '@salesforce/label/c.TargetPicker_Agents';
import LABEL_QUEUES from '@salesforce/label/c.TargetPicker_Queues';
import LABEL_ADDRESS_BOOK from '@salesforce/label/c.TargetPicker_AddressBook';
import LABEL_NUMBER from '@salesforce/label/c.TargetPicker_Number';
import LABEL_KINDS from '@salesforce/label/c.TargetPicker_Kinds';
import LABEL_FILTER from '@salesforce/label/c.TargetPicker_Filter';
import LABEL_HINT from '@salesforce/label/c.TargetPicker_Hint';
import LABEL_NO_MATCH from '@salesforce/label/c.TargetPicker_NoMatch';
import LABEL_SUPERVISOR from '@salesforce/label/c.TargetPicker_Supervisor';
import LABEL_CHOOSE from '@salesforce/label/c.TargetPicker_Choose';

export type TargetKind = 'agent' | 'queue' | 'addressBook' | 'number';
type Queue = QueuesDirectory['queues'][number];
type Entry = AddressBookDirectory['entries'][number];
export type PickedTarget =
  | { kind: 'agent' | 'supervisor'; agentId: string }
  | { kind: 'queue'; queueId: string }
  | { kind: 'contact'; contactId: string; number: string }
  | { kind: 'number'; number: string }
  | { queueId: string };

interface Option {
  id: string;
  name: string;
  detail: string | null;
  search: string;
  dotClass: string | null;
  supervisor: boolean;
  target: PickedTarget;
}

const KIND_LABELS: { [kind in TargetKind]: string } = {
  agent: LABEL_AGENTS,
  queue: LABEL_QUEUES,
  addressBook: LABEL_ADDRESS_BOOK,
  number: LABEL_NUMBER
};
const ALL_KINDS: TargetKind[] = ['agent', 'queue', 'addressBook', 'number'];

let uid = 0;

export default class TargetPicker extends LightningElement {
  @api agents: AgentEntry[] = [];
  @api queues: Queue[] = [];
  @api addressBook: Entry[] = [];
  @api kinds: TargetKind[] = ALL_KINDS;
  @api channel = 'voice';
  @api digitalOnly = false;
  @api selfId: string | null = null;
  @api actionLabel: string | null = null;
  @api busyReasons: { code: string; label: string }[] = [];
  @api defaultCountry = 'US';

  chosenKind: TargetKind | null = null;
  filter = '';
  activeIndex = 0;

  private readonly uid = `target-picker-${++uid}`;
  readonly labels = {
    kinds: LABEL_KINDS,
    filter: LABEL_FILTER,
    hint: LABEL_HINT,
    noMatch: LABEL_NO_MATCH,
    supervisor: LABEL_SUPERVISOR
  };

  get shownKinds(): TargetKind[] {
    const wanted = (this.kinds?.length ? this.kinds : ALL_KINDS).filter((k) => ALL_KINDS.includes(k));
    return wanted.length ? wanted : ALL_KINDS;
  }

  get kind(): TargetKind {
    const kinds = this.shownKinds;
    return this.chosenKind && kinds.includes(this.chosenKind) ? this.chosenKind : kinds[0];
  }

  get manyKinds(): boolean {
    return this.shownKinds.length > 1;
  }

  get kindButtons() {
    return this.shownKinds.map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      pressed: kind === this.kind,
      className: `slds-button ${kind === this.kind ? 'slds-button_brand' : 'slds-button_neutral'}`
    }));
  }

  get numberKind(): boolean {
    return this.kind === 'number';
  }

  get actionText(): string {
    return this.actionLabel || LABEL_CHOOSE;
  }

  get filterId(): string {
    return `${this.uid}-filter`;
  }
  get listId(): string {
    return `${this.uid}-list`;
  }
  get hintId(): string {
    return `${this.uid}-hint`;
  }

  get listLabel(): string {
    return KIND_LABELS[this.kind];
  }

  /** The options of the chosen kind that match the filter. */
  get options(): (Option & { active: boolean; className: string })[] {
    const needle = this.filter.trim().toLowerCase();
    const all = this.allOptions().filter((o) => !needle || o.search.includes(needle));
    const active = Math.min(this.activeIndex, all.length - 1);
    return all.map((option, index) => ({
      ...option,
      active: index === active,
      className: `slds-listbox__item slds-p-around_x-small target-option${index === active ? ' slds-has-focus' : ''}`
    }));
  }

  get empty(): boolean {
    return this.options.length === 0;
  }

  get activeId(): string | null {
    return this.options.find((o) => o.active)?.id ?? null;
  }

  handleKind(event: Event): void {
    this.chosenKind = (event.currentTarget as HTMLElement).dataset.kind as TargetKind;
    this.filter = '';
    this.activeIndex = 0;
  }

  handleFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value;
    this.activeIndex = 0;
  }

  handleKeydown(event: KeyboardEvent): void {
    const count = this.options.length;
    const moves: { [key: string]: () => number } = {
      ArrowDown: () => Math.min(this.activeIndex + 1, count - 1),
      ArrowUp: () => Math.max(this.activeIndex - 1, 0),
      Home: () => 0,
      End: () => count - 1
    };
    if (moves[event.key]) {
      event.preventDefault();
      if (count > 0) this.activeIndex = moves[event.key]();
      this.scrollActiveIntoView();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const active = this.options.find((o) => o.active);
      if (active) this.choose(active.target);
    }
  }

  handleOption(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const option = this.options.find((o) => o.id === id);
    if (option) this.choose(option.target);
  }

  /** Number: the keypad's E.164 form. */
  handleNumber(event: CustomEvent<{ number: string }>): void {
    event.stopPropagation();
    this.choose({ kind: 'number', number: event.detail.number });
  }

  private choose(target: PickedTarget): void {
    this.dispatchEvent(new CustomEvent('select', { detail: { target } }));
  }

  private scrollActiveIntoView(): void {
    const id = this.activeId;
    const node = id ? this.template?.querySelector(`[data-id="${id}"]`) : null;
    (node as HTMLElement | null)?.scrollIntoView?.({ block: 'nearest' });
  }

  private allOptions(): Option[] {
    const kind = this.kind;
    if (kind === 'agent') return this.agentOptions();
    if (kind === 'queue') return this.queueOptions();
    if (kind === 'addressBook') return this.addressBookOptions();
    return [];
  }

  private agentOptions(): Option[] {
    return (this.agents ?? [])
      .filter((agent) => agent.agentId !== this.selfId)
      .map((agent) => {
        const presence = statusText(
          { status: agent.status, reasonCode: agent.reasonCode } as Parameters<typeof statusText>[0],
          this.busyReasons ?? []
        );
        const supervisor = agent.role === 'supervisor';
        const target: PickedTarget =
          this.channel === 'chat' && supervisor
            ? { kind: 'supervisor', agentId: agent.agentId }
            : { kind: 'agent', agentId: agent.agentId };
        return {
          id: `${this.uid}-agent-${agent.agentId}`,
          name: agent.name,
          detail: presence,
          search: agent.name.toLowerCase(),
          dotClass: `status-dot status-dot_${agent.status.toLowerCase()}`,
          supervisor,
          target
        };
      });
  }

  private queueOptions(): Option[] {
    const channel = this.channel || 'voice';
    const digital = channel !== 'voice' && channel !== 'chat';
    return (this.queues ?? [])
      .filter((queue) => (this.digitalOnly ? queue.digitalTransfers : (queue.channels as string[]).includes(channel)))
      .map((queue) => ({
        id: `${this.uid}-queue-${queue.id}`,
        name: queue.name,
        detail: null,
        search: queue.name.toLowerCase(),
        dotClass: null,
        supervisor: false,
        target: digital || this.digitalOnly ? { queueId: queue.id } : { kind: 'queue', queueId: queue.id }
      }));
  }

  private addressBookOptions(): Option[] {
    const out: Option[] = [];
    for (const entry of this.addressBook ?? []) {
      entry.numbers.forEach((number, index) => {
        out.push({
          id: `${this.uid}-contact-${entry.id}-${index}`,
          name: entry.name,
          detail: `${number.label} · ${number.number}`,
          search: `${entry.name} ${entry.description ?? ''} ${number.label} ${number.number}`.toLowerCase(),
          dotClass: null,
          supervisor: false,
          target: { kind: 'contact', contactId: entry.id, number: number.number }
        });
      });
    }
    return out;
  }
}
