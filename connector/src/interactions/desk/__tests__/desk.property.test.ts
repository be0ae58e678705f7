// Property tests over random mixes of presence changes, offers, dials, commands, provider and clock events on one desk.
import fc from 'fast-check';
import type { AnyInteraction } from '../../registry';
import type { DeskEvent } from '../machine';
import { capacityUsed } from '../eligibility';
import { isOpen, type DeskState } from '../state';
import { T0, available, callOffer, chatOffer, emailInQueue, runtime, type Core } from './fixtures';

const config = { desk: { capacity: { voice: 1, chat: 2, digital: 2, total: 4 }, interruptibleByCall: ['email'] } };

/** A step names what to do; ids are resolved against the desk at run time so steps stay meaningful. */
type Step =
  | { kind: 'presence'; command: 'goAvailable' | 'goBusy' | 'goOffline' }
  | { kind: 'offerCall' | 'offerChat' | 'takeEmail' }
  | { kind: 'dial'; hold: boolean; emergency: boolean }
  | { kind: 'command'; pick: number; command: string }
  | { kind: 'provider'; pick: number; event: 'hangUp' | 'connected' | 'customerLeft' | 'customerMessage' }
  | { kind: 'clock'; pick: number; timer: 'offer' | 'wrapUp' };

const COMMANDS = [
  'accept',
  'decline',
  'hold',
  'resume',
  'mute',
  'unmute',
  'mask',
  'unmask',
  'recordStart',
  'recordStop',
  'sendDigits',
  'end',
  'wrapUpDone',
  'send',
  'done',
  'reply',
  'resolve',
  'setDetails',
  'open',
  'markRead'
];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('presence' as const),
    command: fc.constantFrom('goAvailable' as const, 'goBusy' as const, 'goOffline' as const)
  }),
  fc.record({ kind: fc.constantFrom('offerCall' as const, 'offerChat' as const, 'takeEmail' as const) }),
  fc.record({ kind: fc.constant('dial' as const), hold: fc.boolean(), emergency: fc.boolean() }),
  fc.record({ kind: fc.constant('command' as const), pick: fc.nat(), command: fc.constantFrom(...COMMANDS) }),
  fc.record({
    kind: fc.constant('provider' as const),
    pick: fc.nat(),
    event: fc.constantFrom('hangUp' as const, 'connected' as const, 'customerLeft' as const, 'customerMessage' as const)
  }),
  fc.record({
    kind: fc.constant('clock' as const),
    pick: fc.nat(),
    timer: fc.constantFrom('offer' as const, 'wrapUp' as const)
  })
);

/** Steps among calls only, so that two calls, holds and resumes meet often. */
const callStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('offerCall' as const) }),
  fc.record({ kind: fc.constant('dial' as const), hold: fc.boolean(), emergency: fc.constant(false) }),
  fc.record({
    kind: fc.constant('command' as const),
    pick: fc.nat(),
    command: fc.constantFrom('accept', 'hold', 'resume', 'end', 'wrapUpDone')
  }),
  fc.record({
    kind: fc.constant('provider' as const),
    pick: fc.nat(),
    event: fc.constantFrom('hangUp' as const, 'connected' as const)
  })
);

function argsFor(command: string): Record<string, unknown> | undefined {
  switch (command) {
    case 'sendDigits':
      return { digits: '12#' };
    case 'send':
    case 'reply':
      return { text: 'Thanks for waiting' };
    case 'setDetails':
      return { notes: 'called back' };
    default:
      return undefined;
  }
}

function toEvent(
  core: Core,
  desk: DeskState<AnyInteraction>,
  s: Step,
  n: number,
  at: number
): DeskEvent<AnyInteraction> | null {
  const ids = Object.keys(desk.interactions).sort();
  const pickId = (pick: number) => (ids.length === 0 ? null : (ids[pick % ids.length] as string));
  switch (s.kind) {
    case 'presence':
      return {
        type: 'presenceCommand',
        at,
        command: s.command === 'goBusy' ? { command: 'goBusy', args: { reasonCode: 'Break' } } : { command: s.command }
      };
    case 'offerCall':
      return callOffer(core, `c${n}`, at);
    case 'offerChat':
      return chatOffer(core, `ch${n}`, at);
    case 'takeEmail':
      return { type: 'take', at, interaction: emailInQueue(core, `e${n}`, at), command: { command: 'open' } };
    case 'dial':
      return {
        type: 'dial',
        at,
        request: { interactionId: `o${n}`, number: s.emergency ? '911' : '+14155550111', holdActiveCall: s.hold }
      };
    case 'command': {
      const id = pickId(s.pick);
      if (!id) return null;
      const args = argsFor(s.command);
      return {
        type: 'command',
        at,
        interactionId: id,
        command: args ? { command: s.command, args } : { command: s.command }
      };
    }
    case 'provider': {
      const id = pickId(s.pick);
      if (!id) return null;
      const channel = desk.interactions[id]?.channel;
      const event =
        channel === 'voice'
          ? s.event === 'connected'
            ? { type: 'callConnected', interactionId: id }
            : { type: 'customerHungUp', interactionId: id }
          : channel === 'chat'
            ? s.event === 'customerMessage'
              ? { type: 'customer.message', text: 'still there?', attachments: [] }
              : { type: 'customer.left' }
            : {
                type: 'customerMessage',
                interactionId: id,
                message: { id: `m${n}`, text: 'any news?', attachments: [] }
              };
      return { type: 'provider', at, interactionId: id, event };
    }
    case 'clock': {
      const id = pickId(s.pick);
      return id ? { type: 'clock', at, interactionId: id, timer: s.timer } : null;
    }
  }
}

