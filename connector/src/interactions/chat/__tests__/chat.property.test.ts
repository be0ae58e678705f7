import fc from 'fast-check';
import { parseWith } from '../../kernel/parse';
import type { ChatState } from '../state';
import { chatCommandSchema } from '../commands';
import { chatProviderEventSchema } from '../events';
import { chatAllowedCommands, chatTransition } from '../machine';
import { chatOfferSchema, offerChat } from '../offer';
import type { Effect } from '../../kernel/effects';
import type { ChatConfig } from '../config';
import {
  at,
  configArb,
  eventArb,
  luhnCheckDigit,
  offerArb,
  panArb,
  setupArb,
  textArb,
  type TimelessEvent
} from './arbitraries';

const T0 = 10_000;

/** Independent of the guard: every digit run (single separators allowed) and every 13–19 digit window in it. */
function containsPan(text: string): boolean {
  for (const run of text.match(/\d(?:[ \u00A0.-]?\d)*/g) ?? []) {
    const digits = run.replace(/\D/g, '').split('').map(Number);
    for (let start = 0; start < digits.length; start++) {
      for (let len = 13; len <= 19 && start + len <= digits.length; len++) {
        const window = digits.slice(start, start + len);
        if (luhnCheckDigit(window.slice(0, -1)) === window.at(-1)) return true;
      }
    }
  }
  return false;
}

/** Every piece of text a chat keeps or sends that a person or Salesforce could see. */
function visibleTexts(state: ChatState, effects: Effect[]): string[] {
  const texts = [state.details.notes, state.customer.name ?? ''];
  for (const line of state.transcript) {
    texts.push(line.text, line.author ?? '', line.pushedUrl ?? '');
    for (const a of line.attachments) texts.push(a.name, a.caption ?? '');
  }
  for (const effect of effects) {
    if (effect.kind === 'provider') texts.push(JSON.stringify(effect.args ?? {}));
    if (effect.kind === 'sync' && effect.operation.op === 'task.log') texts.push(effect.operation.details.notes);
  }
  return texts;
}

const scenario = fc.record({
  settings: configArb,
  offer: offerArb,
  setup: setupArb,
  events: fc.array(eventArb, { minLength: 1, maxLength: 40 })
});

/** The random valid state a scenario starts from: an offer taken through its setup steps. */
function startOf({
  settings,
  offer,
  setup
}: {
  settings: ChatConfig;
  offer: unknown;
  setup: TimelessEvent[];
}): ChatState {
  const created = offerChat(offer, T0, settings);
  if (!created.ok) throw new Error(created.rejection.code);
  let state = created.state;
  setup.forEach((step, k) => {
    const result = chatTransition(state, at(step, T0 + (k + 1) * 10));
    if (result.ok) state = result.state;
  });
  return state;
}

