import { createVoiceMachine, NEVER_STORED_VOICE_FIELDS } from '..';
import { T0, command, consulting, fromProvider, refusal, run, talking, withConfig, dialling } from './helpers';

const machine = createVoiceMachine();
const segment = (segmentId: string, side: 'agent' | 'customer', text: string, final = true) =>
  fromProvider({ type: 'transcriptSegment', segmentId, side, text, final }, T0 + 2_000);

describe('live transcript', () => {
  it('V14 shows both sides by default, revising interim segments in place', () => {
    const { state } = run(talking(), [
      segment('s1', 'customer', 'Hello, I need hel', false),
      segment('s2', 'agent', 'Hi, how can I help?'),
      segment('s1', 'customer', 'Hello, I need help')
    ]);
    expect(state.liveTranscript.map((s) => [s.id, s.side, s.text, s.final])).toEqual([
      ['s1', 'customer', 'Hello, I need help', true],
      ['s2', 'agent', 'Hi, how can I help?', true]
    ]);
  });

  it('V14 shows only the configured side', () => {
    const config = withConfig({ liveTranscript: { sides: 'customer' } });
    const customerOnly = createVoiceMachine(config);
    const call = talking(config);
    expect(refusal(customerOnly.transition(call, segment('s1', 'agent', 'Hi')))).toBe('TRANSCRIPT_SIDE_HIDDEN');
    expect(customerOnly.transition(call, segment('s1', 'customer', 'Hi')).ok).toBe(true);
    const none = withConfig({ liveTranscript: { sides: 'none' } });
    expect(refusal(createVoiceMachine(none).transition(talking(none), segment('s1', 'customer', 'Hi')))).toBe(
      'TRANSCRIPT_SIDE_HIDDEN'
    );
  });

  it('V14 pauses on hold (and during a consult, when the customer is held) and while masked', () => {
    const held = run(talking(), [command({ command: 'hold' })]).state;
    expect(refusal(machine.transition(held, segment('s1', 'customer', 'hi')))).toBe('TRANSCRIPT_PAUSED');
    expect(refusal(machine.transition(consulting(), segment('s1', 'agent', 'hi')))).toBe('TRANSCRIPT_PAUSED');
    const masked = run(talking(), [command({ command: 'mask' })]).state;
    expect(refusal(machine.transition(masked, segment('s1', 'customer', 'my card is')))).toBe('TRANSCRIPT_PAUSED');
  });

  it('V14 C6 spoken card numbers are redacted before they are shown', () => {
    const { state } = run(talking(), [segment('s1', 'customer', 'it is 4111 1111 1111 1111')]);
    expect(state.liveTranscript[0]?.text).toBe('it is **** **** **** 1111');
  });

  it('V14 redacts even when the PCI setting drops messages: a spoken line cannot be unsaid', () => {
    const config = withConfig({ pci: { mode: 'drop' } });
    const { state } = run(talking(config), [segment('s1', 'customer', '4111111111111111')], config);
    expect(state.liveTranscript[0]?.text).toBe('************1111');
  });

  it('V14 is shown during the call only: cleared when it ends, and marked as never stored', () => {
    const { state } = run(talking(), [segment('s1', 'customer', 'Hello'), command({ command: 'end' })]);
    expect(state.liveTranscript).toEqual([]);
    expect(state.transcript).toEqual([]);
    expect(NEVER_STORED_VOICE_FIELDS).toContain('liveTranscript');
    expect(refusal(machine.transition(state, segment('s2', 'customer', 'late')))).toBe('CALL_ENDED');
  });

  it('V14 keeps the most recent segments only', () => {
    const config = withConfig({ liveTranscript: { maxSegments: 2 } });
    const { state } = run(
      talking(config),
      [segment('a', 'customer', '1'), segment('b', 'customer', '2'), segment('c', 'customer', '3')],
      config
    );
    expect(state.liveTranscript.map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('V14 nothing is transcribed before the call connects', () => {
    expect(refusal(machine.transition(dialling(), segment('s1', 'customer', 'hi')))).toBe('CALL_NOT_CONNECTED');
  });
});
