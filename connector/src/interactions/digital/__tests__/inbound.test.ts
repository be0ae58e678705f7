import { DIGITAL_CHANNELS } from '../../kernel/types';
import { createDigitalMachine, receiveInbound, toInboxItem } from '..';
import { ADDRESS, agent, config, expectOk, expectRefused, inbound, inboundEvent, run, T0 } from './fixtures';

describe('receiveInbound', () => {
  it.each(DIGITAL_CHANNELS)('D1 a first %s message creates a conversation waiting in its queue', (channel) => {
    const state = inbound({ channel });
    expect(state).toMatchObject({
      channel,
      direction: 'inbound',
      lifecycle: 'offered',
      ownerAgentId: null,
      queueId: 'q-support',
      status: 'New',
      inQueue: true,
      unread: 1
    });
  });

  it('D1 voice and chat are not digital channels', () => {
    for (const channel of ['voice', 'chat']) {
      const t = receiveInbound({ ...inboundEvent(), channel }, T0, config());
      expectRefused(t, 'INVALID_INPUT');
      if (!t.ok) expect(t.rejection.issues?.map((i) => i.path)).toContain('channel');
    }
  });

  it('digital work is pulled: no offer timer and no effect at creation', () => {
    const t = expectOk(receiveInbound(inboundEvent(), T0, config()));
    expect(t.effects).toEqual([]);
    expect(t.state.timers.offerExpiresAt).toBeNull();
    expect(t.state.timers).toMatchObject({ offeredAt: T0, waitingSince: T0 });
  });

  it.each([
    ['email', 'emailAddress'],
    ['sms', 'smsNumber'],
    ['whatsapp', 'whatsappNumber'],
    ['messenger', 'messengerId'],
    ['instagram', 'instagramId'],
    ['x', 'xId']
  ] as const)('D5 a %s conversation names its digital id as %s', (channel, kind) => {
    const state = inbound({ channel });
    expect(state.digitalId).toEqual({ kind, value: ADDRESS[channel] });
    expect(state.customer.address).toBe(ADDRESS[channel]);
    expect(state.interactionNumber).toBe('00001234');
  });

  it('D5 an e-mail conversation knows the customer e-mail and its subject', () => {
    const state = inbound({ channel: 'email', subject: 'Late parcel' });
    expect(state.customer.email).toBe(ADDRESS.email);
    expect(state.subject).toBe('Late parcel');
  });

  it('D12 the master contact id starts as the interaction id unless the provider carries one', () => {
    expect(inbound().masterContactId).toBe('d-1');
    expect(inbound({ masterContactId: 'mc-7' }).masterContactId).toBe('mc-7');
  });

  it('refuses an address that does not fit the channel, naming the field', () => {
    const t = receiveInbound(inboundEvent({ channel: 'sms', from: { address: 'not-a-number' } }), T0, config());
    expectRefused(t, 'INVALID_INPUT');
    if (!t.ok) expect(t.rejection.issues?.map((i) => i.path)).toContain('from.address');
  });

  it('keeps the provider tags once each, compared case-insensitively', () => {
    expect(inbound({ tags: ['VIP', 'vip', 'billing'] }).details.tags).toEqual(['VIP', 'billing']);
  });

  it('D2 the inbox item of a new conversation is unread and listed in its queue', () => {
    expect(toInboxItem(inbound({ priority: 5, tags: ['vip'] }))).toEqual({
      id: 'd-1',
      channel: 'whatsapp',
      status: 'New',
      priority: 5,
      receivedAt: T0,
      waitingSince: T0,
      tags: ['vip'],
      unread: 1,
      queueId: 'q-support',
      assignedAgentId: null
    });
  });

  it('a clock event never applies: the machine sets no timers', () => {
    const machine = createDigitalMachine(config());
    expectRefused(machine.transition(inbound(), { source: 'clock', at: T0, timer: 'offer' }), 'WRONG_STATE');
  });

  it('D11 the unread count follows customer messages and resets when the assignee reads', () => {
    const machine = createDigitalMachine(config());
    const state = run(inbound(), [agent({ command: 'open' })]).state;
    expect(state.unread).toBe(0);
    const twice = run(state, [
      {
        source: 'provider',
        at: T0 + 2,
        event: { type: 'customerMessage', messageId: 'm-2', text: 'a', attachments: [] }
      },
      {
        source: 'provider',
        at: T0 + 3,
        event: { type: 'customerMessage', messageId: 'm-3', text: 'b', attachments: [] }
      }
    ]).state;
    expect(twice.unread).toBe(2);
    const read = expectOk(machine.transition(twice, agent({ command: 'markRead' }))).state;
    expect(read.unread).toBe(0);
    expectRefused(machine.transition(read, agent({ command: 'markRead' })), 'DIGITAL_NOTHING_UNREAD');
  });
});
