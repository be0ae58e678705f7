import type { ProviderEffect } from '../../../interactions/kernel/effects';
import { agent, rig, T0, testScenario, value } from './harness';

const effect = (interactionId: string, action: string, args?: Record<string, unknown>): ProviderEffect =>
  args ? { kind: 'provider', interactionId, action, args } : { kind: 'provider', interactionId, action };

const say = (interactionId: string, text: string) =>
  effect(interactionId, 'send', { author: 'Ada', text, attachments: [] });

describe('the simulated chat service', () => {
  it('C2 the bot transcript and what the customer wrote while waiting come with the offer', async () => {
    const r = await rig(undefined, [agent('a1', ['q-chat'], T0, 'Busy')]);
    const chat = value(
      await r.sim.startChat({
        customerId: 'visitor-1',
        name: 'Chris',
        email: 'chris@example.org',
        queueId: 'q-chat',
        botTranscript: [
          { from: 'bot', author: 'Assistant', text: 'How can I help?' },
          { from: 'customer', text: 'My order is late' }
        ]
      })
    );
    value(await r.sim.writeInChat(chat.interactionId, 'anyone?'));
    expect(r.engine.events).toEqual([]);
    r.engine.setStatus('a1', 'Available');
    r.sim.kick();
    await r.sim.idle();
    expect(r.engine.offers[0]?.event).toEqual({
      type: 'chat.offered',
      interactionId: chat.interactionId,
      agentId: 'a1',
      queueId: 'q-chat',
      customer: { id: 'visitor-1', name: 'Chris', email: 'chris@example.org' },
      waitingSince: T0,
      botTranscript: [
        { at: T0, from: 'bot', author: 'Assistant', text: 'How can I help?' },
        { at: T0, from: 'customer', author: null, text: 'My order is late' },
        { at: T0, from: 'customer', author: null, text: 'anyone?' }
      ]
    });
  });

  it('C4 an agent message reaches the customer, and a scripted customer answers it with the next line', async () => {
    const r = await rig(
      testScenario({
        customers: [
          { kind: 'chat', at: 0, customerId: 'v1', name: 'Kim', queueId: 'q-chat', replies: ['Order 77', 'Thanks!'] }
        ]
      }),
      [agent('a1', ['q-chat'], T0)]
    );
    await r.clock.advance(0, r.sim);
    const leg = r.engine.offers[0]?.event.interactionId as string;
    await r.sim.perform(effect(leg, 'accept', { agentName: 'Ada' }));
    await r.sim.perform(say(leg, 'Hi Kim, which order?'));
    await r.clock.advance(1_999, r.sim);
    expect(r.engine.eventsOf('customer.message')).toEqual([]);
    await r.clock.advance(1, r.sim);
    expect(r.engine.eventsOf('customer.message')).toEqual([
      { interactionId: leg, event: { type: 'customer.message', text: 'Order 77', attachments: [] } }
    ]);
    const view = value(await r.sim.customerView(leg));
    expect(view.entries.filter((e) => e.text).map((e) => [e.from, e.author, e.text])).toEqual([
      ['agent', 'Ada', 'Hi Kim, which order?'],
      ['customer', 'Kim', 'Order 77']
    ]);
  });

  it('C6 a scripted customer who types a card number sends it as typed; the engine guards it', async () => {
    const r = await rig(
      testScenario({
        customers: [
          { kind: 'chat', at: 0, customerId: 'v1', queueId: 'q-chat', replies: ['my card is 4111 1111 1111 1111'] }
        ]
      }),
      [agent('a1', ['q-chat'], T0)]
    );
    await r.clock.advance(0, r.sim);
    const leg = r.engine.offers[0]?.event.interactionId as string;
    await r.sim.perform(effect(leg, 'accept', { agentName: 'Ada' }));
    await r.sim.perform(say(leg, 'How would you like to pay?'));
    await r.clock.advance(2_000, r.sim);
    expect(r.engine.eventsOf('customer.message')[0]?.event.text).toBe('my card is 4111 1111 1111 1111');
  });

  it('C10 a scripted customer leaves after the last reply is answered; the agents see customer.left', async () => {
    const r = await rig(
      testScenario({
        customers: [
          { kind: 'chat', at: 0, customerId: 'v1', queueId: 'q-chat', replies: ['bye'], leavesWhenDone: true }
        ]
      }),
      [agent('a1', ['q-chat'], T0)]
    );
    await r.clock.advance(0, r.sim);
    const leg = r.engine.offers[0]?.event.interactionId as string;
    await r.sim.perform(effect(leg, 'accept', { agentName: 'Ada' }));
    await r.sim.perform(say(leg, 'Anything else?'));
    await r.clock.advance(2_000, r.sim);
    await r.sim.perform(say(leg, 'Have a nice day'));
    await r.clock.advance(2_000, r.sim);
    expect(r.engine.events.map((e) => e.event.type)).toEqual(['customer.message', 'customer.left']);
    expect(value(await r.sim.customerView(leg))).toMatchObject({ state: 'ended', endedReason: 'customer_left' });
  });

  it('C10 the agent ending the chat shows "agent left" to the customer, who can no longer write', async () => {
    const r = await rig(undefined, [agent('a1', ['q-chat'], T0)]);
    const chat = value(await r.sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    await r.sim.idle();
    await r.sim.perform(effect(chat.interactionId, 'accept', { agentName: 'Ada' }));
    await r.sim.perform(effect(chat.interactionId, 'end', { customerNotice: 'agent_left' }));
    const view = value(await r.sim.customerView(chat.interactionId));
    expect(view.entries.at(-1)).toMatchObject({ from: 'system', notice: 'agent_left', author: 'Ada' });
    expect(await r.sim.writeInChat(chat.interactionId, 'wait!')).toMatchObject({
      ok: false,
      error: { code: 'INTERACTION_ENDED' }
    });
  });

  it('C11 a pushed page and C13 the e-mailed transcript show on the customer side', async () => {
    const r = await rig(undefined, [agent('a1', ['q-chat'], T0)]);
    const chat = value(await r.sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    await r.sim.idle();
    await r.sim.perform(effect(chat.interactionId, 'accept', { agentName: 'Ada' }));
    await r.sim.perform(effect(chat.interactionId, 'pushPage', { url: 'https://example.org/pay', author: 'Ada' }));
    await r.sim.perform(effect(chat.interactionId, 'emailTranscript', { to: 'v1@example.org' }));
    const entries = value(await r.sim.customerView(chat.interactionId)).entries;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'agent', url: 'https://example.org/pay' }),
        expect.objectContaining({ notice: 'transcript_emailed' })
      ])
    );
  });

  it('C9 an invited agent who is logged in joins; an Offline one declines; leaving shows on the customer side', async () => {
    const r = await rig(undefined, [
      agent('a1', ['q-chat'], T0),
      agent('sup', [], T0, 'Busy'),
      agent('off', [], T0, 'Offline')
    ]);
    const chat = value(await r.sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    await r.sim.idle();
    const id = chat.interactionId;
    await r.sim.perform(effect(id, 'accept', { agentName: 'Ada' }));
    await r.sim.perform(effect(id, 'conferenceInvite', { agentId: 'sup' }));
    await r.sim.perform(effect(id, 'conferenceInvite', { agentId: 'off' }));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.events.map((e) => e.event)).toEqual([
      { type: 'conference.accepted', agentId: 'sup', agentName: 'Agent sup' },
      { type: 'conference.declined', agentId: 'off' }
    ]);
    await r.sim.perform(effect(id, 'conferenceLeave', { agentId: 'sup' }));
    const notices = value(await r.sim.customerView(id)).entries.map((e) => `${e.notice}:${e.author}`);
    expect(notices.slice(-2)).toEqual(['agent_joined:Agent sup', 'agent_left:Agent sup']);
  });

  it('C1 a customer with little patience leaves while waiting, and is gone from the queue', async () => {
    const r = await rig(
      testScenario({ customers: [{ kind: 'chat', at: 0, customerId: 'v1', queueId: 'q-chat', patienceMs: 20_000 }] })
    );
    await r.clock.advance(0, r.sim);
    expect(r.sim.queues().find((q) => q.id === 'q-chat')?.waitingChats).toBe(1);
    await r.clock.advance(20_000, r.sim);
    expect(r.sim.queues().find((q) => q.id === 'q-chat')?.waitingChats).toBe(0);
  });

  it("C15 the sender ending a chat with a transfer pending closes the receiver's offer as customer left", async () => {
    const r = await rig(undefined, [agent('a1', ['q-chat'], T0 - 5_000), agent('a2', ['q-chat-2'], T0)]);
    const chat = value(await r.sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    await r.sim.idle();
    const id = chat.interactionId;
    await r.sim.perform(effect(id, 'accept', { agentName: 'Ada' }));
    await r.sim.route({ action: 'transferToQueue', interactionId: id, queueId: 'q-chat-2' });
    await r.sim.idle();
    const offered = r.engine.offersTo('a2')[0]?.event.interactionId as string;
    await r.sim.perform(effect(id, 'transferCancel', { target: { kind: 'queue', queueId: 'q-chat-2' } }));
    await r.sim.perform(effect(id, 'end', { customerNotice: 'agent_left' }));
    await r.sim.idle();
    expect(r.engine.eventsOf('customer.left').map((e) => e.interactionId)).toEqual([offered]);
  });

  it('C17 a parked chat goes to the follow-up queue as work without a customer', async () => {
    const r = await rig(undefined, [agent('a1', ['q-chat'], T0 - 5_000), agent('a2', ['q-chat-2'], T0)]);
    const chat = value(await r.sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    await r.sim.idle();
    const id = chat.interactionId;
    await r.sim.perform(effect(id, 'accept', { agentName: 'Ada' }));
    await r.sim.perform(effect(id, 'end', { customerNotice: 'agent_left' }));
    await r.sim.route({ action: 'transferToQueue', interactionId: id, queueId: 'q-chat-2' });
    await r.sim.idle();
    const offer = r.engine.offersTo('a2')[0]?.event;
    expect(offer).toMatchObject({ type: 'chat.offered', queueId: 'q-chat-2', handover: { fromAgentId: 'a1' } });
    expect(r.engine.eventsOf('customer.left')).toEqual([]);
  });
});
