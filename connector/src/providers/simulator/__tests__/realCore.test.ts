import type { ChatState } from '../../../interactions/chat';
import type { DigitalState } from '../../../interactions/digital';
import type { VoiceState } from '../../../interactions/voice';
import { defaultScenario } from '../scenario';
import { Simulator } from '../simulator';
import { CoreEngine } from './coreEngine';
import { counterIds, FakeClock, testScenario } from './harness';

const A1 = { agentId: 'a1', agentName: 'Ada Agent', outboundSkills: [{ id: 'q-sales', name: 'Sales' }] };
const A2 = { agentId: 'a2', agentName: 'Ben Agent', outboundSkills: [] };
const WHO = '003000000000001AAA';

async function setUp(customers: unknown[] = []) {
  const clock = new FakeClock();
  const engine = new CoreEngine(
    clock,
    [
      { agent: A1, queueIds: ['q-voice', 'q-chat', 'q-digital'] },
      { agent: A2, queueIds: ['q-voice', 'q-chat-2'] }
    ],
    [{ id: 'q-digital', members: ['a1'] }]
  );
  const sim = new Simulator({
    scenario: testScenario({
      settings: { ringMs: 1_000, replyDelayMs: 2_000, undeliverableAddresses: ['+14155550114'] },
      customers
    }),
    clock,
    ids: counterIds()
  });
  engine.sim = sim;
  await sim.start(engine);
  await engine.available('a1');
  clock.advance(1_000, sim);
  await sim.idle();
  return { clock, engine, sim };
}

const call = (engine: CoreEngine, agentId: string, id: string) =>
  engine.interaction(agentId, id) as VoiceState | undefined;

