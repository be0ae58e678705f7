// Test helpers: build chats and drive them through the public functions only.
import type { Effect } from '../../kernel/effects';
import type { Transition } from '../../kernel/types';
import { chatConfigSchema, type ChatConfig } from '../config';
import type { ChatCommand } from '../commands';
import type { ChatProviderEvent } from '../events';
import { chatTransition, type ChatEvent } from '../machine';
import { offerChat } from '../offer';
import type { ChatState } from '../state';

export const T0 = 1_700_000_000_000;
export const OWNER = 'agent-ann';
export const OWNER_NAME = 'Ann';
export const VISA = '4111 1111 1111 1111';

export const config = (overrides: Record<string, unknown> = {}): ChatConfig => chatConfigSchema.parse(overrides);

export const offerInput = (overrides: Record<string, unknown> = {}) => ({
  type: 'chat.offered',
  interactionId: 'chat-1',
  agentId: OWNER,
  queueId: 'q-support',
  customer: { id: 'visitor-42', name: 'Carla Customer', email: 'carla@example.com' },
  waitingSince: T0 - 60_000,
  ...overrides
});

export function expectOk(result: Transition<ChatState>): { state: ChatState; effects: Effect[] } {
  if (!result.ok) throw new Error(`refused: ${result.rejection.code}`);
  return result;
}

export function expectRefused(result: Transition<ChatState>): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.rejection.code;
}

export const offered = (settings: ChatConfig = config(), overrides: Record<string, unknown> = {}): ChatState =>
  expectOk(offerChat(offerInput(overrides), T0, settings)).state;

export const cmd = (command: ChatCommand, agentId = OWNER, agentName = OWNER_NAME, at = T0 + 1_000): ChatEvent => ({
  source: 'agent',
  at,
  agentId,
  agentName,
  command
});

export const provider = (event: ChatProviderEvent, at = T0 + 1_000): ChatEvent => ({ source: 'provider', at, event });

/** Apply events in order, failing on the first refusal; returns the last state and every effect. */
export function run(state: ChatState, ...events: ChatEvent[]): { state: ChatState; effects: Effect[] } {
  let current = state;
  const effects: Effect[] = [];
  for (const event of events) {
    const next = expectOk(chatTransition(current, event));
    current = next.state;
    effects.push(...next.effects);
  }
  return { state: current, effects };
}

export const accepted = (settings: ChatConfig = config()): ChatState =>
  run(offered(settings), cmd({ command: 'accept' })).state;

export const inWrapUp = (settings: ChatConfig = config()): ChatState =>
  run(accepted(settings), cmd({ command: 'end' })).state;

export const say = (
  text: string,
  extra: Partial<Extract<ChatCommand, { command: 'send' }>['args']> = {}
): ChatCommand => ({
  command: 'send',
  args: { text, attachments: [], ...extra }
});

export const customerSays = (
  text: string,
  attachments: Extract<ChatProviderEvent, { type: 'customer.message' }>['attachments'] = []
) => provider({ type: 'customer.message', text, attachments });

export const file = (name: string, sizeBytes = 1_000, contentType = 'application/pdf') => ({
  id: `file-${name}`,
  name,
  contentType,
  sizeBytes
});

export const syncOps = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'sync' ? [e.operation] : []));

export const providerActions = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'provider' ? [e.action] : []));
