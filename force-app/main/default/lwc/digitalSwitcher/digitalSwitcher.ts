// D11: keep working without ending. Home goes back to the inbox list; a button per open conversation jumps to it and
// shows how many customer messages the agent has not read. One tab stop: arrow keys (and Home/End keys) move between
// the buttons, Enter or Space presses one.
//
// @api conversations  the agent's open digital conversations: [{id, name, channel, unread}], in the order shown
// @api selectedId     the conversation shown, or null when Home (the list) is shown
// Fires `select {interactionId}`: the conversation to show, or null for Home.
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/utilityBadge';
import { channelIcon, channelName } from 'c/digitalChannels';
import LABEL_NAV from '@salesforce/label/c.Digital_Switcher';
import LABEL_HOME from '@salesforce/label/c.Digital_Home';
import LABEL_ITEM from '@salesforce/label/c.Digital_SwitcherItem';

export interface SwitcherConversation {
  id: string;
  name: string;
  channel: string;
  unread: number;
}

interface Item {
  id: string;
  name: string;
  icon: string;
  unread: number;
  label: string;
  current: string | null;
  tabIndex: number;
  className: string;
}

const BUTTON = 'switcher-item slds-button slds-m-right_xx-small slds-m-bottom_xx-small';

export default class DigitalSwitcher extends LightningElement {
  @api conversations: SwitcherConversation[] = [];
  @api selectedId: string | null = null;

  readonly labels = { nav: LABEL_NAV, home: LABEL_HOME };

  private get shownConversation(): string | null {
    return (this.conversations ?? []).some((c) => c.id === this.selectedId) ? this.selectedId : null;
  }

  get homeCurrent(): string | null {
    return this.shownConversation === null ? 'page' : null;
  }

  get homeTabIndex(): number {
    return this.shownConversation === null ? 0 : -1;
  }

  get homeClass(): string {
    return `${BUTTON} ${this.shownConversation === null ? 'slds-button_brand' : 'slds-button_neutral'}`;
  }

  get items(): Item[] {
    return (this.conversations ?? []).map((c) => {
      const current = c.id === this.shownConversation;
      return {
        id: c.id,
        name: c.name,
        icon: channelIcon(c.channel),
        unread: c.unread,
        label: formatLabel(LABEL_ITEM, c.name, channelName(c.channel), c.unread),
        current: current ? 'page' : null,
        tabIndex: current ? 0 : -1,
        className: `${BUTTON} ${current ? 'slds-button_brand' : 'slds-button_neutral'}`
      };
    });
  }

  handleClick(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
    this.dispatchEvent(new CustomEvent('select', { detail: { interactionId: id === '' ? null : id } }));
  }

  handleKeydown(event: KeyboardEvent): void {
    const buttons = [...(this.template?.querySelectorAll<HTMLElement>('.switcher-item') ?? [])];
    const at = buttons.indexOf(this.template?.activeElement as HTMLElement);
    if (at < 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (at + 1) % buttons.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (at + last) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    for (const [index, button] of buttons.entries()) button.tabIndex = index === next ? 0 : -1;
    buttons[next]!.focus();
  }
}
