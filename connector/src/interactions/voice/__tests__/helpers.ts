// Shared test helpers: build calls in a given state through the public functions only.
import type { Effect } from '../../kernel/effects';
import type { RejectionCode } from '../../kernel/rejections';
import type { Transition } from '../../kernel/types';
import {
  createVoiceMachine,
  defaultVoiceConfig,
  dialCall,
  offerCall,
  voiceConfigSchema,
  type AgentContext,
  type VoiceCommand,
  type VoiceConfig,
  type VoiceEvent,
  type VoiceProviderEvent,
  type VoiceState
} from '..';

export const AGENT = 'agent-1';
export const OTHER_AGENT = 'agent-2';
export const CALL_ID = 'call-1';
export const T0 = 1_700_000_000_000;
export const CONTACT_ID = '003000000000001AAA';
export const CASE_ID = '500000000000001AAA';

export const agentContext: AgentContext = { agentId: AGENT, agentName: 'Ada Agent', outboundSkills: [] };

export function withConfig(overrides: Record<string, unknown>): VoiceConfig {
  return voiceConfigSchema.parse(overrides);
}

export function applied(transition: Transition<VoiceState>): { state: VoiceState; effects: Effect[] } {
  if (!transition.ok) throw new Error(`expected the transition to apply, got ${transition.rejection.code}`);
  return { state: transition.state, effects: transition.effects };
}

export function refusal(transition: Transition<VoiceState>): RejectionCode {
  if (transition.ok) throw new Error('expected a refusal, but the transition applied');
  return transition.rejection.code;
}

export const command = (cmd: VoiceCommand, at = T0 + 1_000, agentId = AGENT): VoiceEvent => ({
  source: 'agent',
  at,
  agentId,
  agentName: agentId === AGENT ? 'Ada Agent' : 'Bob Agent',
  command: cmd
});

type WithoutId<E> = E extends unknown ? Omit<E, 'interactionId'> : never;
export const fromProvider = (event: WithoutId<VoiceProviderEvent>, at = T0 + 1_000, id = CALL_ID): VoiceEvent => ({
  source: 'provider',
  at,
  event: { ...event, interactionId: id } as VoiceProviderEvent
});

export const offerInput = (overrides: Record<string, unknown> = {}) => ({
  type: 'callOffered',
  interactionId: CALL_ID,
  providerCallId: 'pc-1',
  direction: 'inbound',
  number: '+1 (415) 555-0134',
  agentId: AGENT,
  queueId: 'queue-support',
  queueName: 'Support',
  ...overrides
});

/** Runs events in order; every one must apply. Returns the last state and all effects. */
export function run(
  state: VoiceState,
  events: VoiceEvent[],
  config: VoiceConfig = defaultVoiceConfig
): { state: VoiceState; effects: Effect[] } {
  const machine = createVoiceMachine(config);
  let current = state;
  const effects: Effect[] = [];
  for (const event of events) {
    const next = applied(machine.transition(current, event));
    current = next.state;
    effects.push(...next.effects);
  }
  return { state: current, effects };
}

export const offered = (config: VoiceConfig = defaultVoiceConfig, overrides: Record<string, unknown> = {}) =>
  applied(offerCall(offerInput(overrides), T0, config)).state;

/** An inbound call the agent has accepted and is talking on. */
export const talking = (config: VoiceConfig = defaultVoiceConfig) =>
  run(offered(config), [command({ command: 'accept' }, T0 + 1_000)], config).state;

/** Talking, with a consult leg to another agent that has answered (customer on hold). */
export const consulting = (config: VoiceConfig = defaultVoiceConfig) =>
  run(
    talking(config),
    [
      command({ command: 'consult', args: { target: { kind: 'agent', agentId: OTHER_AGENT } } }, T0 + 5_000),
      fromProvider({ type: 'consultConnected', participantId: 'party-1' }, T0 + 8_000)
    ],
    config
  ).state;

/** A three-party conference: customer, agent and another agent. */
export const conferencing = (config: VoiceConfig = defaultVoiceConfig) =>
  run(consulting(config), [command({ command: 'merge' }, T0 + 10_000)], config).state;

/** An outbound call ringing out. */
export const dialling = (config: VoiceConfig = defaultVoiceConfig, input: Record<string, unknown> = {}) =>
  applied(dialCall({ interactionId: CALL_ID, number: '(415) 555-0134', ...input }, T0, config, agentContext)).state;

export function effectsOfKind<K extends Effect['kind']>(effects: Effect[], kind: K): Extract<Effect, { kind: K }>[] {
  return effects.filter((effect): effect is Extract<Effect, { kind: K }> => effect.kind === kind);
}

export function syncOps(effects: Effect[]) {
  return effectsOfKind(effects, 'sync').map((effect) => effect.operation);
}

export const providerActions = (effects: Effect[]) => effectsOfKind(effects, 'provider').map((effect) => effect.action);
