import { filterByTags, inboxFor, isUnread, unreadCount } from '..';
import { ids, item } from './items';

describe('inbox queries', () => {
  const items = [
    item('a', { queueId: 'q-support' }),
    item('b', { queueId: 'q-billing' }),
    item('c', { queueId: null, assignedAgentId: 'a1' }),
    item('d', { queueId: 'q-billing', assignedAgentId: 'a2' }),
    item('e', { queueId: null, assignedAgentId: 'a2' }),
    item('f', { channel: 'chat', queueId: null, assignedAgentId: 'a1' })
  ];

  it("D2 the inbox lists the interactions of the agent's queues plus those assigned to the agent", () => {
    expect(ids(inboxFor(items, ['q-support'], 'a1'))).toEqual(['a', 'c', 'f']);
    expect(ids(inboxFor(items, ['q-billing'], 'a2'))).toEqual(['b', 'd', 'e']);
    expect(ids(inboxFor(items, new Set<string>(), 'a3'))).toEqual([]);
  });

  it('D2 an item back in the queue while assigned to a colleague is listed for the queue (open is refused)', () => {
    expect(ids(inboxFor(items, ['q-billing'], 'a3'))).toEqual(['b', 'd']);
  });

  it('D2 the badge counts unread interactions, not messages', () => {
    const list = [item('a', { unread: 3 }), item('b', { unread: 0 }), item('c', { unread: 1 })];
    expect(unreadCount(list)).toBe(2);
    expect(list.map(isUnread)).toEqual([true, false, true]);
    expect(unreadCount([])).toBe(0);
  });

  it('D3 filter by several tags keeps items carrying all of them, case-insensitively', () => {
    const tagged = [
      item('a', { tags: ['VIP', 'billing'] }),
      item('b', { tags: ['vip'] }),
      item('c', { tags: ['billing', 'complaint', 'vip '] }),
      item('d', { tags: [] })
    ];
    expect(ids(filterByTags(tagged, ['vip']))).toEqual(['a', 'b', 'c']);
    expect(ids(filterByTags(tagged, ['vip', 'Billing']))).toEqual(['a', 'c']);
    expect(ids(filterByTags(tagged, ['vip', 'billing', 'complaint']))).toEqual(['c']);
    expect(ids(filterByTags(tagged, []))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('D3 adding a tag to the filter never adds an item', () => {
    const tagged = [item('a', { tags: ['x'] }), item('b', { tags: ['x', 'y'] })];
    expect(filterByTags(tagged, ['x', 'y']).length).toBeLessThanOrEqual(filterByTags(tagged, ['x']).length);
  });
});
