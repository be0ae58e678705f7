// bench/machines: transitions per second over a mixed voice/chat/digital event stream, and the time to filter and sort
// 10,000 inbox items by each D3 order. Goals on this machine kind: >= 1,000,000 transitions/s, <= 5 ms per sort.
import { Report, median } from '../lib/report';
import { chatMachine, offerChat, chatConfigSchema, type ChatState } from '../../connector/src/interactions/chat';
import {
  createDigitalMachine,
  digitalConfigSchema,
  receiveInbound,
  type DigitalState
} from '../../connector/src/interactions/digital';
import { INBOX_SORT_ORDERS, filterByTags, sortInbox, type InboxItem } from '../../connector/src/interactions/inbox';
import type { MachineEvent } from '../../connector/src/interactions/kernel/machine';
import type { Transition } from '../../connector/src/interactions/kernel/types';
import { InteractionCoreRuntime, coreConfigSchema } from '../../connector/src/interactions/registry';
import {
  createVoiceMachine,
  offerCall,
  voiceConfigSchema,
  type VoiceState
} from '../../connector/src/interactions/voice';

const T0 = 1_700_000_000_000;
const AGENT = 'a1';
const report = new Report('machines');

type Script<S> = {
  start: S;
  events: MachineEvent<never, never>[];
  run: (s: S, e: MachineEvent<never, never>) => Transition<S>;
};

function must<S>(t: Transition<S>): S {
  if (!t.ok) throw new Error(`bench script refused: ${t.rejection.code}`);
  return t.state;
}

const agent = (command: unknown, at: number) =>
  ({ source: 'agent', at, agentId: AGENT, agentName: 'Ada', command }) as unknown as MachineEvent<never, never>;
const provider = (event: unknown, at: number) =>
  ({ source: 'provider', at, event }) as unknown as MachineEvent<never, never>;

function voiceScript(): Script<VoiceState> {
  const config = voiceConfigSchema.parse({});
  const machine = createVoiceMachine(config);
  const start = must(
    offerCall(
      {
        type: 'callOffered',
        interactionId: 'v1',
        providerCallId: 'p1',
        direction: 'inbound',
        number: '+14155550100',
        agentId: AGENT,
        queueId: 'q'
      },
      T0,
      config
    )
  );
  const events = [
    agent({ command: 'accept' }, T0 + 1),
    agent({ command: 'hold' }, T0 + 2),
    agent({ command: 'resume' }, T0 + 3),
    agent({ command: 'mute' }, T0 + 4),
    agent({ command: 'unmute' }, T0 + 5),
    agent({ command: 'sendDigits', args: { digits: '1' } }, T0 + 6),
    agent({ command: 'setDetails', args: { notes: 'refund agreed', dispositions: ['Resolved'] } }, T0 + 7),
    agent({ command: 'end' }, T0 + 8),
    agent({ command: 'wrapUpDone' }, T0 + 9)
  ];
  return { start, events, run: machine.transition as Script<VoiceState>['run'] };
}

function chatScript(): Script<ChatState> {
  const config = chatConfigSchema.parse({});
  const start = must(
    offerChat(
      {
        type: 'chat.offered',
        interactionId: 'c1',
        agentId: AGENT,
        queueId: 'q',
        customer: { id: 'v', name: 'Chris', email: null },
        waitingSince: T0
      },
      T0,
      config
    )
  );
  const events = [
    agent({ command: 'accept' }, T0 + 1),
    provider({ type: 'customer.message', text: 'Hi, where is my order?', attachments: [] }, T0 + 2),
    agent({ command: 'send', args: { text: 'Let me check that for you.', attachments: [] } }, T0 + 3),
    provider({ type: 'customer.message', text: 'Thanks!', attachments: [] }, T0 + 4),
    agent({ command: 'setDetails', args: { dispositions: ['Resolved'] } }, T0 + 5),
    agent({ command: 'end' }, T0 + 6),
    agent({ command: 'done' }, T0 + 7)
  ];
  return { start, events, run: chatMachine.transition as Script<ChatState>['run'] };
}

