import { createVoiceMachine, defaultVoiceConfig, offerCall } from '..';
import {
  AGENT,
  CALL_ID,
  CONTACT_ID,
  OTHER_AGENT,
  T0,
  applied,
  command,
  effectsOfKind,
  fromProvider,
  offerInput,
  offered,
  providerActions,
  refusal,
  run,
  syncOps
} from './helpers';

const machine = createVoiceMachine();

describe('offerCall', () => {
  it('V1 shows the number in E.164, the matched contact, the queue and the wait timer', () => {
    const { state, effects } = applied(
      offerCall(
        offerInput({ contact: { id: CONTACT_ID, name: 'Grace Hopper' }, waitingSince: T0 - 30_000 }),
        T0,
        defaultVoiceConfig
      )
    );
    expect(state).toMatchObject({
      channel: 'voice',
      direction: 'inbound',
      lifecycle: 'offered',
      callState: 'offered',
      number: '+14155550134',
      contact: { id: CONTACT_ID, name: 'Grace Hopper' },
      customer: { name: 'Grace Hopper', address: '+14155550134' },
      queueId: 'queue-support',
      queueName: 'Support',
      ownerAgentId: AGENT,
      providerCallId: 'pc-1',
      details: { whoId: CONTACT_ID }
    });
    expect(state.timers).toMatchObject({ offeredAt: T0, waitingSince: T0 - 30_000, offerExpiresAt: T0 + 20_000 });
    expect(effects).toContainEqual({ kind: 'timer', action: 'set', timer: 'offer', at: T0 + 20_000 });
  });

  it('V1 offers callbacks as their own kind of call', () => {
    expect(offered(defaultVoiceConfig, { direction: 'callback' }).direction).toBe('callback');
  });

  it('shows a withheld number as anonymous', () => {
    const state = offered(defaultVoiceConfig, { number: null });
    expect(state.number).toBeNull();
    expect(state.customer.address).toBe('anonymous');
  });

  it('refuses a malformed offer with the wrong fields named', () => {
    const result = offerCall({ type: 'callOffered', interactionId: CALL_ID }, T0, defaultVoiceConfig);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('INVALID_INPUT');
    expect(result.rejection.issues?.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['providerCallId', 'agentId', 'queueId', 'direction'])
    );
  });
});

describe('accept, decline and the offer timeout', () => {
  it('S2 accept connects an inbound call, opens the work item and looks up the caller', () => {
    const { state, effects } = run(offered(), [command({ command: 'accept' }, T0 + 3_000)]);
    expect(state).toMatchObject({ lifecycle: 'active', callState: 'connected', connectedAt: T0 + 3_000 });
    expect(state.timers).toMatchObject({ acceptedAt: T0 + 3_000, handleResumedAt: T0 + 3_000, offerExpiresAt: null });
    expect(effects).toContainEqual({ kind: 'timer', action: 'clear', timer: 'offer' });
    expect(providerActions(effects)).toEqual(['accept']);
    expect(syncOps(effects)).toEqual([
      { op: 'workItem.update', interactionId: CALL_ID, agentId: AGENT, channel: 'voice', status: 'Opened' },
      { op: 'screenPop.lookup', interactionId: CALL_ID, address: '+14155550134', channel: 'voice' }
    ]);
  });

  it('V1 a callback dials the customer after accept and connects when they answer', () => {
    const accepted = run(offered(defaultVoiceConfig, { direction: 'callback' }), [command({ command: 'accept' })]);
    expect(accepted.state.callState).toBe('dialing');
    const answered = run(accepted.state, [fromProvider({ type: 'callConnected' }, T0 + 9_000)]);
    expect(answered.state).toMatchObject({ callState: 'connected', connectedAt: T0 + 9_000 });
  });

  it('only the offered agent can accept or decline', () => {
    expect(refusal(machine.transition(offered(), command({ command: 'accept' }, T0, OTHER_AGENT)))).toBe('NOT_OWNER');
    expect(refusal(machine.transition(offered(), command({ command: 'decline' }, T0, OTHER_AGENT)))).toBe('NOT_OWNER');
  });

  it('decline sends the call back to its queue, away from this agent', () => {
    const { state, effects } = run(offered(), [command({ command: 'decline' })]);
    expect(state).toMatchObject({ lifecycle: 'closed', closedReason: 'declined', callState: 'ended' });
    expect(effectsOfKind(effects, 'routing')).toEqual([
      { kind: 'routing', action: 'requeue', interactionId: CALL_ID, queueId: 'queue-support', excludeAgentId: AGENT }
    ]);
    expect(syncOps(effects)).toContainEqual(expect.objectContaining({ op: 'workItem.update', status: 'Declined' }));
    expect(syncOps(effects).some((op) => op.op === 'task.log')).toBe(false);
  });

  it('A4 an offer that times out is missed and requeued', () => {
    const { state, effects } = run(offered(), [{ source: 'clock', at: T0 + 20_000, timer: 'offer' }]);
    expect(state).toMatchObject({ lifecycle: 'closed', closedReason: 'missed' });
    expect(effectsOfKind(effects, 'routing')[0]).toMatchObject({ action: 'requeue', excludeAgentId: AGENT });
    expect(syncOps(effects)).toContainEqual(
      expect.objectContaining({ op: 'workItem.update', status: 'DeclinedOnPushTimeout' })
    );
  });

  it('a late offer timer after accept is refused', () => {
    const { state } = run(offered(), [command({ command: 'accept' })]);
    expect(refusal(machine.transition(state, { source: 'clock', at: T0 + 20_000, timer: 'offer' }))).toBe(
      'WRONG_STATE'
    );
  });

  it('a caller who hangs up while it rings abandons the offer; nothing is requeued', () => {
    const { state, effects } = run(offered(), [fromProvider({ type: 'customerHungUp' })]);
    expect(state).toMatchObject({ lifecycle: 'closed', closedReason: 'abandoned', endedBy: 'customer' });
    expect(effectsOfKind(effects, 'routing')).toEqual([]);
    expect(syncOps(effects)).toContainEqual(expect.objectContaining({ op: 'workItem.update', status: 'Canceled' }));
  });

  it('call controls are refused while the call only rings', () => {
    expect(refusal(machine.transition(offered(), command({ command: 'hold' })))).toBe('WRONG_STATE');
    expect(refusal(machine.transition(offered(), command({ command: 'end' })))).toBe('WRONG_STATE');
    const enabled = machine
      .allowedCommands(offered(), AGENT)
      .filter((c) => c.enabled)
      .map((c) => c.command);
    expect(enabled).toEqual(['accept', 'decline']);
  });
});
