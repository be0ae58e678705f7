import fc from 'fast-check';
import { INBOX_CHANNEL_ORDER, INBOX_SORT_ORDERS, filterByTags, sortInbox, tagKey } from '..';
import type { InboxItem, InboxSortOrder } from '..';
import { T0 } from './items';

const itemArb = (id: string): fc.Arbitrary<InboxItem> =>
  fc.record({
    id: fc.constant(id),
    channel: fc.constantFrom(...INBOX_CHANNEL_ORDER),
    status: fc.constantFrom('New' as const, 'Open' as const, 'Resolved' as const),
    // Small ranges, so that ties are common and the tie-breaks get exercised.
    priority: fc.integer({ min: 0, max: 3 }),
    receivedAt: fc.integer({ min: T0, max: T0 + 5 }),
    waitingSince: fc.option(fc.integer({ min: T0, max: T0 + 5 }), { nil: null }),
    tags: fc.array(fc.constantFrom('vip', 'VIP', 'billing', 'complaint'), { maxLength: 3 }),
    unread: fc.nat(3),
    queueId: fc.option(fc.constantFrom('q1', 'q2'), { nil: null }),
    assignedAgentId: fc.option(fc.constantFrom('a1', 'a2'), { nil: null })
  });

const itemsArb = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 60 })
  .chain((idList) => fc.tuple(...idList.map(itemArb)));

const WAIT_LAST = Number.POSITIVE_INFINITY;

/** D3 written out as plain tuples, independently of the implementation: a comes no later than b. */
function key(order: InboxSortOrder, i: InboxItem): number[] {
  switch (order) {
    case 'received':
      return [-i.receivedAt];
    case 'priority':
      return [-i.priority, i.waitingSince ?? WAIT_LAST, -i.receivedAt];
    case 'channel':
      return [INBOX_CHANNEL_ORDER.indexOf(i.channel), -i.receivedAt];
    case 'waitingSince':
      return [i.waitingSince ?? WAIT_LAST, -i.receivedAt];
  }
}

function inOrder(order: InboxSortOrder, a: InboxItem, b: InboxItem): boolean {
  const ka = key(order, a);
  const kb = key(order, b);
  for (let k = 0; k < ka.length; k++) {
    if ((ka[k] as number) < (kb[k] as number)) return true;
    if ((ka[k] as number) > (kb[k] as number)) return false;
  }
  return a.id < b.id;
}

describe('inbox properties', () => {
  it('D3 each order: a permutation of the input, every neighbour pair in order, the same for any input order', () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom(...INBOX_SORT_ORDERS), fc.nat(), (items, order, seed) => {
        const sorted = sortInbox(items, order);
        expect(sorted).toHaveLength(items.length);
        expect(new Set(sorted)).toEqual(new Set(items));
        for (let k = 1; k < sorted.length; k++) {
          expect(inOrder(order, sorted[k - 1] as InboxItem, sorted[k] as InboxItem)).toBe(true);
        }
        const shuffled = [...items];
        for (let k = shuffled.length - 1; k > 0; k--) {
          const j = (seed + k * 7919) % (k + 1);
          [shuffled[k], shuffled[j]] = [shuffled[j] as InboxItem, shuffled[k] as InboxItem];
        }
        expect(sortInbox(shuffled, order)).toEqual(sorted);
      }),
      { numRuns: 500 }
    );
  });

  it('D3 channel order keeps each channel together, in the D3 group order', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const ranks = sortInbox(items, 'channel').map((i) => INBOX_CHANNEL_ORDER.indexOf(i.channel));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      })
    );
  });

  it('D3 the tag filter keeps exactly the items carrying every chosen tag', () => {
    fc.assert(
      fc.property(
        itemsArb,
        fc.array(fc.constantFrom('vip', 'Billing', 'complaint'), { maxLength: 3 }),
        (items, tags) => {
          const kept = new Set(filterByTags(items, tags));
          for (const i of items) {
            const has = tags.every((t) => i.tags.some((own) => tagKey(own) === tagKey(t)));
            expect(kept.has(i)).toBe(has);
          }
        }
      )
    );
  });
});