function digitalScript(): Script<DigitalState> {
  const config = digitalConfigSchema.parse({
    queues: [{ id: 'q', name: 'Support', kind: 'digital', members: [AGENT] }]
  });
  const machine = createDigitalMachine(config);
  const start = must(
    receiveInbound(
      {
        type: 'inbound',
        interactionId: 'd1',
        interactionNumber: 'N1',
        channel: 'whatsapp',
        queueId: 'q',
        from: { address: '+447700900123', name: 'Dana', email: null },
        message: { id: 'm1', text: 'Is the shop open on Sunday?', attachments: [] }
      },
      T0,
      config
    )
  );
  const events = [
    agent({ command: 'open' }, T0 + 1),
    agent({ command: 'reply', args: { text: 'Yes, 10 to 4.', attachments: [] } }, T0 + 2),
    provider({ type: 'customerMessage', messageId: 'm2', text: 'Great, thanks', attachments: [] }, T0 + 3),
    agent({ command: 'resolve' }, T0 + 4),
    agent({ command: 'end', args: { disposition: 'Answered' } }, T0 + 5)
  ];
  return { start, events, run: machine.transition as Script<DigitalState>['run'] };
}

/** Runs every script round after round, interleaved, for about `ms` milliseconds; returns transitions per second. */
function mixedRate(scripts: Script<never>[], ms: number): number {
  let transitions = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let round = 0; round < 200; round++) {
      for (const script of scripts) {
        let state = script.start;
        for (const event of script.events) {
          const r = script.run(state, event);
          if (!r.ok) throw new Error(`bench stream refused: ${r.rejection.code}`);
          state = r.state;
          transitions++;
        }
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return transitions / seconds;
}

/** The same stream through the desk with commands parsed by zod, as the connector runs it. */
function deskRate(ms: number): number {
  const core = new InteractionCoreRuntime(coreConfigSchema.parse({}));
  const scripts = [voiceScript(), chatScript()] as unknown as Script<never>[];
  const wrapped = scripts.map((s) => ({
    ...s,
    run: (st: never, e: MachineEvent<never, never>) => core.transition(st, e) as never
  }));
  return mixedRate(wrapped as Script<never>[], ms);
}

const scripts = [voiceScript(), chatScript(), digitalScript()] as unknown as Script<never>[];
mixedRate(scripts, 300); // warm-up
const rates = [1, 2, 3, 4, 5].map(() => mixedRate(scripts, 400));
report.add('machine_transitions_per_second_median', Math.round(median(rates)), 'transitions/s');
report.add(
  'parsed_transitions_per_second_median',
  Math.round(median([1, 2, 3].map(() => deskRate(400)))),
  'transitions/s'
);

// Inbox: 10,000 items across the seven channels, random priorities, instants and tags.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const channels = ['chat', 'email', 'messenger', 'instagram', 'sms', 'x', 'whatsapp'] as const;
const tags = ['vip', 'billing', 'refund', 'complaint', 'delivery', 'spanish'];
const items: InboxItem[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `i${i}`,
  channel: channels[Math.floor(random() * channels.length)] as InboxItem['channel'],
  status: (['New', 'Open', 'Resolved'] as const)[Math.floor(random() * 3)] as InboxItem['status'],
  priority: Math.floor(random() * 5),
  receivedAt: T0 + Math.floor(random() * 86_400_000),
  waitingSince: random() < 0.2 ? null : T0 + Math.floor(random() * 86_400_000),
  tags: tags.filter(() => random() < 0.25),
  unread: random() < 0.3 ? 1 : 0,
  queueId: 'q',
  assignedAgentId: null
}));

function timeMs(fn: () => unknown, runs: number): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

for (const order of INBOX_SORT_ORDERS) {
  report.add(
    `inbox_sort_10000_${order}_median`,
    timeMs(() => sortInbox(items, order), 51),
    'ms'
  );
}
report.add(
  'inbox_filter_tags_10000_median',
  timeMs(() => filterByTags(items, ['vip', 'refund']), 51),
  'ms'
);
report.add(
  'inbox_filter_and_sort_10000_waitingSince_median',
  timeMs(() => sortInbox(filterByTags(items, ['vip']), 'waitingSince'), 51),
  'ms'
);
report.write();
