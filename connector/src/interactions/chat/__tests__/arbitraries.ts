// fast-check generators for chat property tests: settings, card numbers hidden in text, and events of every kind.
import fc from 'fast-check';
import type { ChatAttachment, ChatCommand } from '../commands';
import { chatConfigSchema, MAX_ATTACHMENT_BYTES, type ChatConfig } from '../config';
import type { ChatProviderEvent } from '../events';
import type { ChatEvent } from '../machine';

export const AGENTS = ['agent-ann', 'agent-bob', 'agent-cem'] as const;

/** Luhn check digit for a payload (the digits before it). */
export function luhnCheckDigit(payload: readonly number[]): number {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload[i] as number;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A Luhn-valid PAN of 13–19 digits, written plainly or grouped with single spaces, dashes, dots or NBSPs. */
export const panArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 }),
    fc.constantFrom('', ' ', '-', '.', '\u00A0'),
    fc.integer({ min: 3, max: 6 })
  )
  .map(([payload, separator, group]) => {
    const digits = [...payload, luhnCheckDigit(payload)].join('');
    if (separator === '') return digits;
    const groups: string[] = [];
    for (let i = 0; i < digits.length; i += group) groups.push(digits.slice(i, i + group));
    return groups.join(separator);
  });

/** Random text that often hides one or more valid PANs. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 20 }), panArb, fc.string({ maxLength: 20 }), fc.option(panArb, { nil: '' }))
      .map(([a, pan, b, pan2]) => `${a}${pan}${b}${pan2}`),
    weight: 3
  }
);

const nameArb = fc.oneof(
  fc.constantFrom('Ann', 'Bob', 'Cem'),
  textArb.filter((s) => s.length > 0 && s.length <= 200)
);

const fileArb = fc.record({
  id: fc.constantFrom('f1', 'f2', 'f3'),
  name: fc.oneof(
    fc.constantFrom('a.pdf', 'setup.exe', 'photo.png'),
    panArb.map((p) => `card-${p}.png`)
  ),
  contentType: fc.constantFrom('application/pdf', 'image/png', 'application/x-msdownload'),
  sizeBytes: fc.constantFrom(10, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES + 1)
});
/** Mostly no files, so that messages get through often enough to matter. */
const filesArb: fc.Arbitrary<ChatAttachment[]> = fc.oneof(
  { arbitrary: fc.constant<ChatAttachment[]>([]), weight: 3 },
  fc.array(fileArb, { minLength: 1, maxLength: 2 })
);

const commandArb: fc.Arbitrary<ChatCommand> = fc.oneof(
  { arbitrary: fc.constant({ command: 'accept' as const }), weight: 2 },
  fc.constant({ command: 'decline' as const }),
  {
    arbitrary: fc.record({
      command: fc.constant('send' as const),
      args: fc.record({ text: textArb, attachments: filesArb })
    }),
    weight: 4
  },
  fc.record({
    command: fc.constant('pushPage' as const),
    args: fc.record({
      url: fc.oneof(
        fc.constantFrom('https://example.com/help', 'javascript:alert(1)', 'ftp://x.org'),
        panArb.map((p) => `https://pay.example.com/?n=${p}`)
      )
    })
  }),
  fc.record({
    command: fc.constant('transfer' as const),
    args: fc.record({
      target: fc.oneof(
        fc.record({ kind: fc.constant('queue' as const), queueId: fc.constantFrom('q-1', 'q-2') }),
        fc.record({ kind: fc.constant('agent' as const), agentId: fc.constantFrom(...AGENTS) }),
        fc.record({ kind: fc.constant('supervisor' as const), agentId: fc.constantFrom(...AGENTS) })
      )
    })
  }),
  {
    arbitrary: fc.record({
      command: fc.constant('conferenceInvite' as const),
      args: fc.record({ agentId: fc.constantFrom(...AGENTS) })
    }),
    weight: 2
  },
  fc.constant({ command: 'conferenceEnd' as const }),
  fc.constant({ command: 'conferenceLeave' as const }),
  fc.constant({ command: 'end' as const }),
  fc.record({
    command: fc.constant('setDetails' as const),
    args: fc.record(
      {
        dispositions: fc.subarray(['Resolved', 'Refund', 'Callback']),
        tags: fc.subarray(['vip', 'billing']),
        notes: textArb
      },
      { requiredKeys: [] }
    )
  }),
  fc.record({ command: fc.constant('setTranscriptEmail' as const), args: fc.record({ enabled: fc.boolean() }) }),
  fc.constant({ command: 'done' as const }),
  fc.record({
    command: fc.constant('followUpConfirm' as const),
    args: fc.record({ queueId: fc.constantFrom('q-f', 'q-x') })
  }),
  fc.constant({ command: 'followUpStop' as const }),
  fc.constant({ command: 'followUpCancel' as const })
);

