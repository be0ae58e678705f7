// fast-check generators for the voice property tests: random valid starting calls and random event steps.
import fc from 'fast-check';
import type { Transition } from '../../kernel/types';
import {
  createVoiceMachine,
  dialCall,
  offerCall,
  voiceConfigSchema,
  type CallDetailsPatch,
  type CallTarget,
  type VoiceCommand,
  type VoiceConfig,
  type VoiceEvent,
  type VoiceProviderEvent,
  type VoiceState
} from '..';
import { AGENT, CALL_ID, CASE_ID, CONTACT_ID, OTHER_AGENT, T0, agentContext, offerInput } from './helpers';

export const configs: VoiceConfig[] = [
  voiceConfigSchema.parse({}),
  voiceConfigSchema.parse({ requireDisposition: true, wrapUpTimeoutMs: 30_000, maxConferenceParties: 2 }),
  voiceConfigSchema.parse({ liveTranscript: { sides: 'customer' }, pci: { mode: 'drop' }, maxConferenceParties: 1 })
];

const targets: CallTarget[] = [
  { kind: 'agent', agentId: OTHER_AGENT },
  { kind: 'agent', agentId: AGENT },
  { kind: 'queue', queueId: 'queue-billing' },
  { kind: 'contact', contactId: 'c-1', number: '415 555 0199' },
  { kind: 'number', number: '+44 20 7946 0018' },
  { kind: 'number', number: '12' }
];

const bare = (...names: VoiceCommand['command'][]) =>
  fc.constantFrom(...names).map((command) => ({ command }) as VoiceCommand);

/** Call controls often, the commands that finish a call rarely, so sequences reach consults and conferences. */
const commandArb: fc.Arbitrary<VoiceCommand> = fc.oneof(
  { weight: 10, arbitrary: bare('hold', 'resume', 'mute', 'unmute', 'recordStart', 'recordStop', 'mask', 'unmask') },
  { weight: 6, arbitrary: bare('accept', 'cancelConsult', 'merge', 'merge') },
  { weight: 2, arbitrary: bare('decline', 'end', 'completeTransfer', 'wrapUpDone') },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('1', '#', '123*')
      .map((digits): VoiceCommand => ({ command: 'sendDigits', args: { digits } }))
  },
  {
    weight: 5,
    arbitrary: fc.constantFrom(...targets).map((target): VoiceCommand => ({ command: 'consult', args: { target } }))
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...targets)
      .map((target): VoiceCommand => ({ command: 'blindTransfer', args: { target } }))
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<CallDetailsPatch>(
        { dispositions: ['Resolved'] },
        { whoId: CONTACT_ID, whatId: CASE_ID },
        { notes: 'card 4111 1111 1111 1111' },
        { tags: ['vip'], whatId: null }
      )
      .map((args): VoiceCommand => ({ command: 'setDetails', args }))
  }
);

export type Reported = VoiceProviderEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'interactionId'>
    : never
  : never;
const failure = fc.constantFrom('busy' as const, 'noAnswer' as const, 'failed' as const);
const participant = fc.constantFrom('p1', 'p2', 'p3');

const providerArb: fc.Arbitrary<Reported> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<Reported>(
      { type: 'callConnected', providerCallId: 'pc-9' },
      { type: 'consultHungUp' },
      { type: 'transferCompleted' },
      { type: 'recordingFailed' }
    )
  },
  { weight: 1, arbitrary: fc.constantFrom<Reported>({ type: 'customerHungUp' }, { type: 'workItemClosed' }) },
  { weight: 1, arbitrary: failure.map((reason): Reported => ({ type: 'dialFailed', reason })) },
  { weight: 2, arbitrary: failure.map((reason): Reported => ({ type: 'consultFailed', reason })) },
  { weight: 2, arbitrary: failure.map((reason): Reported => ({ type: 'transferFailed', reason })) },
  { weight: 6, arbitrary: participant.map((p): Reported => ({ type: 'consultConnected', participantId: p })) },
  { weight: 2, arbitrary: participant.map((p): Reported => ({ type: 'conferencePartyLeft', participantId: p })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ segmentId: fc.constantFrom('s1', 's2'), side: fc.constantFrom('agent' as const, 'customer' as const) })
      .map((s): Reported => ({ type: 'transcriptSegment', ...s, text: 'hello 4111111111111111', final: true }))
  }
);

