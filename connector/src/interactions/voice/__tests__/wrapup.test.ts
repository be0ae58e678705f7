import { parseWith } from '../../kernel/parse';
import { createVoiceMachine, defaultVoiceConfig, voiceCommandSchema } from '..';
import {
  AGENT,
  CALL_ID,
  CASE_ID,
  CONTACT_ID,
  T0,
  applied,
  command,
  effectsOfKind,
  fromProvider,
  offered,
  providerActions,
  refusal,
  run,
  syncOps,
  talking,
  withConfig
} from './helpers';

const machine = createVoiceMachine();
const details = command({
  command: 'setDetails',
  args: {
    whoId: CONTACT_ID,
    whatId: CASE_ID,
    dispositions: ['Resolved'],
    tags: ['billing', 'vip'],
    notes: 'Refund sent'
  }
});

describe('details and wrap-up', () => {
  it('V13 Name, Related To, dispositions, tags and notes can be set during the call', () => {
    const { state } = run(talking(), [details]);
    expect(state.details).toEqual({
      whoId: CONTACT_ID,
      whatId: CASE_ID,
      dispositions: ['Resolved'],
      tags: ['billing', 'vip'],
      notes: 'Refund sent'
    });
    const cleared = run(state, [command({ command: 'setDetails', args: { whatId: null } })]).state;
    expect(cleared.details).toMatchObject({ whoId: CONTACT_ID, whatId: null, tags: ['billing', 'vip'] });
  });

  it('V13 an empty change is refused rather than ignored', () => {
    const parsed = parseWith(voiceCommandSchema, { command: 'setDetails', args: {} });
    expect(parsed).toMatchObject({ ok: false, rejection: { code: 'INVALID_INPUT', issues: [{ path: 'args' }] } });
  });

  it('C6 notes are redacted when they contain a card number', () => {
    const { state } = run(talking(), [command({ command: 'setDetails', args: { notes: 'card 4111 1111 1111 1111' } })]);
    expect(state.details.notes).toBe('card **** **** **** 1111');
  });

  it('C6 in drop mode notes with a card number are refused', () => {
    const config = withConfig({ pci: { mode: 'drop' } });
    const result = createVoiceMachine(config).transition(
      talking(config),
      command({ command: 'setDetails', args: { notes: 'card 4111111111111111' } })
    );
    expect(refusal(result)).toBe('PCI_BLOCKED');
  });

  it('V13 S5 ending opens wrap-up with details editable; Done closes it and logs one Task', () => {
    const ended = run(talking(), [details, command({ command: 'end' }, T0 + 61_000)]);
    expect(ended.state).toMatchObject({ lifecycle: 'wrapUp', callState: 'ended', endedBy: 'agent' });
    expect(ended.state.timers.endedAt).toBe(T0 + 61_000);
    expect(providerActions(ended.effects)).toEqual(['end']);
    const edited = run(ended.state, [command({ command: 'setDetails', args: { notes: 'Refund sent; follow up' } })]);
    const done = run(edited.state, [command({ command: 'wrapUpDone' }, T0 + 90_000)]);
    expect(done.state).toMatchObject({ lifecycle: 'closed', closedReason: 'completed' });
    expect(done.state.timers).toMatchObject({ handleResumedAt: null, handledMs: 89_000 });
    expect(syncOps(done.effects)).toEqual([
      { op: 'workItem.update', interactionId: CALL_ID, agentId: AGENT, channel: 'voice', status: 'Closed' },
      {
        op: 'task.log',
        interactionId: CALL_ID,
        agentId: AGENT,
        channel: 'voice',
        direction: 'inbound',
        subject: 'Inbound call',
        startedAt: T0 + 1_000,
        endedAt: T0 + 61_000,
        durationSeconds: 60,
        details: { ...edited.state.details },
        providerCallId: 'pc-1'
      }
    ]);
  });

  it('call controls say the call has ended during wrap-up', () => {
    const ended = run(talking(), [command({ command: 'end' })]).state;
    expect(refusal(machine.transition(ended, command({ command: 'hold' })))).toBe('CALL_ENDED');
    expect(
      machine
        .allowedCommands(ended, AGENT)
        .filter((c) => c.enabled)
        .map((c) => c.command)
    ).toEqual(['setDetails', 'wrapUpDone']);
  });

  it('Done is refused before the call has ended, and everything after it is closed', () => {
    expect(refusal(machine.transition(talking(), command({ command: 'wrapUpDone' })))).toBe('WRONG_STATE');
    const closed = run(talking(), [command({ command: 'end' }), command({ command: 'wrapUpDone' })]).state;
    expect(refusal(machine.transition(closed, details))).toBe('INTERACTION_ENDED');
    expect(machine.allowedCommands(closed, AGENT).every((c) => c.reason === 'INTERACTION_ENDED')).toBe(true);
  });

  it('a disposition can be required before Done', () => {
    const config = withConfig({ requireDisposition: true });
    const ended = run(talking(config), [command({ command: 'end' })], config).state;
    const strict = createVoiceMachine(config);
    expect(refusal(strict.transition(ended, command({ command: 'wrapUpDone' })))).toBe('DISPOSITION_REQUIRED');
    const chosen = run(ended, [command({ command: 'setDetails', args: { dispositions: ['Sale'] } })], config).state;
    expect(strict.transition(chosen, command({ command: 'wrapUpDone' })).ok).toBe(true);
  });

  it('the optional wrap-up timeout finishes wrap-up by itself', () => {
    const config = withConfig({ wrapUpTimeoutMs: 30_000 });
    const ended = run(talking(config), [command({ command: 'end' }, T0 + 10_000)], config);
    expect(ended.effects).toContainEqual({ kind: 'timer', action: 'set', timer: 'wrapUp', at: T0 + 40_000 });
    const done = run(ended.state, [{ source: 'clock', at: T0 + 40_000, timer: 'wrapUp' }], config);
    expect(done.state).toMatchObject({ lifecycle: 'closed', closedReason: 'completed' });
    expect(syncOps(done.effects).map((op) => op.op)).toEqual(['workItem.update', 'task.log']);
    const early = run(talking(config), [command({ command: 'end' }), command({ command: 'wrapUpDone' })], config);
    expect(early.effects).toContainEqual({ kind: 'timer', action: 'clear', timer: 'wrapUp' });
  });

  it('without a wrap-up timeout a wrapUp clock event is refused', () => {
    const ended = run(talking(), [command({ command: 'end' })]).state;
    expect(refusal(machine.transition(ended, { source: 'clock', at: T0, timer: 'wrapUp' }))).toBe('WRONG_STATE');
  });
});

