// How a call stops: the media ends (wrap-up opens), or the agent's part is over (closed, logged as one Task).
import type { Effect } from '../kernel/effects';
import type { ClosedReason } from '../kernel/machine';
import type { Instant, Transition } from '../kernel/types';
import type { VoiceConfig } from './config';
import { clearTimer, setTimer, taskLog, workItem } from './effects';
import type { CallState, VoiceState } from './state';

/** No media left: nothing held, muted, recorded or transcribed any more; the live transcript is gone (V14). */
function withoutMedia(state: VoiceState, callState: CallState): VoiceState {
  return {
    ...state,
    callState,
    held: false,
    heldSince: null,
    muted: false,
    recording: false,
    masked: false,
    consult: null,
    transfer: null,
    conference: [],
    liveTranscript: []
  };
}

/** The call ended (either side): wrap-up opens with the details still editable (V13). */
export function endCall(
  state: VoiceState,
  at: Instant,
  endedBy: NonNullable<VoiceState['endedBy']>,
  config: VoiceConfig,
  effects: Effect[]
): Transition<VoiceState> {
  const wrapUpExpiresAt = config.wrapUpTimeoutMs === null ? null : at + config.wrapUpTimeoutMs;
  const next: VoiceState = {
    ...withoutMedia(state, 'ended'),
    lifecycle: 'wrapUp',
    endedBy,
    wrapUpExpiresAt,
    timers: { ...state.timers, endedAt: at }
  };
  return {
    ok: true,
    state: next,
    effects: wrapUpExpiresAt === null ? effects : [...effects, setTimer('wrapUp', wrapUpExpiresAt)]
  };
}

export interface CloseOptions {
  reason: Extract<ClosedReason, 'completed' | 'transferred'>;
  /** Omitted when Salesforce closed the work item itself (C15). */
  workItemStatus: 'Closed' | 'Transferred' | null;
  endedBy?: NonNullable<VoiceState['endedBy']>;
  effects: Effect[];
}

/** The agent's part is over: lifecycle closed, handle clock stopped, one Task logged (S5). */
export function closeHandled(state: VoiceState, at: Instant, options: CloseOptions): Transition<VoiceState> {
  const callEnded = state.timers.endedAt !== null;
  const endedAt = state.timers.endedAt ?? at;
  const handleResumedAt = state.timers.handleResumedAt;
  const next: VoiceState = {
    ...withoutMedia(state, options.reason === 'transferred' ? 'transferred' : 'ended'),
    lifecycle: 'closed',
    closedReason: options.reason,
    endedBy: state.endedBy ?? options.endedBy ?? null,
    wrapUpExpiresAt: null,
    timers: {
      ...state.timers,
      endedAt,
      handleResumedAt: null,
      handledMs: state.timers.handledMs + (handleResumedAt === null ? 0 : Math.max(0, at - handleResumedAt))
    }
  };
  const effects = [...options.effects];
  if (state.wrapUpExpiresAt !== null) effects.push(clearTimer('wrapUp'));
  if (options.workItemStatus !== null) effects.push(workItem(next, options.workItemStatus));
  effects.push(taskLog(next, callEnded ? endedAt : at));
  return { ok: true, state: next, effects };
}

const UNHANDLED_ENDED_BY = { missed: null, declined: 'agent', abandoned: 'customer' } as const;

/** An offer that was never taken: no Task, the call goes back to routing or is gone. */
export function closeUnhandled(
  state: VoiceState,
  at: Instant,
  reason: Extract<ClosedReason, 'missed' | 'declined' | 'abandoned'>,
  effects: Effect[]
): Transition<VoiceState> {
  const next: VoiceState = {
    ...withoutMedia(state, 'ended'),
    lifecycle: 'closed',
    closedReason: reason,
    endedBy: UNHANDLED_ENDED_BY[reason],
    timers: { ...state.timers, offerExpiresAt: null, endedAt: at }
  };
  return { ok: true, state: next, effects: [clearTimer('offer'), ...effects] };
}
