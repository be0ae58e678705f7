import { sortInbox } from '..';
import { ids, item, T0 } from './items';

describe('sortInbox', () => {
  it('D3 Received: newest first', () => {
    const list = [
      item('a', { receivedAt: T0 + 1 }),
      item('b', { receivedAt: T0 + 3 }),
      item('c', { receivedAt: T0 + 2 })
    ];
    expect(ids(sortInbox(list, 'received'))).toEqual(['b', 'c', 'a']);
  });

  it('D3 Priority: highest first, then longest waiting, then newest', () => {
    const list = [
      item('a', { priority: 1, waitingSince: T0 + 5 }),
      item('b', { priority: 9, waitingSince: T0 + 7 }),
      item('c', { priority: 1, waitingSince: T0 + 2 }),
      item('d', { priority: 1, waitingSince: null, receivedAt: T0 + 9 }),
      item('e', { priority: 1, waitingSince: null, receivedAt: T0 + 8 })
    ];
    expect(ids(sortInbox(list, 'priority'))).toEqual(['b', 'c', 'a', 'd', 'e']);
  });

  it('D3 Channel: grouped in the order chat, e-mail, Facebook, Instagram, SMS, X, WhatsApp', () => {
    const list = [
      item('w', { channel: 'whatsapp' }),
      item('x', { channel: 'x' }),
      item('s', { channel: 'sms' }),
      item('i', { channel: 'instagram' }),
      item('f', { channel: 'messenger' }),
      item('e', { channel: 'email' }),
      item('c', { channel: 'chat' }),
      item('e2', { channel: 'email', receivedAt: T0 + 1 })
    ];
    expect(ids(sortInbox(list, 'channel'))).toEqual(['c', 'e2', 'e', 'f', 'i', 's', 'x', 'w']);
  });

  it('D3 Waiting since: oldest first, those nobody owes an answer last', () => {
    const list = [
      item('a', { waitingSince: T0 + 5 }),
      item('b', { waitingSince: null }),
      item('c', { waitingSince: T0 + 1 }),
      item('d', { waitingSince: T0 + 3 })
    ];
    expect(ids(sortInbox(list, 'waitingSince'))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('D3 ties are broken by id, so the order is the same however the list arrives', () => {
    const list = [item('b'), item('c'), item('a')];
    expect(ids(sortInbox(list, 'received'))).toEqual(['a', 'b', 'c']);
    expect(ids(sortInbox([...list].reverse(), 'received'))).toEqual(['a', 'b', 'c']);
  });

  it('returns a new array and leaves the input alone', () => {
    const list = [item('b', { receivedAt: T0 }), item('a', { receivedAt: T0 + 1 })];
    const sorted = sortInbox(list, 'received');
    expect(sorted).not.toBe(list);
    expect(ids(list)).toEqual(['b', 'a']);
    expect(sortInbox([], 'channel')).toEqual([]);
  });

  it('numbers that are not finite sort as missing instead of breaking the order', () => {
    const list = [item('a', { receivedAt: Number.NaN }), item('b', { receivedAt: T0 })];
    expect(ids(sortInbox(list, 'received'))).toEqual(['b', 'a']);
  });
});
