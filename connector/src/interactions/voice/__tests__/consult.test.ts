import { createVoiceMachine, type CallTarget } from '..';
import {
  AGENT,
  CALL_ID,
  CASE_ID,
  CONTACT_ID,
  OTHER_AGENT,
  T0,
  command,
  conferencing,
  consulting,
  effectsOfKind,
  fromProvider,
  providerActions,
  refusal,
  run,
  syncOps,
  talking,
  withConfig
} from './helpers';

const machine = createVoiceMachine();
const consultWith = (target: CallTarget, at = T0 + 5_000) => command({ command: 'consult', args: { target } }, at);
const enabled = (state: ReturnType<typeof talking>, name: string) =>
  machine.allowedCommands(state, AGENT).find((c) => c.command === name)?.enabled;

describe('consult', () => {
  it.each<[string, CallTarget, string | null]>([
    ['an agent', { kind: 'agent', agentId: OTHER_AGENT }, null],
    ['a queue', { kind: 'queue', queueId: 'queue-billing' }, null],
    ['an address-book contact', { kind: 'contact', contactId: 'c-9', number: '020 7946 0018' }, null],
    ['a typed number', { kind: 'number', number: '+44 20 7946 0018' }, '+442079460018']
  ])('V4 can reach %s', (_label, target, dialled) => {
    const config = withConfig({ defaultCountry: 'GB' });
    const { state, effects } = run(talking(config), [consultWith(target)], config);
    expect(state.consult).toMatchObject({ target, state: 'dialing' });
    const consultEffect = effectsOfKind(effects, 'provider').find((e) => e.action === 'consult');
    expect(consultEffect?.args).toMatchObject({ target });
    if (dialled) expect(consultEffect?.args?.number).toBe(dialled);
  });

  it('V4 refuses a number that is not valid, and the agent themself', () => {
    expect(refusal(machine.transition(talking(), consultWith({ kind: 'number', number: '555' })))).toBe(
      'INVALID_NUMBER'
    );
    expect(refusal(machine.transition(talking(), consultWith({ kind: 'agent', agentId: AGENT })))).toBe(
      'TARGET_IS_SELF'
    );
  });

  it('V5 starting a consult puts the customer on hold and starts the hold timer', () => {
    const { state, effects } = run(talking(), [consultWith({ kind: 'agent', agentId: OTHER_AGENT }, T0 + 5_000)]);
    expect(state).toMatchObject({ held: true, heldSince: T0 + 5_000 });
    expect(providerActions(effects)).toEqual(['hold', 'consult']);
  });

  it('V5 a call the agent already held stays held with its original hold timer', () => {
    const held = run(talking(), [command({ command: 'hold' }, T0 + 2_000)]).state;
    const { state, effects } = run(held, [consultWith({ kind: 'agent', agentId: OTHER_AGENT })]);
    expect(state).toMatchObject({ held: true, heldSince: T0 + 2_000 });
    expect(providerActions(effects)).toEqual(['consult']);
  });

  it('V5 cancelling the consult returns to the customer', () => {
    const { state, effects } = run(consulting(), [command({ command: 'cancelConsult' })]);
    expect(state).toMatchObject({ consult: null, held: false, heldSince: null });
    expect(providerActions(effects)).toEqual(['cancelConsult', 'resume']);
  });

  it('V6 merge and transfer wait for the consult leg to connect', () => {
    const ringing = run(talking(), [consultWith({ kind: 'agent', agentId: OTHER_AGENT })]).state;
    expect(refusal(machine.transition(ringing, command({ command: 'merge' })))).toBe('CONSULT_NOT_CONNECTED');
    expect(refusal(machine.transition(ringing, command({ command: 'completeTransfer' })))).toBe(
      'CONSULT_NOT_CONNECTED'
    );
    expect(enabled(consulting(), 'merge')).toBe(true);
    expect(enabled(consulting(), 'completeTransfer')).toBe(true);
  });

  it('V6 merge makes a conference: nobody is on hold any more', () => {
    const { state, effects } = run(consulting(), [command({ command: 'merge' }, T0 + 10_000)]);
    expect(state).toMatchObject({ held: false, heldSince: null, consult: null });
    expect(state.conference).toEqual([
      { participantId: 'party-1', target: { kind: 'agent', agentId: OTHER_AGENT }, joinedAt: T0 + 10_000 }
    ]);
    expect(effectsOfKind(effects, 'provider')).toEqual([
      expect.objectContaining({ action: 'merge', args: { participantId: 'party-1' } })
    ]);
  });

  it('V6 consulting again from a conference adds more parties, without holding the conference', () => {
    const { state } = run(conferencing(), [
      consultWith({ kind: 'number', number: '415 555 0199' }, T0 + 12_000),
      fromProvider({ type: 'consultConnected', participantId: 'party-2' }, T0 + 13_000),
      command({ command: 'merge' }, T0 + 14_000)
    ]);
    expect(state.held).toBe(false);
    expect(state.conference.map((party) => party.participantId)).toEqual(['party-1', 'party-2']);
  });

  it('V6 a conference stops being one when the other parties leave', () => {
    const { state } = run(conferencing(), [fromProvider({ type: 'conferencePartyLeft', participantId: 'party-1' })]);
    expect(state.conference).toEqual([]);
    expect(enabled(state, 'hold')).toBe(true);
  });

  it('V5 when the last party leaves a conference during a new consult, the customer goes on hold', () => {
    const { state, effects } = run(conferencing(), [
      consultWith({ kind: 'queue', queueId: 'queue-billing' }, T0 + 12_000),
      fromProvider({ type: 'conferencePartyLeft', participantId: 'party-1' }, T0 + 13_000)
    ]);
    expect(state).toMatchObject({ conference: [], held: true, heldSince: T0 + 13_000 });
    expect(providerActions(effects)).toEqual(['consult', 'hold']);
    expect(run(state, [command({ command: 'cancelConsult' })]).state.held).toBe(false);
  });

  it('V6 the consult limit keeps conferences to the configured size', () => {
    const config = withConfig({ maxConferenceParties: 1 });
    const conference = conferencing(config);
    expect(
      refusal(createVoiceMachine(config).transition(conference, consultWith({ kind: 'queue', queueId: 'q' })))
    ).toBe('CONFERENCE_FULL');
  });

  it('V7 merging a masked call is refused: a conference is never masked', () => {
    const masked = run(consulting(), [command({ command: 'mask' })]).state;
    expect(refusal(machine.transition(masked, command({ command: 'merge' })))).toBe('CALL_MASKED');
  });

  it('V6 S4 completeTransfer hands the parties to each other and closes the agent’s part as transferred', () => {
    const before = run(consulting(), [
      command({ command: 'setDetails', args: { whoId: CONTACT_ID, whatId: CASE_ID } }, T0 + 8_500)
    ]).state;
    const { state, effects } = run(before, [command({ command: 'completeTransfer' }, T0 + 9_000)]);
    expect(state).toMatchObject({ lifecycle: 'closed', closedReason: 'transferred', callState: 'transferred' });
    expect(state.timers.endedAt).toBe(T0 + 9_000);
    const ops = syncOps(effects);
    expect(ops).toContainEqual(expect.objectContaining({ op: 'workItem.update', status: 'Transferred' }));
    expect(ops).toContainEqual(
      expect.objectContaining({
        op: 'task.log',
        interactionId: CALL_ID,
        startedAt: T0 + 1_000,
        endedAt: T0 + 9_000,
        durationSeconds: 8
      })
    );
    expect(effectsOfKind(effects, 'routing')).toEqual([
      { kind: 'routing', action: 'transferToAgent', interactionId: CALL_ID, agentId: OTHER_AGENT }
    ]);
  });

  it('V8 Name and Related To travel with a consult transfer', () => {
    const before = run(consulting(), [
      command({ command: 'setDetails', args: { whoId: CONTACT_ID, whatId: CASE_ID } })
    ]).state;
    const { effects } = run(before, [command({ command: 'completeTransfer' })]);
    const transfer = effectsOfKind(effects, 'provider').find((e) => e.action === 'transfer');
    expect(transfer?.args).toMatchObject({ mode: 'consult', details: { whoId: CONTACT_ID, whatId: CASE_ID } });
  });

  it('V5 a consult leg that fails leaves the customer on hold so another target can be tried', () => {
    const ringing = run(talking(), [consultWith({ kind: 'agent', agentId: OTHER_AGENT })]).state;
    const { state, effects } = run(ringing, [fromProvider({ type: 'consultFailed', reason: 'noAnswer' })]);
    expect(state).toMatchObject({ consult: null, held: true });
    expect(effectsOfKind(effects, 'notice')[0]).toMatchObject({ notice: 'consultFailed' });
    expect(enabled(state, 'consult')).toBe(true);
    expect(enabled(state, 'resume')).toBe(true);
  });

  it('V5 a consulted party that hangs up leaves the customer on hold', () => {
    const { state } = run(consulting(), [fromProvider({ type: 'consultHungUp' })]);
    expect(state).toMatchObject({ consult: null, held: true });
  });

  it('V3 a customer on hold during a consult cannot be ended; resume is refused until the consult is over', () => {
    expect(refusal(machine.transition(consulting(), command({ command: 'end' })))).toBe('CALL_ON_HOLD');
    expect(refusal(machine.transition(consulting(), command({ command: 'resume' })))).toBe('CONSULT_IN_PROGRESS');
  });
});

