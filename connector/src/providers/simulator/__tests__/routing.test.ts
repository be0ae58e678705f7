import { agent, rig, T0, testScenario, value } from './harness';

const callIn = { from: '+14155550100', queueId: 'q-voice', kind: 'inbound' as const };

describe('routing calls and chats to agents', () => {
  it('A3 offers a waiting call to the longest-idle Available member of its queue', async () => {
    const { sim, engine } = await rig(undefined, [
      agent('a-recent', ['q-voice'], T0 - 1_000),
      agent('a-longest', ['q-voice'], T0 - 60_000),
      agent('a-busy', ['q-voice'], T0 - 120_000, 'Busy'),
      agent('a-other-queue', ['q-sales'], T0 - 180_000)
    ]);
    const call = value(await sim.placeCall(callIn));
    await sim.idle();
    expect(engine.offers).toHaveLength(1);
    expect(engine.offers[0]?.event).toMatchObject({
      type: 'callOffered',
      interactionId: call.interactionId,
      agentId: 'a-longest',
      queueId: 'q-voice',
      queueName: 'Voice Support',
      number: '+14155550100',
      direction: 'inbound'
    });
  });

  it('A3 a refused offer falls through to the next candidate', async () => {
    const { sim, engine } = await rig(undefined, [
      agent('a1', ['q-voice'], T0 - 30_000),
      agent('a2', ['q-voice'], T0 - 20_000),
      agent('a3', ['q-voice'], T0 - 10_000)
    ]);
    engine.refuse = (offer) =>
      offer.event.agentId === 'a3' ? null : { ok: false, code: 'AT_CAPACITY', message: 'at capacity' };
    const call = value(await sim.placeCall(callIn));
    await sim.idle();
    expect(engine.offers.map((offer) => offer.event.agentId)).toEqual(['a1', 'a2', 'a3']);
    const view = value(await sim.customerView(call.interactionId));
    // Refused offers never became interactions; only the accepted one is a leg.
    expect(view.legs).toEqual([{ interactionId: expect.any(String), agentId: 'a3', state: 'offered' }]);
  });

  it('A3 agents of other queues, and queue members who are not Available, get nothing', async () => {
    const { sim, engine } = await rig(undefined, [
      agent('a-rona', ['q-voice'], T0 - 30_000, 'RONA'),
      agent('a-wrap', ['q-voice'], T0 - 30_000, 'WrapUp'),
      agent('a-off', ['q-voice'], T0 - 30_000, 'Offline'),
      agent('a-sales', ['q-sales'], T0 - 30_000)
    ]);
    value(await sim.placeCall(callIn));
    await sim.idle();
    expect(engine.offers).toHaveLength(0);
    expect(sim.queues().find((q) => q.id === 'q-voice')).toMatchObject({ waitingCalls: 1, oldestWaitingSince: T0 });
  });

  it('A3 kick() routes again after a presence change', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-voice'], T0, 'Busy')]);
    value(await sim.placeCall(callIn));
    await sim.idle();
    expect(engine.offers).toHaveLength(0);
    engine.setStatus('a1', 'Available');
    sim.kick();
    await sim.idle();
    expect(engine.offersTo('a1')).toHaveLength(1);
  });

  it('A3 the periodic sweep routes again even without a kick', async () => {
    const { sim, engine, clock } = await rig(undefined, [agent('a1', ['q-voice'], T0, 'Busy')]);
    value(await sim.placeCall(callIn));
    await sim.idle();
    engine.setStatus('a1', 'Available');
    await clock.advance(5_000, sim);
    expect(engine.offersTo('a1')).toHaveLength(1);
  });

  it('A3 members named in the scenario file are candidates too', async () => {
    const { sim, engine } = await rig(
      testScenario({ agents: [{ agentId: 'a-file', name: 'Fay', queueIds: ['q-voice'] }] }),
      [agent('a-file', [], T0)]
    );
    value(await sim.placeCall(callIn));
    await sim.idle();
    expect(engine.offersTo('a-file')).toHaveLength(1);
  });

  it('A5 spreads chats within one pass: an agent who just got an offer goes behind the others', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-chat'], T0 - 50_000), agent('a2', ['q-chat'], T0)]);
    engine.agents = engine.agents.map((a) => ({ ...a, status: 'Busy' as const }));
    value(await sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    value(await sim.startChat({ customerId: 'v2', queueId: 'q-chat' }));
    value(await sim.startChat({ customerId: 'v3', queueId: 'q-chat' }));
    engine.agents = engine.agents.map((a) => ({ ...a, status: 'Available' as const }));
    sim.kick();
    await sim.idle();
    expect(engine.offers.map((offer) => offer.event.agentId)).toEqual(['a1', 'a2', 'a1']);
  });

  it('A4 a missed offer (requeue) goes back to the head of its queue and to the next agent', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-voice'], T0 - 20_000, 'Busy')]);
    // As the desk does: voice is exclusive, so an agent with a ringing call gets no second one.
    const ringing = new Set<unknown>();
    engine.refuse = (offer) => {
      if (ringing.has(offer.event.agentId)) return { ok: false, code: 'VOICE_IS_EXCLUSIVE', message: 'on a call' };
      ringing.add(offer.event.agentId);
      return null;
    };
    const first = value(await sim.placeCall(callIn));
    const second = value(await sim.placeCall({ ...callIn, from: '+14155550101' }));
    engine.setStatus('a1', 'Available');
    sim.kick();
    await sim.idle();
    const offeredLeg = engine.offersTo('a1')[0]?.event.interactionId as string;
    expect(offeredLeg).toBe(first.interactionId);
    // a1 misses it: the machine closes the offer, the desk moves a1 to RONA and the engine asks for a requeue.
    engine.setStatus('a1', 'RONA');
    engine.agents.push(agent('a2', ['q-voice'], T0 - 5_000));
    await sim.route({ action: 'requeue', interactionId: offeredLeg, queueId: 'q-voice', excludeAgentId: 'a1' });
    await sim.idle();
    const toA2 = engine.offersTo('a2');
    // The requeued call is first in line again, on a new leg of the same contact.
    expect(toA2[0]?.event).toMatchObject({ interactionId: `${first.interactionId}.2`, waitingSince: T0 });
    expect(value(await sim.customerView(second.interactionId)).legs).toEqual([]);
  });

  it('A4 the excluded agent is skipped for a while, then offered it again when nobody else took it', async () => {
    const { sim, engine, clock } = await rig(undefined, [agent('a1', ['q-voice'], T0)]);
    value(await sim.placeCall(callIn));
    await sim.idle();
    const leg = engine.offersTo('a1')[0]?.event.interactionId as string;
    // a1 declined (stays Available): the call must not bounce straight back.
    await sim.route({ action: 'requeue', interactionId: leg, queueId: 'q-voice', excludeAgentId: 'a1' });
    await clock.advance(10_000, sim);
    expect(engine.offersTo('a1')).toHaveLength(1);
    await clock.advance(10_000, sim);
    expect(engine.offersTo('a1')).toHaveLength(2);
  });

  it('A4 a chat offer that times out is offered to the next agent with its bot transcript', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-chat'], T0 - 10_000), agent('a2', ['q-chat'], T0)]);
    const chat = value(
      await sim.startChat({ customerId: 'v1', queueId: 'q-chat', botTranscript: [{ from: 'bot', text: 'Hi!' }] })
    );
    await sim.idle();
    await sim.route({ action: 'requeue', interactionId: chat.interactionId, excludeAgentId: 'a1' });
    await sim.idle();
    expect(engine.offersTo('a2')[0]?.event).toMatchObject({
      type: 'chat.offered',
      interactionId: `${chat.interactionId}.2`,
      botTranscript: [{ from: 'bot', text: 'Hi!' }]
    });
  });

  it('A4 a customer who hangs up while waiting leaves the queue; one who hangs up while offered abandons the offer', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-voice'], T0, 'Busy')]);
    const waiting = value(await sim.placeCall(callIn));
    value(await sim.hangUp(waiting.interactionId));
    engine.setStatus('a1', 'Available');
    sim.kick();
    await sim.idle();
    expect(engine.offers).toHaveLength(0);
    const offered = value(await sim.placeCall(callIn));
    await sim.idle();
    value(await sim.hangUp(offered.interactionId));
    expect(engine.eventsOf('customerHungUp')).toEqual([
      { interactionId: offered.interactionId, event: { type: 'customerHungUp', interactionId: offered.interactionId } }
    ]);
  });

  it('release stops routing a contact', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-voice'], T0)]);
    const call = value(await sim.placeCall(callIn));
    await sim.idle();
    await sim.route({ action: 'release', interactionId: call.interactionId });
    engine.setStatus('a1', 'Available');
    sim.kick();
    await sim.idle();
    expect(engine.offers).toHaveLength(1);
    expect(value(await sim.customerView(call.interactionId)).waitingForRouting).toBe(false);
  });
});

