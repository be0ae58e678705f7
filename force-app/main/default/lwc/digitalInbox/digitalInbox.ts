// D2, D3, D4, D8: the digital inbox. The connector keeps the whole inbox and sends the window the panel shows
// (inboxView: sort, tags, offset, limit), so 10,000 conversations cost the panel the rows in sight: the list is as
// tall as all of them, and scrolling asks for the window under the viewport. Unread rows are bold with a count;
// each has its channel, name, first line, time and status chip. Opening a row assigns it to the agent (take).
import { LightningElement, api } from 'lwc';
import type { AgentInbox, InboxSortOrder } from 'c/connectorProtocol';
import { formatLabel } from 'c/utilityBadge';
import LABEL_SORT from '@salesforce/label/c.Inbox_Sort';
import LABEL_SORT_RECEIVED from '@salesforce/label/c.Inbox_SortReceived';
import LABEL_SORT_PRIORITY from '@salesforce/label/c.Inbox_SortPriority';
import LABEL_SORT_CHANNEL from '@salesforce/label/c.Inbox_SortChannel';
import LABEL_SORT_WAITING from '@salesforce/label/c.Inbox_SortWaiting';
import LABEL_TAGS from '@salesforce/label/c.Inbox_Tags';
import LABEL_LIST from '@salesforce/label/c.Inbox_List';
import LABEL_UNREAD from '@salesforce/label/c.Inbox_UnreadCount';
import LABEL_NEW from '@salesforce/label/c.Inbox_StatusNew';
import LABEL_OPEN from '@salesforce/label/c.Inbox_StatusOpen';
import LABEL_RESOLVED from '@salesforce/label/c.Inbox_StatusResolved';
import LABEL_EMPTY from '@salesforce/label/c.Inbox_Empty';
import LABEL_ROW from '@salesforce/label/c.Inbox_Row';

/** Every row is this tall (px), so a scroll position names the rows under it. */
export const ROW_HEIGHT = 64;
/** Rows asked for around the viewport, so a short scroll needs no new window. */
const WINDOW_ROWS = 40;
const MARGIN_ROWS = 10;

const STATUS: { [status: string]: { label: string; className: string } } = {
  New: { label: LABEL_NEW, className: 'slds-badge slds-theme_info' },
  Open: { label: LABEL_OPEN, className: 'slds-badge slds-theme_warning' },
  Resolved: { label: LABEL_RESOLVED, className: 'slds-badge slds-theme_success' }
};
const ICONS: { [channel: string]: string } = {
  email: 'standard:email',
  sms: 'standard:sms',
  whatsapp: 'standard:messaging_conversation',
  messenger: 'standard:messaging_user',
  instagram: 'standard:social',
  x: 'standard:social'
};

export interface InboxView {
  sort: InboxSortOrder;
  tags: string[];
  offset: number;
  limit: number;
}

export default class DigitalInbox extends LightningElement {
  @api inbox: AgentInbox | null = null;

  readonly labels = { sort: LABEL_SORT, tags: LABEL_TAGS, list: LABEL_LIST, empty: LABEL_EMPTY };
  readonly sortOptions = [
    { value: 'received', label: LABEL_SORT_RECEIVED },
    { value: 'priority', label: LABEL_SORT_PRIORITY },
    { value: 'channel', label: LABEL_SORT_CHANNEL },
    { value: 'waitingSince', label: LABEL_SORT_WAITING }
  ];

  get sort(): InboxSortOrder {
    return this.inbox?.sort ?? 'received';
  }

  get tagChoices(): { tag: string; pressed: boolean }[] {
    const chosen = this.inbox?.tags ?? [];
    return (this.inbox?.tagChoices ?? []).map((tag) => ({ tag, pressed: chosen.includes(tag) }));
  }

  get empty(): boolean {
    return (this.inbox?.total ?? 0) === 0;
  }

  /** As tall as every matching conversation, so the scrollbar tells the truth. */
  get listStyle(): string {
    return `height: ${(this.inbox?.total ?? 0) * ROW_HEIGHT}px`;
  }

  get rows() {
    const inbox = this.inbox;
    if (!inbox) return [];
    return inbox.items.map((item, index) => {
      const unread = item.unread > 0;
      const status = STATUS[item.status] ?? { label: item.status, className: 'slds-badge' };
      const name = item.customerName ?? item.customerAddress;
      return {
        id: item.id,
        name,
        preview: item.subject ?? item.preview ?? '',
        at: item.receivedAt,
        icon: ICONS[item.channel] ?? 'standard:messaging_conversation',
        unread,
        unreadLabel: formatLabel(LABEL_UNREAD, item.unread),
        unreadCount: item.unread,
        status: status.label,
        statusClass: status.className,
        rowClass: `inbox-row slds-p-horizontal_x-small${unread ? ' inbox-row_unread' : ''}`,
        style: `top: ${(inbox.offset + index) * ROW_HEIGHT}px; height: ${ROW_HEIGHT}px`,
        label: formatLabel(LABEL_ROW, name, status.label, item.unread),
        position: inbox.offset + index + 1
      };
    });
  }

  get total(): number {
    return this.inbox?.total ?? 0;
  }

  handleSort(event: CustomEvent<{ value: InboxSortOrder }>): void {
    this.askFor({ sort: event.detail.value, offset: 0 });
  }

  handleTag(event: Event): void {
    const tag = (event.currentTarget as HTMLElement).dataset.tag!;
    const tags = this.inbox?.tags ?? [];
    this.askFor({ tags: tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag], offset: 0 });
  }

  /** The rows under the viewport; a new window only when they are not in the one the panel has. */
  handleScroll(event: Event): void {
    const viewport = event.currentTarget as HTMLElement;
    const first = Math.floor(viewport.scrollTop / ROW_HEIGHT);
    const visible = Math.ceil(viewport.clientHeight / ROW_HEIGHT) + 1;
    const inbox = this.inbox;
    if (!inbox) return;
    const have = { from: inbox.offset, to: inbox.offset + inbox.items.length };
    const wantTo = Math.min(inbox.total, first + visible);
    if (first >= have.from && wantTo <= have.to) return;
    this.askFor({ offset: Math.max(0, first - MARGIN_ROWS) });
  }

  /** D4: opening a conversation takes it (assigns it to the agent until they end or transfer it). */
  handleOpen(event: Event): void {
    const interactionId = (event.currentTarget as HTMLElement).dataset.id!;
    this.dispatchEvent(new CustomEvent('open', { detail: { interactionId } }));
  }

  private askFor(change: Partial<InboxView>): void {
    const view: InboxView = { sort: this.sort, tags: this.inbox?.tags ?? [], offset: 0, limit: WINDOW_ROWS, ...change };
    this.dispatchEvent(new CustomEvent('viewchange', { detail: view }));
  }
}