describe('blind transfer', () => {
  const toQueue = command({ command: 'blindTransfer', args: { target: { kind: 'queue', queueId: 'queue-billing' } } });

  it('V8 S4 sends the customer with the details; the agent is done when the provider confirms', () => {
    const before = run(talking(), [command({ command: 'setDetails', args: { whatId: CASE_ID } })]).state;
    const sent = run(before, [toQueue]);
    expect(sent.state).toMatchObject({ lifecycle: 'active', callState: 'transferring' });
    expect(effectsOfKind(sent.effects, 'provider')[0]).toMatchObject({
      action: 'transfer',
      args: { mode: 'blind', target: { kind: 'queue', queueId: 'queue-billing' }, details: { whatId: CASE_ID } }
    });
    expect(
      machine
        .allowedCommands(sent.state, AGENT)
        .filter((c) => c.enabled)
        .map((c) => c.command)
    ).toEqual(['setDetails']);
    const done = run(sent.state, [fromProvider({ type: 'transferCompleted' }, T0 + 4_000)]);
    expect(done.state).toMatchObject({ lifecycle: 'closed', closedReason: 'transferred' });
    expect(effectsOfKind(done.effects, 'routing')).toEqual([
      { kind: 'routing', action: 'transferToQueue', interactionId: CALL_ID, queueId: 'queue-billing' }
    ]);
    expect(syncOps(done.effects).map((op) => op.op)).toEqual(['workItem.update', 'task.log']);
  });

  it('a failed transfer brings the customer back on hold', () => {
    const sent = run(talking(), [toQueue]).state;
    const { state, effects } = run(sent, [fromProvider({ type: 'transferFailed', reason: 'busy' }, T0 + 6_000)]);
    expect(state).toMatchObject({ callState: 'connected', held: true, heldSince: T0 + 6_000, transfer: null });
    expect(effectsOfKind(effects, 'notice')[0]).toMatchObject({ notice: 'transferFailed' });
  });

  it('is refused in a conference and during a consult', () => {
    expect(refusal(machine.transition(conferencing(), toQueue))).toBe('IN_CONFERENCE');
    expect(refusal(machine.transition(consulting(), toQueue))).toBe('CONSULT_IN_PROGRESS');
  });
});