describe('transfers through routing', () => {
  it('V8 a call transferred to an agent is offered to that agent with the Name travelling along', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-voice'], T0 - 10_000), agent('a2', ['q-sales'], T0)]);
    const call = value(await sim.placeCall(callIn));
    await sim.idle();
    await sim.perform({ kind: 'provider', interactionId: call.interactionId, action: 'accept' });
    await sim.perform({
      kind: 'provider',
      interactionId: call.interactionId,
      action: 'transfer',
      args: {
        mode: 'consult',
        target: { kind: 'agent', agentId: 'a2' },
        number: null,
        participantId: 'p1',
        details: { whoId: '003000000000001AAA', whatId: '500000000000001AAA' }
      }
    });
    await sim.route({ action: 'transferToAgent', interactionId: call.interactionId, agentId: 'a2' });
    await sim.idle();
    expect(engine.offersTo('a2')[0]?.event).toMatchObject({
      type: 'callOffered',
      interactionId: `${call.interactionId}.2`,
      agentId: 'a2',
      contact: { id: '003000000000001AAA' },
      number: '+14155550100'
    });
    expect(value(await sim.customerView(call.interactionId)).entries.map((e) => e.notice)).toContain('transferred');
  });

  it('V6 a call transferred to an agent who cannot take it goes to its queue after the transfer timeout', async () => {
    const { sim, engine, clock } = await rig(undefined, [
      agent('a1', ['q-voice'], T0 - 10_000),
      agent('a2', ['q-sales'], T0, 'Busy'),
      agent('a3', ['q-voice'], T0 - 5_000, 'Busy')
    ]);
    const call = value(await sim.placeCall(callIn));
    await sim.idle();
    await sim.perform({ kind: 'provider', interactionId: call.interactionId, action: 'accept' });
    engine.setStatus('a1', 'WrapUp');
    engine.setStatus('a3', 'Available');
    await sim.route({ action: 'transferToAgent', interactionId: call.interactionId, agentId: 'a2' });
    await sim.idle();
    expect(engine.offersTo('a3')).toHaveLength(0);
    await clock.advance(30_000, sim);
    expect(engine.offersTo('a3')).toHaveLength(1);
  });

  it('C8 a chat transferred to a queue is offered with the handover to another member; the sender hears transfer.accepted', async () => {
    const { sim, engine } = await rig(undefined, [
      agent('a1', ['q-chat', 'q-chat-2'], T0 - 30_000),
      agent('a2', ['q-chat-2'], T0 - 10_000)
    ]);
    const chat = value(await sim.startChat({ customerId: 'v1', name: 'Chris', queueId: 'q-chat' }));
    await sim.idle();
    await sim.perform({
      kind: 'provider',
      interactionId: chat.interactionId,
      action: 'accept',
      args: { agentName: 'Ada' }
    });
    const handover = {
      fromAgentId: 'a1',
      fromAgentName: 'Ada',
      transcript: [{ at: T0, from: 'customer', author: 'Chris', text: 'hello', attachments: [] }],
      details: { whoId: null, whatId: null, dispositions: [], tags: ['vip'], notes: '' }
    };
    await sim.route({ action: 'transferToQueue', interactionId: chat.interactionId, queueId: 'q-chat-2', handover });
    await sim.idle();
    expect(engine.offersTo('a1')).toHaveLength(1);
    const offer = engine.offersTo('a2')[0]?.event;
    expect(offer).toMatchObject({ type: 'chat.offered', queueId: 'q-chat-2', handover, botTranscript: [] });
    // While the transfer is pending the customer's words reach both the sender and the offered receiver.
    value(await sim.writeInChat(chat.interactionId, 'still there?'));
    expect(engine.eventsOf('customer.message').map((e) => e.interactionId)).toEqual([
      chat.interactionId,
      offer?.interactionId
    ]);
    await sim.perform({
      kind: 'provider',
      interactionId: offer?.interactionId as string,
      action: 'accept',
      args: { agentName: 'Bea' }
    });
    await sim.idle();
    expect(engine.eventsOf('transfer.accepted')).toEqual([
      { interactionId: chat.interactionId, event: { type: 'transfer.accepted', agentId: 'a2', agentName: 'Bea' } }
    ]);
    const view = value(await sim.customerView(chat.interactionId));
    expect(view.agent).toEqual({ agentId: 'a2', name: 'Bea' });
    expect(view.entries.filter((e) => e.notice === 'agent_joined').map((e) => e.author)).toEqual(['Ada', 'Bea']);
  });

  it('C8 a chat transfer to an agent who declines is declined for the sender, who keeps the chat', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-chat'], T0 - 30_000), agent('a2', [], T0)]);
    const chat = value(await sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    await sim.idle();
    await sim.perform({
      kind: 'provider',
      interactionId: chat.interactionId,
      action: 'accept',
      args: { agentName: 'Ada' }
    });
    await sim.route({ action: 'transferToAgent', interactionId: chat.interactionId, agentId: 'a2' });
    await sim.idle();
    const leg = engine.offersTo('a2')[0]?.event.interactionId as string;
    // Without a handover from the engine, the receiver still gets the conversation as the customer saw it.
    expect(engine.offersTo('a2')[0]?.event.handover).toMatchObject({ fromAgentId: 'a1', fromAgentName: 'Ada' });
    await sim.perform({ kind: 'provider', interactionId: leg, action: 'decline' });
    await sim.route({ action: 'requeue', interactionId: leg, excludeAgentId: 'a2' });
    await sim.idle();
    expect(engine.eventsOf('transfer.declined')).toEqual([
      { interactionId: chat.interactionId, event: { type: 'transfer.declined', reason: expect.any(String) } }
    ]);
    expect(value(await sim.customerView(chat.interactionId))).toMatchObject({
      state: 'connected',
      waitingForRouting: false
    });
  });

  it('C8 a chat transfer nobody accepts is withdrawn after the transfer timeout', async () => {
    const { sim, engine, clock } = await rig(undefined, [agent('a1', ['q-chat'], T0)]);
    const chat = value(await sim.startChat({ customerId: 'v1', queueId: 'q-chat' }));
    await sim.idle();
    await sim.perform({
      kind: 'provider',
      interactionId: chat.interactionId,
      action: 'accept',
      args: { agentName: 'Ada' }
    });
    await sim.route({ action: 'transferToQueue', interactionId: chat.interactionId, queueId: 'q-chat-2' });
    await clock.advance(65_000, sim);
    expect(engine.eventsOf('transfer.declined')).toHaveLength(1);
  });

  it('D12 a digital transfer only moves the conversation to its new queue (digital work is pulled)', async () => {
    const { sim, engine } = await rig(undefined, [agent('a1', ['q-digital'], T0)]);
    const email = value(
      await sim.sendMessage({ channel: 'email', from: 'jane@example.org', queueId: 'q-digital', text: 'Hello' })
    );
    await sim.route({ action: 'transferToQueue', interactionId: email.interactionId, queueId: 'q-other' });
    await sim.idle();
    expect(engine.offers).toHaveLength(0);
    expect(value(await sim.customerView(email.interactionId)).queueId).toBe('q-other');
  });
});