describe('chat machine properties', () => {
  it('luhnCheckDigit builds valid PANs (sanity of the generator)', () => {
    fc.assert(fc.property(panArb, (pan) => containsPan(pan)));
    expect(containsPan('4111 1111 1111 1111')).toBe(true);
    expect(containsPan('order 1234-5678, ref 99')).toBe(false);
  });

  it('a command is accepted only when enabled for that agent; a disabled one is refused with the same code', () => {
    fc.assert(
      fc.property(scenario, ({ settings, offer, setup, events }) => {
        let state = startOf({ settings, offer, setup });
        events.forEach((timeless, k) => {
          const event = at(timeless, T0 + (k + 1) * 1_000);
          const result = chatTransition(state, event);
          if (event.source === 'agent') {
            const availability = chatAllowedCommands(state, event.agentId).find(
              (c) => c.command === event.command.command
            );
            expect(availability).toBeDefined();
            if (result.ok) expect(availability?.enabled).toBe(true);
            if (!availability?.enabled) {
              expect(result.ok).toBe(false);
              if (!result.ok) expect(result.rejection.code).toBe(availability?.reason);
            }
          }
          if (result.ok) state = result.state;
        });
      }),
      { numRuns: 400 }
    );
  });

  it('C6 no Luhn-valid PAN ever appears in the transcript, notes or what is sent, in either mode', () => {
    fc.assert(
      fc.property(scenario, ({ settings, offer, setup, events }) => {
        let state = startOf({ settings, offer, setup });
        expect(visibleTexts(state, []).filter(containsPan)).toEqual([]);
        events.forEach((timeless, k) => {
          const result = chatTransition(state, at(timeless, T0 + (k + 1) * 1_000));
          if (!result.ok) return;
          state = result.state;
          expect(visibleTexts(state, result.effects).filter(containsPan)).toEqual([]);
        });
      }),
      { numRuns: 400 }
    );
  });

  it('a closed chat accepts no further command or event; only the owner ever ends or transfers', () => {
    fc.assert(
      fc.property(scenario, ({ settings, offer, setup, events }) => {
        let state = startOf({ settings, offer, setup });
        events.forEach((timeless, k) => {
          const event = at(timeless, T0 + (k + 1) * 1_000);
          const result = chatTransition(state, event);
          if (state.lifecycle === 'closed') expect(result.ok).toBe(false);
          if (event.source === 'agent' && ['end', 'transfer'].includes(event.command.command)) {
            if (event.agentId !== state.ownerAgentId) expect(result.ok).toBe(false);
          }
          if (result.ok) state = result.state;
        });
      }),
      { numRuns: 400 }
    );
  });

  it('the state stays coherent: lifecycle, closed reason, wrap-up step, conference and transfer agree', () => {
    fc.assert(
      fc.property(scenario, ({ settings, offer, setup, events }) => {
        let state = startOf({ settings, offer, setup });
        events.forEach((timeless, k) => {
          const result = chatTransition(state, at(timeless, T0 + (k + 1) * 1_000));
          if (!result.ok) return;
          state = result.state;
          expect(state.closedReason === null).toBe(state.lifecycle !== 'closed');
          expect(state.wrapUpStep === null).toBe(state.lifecycle !== 'wrapUp');
          if (state.lifecycle !== 'active') {
            expect(state.conference).toEqual([]);
            expect(state.pendingTransfer).toBeNull();
          }
          if (state.lifecycle === 'closed') expect(state.timers.handleResumedAt).toBeNull();
          expect(state.timers.handledMs).toBeGreaterThanOrEqual(0);
          expect(state.conference.length).toBeLessThanOrEqual(settings.maxConferenceAgents);
          expect(new Set(state.transcript.map((l) => l.id)).size).toBe(state.transcript.length);
        });
      }),
      { numRuns: 400 }
    );
  });
});

describe('chat parsers never throw', () => {
  const parsesOrNamesPaths = (schema: Parameters<typeof parseWith>[0]) => (value: unknown) => {
    const parsed = parseWith(schema, value);
    if (parsed.ok) return;
    expect(parsed.rejection.code).toBe('INVALID_INPUT');
    expect(parsed.rejection.issues?.length).toBeGreaterThan(0);
    for (const issue of parsed.rejection.issues ?? []) expect(issue.path).toMatch(/\S/);
  };

  it('the command parser takes 10,000 arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrNamesPaths(chatCommandSchema)), { numRuns: 10_000 });
  });

  it('the provider event parser takes 10,000 arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrNamesPaths(chatProviderEventSchema)), { numRuns: 10_000 });
  });

  it('the offer parser takes arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), parsesOrNamesPaths(chatOfferSchema)), { numRuns: 2_000 });
  });

  it('near-miss commands (a real command name with random args) are refused with paths under args', () => {
    const names = chatCommandSchema.options.map((o) => o.shape.command.value);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.jsonValue(), (command, args) => {
        const parsed = parseWith(chatCommandSchema, { command, args });
        if (parsed.ok) return;
        expect(
          parsed.rejection.issues?.every((i) => i.path === 'args' || i.path.startsWith('args.') || i.path === '(root)')
        ).toBe(true);
      }),
      { numRuns: 2_000 }
    );
  });

  it('texts with hidden PANs are generated (sanity)', () => {
    fc.assert(fc.property(textArb, (text) => typeof text === 'string'));
  });
});
