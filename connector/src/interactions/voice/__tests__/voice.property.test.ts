import fc from 'fast-check';
import type { Effect } from '../../kernel/effects';
import { parseWith } from '../../kernel/parse';
import {
  callOfferSchema,
  createVoiceMachine,
  dialInputSchema,
  normaliseToE164,
  voiceCommandSchema,
  voiceProviderEventSchema,
  type VoiceCommand,
  type VoiceMachine,
  type VoiceState
} from '..';
import { startArb, stepArb, toEvent } from './arbitraries';
import { AGENT } from './helpers';

const INVERSE: Partial<Record<VoiceCommand['command'], VoiceCommand['command']>> = {
  hold: 'resume',
  resume: 'hold',
  mute: 'unmute',
  unmute: 'mute',
  recordStart: 'recordStop',
  recordStop: 'recordStart',
  mask: 'unmask',
  unmask: 'mask'
};
const flags = (s: VoiceState) => ({ held: s.held, muted: s.muted, recording: s.recording, masked: s.masked });

function checkInvariants(state: VoiceState, machine: VoiceMachine): void {
  // V5: the hold timer runs exactly while held.
  expect(state.held).toBe(state.heldSince !== null);
  // V7: a conference is never held or masked, and refuses hold, mask and the keypad.
  if (state.conference.length > 0) {
    expect(state.held || state.masked).toBe(false);
    const refused = machine
      .allowedCommands(state, AGENT)
      .filter((c) => c.command === 'hold' || c.command === 'mask' || c.command === 'sendDigits');
    expect(refused.every((c) => !c.enabled && c.reason === 'IN_CONFERENCE')).toBe(true);
  }
  // V5: while consulting on a two-party call, the customer is on hold.
  if (state.consult && state.conference.length === 0) expect(state.held).toBe(true);
  expect(state.closedReason === null).toBe(state.lifecycle !== 'closed');
  // V14: the live transcript exists only while the call is up.
  if (state.lifecycle === 'wrapUp' || state.lifecycle === 'closed') expect(state.liveTranscript).toEqual([]);
  if (state.lifecycle === 'closed') expect(machine.allowedCommands(state, AGENT).every((c) => !c.enabled)).toBe(true);
}

describe('voice machine properties', () => {
  it('V2 V3 V7 a command runs only when enabled, a disabled one is refused with the reason shown; invariants hold', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 60_000 })), { minLength: 5, maxLength: 50 }),
        (start, steps) => {
          const machine = createVoiceMachine(start.config);
          let { state, at } = start;
          let taskLogs = 0;
          checkInvariants(state, machine);
          for (const [step, gap] of steps) {
            at += gap;
            const event = toEvent(step, at);
            const shown =
              event.source === 'agent'
                ? machine.allowedCommands(state, event.agentId).find((c) => c.command === event.command.command)
                : undefined;
            const result = machine.transition(state, event);
            if (event.source === 'agent') {
              expect(shown).toBeDefined();
              if (result.ok) expect(shown?.enabled).toBe(true);
              if (shown && !shown.enabled)
                expect(result).toMatchObject({ ok: false, rejection: { code: shown.reason } });
            }
            if (!result.ok) continue;
            // V3: the agent never ends a held call; only the customer or Salesforce can.
            if (event.source === 'agent' && state.held) expect(result.state.callState).not.toBe('ended');
            // V2: a toggle pressed again undoes itself.
            const inverse = event.source === 'agent' ? INVERSE[event.command.command] : undefined;
            if (event.source === 'agent' && inverse) {
              const undone = machine.transition(result.state, {
                ...event,
                command: { command: inverse } as VoiceCommand
              });
              expect(undone.ok).toBe(true);
              if (undone.ok) expect(flags(undone.state)).toEqual(flags(state));
            }
            taskLogs += result.effects.filter((e: Effect) => e.kind === 'sync' && e.operation.op === 'task.log').length;
            state = result.state;
            checkInvariants(state, machine);
          }
          // S5: at most one Task per call.
          expect(taskLogs).toBeLessThanOrEqual(1);
        }
      ),
      { numRuns: 1_500 }
    );
  });
});

describe('parsers never throw', () => {
  const parsesOrNamesPaths = (schema: Parameters<typeof parseWith>[0]) => (value: unknown) => {
    const parsed = parseWith(schema, value);
    if (parsed.ok) return;
    expect(parsed.rejection.code).toBe('INVALID_INPUT');
    expect(parsed.rejection.issues?.length).toBeGreaterThan(0);
    for (const issue of parsed.rejection.issues ?? []) expect(typeof issue.path).toBe('string');
  };

  it('the command parser parses or names the wrong paths for any JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrNamesPaths(voiceCommandSchema)), { numRuns: 10_000 });
  });

  it('the provider event parser parses or names the wrong paths for any JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrNamesPaths(voiceProviderEventSchema)), { numRuns: 10_000 });
  });

  it('the offer and dial parsers parse or name the wrong paths for any JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrNamesPaths(callOfferSchema)), { numRuns: 2_000 });
    fc.assert(fc.property(fc.jsonValue(), parsesOrNamesPaths(dialInputSchema)), { numRuns: 2_000 });
  });

  it('V9 normaliseToE164 yields E.164 or null for any text, and is stable on its own output', () => {
    const keyed = fc.stringMatching(/^\+?[0-9 ()\-./]{0,24}$/);
    const country = fc.constantFrom('US', 'GB', 'DE', 'FR', 'ES', 'NL', 'JP');
    fc.assert(
      fc.property(fc.oneof(fc.string(), keyed), country, (raw, home) => {
        const e164 = normaliseToE164(raw, home);
        if (e164 === null) return;
        expect(e164).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(normaliseToE164(e164, home)).toBe(e164);
      }),
      { numRuns: 5_000 }
    );
  });
});