describe('the simulator against the real interaction core', () => {
  it('A3 V6 V8 callOffered, consultConnected, a warm transfer and a hang-up all parse and apply', async () => {
    const { clock, engine, sim } = await setUp();
    const placed = await sim.placeCall({ from: '+14155550100', queueId: 'q-voice', kind: 'inbound', name: 'Sam' });
    const id = placed.ok ? placed.value.interactionId : '';
    await sim.idle();
    expect(call(engine, 'a1', id)).toMatchObject({
      lifecycle: 'offered',
      number: '+14155550100',
      queueName: 'Voice Support'
    });
    expect(await engine.command('a1', id, { command: 'accept' })).toEqual({ ok: true });
    await engine.command('a1', id, { command: 'setDetails', args: { whoId: WHO } });
    await engine.available('a2');
    await engine.command('a1', id, { command: 'consult', args: { target: { kind: 'agent', agentId: 'a2' } } });
    await clock.advance(1_000, sim);
    expect(call(engine, 'a1', id)?.consult).toMatchObject({ state: 'connected', participantId: `${id}:p1` });
    await engine.command('a1', id, { command: 'completeTransfer' });
    await sim.idle();
    // V8: the receiving agent's offer carries the Name chosen by the first agent.
    const received = call(engine, 'a2', `${id}.2`);
    expect(received).toMatchObject({ lifecycle: 'offered', details: { whoId: WHO } });
    await engine.command('a2', `${id}.2`, { command: 'accept' });
    expect((await sim.hangUp(id)).ok).toBe(true);
    expect(call(engine, 'a2', `${id}.2`)).toMatchObject({ lifecycle: 'wrapUp', endedBy: 'customer' });
    expect(engine.refusals).toEqual([]);
  });

  it('A4 a missed offer (RONA) is offered to the next agent; the first agent is in RONA', async () => {
    const { engine, sim } = await setUp();
    await engine.available('a2');
    const placed = await sim.placeCall({ from: '+14155550100', queueId: 'q-voice', kind: 'inbound' });
    const id = placed.ok ? placed.value.interactionId : '';
    await sim.idle();
    expect(call(engine, 'a1', id)?.lifecycle).toBe('offered');
    await engine.fireTimer('a1', id, 'offer');
    await sim.idle();
    expect(engine.desk('a1').presence.status).toBe('RONA');
    expect(call(engine, 'a2', `${id}.2`)?.lifecycle).toBe('offered');
    expect(engine.refusals).toEqual([]);
  });

  it('V9 V6 V14 dialling connects; a scripted caller speaks; a blind transfer completes', async () => {
    const { clock, engine, sim } = await setUp([
      { kind: 'call', at: 0, from: '+14155550123', queueId: 'q-voice', says: [{ afterMs: 500, text: 'Hello' }] }
    ]);
    await sim.idle();
    const id = 'voice-u1';
    await engine.command('a1', id, { command: 'accept' });
    await clock.advance(500, sim);
    expect(call(engine, 'a1', id)?.liveTranscript).toEqual([
      expect.objectContaining({ side: 'customer', text: 'Hello' })
    ]);
    await engine.available('a2');
    await engine.command('a1', id, {
      command: 'blindTransfer',
      args: { target: { kind: 'queue', queueId: 'q-voice' } }
    });
    await clock.advance(1_000, sim);
    expect(call(engine, 'a1', id)).toBeUndefined();
    expect(call(engine, 'a2', `${id}.2`)?.lifecycle).toBe('offered');
    await engine.command('a2', `${id}.2`, { command: 'accept' });
    await engine.command('a2', `${id}.2`, { command: 'hold' });
    const dialled = await engine.dial('a2', { interactionId: 'voice-dial-1', number: '+1 415 555 0124' });
    expect(dialled).toEqual({ ok: true });
    const outbound = Object.values(engine.desk('a2').interactions).find(
      (i) => i.direction === 'outbound'
    ) as VoiceState;
    expect(outbound.callState).toBe('dialing');
    await clock.advance(1_000, sim);
    expect(call(engine, 'a2', outbound.id)?.callState).toBe('connected');
    expect(engine.refusals).toEqual([]);
  });

  it('C2 C4 C6 C8 chat.offered with a bot transcript, scripted replies (one with a card number) and a transfer', async () => {
    const { clock, engine, sim } = await setUp([
      {
        kind: 'chat',
        at: 0,
        customerId: 'visitor-1',
        name: 'Kim',
        email: 'kim@example.org',
        queueId: 'q-chat',
        botTranscript: [
          { from: 'bot', text: 'Hello, how can I help?' },
          { from: 'customer', text: 'Billing' }
        ],
        replies: ['My card is 4111 1111 1111 1111']
      }
    ]);
    await sim.idle();
    const id = 'chat-u1';
    const offered = engine.interaction('a1', id) as ChatState;
    expect(offered.transcript.map((line) => [line.from, line.text])).toEqual([
      ['bot', 'Hello, how can I help?'],
      ['customer', 'Billing']
    ]);
    await engine.command('a1', id, { command: 'accept' });
    await engine.command('a1', id, { command: 'send', args: { text: 'How would you like to pay?' } });
    await clock.advance(2_000, sim);
    const chat = engine.interaction('a1', id) as ChatState;
    // C6: the agent never sees the card number the customer typed.
    expect(chat.transcript.at(-1)).toMatchObject({ from: 'customer' });
    expect(chat.transcript.at(-1)?.text).not.toContain('4111 1111 1111 1111');
    expect(chat.transcript.at(-1)?.text).toContain('1111');
    await engine.available('a2');
    await engine.command('a1', id, { command: 'conferenceInvite', args: { agentId: 'a2' } });
    await clock.advance(1_000, sim);
    expect((engine.interaction('a1', id) as ChatState).conference).toEqual([
      expect.objectContaining({ agentId: 'a2', state: 'Active' })
    ]);
    await engine.command('a1', id, { command: 'conferenceEnd' });
    await engine.command('a1', id, { command: 'transfer', args: { target: { kind: 'queue', queueId: 'q-chat-2' } } });
    await sim.idle();
    const receiver = engine.interaction('a2', `${id}.2`) as ChatState;
    expect(receiver.transcript.some((line) => line.text === 'Billing')).toBe(true);
    await engine.command('a2', `${id}.2`, { command: 'accept' });
    await sim.idle();
    expect(engine.interaction('a1', id)).toBeUndefined();
    expect((await sim.leaveChat(id)).ok).toBe(true);
    expect((engine.interaction('a2', `${id}.2`) as ChatState).endedBy).toBe('customer');
    expect(engine.refusals).toEqual([]);
  });

  it.each(['email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x'] as const)(
    'D1 D8 a %s conversation: inbound parses, replies and the customer writing back apply',
    async (channel) => {
      const from = {
        email: 'jane@example.org',
        sms: '+14155550100',
        whatsapp: '+14155550199',
        messenger: 'sarah.johnson.acme',
        instagram: 'javi.fdz',
        x: 'tmoreau'
      }[channel];
      const { clock, engine, sim } = await setUp([
        { kind: 'message', at: 0, channel, from, queueId: 'q-digital', text: 'Hello', replies: ['Thanks!'] }
      ]);
      await sim.idle();
      const id = `${channel}-u1`;
      expect(engine.queued.get(id)).toMatchObject({ channel, status: 'New', interactionNumber: 'D-000001' });
      expect((await engine.open('a1', id)).ok).toBe(true);
      await engine.command('a1', id, { command: 'reply', args: { text: 'How can I help?' } });
      expect((engine.interaction('a1', id) as DigitalState).status).toBe('Resolved');
      await clock.advance(2_000, sim);
      const conversation = engine.interaction('a1', id) as DigitalState;
      expect(conversation).toMatchObject({ status: 'Open', unread: 1 });
      expect(conversation.transcript.at(-1)).toMatchObject({ from: 'customer', text: 'Thanks!' });
      expect(engine.refusals).toEqual([]);
    }
  );

  it('D7 a reply that cannot be delivered comes back as deliveryFailed', async () => {
    const { engine, sim } = await setUp();
    const sent = await sim.sendMessage({ channel: 'sms', from: '+14155550114', queueId: 'q-digital', text: 'Hi' });
    const id = sent.ok ? sent.value.interactionId : '';
    await engine.open('a1', id);
    await engine.command('a1', id, { command: 'reply', args: { text: 'Hello!' } });
    await sim.idle();
    expect((engine.interaction('a1', id) as DigitalState).failedMessageIds).toHaveLength(1);
    expect(engine.refusals).toEqual([]);
  });

  it('D1 the shipped default scenario plays against the real core without a single refused event', async () => {
    const clock = new FakeClock();
    const queues = defaultScenario().queues.map((queue) => queue.id);
    const engine = new CoreEngine(
      clock,
      [
        { agent: A1, queueIds: queues },
        { agent: A2, queueIds: queues }
      ],
      queues.map((id) => ({ id, members: ['a1', 'a2'] }))
    );
    const sim = new Simulator({ clock, ids: counterIds() });
    engine.sim = sim;
    await sim.start(engine);
    await engine.available('a1');
    await engine.available('a2');
    await clock.advance(200_000, sim);
    const offered = [...engine.desks.values()].flatMap((desk) => Object.values(desk.interactions));
    // a1 rings with a call (voice is exclusive); a2 holds two chats, so no call is offered to them.
    expect(offered.map((i) => [i.channel, i.ownerAgentId]).sort()).toEqual([
      ['chat', 'a2'],
      ['chat', 'a2'],
      ['voice', 'a1']
    ]);
    expect(offered.every((i) => !i.id.includes('.'))).toBe(true);
    expect(new Set([...engine.queued.values()].map((i) => i.channel))).toEqual(
      new Set(['email', 'sms', 'whatsapp', 'messenger', 'instagram', 'x'])
    );
    expect(engine.refusals).toEqual([]);
    await sim.stop();
  });
});
