import { createVoiceMachine, VOICE_COMMANDS, type VoiceCommand } from '..';
import {
  AGENT,
  OTHER_AGENT,
  T0,
  command,
  conferencing,
  consulting,
  dialling,
  effectsOfKind,
  providerActions,
  refusal,
  run,
  talking
} from './helpers';

const machine = createVoiceMachine();
const availability = (state: ReturnType<typeof talking>, name: string) =>
  machine.allowedCommands(state, AGENT).find((c) => c.command === name);
const flags = (state: ReturnType<typeof talking>) => ({
  held: state.held,
  muted: state.muted,
  recording: state.recording,
  masked: state.masked
});

describe('call controls', () => {
  it('V2 the panel gets every command of the channel, each enabled or with its reason', () => {
    const listed = machine.allowedCommands(talking(), AGENT);
    expect(listed.map((c) => c.command)).toEqual([...VOICE_COMMANDS]);
    for (const c of listed) expect(c.enabled || (c.reason !== undefined && c.labelKey !== undefined)).toBe(true);
  });

  it.each([
    ['hold', 'resume'],
    ['mute', 'unmute'],
    ['recordStart', 'recordStop'],
    ['mask', 'unmask']
  ] as const)('V2 %s pressed again (%s) undoes itself', (on, off) => {
    const start = talking();
    const once = run(start, [command({ command: on })]);
    expect(flags(once.state)).not.toEqual(flags(start));
    expect(providerActions(once.effects)).toEqual([on]);
    expect(availability(once.state, on)).toMatchObject({ enabled: false });
    expect(availability(once.state, off)).toMatchObject({ enabled: true });
    const twice = run(once.state, [command({ command: off })]);
    expect(flags(twice.state)).toEqual(flags(start));
    expect(providerActions(twice.effects)).toEqual([off]);
  });

  it('V2 a toggle in the state it already has is refused with the reason', () => {
    const code = (cmd: VoiceCommand) => refusal(machine.transition(talking(), command(cmd)));
    expect(code({ command: 'resume' })).toBe('NOT_ON_HOLD');
    expect(code({ command: 'unmute' })).toBe('NOT_MUTED');
    expect(code({ command: 'recordStop' })).toBe('NOT_RECORDING');
    expect(code({ command: 'unmask' })).toBe('NOT_MASKED');
  });

  it('V5 the hold timer starts when the call is held and stops on resume', () => {
    const held = run(talking(), [command({ command: 'hold' }, T0 + 4_000)]).state;
    expect(held).toMatchObject({ held: true, heldSince: T0 + 4_000 });
    const resumed = run(held, [command({ command: 'resume' }, T0 + 9_000)]).state;
    expect(resumed).toMatchObject({ held: false, heldSince: null });
  });

  it('V3 a held call cannot be ended, and End says why', () => {
    const held = run(talking(), [command({ command: 'hold' })]).state;
    expect(refusal(machine.transition(held, command({ command: 'end' })))).toBe('CALL_ON_HOLD');
    expect(availability(held, 'end')).toEqual({
      command: 'end',
      enabled: false,
      reason: 'CALL_ON_HOLD',
      labelKey: 'Reason_CallOnHold'
    });
    const ended = run(held, [command({ command: 'resume' }), command({ command: 'end' })]).state;
    expect(ended.callState).toBe('ended');
  });

  it('V2 DTMF keys go to the customer, and not while the customer is on hold', () => {
    const { effects } = run(talking(), [command({ command: 'sendDigits', args: { digits: '1234#' } })]);
    expect(effectsOfKind(effects, 'provider')).toEqual([
      expect.objectContaining({ action: 'sendDigits', args: { digits: '1234#', leg: 'customer' } })
    ]);
    const held = run(talking(), [command({ command: 'hold' })]).state;
    const keys = command({ command: 'sendDigits', args: { digits: '1' } });
    expect(refusal(machine.transition(held, keys))).toBe('CALL_ON_HOLD');
  });

  it('V2 DTMF keys reach the consulted party while a consult is up (to get through its menu)', () => {
    const { effects } = run(consulting(), [command({ command: 'sendDigits', args: { digits: '3' } })]);
    expect(effectsOfKind(effects, 'provider')[0]?.args).toEqual({ digits: '3', leg: 'consult' });
  });

  it.each(['hold', 'mask', 'sendDigits'] as const)('V7 %s is refused in a conference', (name) => {
    const conference = conferencing();
    const cmd: VoiceCommand =
      name === 'sendDigits' ? { command: 'sendDigits', args: { digits: '5' } } : { command: name };
    expect(refusal(machine.transition(conference, command(cmd)))).toBe('IN_CONFERENCE');
    expect(availability(conference, name)).toMatchObject({ enabled: false, reason: 'IN_CONFERENCE' });
  });

  it('V7 mute and recording still work in a conference', () => {
    const { state } = run(conferencing(), [command({ command: 'mute' }), command({ command: 'recordStart' })]);
    expect(state).toMatchObject({ muted: true, recording: true });
  });

  it('an outbound call still ringing out can be muted or cancelled, but not held', () => {
    const ringing = dialling();
    expect(refusal(machine.transition(ringing, command({ command: 'hold' })))).toBe('CALL_NOT_CONNECTED');
    expect(run(ringing, [command({ command: 'mute' })]).state.muted).toBe(true);
    const cancelled = run(ringing, [command({ command: 'end' })]);
    expect(cancelled.state).toMatchObject({ lifecycle: 'wrapUp', callState: 'ended', endedBy: 'agent' });
    expect(providerActions(cancelled.effects)).toEqual(['end']);
  });

  it('only the owner controls the call', () => {
    expect(refusal(machine.transition(talking(), command({ command: 'hold' }, T0, OTHER_AGENT)))).toBe('NOT_OWNER');
    expect(machine.allowedCommands(talking(), OTHER_AGENT).every((c) => !c.enabled)).toBe(true);
  });

  it('A6 a call is never paused by the desk', () => {
    expect(refusal(machine.transition(talking(), { source: 'desk', at: T0, action: 'pause' }))).toBe(
      'CALL_NOT_PAUSABLE'
    );
  });
});
