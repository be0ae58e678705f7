import type { ProviderEffect } from '../../../interactions/kernel/effects';
import { agent, rig, T0, testScenario, value, type Rig } from './harness';

const effect = (interactionId: string, action: string, args?: Record<string, unknown>): ProviderEffect =>
  args ? { kind: 'provider', interactionId, action, args } : { kind: 'provider', interactionId, action };

const scenario = testScenario({
  settings: {
    ringMs: 1_000,
    unreachableNumbers: [{ number: '+14155550111', reason: 'busy' }]
  }
});

/** An inbound call from +14155550100 offered to a1 and accepted. */
async function answeredCall(r: Rig): Promise<string> {
  const call = value(await r.sim.placeCall({ from: '+14155550100', queueId: 'q-voice', kind: 'inbound' }));
  await r.sim.idle();
  await r.sim.perform(effect(call.interactionId, 'accept'));
  return call.interactionId;
}

const agents = () => [
  agent('a1', ['q-voice'], T0 - 10_000),
  agent('a2', ['q-sales'], T0, 'Busy'),
  agent('a-off', ['q-sales'], T0, 'Offline')
];

describe('the simulated PBX answers call controls', () => {
  it('V9 dial rings, then the customer answers (callConnected)', async () => {
    const r = await rig(scenario, agents());
    await r.sim.perform(
      effect('voice-out-1', 'dial', { number: '+14155550123', skillId: 'q-sales', emergency: false })
    );
    await r.sim.idle();
    expect(r.engine.events).toEqual([]);
    expect(value(await r.sim.customerView('voice-out-1')).state).toBe('ringing');
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('callConnected')).toEqual([
      {
        interactionId: 'voice-out-1',
        event: { type: 'callConnected', interactionId: 'voice-out-1', providerCallId: expect.stringMatching(/^pbx-/) }
      }
    ]);
    expect(value(await r.sim.customerView('voice-out-1'))).toMatchObject({ state: 'connected', direction: 'outbound' });
  });

  it('V9 dialling an unreachable number fails with its reason (dialFailed)', async () => {
    const r = await rig(scenario, agents());
    await r.sim.perform(effect('voice-out-2', 'dial', { number: '+14155550111', skillId: null }));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('dialFailed')).toEqual([
      { interactionId: 'voice-out-2', event: { type: 'dialFailed', interactionId: 'voice-out-2', reason: 'busy' } }
    ]);
    expect(value(await r.sim.customerView('voice-out-2'))).toMatchObject({
      state: 'ended',
      endedReason: 'dial_failed'
    });
  });

  it('V1 a callback accepted by the agent rings the customer, who answers', async () => {
    const r = await rig(scenario, agents());
    const call = value(await r.sim.placeCall({ from: '+14155550100', queueId: 'q-voice', kind: 'callback' }));
    await r.sim.idle();
    expect(r.engine.offers[0]?.event).toMatchObject({ direction: 'callback' });
    await r.sim.perform(effect(call.interactionId, 'accept'));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('callConnected').map((e) => e.interactionId)).toEqual([call.interactionId]);
  });

  it('V5 consult with an agent who is logged in connects (consultConnected); the customer is on hold', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'hold'));
    await r.sim.perform(effect(id, 'consult', { target: { kind: 'agent', agentId: 'a2' }, number: null }));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('consultConnected')).toEqual([
      { interactionId: id, event: { type: 'consultConnected', interactionId: id, participantId: `${id}:p1` } }
    ]);
    expect(value(await r.sim.customerView(id)).call).toMatchObject({ onHold: true, consulting: true });
  });

  it('V5 consult with an Offline agent fails (consultFailed)', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'consult', { target: { kind: 'agent', agentId: 'a-off' }, number: null }));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('consultFailed')).toEqual([
      { interactionId: id, event: { type: 'consultFailed', interactionId: id, reason: 'noAnswer' } }
    ]);
  });

  it('V5 consult with a queue nobody is logged in to, or an unreachable number, fails', async () => {
    const r = await rig(scenario, [agent('a1', ['q-voice'], T0)]);
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'consult', { target: { kind: 'queue', queueId: 'q-sales' }, number: null }));
    await r.clock.advance(1_000, r.sim);
    await r.sim.perform(
      effect(id, 'consult', { target: { kind: 'number', number: '4155550111' }, number: '+14155550111' })
    );
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('consultFailed').map((e) => e.event.reason)).toEqual(['noAnswer', 'busy']);
  });

  it('V5 a consult cancelled while it rings raises nothing', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'consult', { target: { kind: 'agent', agentId: 'a2' }, number: null }));
    await r.sim.perform(effect(id, 'cancelConsult'));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.events).toEqual([]);
  });

  it('V6 merge makes a conference the customer is part of', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'consult', { target: { kind: 'agent', agentId: 'a2' }, number: null }));
    await r.clock.advance(1_000, r.sim);
    await r.sim.perform(effect(id, 'merge', { participantId: `${id}:p1` }));
    expect(value(await r.sim.customerView(id)).call).toMatchObject({ conference: [`${id}:p1`], onHold: false });
  });

  it('V6 a blind transfer to an agent completes (transferCompleted)', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    await r.sim.perform(
      effect(id, 'transfer', {
        mode: 'blind',
        target: { kind: 'agent', agentId: 'a2' },
        number: null,
        details: { whoId: null, whatId: null }
      })
    );
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('transferCompleted')).toEqual([
      { interactionId: id, event: { type: 'transferCompleted', interactionId: id } }
    ]);
  });

  it('V6 a blind transfer to an unreachable number fails (transferFailed); to a reachable one the call leaves', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    const toNumber = (number: string) =>
      effect(id, 'transfer', { mode: 'blind', target: { kind: 'number', number }, number, details: {} });
    await r.sim.perform(toNumber('+14155550111'));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('transferFailed').map((e) => e.event.reason)).toEqual(['busy']);
    await r.sim.perform(toNumber('+14155550199'));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('transferCompleted')).toHaveLength(1);
    expect(value(await r.sim.customerView(id))).toMatchObject({ state: 'ended', endedReason: 'transferred_out' });
  });

  it('V2 hold, mute, record and mask show on the customer side; DTMF from the agent is heard', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    for (const action of ['hold', 'mute', 'recordStart', 'mask']) await r.sim.perform(effect(id, action));
    await r.sim.perform(effect(id, 'sendDigits', { digits: '12#', leg: 'customer' }));
    await r.sim.perform(effect(id, 'sendDigits', { digits: '9', leg: 'consult' }));
    const view = value(await r.sim.customerView(id));
    expect(view.call).toMatchObject({
      onHold: true,
      agentMuted: true,
      recording: true,
      masked: true,
      digitsReceived: '12#'
    });
    expect(view.entries.map((e) => e.notice ?? e.digits)).toEqual(
      expect.arrayContaining(['on_hold', 'agent_muted', 'recording_started', 'recording_paused', '12#'])
    );
    for (const action of ['resume', 'unmute', 'unmask', 'recordStop']) await r.sim.perform(effect(id, action));
    expect(value(await r.sim.customerView(id)).call).toMatchObject({
      onHold: false,
      agentMuted: false,
      recording: false,
      masked: false
    });
  });

  it('V2 a failing recorder reports recordingFailed', async () => {
    const r = await rig(testScenario({ settings: { recordingFails: true } }), agents());
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'recordStart'));
    await r.sim.idle();
    expect(r.engine.eventsOf('recordingFailed').map((e) => e.interactionId)).toEqual([id]);
  });

  it('V3 end hangs up on the customer; the customer can then no longer act on the call', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'end'));
    expect(value(await r.sim.customerView(id))).toMatchObject({ state: 'ended', endedReason: 'agent_ended' });
    const again = await r.sim.hangUp(id);
    expect(again).toMatchObject({ ok: false, error: { code: 'INTERACTION_ENDED' } });
  });

  it('V7 an agent leaving a conference leaves the customer with the other parties', async () => {
    const r = await rig(scenario, agents());
    const id = await answeredCall(r);
    await r.sim.perform(effect(id, 'end', { leaveConference: true }));
    expect(value(await r.sim.customerView(id))).toMatchObject({ state: 'connected', agent: null });
  });

  it('V14 a scripted caller speaks (live transcript), presses keys and hangs up on time', async () => {
    const r = await rig(
      testScenario({
        customers: [
          {
            kind: 'call',
            at: 1_000,
            from: '+1 415 555 0100',
            queueId: 'q-voice',
            hangUpAfterMs: 10_000,
            says: [{ afterMs: 2_000, text: 'Hello there' }],
            digits: [{ afterMs: 3_000, digits: '42' }]
          }
        ]
      }),
      agents()
    );
    await r.clock.advance(1_000, r.sim);
    const leg = r.engine.offersTo('a1')[0]?.event.interactionId as string;
    expect(r.engine.offersTo('a1')[0]?.event.number).toBe('+14155550100');
    await r.sim.perform(effect(leg, 'accept'));
    await r.clock.advance(10_000, r.sim);
    expect(r.engine.events.map((e) => e.event.type)).toEqual(['transcriptSegment', 'customerHungUp']);
    expect(r.engine.eventsOf('transcriptSegment')[0]?.event).toMatchObject({ side: 'customer', text: 'Hello there' });
    const view = value(await r.sim.customerView(leg));
    expect(view.entries.filter((e) => e.from === 'customer').map((e) => e.digits ?? e.text ?? e.notice)).toEqual([
      'Hello there',
      '42',
      'hung_up'
    ]);
  });

  it('a scripted caller with little patience hangs up while still waiting', async () => {
    const r = await rig(
      testScenario({
        customers: [{ kind: 'call', at: 0, from: '+14155550100', queueId: 'q-sales', patienceMs: 30_000 }]
      }),
      agents()
    );
    await r.clock.advance(30_000, r.sim);
    expect(r.sim.queues().find((q) => q.id === 'q-sales')?.waitingCalls).toBe(0);
  });

  it('a callback whose customer does not answer fails with noAnswer', async () => {
    const r = await rig(
      testScenario({
        customers: [
          { kind: 'call', at: 0, from: '+14155550100', queueId: 'q-voice', callKind: 'callback', answers: false }
        ]
      }),
      agents()
    );
    await r.clock.advance(0, r.sim);
    const leg = r.engine.offers[0]?.event.interactionId as string;
    await r.sim.perform(effect(leg, 'accept'));
    await r.clock.advance(1_000, r.sim);
    expect(r.engine.eventsOf('dialFailed').map((e) => e.event.reason)).toEqual(['noAnswer']);
  });
});