export type Step =
  | { kind: 'agent'; command: VoiceCommand; agentId: string }
  | { kind: 'provider'; event: Reported; foreign: boolean }
  | { kind: 'clock'; timer: 'offer' | 'wrapUp' }
  | { kind: 'desk'; action: 'pause' | 'resume' };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('agent' as const),
      command: commandArb,
      agentId: fc.constantFrom(AGENT, AGENT, AGENT, AGENT, AGENT, OTHER_AGENT)
    })
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('provider' as const),
      event: providerArb,
      // Now and then an event for another call, which must be refused.
      foreign: fc.constantFrom(false, false, false, false, false, false, false, false, false, true)
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('clock' as const),
      timer: fc.constantFrom('offer' as const, 'wrapUp' as const)
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('desk' as const),
      action: fc.constantFrom('pause' as const, 'resume' as const)
    })
  }
);

export function toEvent(step: Step, at: number): VoiceEvent {
  switch (step.kind) {
    case 'agent':
      return { source: 'agent', at, agentId: step.agentId, agentName: step.agentId, command: step.command };
    case 'provider':
      return {
        source: 'provider',
        at,
        event: { ...step.event, interactionId: step.foreign ? 'call-other' : CALL_ID } as VoiceProviderEvent
      };
    case 'clock':
      return { source: 'clock', at, timer: step.timer };
    case 'desk':
      return { source: 'desk', at, action: step.action };
  }
}

const agentStep = (command: VoiceCommand): Step => ({ kind: 'agent', command, agentId: AGENT });
const providerStep = (event: Reported): Step => ({ kind: 'provider', event, foreign: false });
const consultAgent = agentStep({ command: 'consult', args: { target: { kind: 'agent', agentId: OTHER_AGENT } } });

/** Scripted ways into the interesting states; random steps continue from there. */
const SEEDS: Record<string, { create: 'inbound' | 'callback' | 'outbound' | 'emergency'; steps: Step[] }> = {
  offered: { create: 'inbound', steps: [] },
  callbackOffered: { create: 'callback', steps: [] },
  dialling: { create: 'outbound', steps: [] },
  emergency: { create: 'emergency', steps: [] },
  talking: { create: 'inbound', steps: [agentStep({ command: 'accept' })] },
  held: { create: 'inbound', steps: [agentStep({ command: 'accept' }), agentStep({ command: 'hold' })] },
  consulting: {
    create: 'inbound',
    steps: [
      agentStep({ command: 'accept' }),
      consultAgent,
      providerStep({ type: 'consultConnected', participantId: 'p1' })
    ]
  },
  conference: {
    create: 'outbound',
    steps: [
      providerStep({ type: 'callConnected' }),
      consultAgent,
      providerStep({ type: 'consultConnected', participantId: 'p1' }),
      agentStep({ command: 'merge' })
    ]
  },
  wrapUp: { create: 'inbound', steps: [agentStep({ command: 'accept' }), agentStep({ command: 'end' })] }
};

function create(kind: 'inbound' | 'callback' | 'outbound' | 'emergency', config: VoiceConfig): Transition<VoiceState> {
  if (kind === 'inbound' || kind === 'callback') {
    return offerCall(offerInput({ direction: kind, recording: kind === 'callback' }), T0, config);
  }
  const number = kind === 'emergency' ? '911' : '+33 1 23 45 67 89';
  return dialCall({ interactionId: CALL_ID, number }, T0, config, agentContext);
}

/** A call in a random reachable state, built through the public functions. */
export const startArb = fc
  .record({ config: fc.constantFrom(...configs), seed: fc.constantFrom(...Object.keys(SEEDS)) })
  .map(({ config, seed }) => {
    const script = SEEDS[seed];
    if (!script) throw new Error(`unknown seed ${seed}`);
    const machine = createVoiceMachine(config);
    const created = create(script.create, config);
    if (!created.ok) throw new Error(`seed ${seed}: ${created.rejection.code}`);
    let state = created.state;
    script.steps.forEach((step, i) => {
      const next = machine.transition(state, toEvent(step, T0 + (i + 1) * 1_000));
      if (!next.ok) throw new Error(`seed ${seed} step ${i}: ${next.rejection.code}`);
      state = next.state;
    });
    return { config, seed, state, at: T0 + (script.steps.length + 1) * 1_000 };
  });
