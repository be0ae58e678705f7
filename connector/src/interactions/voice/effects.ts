// Builders for the effects the voice machine emits, so every place says the same thing the same way.
import type { Effect, WorkItemStatus } from '../kernel/effects';
import type { Instant } from '../kernel/types';
import type { VoiceState } from './state';

export function provider(state: VoiceState, action: string, args?: Record<string, unknown>): Effect {
  return args
    ? { kind: 'provider', interactionId: state.id, action, args }
    : { kind: 'provider', interactionId: state.id, action };
}

export function workItem(state: VoiceState, status: WorkItemStatus): Effect {
  return {
    kind: 'sync',
    operation: { op: 'workItem.update', interactionId: state.id, agentId: state.ownerAgentId, channel: 'voice', status }
  };
}

export function screenPop(state: VoiceState): Effect[] {
  if (state.number === null || state.emergency) return [];
  return [
    {
      kind: 'sync',
      operation: { op: 'screenPop.lookup', interactionId: state.id, address: state.number, channel: 'voice' }
    }
  ];
}

const SUBJECTS: Record<VoiceState['direction'], string> = {
  inbound: 'Inbound call',
  outbound: 'Outbound call',
  callback: 'Callback'
};

/** S5: the agent's part of the call; the shell upserts by interaction id, so repeating it never makes a second Task. */
export function taskLog(state: VoiceState, endedAt: Instant): Effect {
  const startedAt = state.timers.acceptedAt ?? state.timers.offeredAt ?? endedAt;
  return {
    kind: 'sync',
    operation: {
      op: 'task.log',
      interactionId: state.id,
      agentId: state.ownerAgentId,
      channel: 'voice',
      direction: state.direction,
      subject: SUBJECTS[state.direction],
      startedAt,
      endedAt,
      durationSeconds: Math.max(0, Math.round((endedAt - startedAt) / 1000)),
      details: state.details,
      providerCallId: state.providerCallId
    }
  };
}

export const setTimer = (timer: 'offer' | 'wrapUp', at: Instant): Effect => ({
  kind: 'timer',
  action: 'set',
  timer,
  at
});
export const clearTimer = (timer: 'offer' | 'wrapUp'): Effect => ({ kind: 'timer', action: 'clear', timer });
