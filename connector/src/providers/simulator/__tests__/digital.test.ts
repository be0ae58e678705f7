import type { ProviderEffect } from '../../../interactions/kernel/effects';
import { agent, rig, T0, testScenario, value } from './harness';

const send = (interactionId: string, messageId: string, to: string, text: string): ProviderEffect => ({
  kind: 'provider',
  interactionId,
  action: 'send',
  args: { messageId, to, text, attachments: [] }
});

describe('simulated digital channels', () => {
  it.each([
    ['email', 'jane@example.org'],
    ['sms', '+14155550100'],
    ['whatsapp', '+14155550199'],
    ['messenger', 'sarah.johnson.acme'],
    ['instagram', 'javi.fdz'],
    ['x', 'tmoreau']
  ] as const)('D1 a first %s message opens a conversation with an interaction number (D5)', async (channel, from) => {
    const r = await rig();
    const view = value(await r.sim.sendMessage({ channel, from, queueId: 'q-digital', text: 'Hello', name: 'Pat' }));
    expect(view.interactionId).toMatch(new RegExp(`^${channel}-`));
    expect(r.engine.inbound).toEqual([
      {
        type: 'inbound',
        interactionId: view.interactionId,
        interactionNumber: 'D-000001',
        channel,
        queueId: 'q-digital',
        conversationId: `${view.interactionId}:thread`,
        from: { address: from, name: 'Pat', email: channel === 'email' ? from : null },
        message: { id: `${view.interactionId}:m1`, text: 'Hello', attachments: [] },
        subject: null
      }
    ]);
    expect(r.engine.offers).toEqual([]);
  });

  it('D8 an agent reply reaches the customer, who writes back (customerMessage)', async () => {
    const r = await rig(
      testScenario({
        customers: [
          {
            kind: 'message',
            at: 0,
            channel: 'whatsapp',
            from: '+34 612 34 56 78',
            queueId: 'q-digital',
            text: 'Hola',
            replies: ['Gracias']
          }
        ]
      }),
      [agent('a1', ['q-digital'], T0)]
    );
    await r.clock.advance(0, r.sim);
    const id = r.engine.inbound[0]?.interactionId as string;
    expect(r.engine.inbound[0]?.from).toMatchObject({ address: '+34612345678' });
    await r.sim.perform(send(id, `${id}#2`, '+34612345678', 'Hola, ¿en qué puedo ayudar?'));
    expect(value(await r.sim.customerView(id)).state).toBe('answered');
    await r.clock.advance(2_000, r.sim);
    expect(r.engine.eventsOf('customerMessage')).toEqual([
      { interactionId: id, event: { type: 'customerMessage', messageId: `${id}:m2`, text: 'Gracias', attachments: [] } }
    ]);
    expect(value(await r.sim.customerView(id)).state).toBe('waiting');
  });

  it('D8 a customer writes again on their own (follow-up) and through the API', async () => {
    const r = await rig(
      testScenario({
        customers: [
          {
            kind: 'message',
            at: 0,
            channel: 'messenger',
            from: 'lea.dubois.lyon',
            queueId: 'q-digital',
            text: 'Bonjour',
            followUps: [{ afterMs: 60_000, text: 'Il y a quelqu’un ?' }]
          }
        ]
      })
    );
    await r.clock.advance(60_000, r.sim);
    const id = r.engine.inbound[0]?.interactionId as string;
    value(await r.sim.writeAgain(id, 'Allô ?'));
    expect(r.engine.eventsOf('customerMessage').map((e) => e.event.text)).toEqual(['Il y a quelqu’un ?', 'Allô ?']);
    expect(r.sim.queues().find((q) => q.id === 'q-digital')?.waitingMessages).toBe(1);
  });

  it('D7 a reply to an undeliverable address comes back as deliveryFailed', async () => {
    const r = await rig(testScenario({ settings: { undeliverableAddresses: ['bounce@example.org'] } }));
    const view = value(
      await r.sim.sendMessage({
        channel: 'email',
        from: 'bounce@example.org',
        queueId: 'q-digital',
        text: 'Hi',
        subject: 'Help'
      })
    );
    await r.sim.perform(send(view.interactionId, `${view.interactionId}#2`, 'bounce@example.org', 'Answer'));
    await r.sim.idle();
    expect(r.engine.eventsOf('deliveryFailed')).toEqual([
      {
        interactionId: view.interactionId,
        event: { type: 'deliveryFailed', messageId: `${view.interactionId}#2`, reason: expect.any(String) }
      }
    ]);
  });

  it('D14 an outbound SMS reaches a customer the simulator never saw; their answer goes to that conversation', async () => {
    const r = await rig();
    await r.sim.perform(send('sms-out-1', 'sms-out-1#1', '+14155550123', 'Your parcel is ready'));
    const view = value(await r.sim.customerView('sms-out-1'));
    expect(view).toMatchObject({ channel: 'sms', direction: 'outbound', state: 'answered' });
    value(await r.sim.writeAgain('sms-out-1', 'Thanks'));
    expect(r.engine.eventsOf('customerMessage').map((e) => e.interactionId)).toEqual(['sms-out-1']);
  });

  it("D1 the engine refusing a first message is the customer's refusal too", async () => {
    const r = await rig();
    r.engine.receiveInbound = async () => ({ ok: false, code: 'INVALID_INPUT', message: 'bad' });
    const result = await r.sim.sendMessage({ channel: 'x', from: 'kbrown_co', queueId: 'q-digital', text: 'Hi' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
