import fc from 'fast-check';
import { DIGITAL_CHANNELS, type Transition } from '../../kernel/types';
import { parseWith } from '../../kernel/parse';
import {
  createDigitalMachine,
  digitalCommandSchema,
  digitalProviderEventSchema,
  inboundMessageSchema,
  outboundMessageSchema,
  receiveInbound,
  startOutbound
} from '..';
import type { DigitalCommand, DigitalEvent, DigitalState } from '..';
import { ADDRESS, config, inboundEvent, PAN, T0 } from './fixtures';

const AGENTS = ['a1', 'a2', 'a3'] as const;
const QUEUES = ['q-support', 'q-billing', 'q-solo', 'q-omni', 'q-gone'] as const;
const TEXTS = ['Hello', 'Thanks 👍', `card ${PAN}`, '', 'x'.repeat(1_700)] as const;

const cfgArb = fc.constantFrom(config(), config({ pci: { mode: 'drop' } }), config({ dispositionRequired: false }));

const fileArb = fc.record({
  id: fc.constantFrom('f1', 'f2'),
  name: fc.constantFrom('photo.jpg', 'run.exe', `${PAN}.png`),
  contentType: fc.constant('image/png'),
  sizeBytes: fc.constantFrom(10, 10 * 1024 * 1024, 10 * 1024 * 1024 + 1)
});

const commandArb: fc.Arbitrary<DigitalCommand> = fc.oneof(
  fc.constant<DigitalCommand>({ command: 'open' }),
  fc.record({
    command: fc.constant('reply' as const),
    args: fc.record({ text: fc.constantFrom(...TEXTS), attachments: fc.array(fileArb, { maxLength: 2 }) })
  }),
  fc.constant<DigitalCommand>({ command: 'resolve' }),
  fc.record({ command: fc.constant('transfer' as const), args: fc.record({ queueId: fc.constantFrom(...QUEUES) }) }),
  fc.record({
    command: fc.constant('end' as const),
    args: fc.record(
      { disposition: fc.constantFrom('Answered', 'Spam'), notes: fc.constantFrom('ok', PAN) },
      { requiredKeys: [] }
    )
  }),
  fc.record({
    command: fc.constant('setDetails' as const),
    args: fc.record({ notes: fc.constantFrom('n', PAN), tags: fc.constant<string[]>(['vip']) })
  }),
  fc.constant<DigitalCommand>({ command: 'markRead' })
);

type Step =
  | { kind: 'agent'; agentId: string; command: DigitalCommand }
  | { kind: 'customer'; messageId: string; text: string }
  | { kind: 'failed'; pick: number }
  | { kind: 'workItemClosed' }
  | { kind: 'desk'; action: 'pause' | 'resume' }
  | { kind: 'clock' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('agent' as const),
      agentId: fc.constantFrom(...AGENTS),
      command: commandArb
    })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('customer' as const),
      messageId: fc.constantFrom('m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6'),
      text: fc.constantFrom(...TEXTS)
    })
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('failed' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'workItemClosed' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('desk' as const),
      action: fc.constantFrom('pause' as const, 'resume' as const)
    })
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'clock' as const }) }
);

function toEvent(step: Step, state: DigitalState, at: number): DigitalEvent {
  switch (step.kind) {
    case 'agent':
      return { source: 'agent', at, agentId: step.agentId, agentName: step.agentId, command: step.command };
    case 'customer':
      return {
        source: 'provider',
        at,
        event: { type: 'customerMessage', messageId: step.messageId, text: step.text, attachments: [] }
      };
    case 'failed': {
      const ids = state.transcript.map((e) => e.id);
      const messageId = ids.length === 0 ? 'none' : (ids[step.pick % ids.length] as string);
      return { source: 'provider', at, event: { type: 'deliveryFailed', messageId, reason: 'unreachable' } };
    }
    case 'workItemClosed':
      return { source: 'provider', at, event: { type: 'workItemClosed' } };
    case 'desk':
      return { source: 'desk', at, action: step.action };
    case 'clock':
      return { source: 'clock', at, timer: 'offer' };
  }
}

/** A valid starting state: an inbound conversation on any channel, or a sent outbound SMS or e-mail. */
const startArb = fc.oneof(
  fc.constantFrom(...DIGITAL_CHANNELS).map((channel) => ({ kind: 'inbound' as const, channel })),
  fc.constantFrom('email' as const, 'sms' as const).map((channel) => ({ kind: 'outbound' as const, channel }))
);

function start(spec: { kind: 'inbound' | 'outbound'; channel: string }, cfg: ReturnType<typeof config>): DigitalState {
  const t: Transition<DigitalState> =
    spec.kind === 'inbound'
      ? receiveInbound(inboundEvent({ channel: spec.channel, message: { id: 'm-0', text: `hi ${PAN}` } }), T0, cfg)
      : startOutbound(
          spec.channel === 'email'
            ? {
                channel: 'email',
                interactionId: 'd-1',
                interactionNumber: '1',
                senderId: 's-email',
                to: ADDRESS.email,
                subject: 's',
                body: 'b'
              }
            : {
                channel: 'sms',
                interactionId: 'd-1',
                interactionNumber: '1',
                senderId: 's-sms',
                to: ADDRESS.sms,
                text: 'b'
              },
          T0,
          cfg,
          { agentId: 'a1', agentName: 'a1' }
        );
  if (!t.ok) throw new Error(t.rejection.code);
  return t.state;
}