function run(
  steps: Step[],
  check: (
    before: DeskState<AnyInteraction>,
    event: DeskEvent<AnyInteraction>,
    accepted: boolean,
    after: DeskState<AnyInteraction>
  ) => void
) {
  const core = runtime(config);
  let desk = available(core);
  steps.forEach((s, n) => {
    const event = toEvent(core, desk, s, n, T0 + 1_000 * (n + 1));
    if (!event) return;
    const r = core.desk.transition(desk, event);
    check(desk, event, r.ok, r.ok ? r.state : desk);
    if (r.ok) desk = r.state;
  });
}

describe('desk properties', () => {
  it('no interaction command outside allowedCommands is ever accepted; a disabled one is always refused', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const core = runtime(config);
        run(steps, (before, event, accepted) => {
          if (event.type !== 'command') return;
          const listed = core.desk.allowedCommands(before).interactions[event.interactionId] ?? [];
          const entry = listed.find((c) => c.command === event.command.command);
          if (accepted) expect(entry?.enabled).toBe(true);
          if (entry && !entry.enabled) expect(accepted).toBe(false);
        });
      }),
      { numRuns: 300 }
    );
  });

  it('V11 resuming a held call never leaves two of the agent’s calls live', () => {
    const live = (desk: DeskState<AnyInteraction>) =>
      Object.values(desk.interactions).filter((i) => i.channel === 'voice' && i.lifecycle === 'active' && !i.held);
    fc.assert(
      fc.property(fc.array(callStep, { maxLength: 40 }), (steps) => {
        run(steps, (_before, event, accepted, after) => {
          if (accepted && event.type === 'command' && event.command.command === 'resume') {
            expect(live(after).length).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 300 }
    );
  });

  it('A4 in RONA no offer of any channel is delivered until the agent’s own status change', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        run(steps, (before, event, accepted) => {
          if (before.presence.status === 'RONA' && event.type === 'offer') expect(accepted).toBe(false);
          if (before.presence.status === 'RONA' && accepted) {
            // Only the agent's own choice leaves RONA.
            const left = event.type !== 'presenceCommand';
            if (left) expect(before.presence.status).toBe('RONA');
          }
        });
      }),
      { numRuns: 300 }
    );
  });

  it('A4 leaving RONA happens only through a presence command', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        run(steps, (before, event, accepted, after) => {
          if (before.presence.status === 'RONA' && after.presence.status !== 'RONA') {
            expect(accepted).toBe(true);
            expect(event.type).toBe('presenceCommand');
          }
        });
      }),
      { numRuns: 300 }
    );
  });

  it('A5 capacity per channel and in total is never exceeded by inbound work (interruptible work aside, A6)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        run(steps, (_before, _event, _accepted, after) => {
          // A3/V10: outbound and emergency calls are the agent's own and never limited by capacity; the rest is.
          const open = Object.values(after.interactions).filter((i) => isOpen(i) && i.direction !== 'outbound');
          const used = capacityUsed(open);
          expect(used.voice).toBeLessThanOrEqual(config.desk.capacity.voice);
          expect(used.chat).toBeLessThanOrEqual(config.desk.capacity.chat);
          expect(used.digital).toBeLessThanOrEqual(config.desk.capacity.digital);
          // A6: interruptible work holds no capacity against a call.
          const nonInterruptible = capacityUsed(open.filter((i) => i.channel !== 'email'));
          expect(nonInterruptible.total).toBeLessThanOrEqual(config.desk.capacity.total);
        });
      }),
      { numRuns: 300 }
    );
  });

  it('A5 inbound offers are never accepted beyond capacity', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        run(steps, (before, event, accepted) => {
          if (event.type !== 'offer' || !accepted) return;
          const used = capacityUsed(Object.values(before.interactions).filter(isOpen));
          if (event.interaction.channel === 'chat') expect(used.chat).toBeLessThan(config.desk.capacity.chat);
          if (event.interaction.channel === 'voice') expect(used.voice).toBeLessThan(config.desk.capacity.voice);
          expect(before.presence.status).toBe('Available');
        });
      }),
      { numRuns: 300 }
    );
  });
});