describe('ending from the other side', () => {
  it('the customer hanging up opens wrap-up, even while held', () => {
    const held = run(talking(), [command({ command: 'hold' })]).state;
    const { state } = run(held, [fromProvider({ type: 'customerHungUp' }, T0 + 7_000)]);
    expect(state).toMatchObject({ lifecycle: 'wrapUp', endedBy: 'customer', held: false, heldSince: null });
  });

  it('a hang-up that arrives after the call ended is refused for the log', () => {
    const ended = run(talking(), [command({ command: 'end' })]).state;
    expect(refusal(machine.transition(ended, fromProvider({ type: 'customerHungUp' })))).toBe('CALL_ENDED');
    const closed = run(ended, [command({ command: 'wrapUpDone' })]).state;
    expect(refusal(machine.transition(closed, fromProvider({ type: 'customerHungUp' })))).toBe('INTERACTION_ENDED');
  });

  it('an event for another call is refused', () => {
    const result = machine.transition(talking(), fromProvider({ type: 'customerHungUp' }, T0, 'call-other'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'interactionId' }] });
  });

  it('C15 S3 closing the work item in Salesforce ends the call and logs it', () => {
    const { state, effects } = run(talking(), [details, fromProvider({ type: 'workItemClosed' }, T0 + 31_000)]);
    expect(state).toMatchObject({ lifecycle: 'closed', closedReason: 'completed', endedBy: 'salesforce' });
    expect(providerActions(effects)).toEqual(['end']);
    expect(syncOps(effects)).toEqual([expect.objectContaining({ op: 'task.log', durationSeconds: 30 })]);
  });

  it('C15 S3 closing the work item in wrap-up finishes the wrap-up', () => {
    const ended = run(talking(), [command({ command: 'end' })]).state;
    const { state, effects } = run(ended, [fromProvider({ type: 'workItemClosed' })]);
    expect(state.lifecycle).toBe('closed');
    expect(syncOps(effects).map((op) => op.op)).toEqual(['task.log']);
  });

  it('C15 declining the work in Salesforce returns the offer to its queue', () => {
    const { state, effects } = run(offered(), [fromProvider({ type: 'workItemClosed' })]);
    expect(state).toMatchObject({ lifecycle: 'closed', closedReason: 'declined' });
    expect(effectsOfKind(effects, 'routing')).toHaveLength(1);
    expect(syncOps(effects)).toEqual([]);
  });

  it('a recording that fails is shown as stopped', () => {
    const recording = run(talking(), [command({ command: 'recordStart' })]).state;
    const { state, effects } = run(recording, [fromProvider({ type: 'recordingFailed' })]);
    expect(state.recording).toBe(false);
    expect(effectsOfKind(effects, 'notice')[0]).toMatchObject({ notice: 'recordingFailed' });
    expect(refusal(machine.transition(state, fromProvider({ type: 'recordingFailed' })))).toBe('NOT_RECORDING');
  });

  it('a queue-recorded call starts out recording', () => {
    const state = applied(
      machine.transition(offered(defaultVoiceConfig, { recording: true }), command({ command: 'accept' }))
    ).state;
    expect(state.recording).toBe(true);
  });
});