function checkInvariants(s: DigitalState): void {
  // The desk's view: active exactly while assigned; ended work is unassigned and out of the queue.
  expect(s.lifecycle === 'active').toBe(s.ownerAgentId !== null);
  if (s.lifecycle === 'closed') {
    expect(s.inQueue).toBe(false);
    expect(s.closedReason).toBe('completed');
  } else {
    expect(s.closedReason).toBeNull();
  }
  // D8: anything not resolved and not ended waits in the queue.
  if (s.status !== 'Resolved' && s.lifecycle !== 'closed') expect(s.inQueue).toBe(true);
  // D8: New means no agent has written; an agent's message as the latest message means Resolved.
  // (A customer message dropped by the PCI guard leaves its 'message_blocked' line.)
  const messages = s.transcript.filter(
    (e) => e.from === 'agent' || e.from === 'customer' || e.systemEvent === 'message_blocked'
  );
  if (s.status === 'New') expect(messages.some((e) => e.from === 'agent')).toBe(false);
  if (messages.at(-1)?.from === 'agent') expect(s.status).toBe('Resolved');
  // A6: only assigned work can be paused, and then its clock is stopped.
  if (s.pausedByCall) {
    expect(s.ownerAgentId).not.toBeNull();
    expect(s.timers.handleResumedAt).toBeNull();
  }
  expect(s.unread).toBeGreaterThanOrEqual(0);
  expect(s.timers.handledMs).toBeGreaterThanOrEqual(0);
  // C6: no card number anywhere in what is stored, whatever the mode.
  expect(JSON.stringify(s)).not.toContain('4111 1111 1111');
}

describe('digital machine properties', () => {
  it('commands: accepted only when listed as enabled, refused with the listed reason otherwise; invariants hold', () => {
    fc.assert(
      fc.property(cfgArb, startArb, fc.array(stepArb, { maxLength: 40 }), (cfg, spec, steps) => {
        const machine = createDigitalMachine(cfg);
        let state = start(spec, cfg);
        checkInvariants(state);
        let at = T0;
        for (const step of steps) {
          at += 1_000;
          const event = toEvent(step, state, at);
          const t = machine.transition(state, event);
          if (event.source === 'agent') {
            const listed = machine
              .allowedCommands(state, event.agentId)
              .find((c) => c.command === event.command.command);
            expect(listed).toBeDefined();
            if (t.ok) expect(listed?.enabled).toBe(true);
            if (listed?.enabled === false) expect(t.ok ? null : t.rejection.code).toBe(listed.reason);
          }
          if (!t.ok) continue;
          state = t.state;
          checkInvariants(state);
          expect(JSON.stringify(t.effects)).not.toContain('4111 1111 1111');
        }
      }),
      { numRuns: 300 }
    );
  });

  it('D8 over any sequence of agent replies and customer messages: New until the first reply, then Resolved after a reply and Open after a customer message; in the queue iff not Resolved', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIGITAL_CHANNELS),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (channel, agentTurns) => {
          const cfg = config();
          const machine = createDigitalMachine(cfg);
          let state = start({ kind: 'inbound', channel }, cfg);
          const open = machine.transition(state, {
            source: 'agent',
            at: T0,
            agentId: 'a1',
            agentName: 'A',
            command: { command: 'open' }
          });
          if (!open.ok) throw new Error(open.rejection.code);
          state = open.state;
          let replied = false;
          agentTurns.forEach((agentTurn, k) => {
            const at = T0 + (k + 1) * 1_000;
            const event: DigitalEvent = agentTurn
              ? {
                  source: 'agent',
                  at,
                  agentId: 'a1',
                  agentName: 'A',
                  command: { command: 'reply', args: { text: 'ok', attachments: [] } }
                }
              : {
                  source: 'provider',
                  at,
                  event: { type: 'customerMessage', messageId: `c-${k}`, text: 'hi', attachments: [] }
                };
            const t = machine.transition(state, event);
            if (!t.ok) throw new Error(t.rejection.code);
            state = t.state;
            replied ||= agentTurn;
            const expected = !replied ? 'New' : agentTurn ? 'Resolved' : 'Open';
            expect(state.status).toBe(expected);
            expect(state.inQueue).toBe(state.status !== 'Resolved');
          });
        }
      ),
      { numRuns: 500 }
    );
  });

  const expectParsesOrNamesPaths = (schema: Parameters<typeof parseWith>[0]) =>
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseWith(schema, value);
        if (!parsed.ok) {
          expect(parsed.rejection.code).toBe('INVALID_INPUT');
          expect(parsed.rejection.issues?.length).toBeGreaterThan(0);
          for (const issue of parsed.rejection.issues ?? []) expect(issue.path.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 10_000 }
    );

  it('fuzz: the command parser parses or names the wrong paths, never throws', () => {
    expectParsesOrNamesPaths(digitalCommandSchema);
  });

  it('fuzz: the provider event parser parses or names the wrong paths, never throws', () => {
    expectParsesOrNamesPaths(digitalProviderEventSchema);
  });

  it('fuzz: the inbound and outbound parsers parse or name the wrong paths, never throw', () => {
    expectParsesOrNamesPaths(inboundMessageSchema);
    expectParsesOrNamesPaths(outboundMessageSchema);
  });

  it('fuzz: near-valid commands are refused with the wrong field named', () => {
    fc.assert(
      fc.property(
        fc.record({
          command: fc.constantFrom('reply', 'transfer', 'end', 'setDetails'),
          args: fc.dictionary(fc.constantFrom('text', 'queueId', 'notes', 'whoId', 'x'), fc.jsonValue())
        }),
        (value) => {
          const parsed = parseWith(digitalCommandSchema, value);
          if (!parsed.ok) expect(parsed.rejection.issues?.every((i) => i.path.startsWith('args'))).toBe(true);
        }
      ),
      { numRuns: 2_000 }
    );
  });
});
