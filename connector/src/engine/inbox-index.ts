// D2: every open digital conversation as an inbox shows it, kept in memory and in step with every write.
// Panels ask for a window (order, tag filter, offset, limit: the inboxView frame). Agents of the same queues who look
// at the same window share one computed view (and one serialised frame), so pushing the inbox to hundreds of agents
// of a busy queue sorts that queue once per order, not once per agent.
import { toInboxItem, type DigitalState } from '../interactions/digital';
import { filterByTags, sortInbox, tagKey, unreadCount, type InboxSortOrder } from '../interactions/inbox';
import type { AgentInbox } from './snapshot';

export type InboxRow = AgentInbox['items'][number];

export interface InboxWindow {
  sort: InboxSortOrder;
  tags: readonly string[];
  offset: number;
  limit: number;
}

export const DEFAULT_INBOX_WINDOW: InboxWindow = { sort: 'received', tags: [], offset: 0, limit: 100 };

/** The row's preview: the first line of the last message, at most this long. */
const PREVIEW_LENGTH = 140;
const MAX_TAG_CHOICES = 200;

interface QueueSet {
  queues: Set<string>;
  /** Every row of the queues, unsorted. */
  rows: InboxRow[];
  unread: number;
  tagChoices: string[];
  sorted: Map<InboxSortOrder, InboxRow[]>;
  windows: Map<string, AgentInbox>;
}

export class InboxIndex {
  private readonly items = new Map<string, InboxRow>();
  private readonly byAssignee = new Map<string, Set<string>>();
  private queueSets = new Map<string, QueueSet>();
  private cachedAt = -1;
  /** Grows with every change; panels compare it to skip an unchanged inbox. */
  version = 0;

  /** Returns whether the inbox changed: most writes (notes, details) leave a conversation's row as it was. */
  put(state: DigitalState): boolean {
    const before = this.items.get(state.id);
    if (state.lifecycle === 'closed') {
      if (!before) return false;
      this.version++;
      this.unassign(state.id);
      this.items.delete(state.id);
      return true;
    }
    const row = inboxRow(state);
    if (before && sameRow(before, row)) return false;
    this.version++;
    this.unassign(state.id);
    this.items.set(state.id, row);
    if (row.assignedAgentId !== null) {
      let mine = this.byAssignee.get(row.assignedAgentId);
      if (!mine) this.byAssignee.set(row.assignedAgentId, (mine = new Set()));
      mine.add(row.id);
    }
    return true;
  }

  /** D2, D3: the conversations of the agent's queues and those assigned to the agent, as the window asks. */
  view(agentId: string, queueIds: readonly string[], window: InboxWindow = DEFAULT_INBOX_WINDOW): AgentInbox {
    if (this.cachedAt !== this.version) {
      this.queueSets = new Map();
      this.cachedAt = this.version;
    }
    const set = this.queueSet(queueIds);
    const tags = [...new Set(window.tags.map(tagKey))].sort();
    const extra = this.extraFor(agentId, set);
    const windowKey = `${window.sort}\n${tags.join('\n')}\n${window.offset}\n${window.limit}`;
    if (extra.length === 0) {
      const cached = set.windows.get(windowKey);
      if (cached) return cached;
    }
    let sorted = set.sorted.get(window.sort);
    if (!sorted) set.sorted.set(window.sort, (sorted = sortInbox(set.rows, window.sort)));
    const matching = tags.length === 0 ? sorted : filterByTags(sorted, tags);
    const end = window.offset + window.limit;
    let slice: InboxRow[];
    let total = matching.length;
    if (extra.length === 0) {
      slice = matching.slice(window.offset, end);
    } else {
      // Work assigned to the agent outside their queues is merged in the same order (there are only a few).
      const extraMatching = tags.length === 0 ? extra : filterByTags(extra, tags);
      total += extraMatching.length;
      slice = sortInbox([...matching.slice(0, end), ...extraMatching], window.sort).slice(window.offset, end);
    }
    const inbox: AgentInbox = {
      sort: window.sort,
      tags,
      offset: window.offset,
      total,
      items: slice,
      unread: set.unread + unreadCount(extra),
      tagChoices: extra.length === 0 ? set.tagChoices : mergeTags(set.tagChoices, extra)
    };
    if (extra.length === 0) set.windows.set(windowKey, inbox);
    return inbox;
  }

  private queueSet(queueIds: readonly string[]): QueueSet {
    const queues = new Set(queueIds);
    const key = [...queues].sort().join('\n');
    let set = this.queueSets.get(key);
    if (!set) {
      const rows = [...this.items.values()].filter((i) => i.queueId !== null && queues.has(i.queueId));
      set = {
        queues,
        rows,
        unread: unreadCount(rows),
        tagChoices: mergeTags([], rows),
        sorted: new Map(),
        windows: new Map()
      };
      this.queueSets.set(key, set);
    }
    return set;
  }

  /** Rows assigned to the agent that the queue set does not list (answered, or in a queue the agent is not in). */
  private extraFor(agentId: string, set: QueueSet): InboxRow[] {
    const extra: InboxRow[] = [];
    for (const id of this.byAssignee.get(agentId) ?? []) {
      const row = this.items.get(id);
      if (row && (row.queueId === null || !set.queues.has(row.queueId))) extra.push(row);
    }
    return extra;
  }

  private unassign(id: string): void {
    const previous = this.items.get(id)?.assignedAgentId;
    if (previous) this.byAssignee.get(previous)?.delete(id);
  }
}

/** The inbox row of a conversation: the sortable item plus what the row shows. */
export function inboxRow(state: DigitalState): InboxRow {
  const item = toInboxItem(state);
  return {
    ...item,
    tags: [...item.tags],
    interactionNumber: state.interactionNumber,
    customerName: state.customer.name,
    customerAddress: state.customer.address,
    subject: state.subject,
    preview: previewOf(state)
  };
}

/** The first line of the last customer or agent message (system lines are not previews). */
function previewOf(state: DigitalState): string {
  for (let i = state.transcript.length - 1; i >= 0; i--) {
    const entry = state.transcript[i];
    if (!entry || (entry.from !== 'customer' && entry.from !== 'agent')) continue;
    const text = entry.text.trim();
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    if (firstLine === '' && entry.attachments.length > 0) return entry.attachments.map((a) => a.name).join(', ');
    return firstLine.length > PREVIEW_LENGTH ? `${firstLine.slice(0, PREVIEW_LENGTH - 1)}…` : firstLine;
  }
  return '';
}

function mergeTags(base: readonly string[], rows: readonly InboxRow[]): string[] {
  const seen = new Map(base.map((t) => [tagKey(t), t]));
  for (const row of rows) for (const tag of row.tags) if (!seen.has(tagKey(tag))) seen.set(tagKey(tag), tag.trim());
  return [...seen.values()].sort((a, b) => a.localeCompare(b)).slice(0, MAX_TAG_CHOICES);
}

function sameRow(a: InboxRow, b: InboxRow): boolean {
  return (
    a.status === b.status &&
    a.priority === b.priority &&
    a.receivedAt === b.receivedAt &&
    a.waitingSince === b.waitingSince &&
    a.unread === b.unread &&
    a.queueId === b.queueId &&
    a.assignedAgentId === b.assignedAgentId &&
    a.channel === b.channel &&
    a.preview === b.preview &&
    a.customerName === b.customerName &&
    a.subject === b.subject &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}
