// D2, D3: which items an agent's inbox lists, how many are unread, and the tag filter. Pure, no allocation per item
// beyond the result.
import { tagKey, type InboxItem } from './item';

/** D2: the items waiting in the agent's queues, plus those assigned to the agent (wherever they are). */
export function inboxFor<T extends InboxItem>(
  items: readonly T[],
  agentQueueIds: Iterable<string>,
  agentId: string
): T[] {
  const queues = new Set(agentQueueIds);
  return items.filter(
    (item) => item.assignedAgentId === agentId || (item.queueId !== null && queues.has(item.queueId))
  );
}

export const isUnread = (item: InboxItem): boolean => item.unread > 0;

/** D2: the badge counts unread interactions (not messages), as the bold rows do. */
export function unreadCount(items: readonly InboxItem[]): number {
  let count = 0;
  for (const item of items) if (item.unread > 0) count++;
  return count;
}

/**
 * D3: items carrying ALL the given tags (case-insensitive); no tags = no filter. All-of, because every other inbox
 * filter narrows the list and so should each added tag: picking "billing" then "vip" means "the VIP billing work".
 * An any-of list would grow as tags are added, the opposite of what a filter bar does.
 */
export function filterByTags<T extends InboxItem>(items: readonly T[], tags: readonly string[]): T[] {
  const wanted = [...new Set(tags.map(tagKey))];
  if (wanted.length === 0) return [...items];
  return items.filter((item) => {
    const have = item.tags.map(tagKey);
    return wanted.every((tag) => have.includes(tag));
  });
}
