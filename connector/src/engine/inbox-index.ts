// D2: every open digital conversation as an inbox shows it, kept in memory and in step with every write.
// Agents of one queue share its sorted view, computed once per change, so pushing the inbox to hundreds of agents of
// a busy queue sorts that queue once, not once per agent.
import { toInboxItem, type DigitalState } from '../interactions/digital';
import { sortInbox, unreadCount, type InboxItem } from '../interactions/inbox';
import type { AgentInbox } from './snapshot';

export class InboxIndex {
  private readonly items = new Map<string, InboxItem>();
  private readonly byAssignee = new Map<string, Set<string>>();
  private views = new Map<string, { items: InboxItem[]; unread: number; page: Map<number, AgentInbox> }>();
  private viewsVersion = -1;
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
    const item = toInboxItem(state);
    if (before && sameRow(before, item)) return false;
    this.version++;
    this.unassign(state.id);
    this.items.set(state.id, item);
    if (item.assignedAgentId !== null) {
      let mine = this.byAssignee.get(item.assignedAgentId);
      if (!mine) this.byAssignee.set(item.assignedAgentId, (mine = new Set()));
      mine.add(item.id);
    }
    return true;
  }

  /** The conversations of the agent's queues and those assigned to the agent, newest first, at most `limit`. */
  view(agentId: string, queueIds: readonly string[], limit: number): AgentInbox {
    if (this.viewsVersion !== this.version) {
      this.views = new Map();
      this.viewsVersion = this.version;
    }
    const queues = new Set(queueIds);
    const key = [...queues].sort().join('\n');
    let base = this.views.get(key);
    if (!base) {
      const inQueues = [...this.items.values()].filter((i) => i.queueId !== null && queues.has(i.queueId));
      const sorted = sortInbox(inQueues, 'received');
      base = { items: sorted, unread: unreadCount(sorted), page: new Map() };
      this.views.set(key, base);
    }
    const extra: InboxItem[] = [];
    for (const id of this.byAssignee.get(agentId) ?? []) {
      const item = this.items.get(id);
      if (item && (item.queueId === null || !queues.has(item.queueId))) extra.push(item);
    }
    const total = base.items.length + extra.length;
    const items =
      extra.length === 0
        ? base.items.slice(0, limit)
        : sortInbox([...base.items.slice(0, limit), ...extra], 'received').slice(0, limit);
    return { items, unread: base.unread + unreadCount(extra), truncated: total > limit };
  }

  private unassign(id: string): void {
    const previous = this.items.get(id)?.assignedAgentId;
    if (previous) this.byAssignee.get(previous)?.delete(id);
  }
}

function sameRow(a: InboxItem, b: InboxItem): boolean {
  return (
    a.status === b.status &&
    a.priority === b.priority &&
    a.receivedAt === b.receivedAt &&
    a.waitingSince === b.waitingSince &&
    a.unread === b.unread &&
    a.queueId === b.queueId &&
    a.assignedAgentId === b.assignedAgentId &&
    a.channel === b.channel &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}