const providerEventArb: fc.Arbitrary<ChatProviderEvent> = fc.oneof(
  {
    arbitrary: fc.record({ type: fc.constant('customer.message' as const), text: textArb, attachments: filesArb }),
    weight: 8
  },
  fc.constant({ type: 'customer.left' as const }),
  fc.record({
    type: fc.constant('transfer.accepted' as const),
    agentId: fc.constantFrom(...AGENTS),
    agentName: nameArb
  }),
  { arbitrary: fc.constant({ type: 'transfer.declined' as const }), weight: 2 },
  {
    arbitrary: fc.record({
      type: fc.constant('conference.accepted' as const),
      agentId: fc.constantFrom(...AGENTS),
      agentName: nameArb
    }),
    weight: 4
  },
  fc.record({ type: fc.constant('conference.declined' as const), agentId: fc.constantFrom(...AGENTS) }),
  fc.record({ type: fc.constant('conference.left' as const), agentId: fc.constantFrom(...AGENTS) }),
  fc.constant({ type: 'workItem.closed' as const })
);

/** One event, without its instant (the sequence gives each event a later one). */
export type TimelessEvent =
  | { source: 'agent'; agentId: string; agentName: string; command: ChatCommand }
  | { source: 'provider'; event: ChatProviderEvent }
  | { source: 'clock'; timer: 'offer' | 'wrapUp' }
  | { source: 'desk'; action: 'pause' | 'resume' };

export const eventArb: fc.Arbitrary<TimelessEvent> = fc.oneof(
  {
    // The owner acts most, so sequences get deep into the chat's life.
    arbitrary: fc.record({
      source: fc.constant('agent' as const),
      agentId: fc.constantFrom<string>('agent-ann', 'agent-ann', 'agent-ann', 'agent-bob', 'agent-cem'),
      agentName: nameArb,
      command: commandArb
    }),
    weight: 8
  },
  { arbitrary: fc.record({ source: fc.constant('provider' as const), event: providerEventArb }), weight: 4 },
  {
    arbitrary: fc.record({
      source: fc.constant('clock' as const),
      timer: fc.constantFrom('offer' as const, 'wrapUp' as const)
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      source: fc.constant('desk' as const),
      action: fc.constantFrom('pause' as const, 'resume' as const)
    }),
    weight: 1
  }
);

export const at = (event: TimelessEvent, instant: number): ChatEvent => ({ ...event, at: instant }) as ChatEvent;

export const configArb: fc.Arbitrary<ChatConfig> = fc
  .record({
    pci: fc.record({ mode: fc.constantFrom('redact' as const, 'drop' as const) }),
    dispositionRequired: fc.boolean(),
    followUp: fc.record({ enabled: fc.boolean(), queueIds: fc.constantFrom([], ['q-f']) }),
    wrapUpTimeoutMs: fc.constantFrom(null, 60_000),
    maxConferenceAgents: fc.integer({ min: 1, max: 3 })
  })
  .map((raw) => chatConfigSchema.parse(raw));

export const offerArb = fc.record({
  type: fc.constant('chat.offered'),
  interactionId: fc.constant('chat-p'),
  agentId: fc.constant('agent-ann'),
  queueId: fc.constant('q-1'),
  customer: fc.record({
    id: fc.constant('visitor-1'),
    name: fc.option(nameArb, { nil: null }),
    email: fc.constantFrom(null, 'c@example.com')
  }),
  waitingSince: fc.constant(1_000),
  botTranscript: fc.array(
    fc.record({
      at: fc.constant(1_000),
      from: fc.constantFrom('bot' as const, 'customer' as const),
      author: fc.constant(null),
      text: textArb
    }),
    { maxLength: 3 }
  )
});

const ann = (command: ChatCommand): TimelessEvent => ({
  source: 'agent',
  agentId: 'agent-ann',
  agentName: 'Ann',
  command
});
const reported = (event: ChatProviderEvent): TimelessEvent => ({ source: 'provider', event });

/**
 * Ways to reach each stage of a chat's life, so random sequences start from every kind of state, not only fresh
 * offers (most random events would otherwise end a chat early). A step the settings refuse is simply skipped.
 */
export const setupArb: fc.Arbitrary<TimelessEvent[]> = fc.constantFrom<TimelessEvent[]>(
  [],
  [ann({ command: 'accept' })],
  [ann({ command: 'accept' }), ann({ command: 'conferenceInvite', args: { agentId: 'agent-bob' } })],
  [
    ann({ command: 'accept' }),
    ann({ command: 'conferenceInvite', args: { agentId: 'agent-bob' } }),
    reported({ type: 'conference.accepted', agentId: 'agent-bob', agentName: 'Bob' })
  ],
  [ann({ command: 'accept' }), ann({ command: 'transfer', args: { target: { kind: 'queue', queueId: 'q-2' } } })],
  [ann({ command: 'accept' }), { source: 'desk', action: 'pause' }],
  [ann({ command: 'accept' }), ann({ command: 'end' })],
  [
    ann({ command: 'accept' }),
    reported({ type: 'customer.left' }),
    ann({ command: 'setDetails', args: { dispositions: ['Resolved'] } })
  ],
  [
    ann({ command: 'accept' }),
    ann({ command: 'end' }),
    ann({ command: 'setDetails', args: { dispositions: ['Resolved'] } }),
    ann({ command: 'done' })
  ]
);
