// D2, D3: the inbox window a panel asks for: order, tag filter, offset and limit over the agent's whole inbox.
import { inbound, T0 } from '../../interactions/digital/__tests__/fixtures';
import type { DigitalChannel } from '../../interactions/kernel/types';
import { InboxIndex } from '../inbox-index';

const conversation = (n: number, channel: DigitalChannel, extra: Record<string, unknown> = {}) =>
  inbound({
    interactionId: `d-${n}`,
    interactionNumber: `D-${String(n).padStart(6, '0')}`,
    channel,
    message: { id: `m-${n}`, text: `Message ${n}\nsecond line` },
    ...extra
  });

function indexOf(count: number): InboxIndex {
  const index = new InboxIndex();
  const channels: DigitalChannel[] = ['email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x'];
  for (let n = 1; n <= count; n++) {
    const state = conversation(n, channels[n % channels.length]!, {
      priority: n % 3,
      tags: n % 2 === 0 ? ['vip'] : ['billing']
    });
    const at = T0 + n * 1000;
    index.put({ ...state, createdAt: at, lastCustomerMessageAt: at, timers: { ...state.timers, waitingSince: at } });
  }
  return index;
}

describe('the inbox window', () => {
  it('D2 rows carry what the row shows: name, first line of the last message, number; the badge counts all unread', () => {
    const inbox = indexOf(3).view('a1', ['q-support']);
    expect(inbox.total).toBe(3);
    expect(inbox.items[0]).toMatchObject({
      id: 'd-3',
      customerName: 'Jane Roe',
      preview: 'Message 3',
      interactionNumber: 'D-000003',
      status: 'New'
    });
    expect(inbox.unread).toBe(3);
    expect(inbox.tagChoices).toEqual(['billing', 'vip']);
  });

  it('D3 each order and the tag filter apply to the whole inbox before the window is cut', () => {
    const index = indexOf(250);
    const received = index.view('a1', ['q-support'], { sort: 'received', tags: [], offset: 0, limit: 10 });
    expect(received.total).toBe(250);
    expect(received.items.map((i) => i.id).slice(0, 3)).toEqual(['d-250', 'd-249', 'd-248']);
    const page2 = index.view('a1', ['q-support'], { sort: 'received', tags: [], offset: 200, limit: 100 });
    expect(page2.items).toHaveLength(50);
    expect(page2.items.at(-1)?.id).toBe('d-1');
    const vip = index.view('a1', ['q-support'], { sort: 'priority', tags: ['VIP '], offset: 0, limit: 200 });
    expect(vip.total).toBe(125);
    expect(vip.tags).toEqual(['vip']);
    expect(vip.items.every((i) => i.tags.includes('vip'))).toBe(true);
    const priorities = vip.items.map((i) => i.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const waiting = index.view('a1', ['q-support'], { sort: 'waitingSince', tags: [], offset: 0, limit: 5 });
    expect(waiting.items[0]?.id).toBe('d-1');
    const byChannel = index.view('a1', ['q-support'], { sort: 'channel', tags: [], offset: 0, limit: 200 });
    expect(byChannel.items[0]?.channel).toBe('email');
  });

  it('D2 an agent sees only the queues they serve, plus work assigned to them', () => {
    const index = indexOf(4);
    expect(index.view('a3', ['q-billing']).total).toBe(0);
    const mine = { ...conversation(9, 'email'), queueId: 'q-billing', ownerAgentId: 'a3', inQueue: false };
    index.put({ ...mine, lifecycle: 'active' });
    const view = index.view('a3', ['q-support-not-mine']);
    expect(view.items.map((i) => i.id)).toEqual(['d-9']);
  });

  it('C6 the preview is the guarded text and never more than one line of 140 characters', () => {
    const index = new InboxIndex();
    index.put(conversation(1, 'sms', { message: { id: 'm', text: `Card 4111 1111 1111 1111 ${'x'.repeat(300)}` } }));
    const [row] = index.view('a1', ['q-support']).items;
    expect(row?.preview).not.toContain('4111 1111 1111 1111');
    expect(row?.preview.length).toBeLessThanOrEqual(140);
  });
});
