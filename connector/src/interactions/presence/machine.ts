// A1–A4 presence: what the agent chose, what the desk forces (RONA, WrapUp) and how Omni-Channel is kept in step (A2).
import { availabilityOf, type Guard } from '../kernel/availability';
import type { Effect } from '../kernel/effects';
import { refuse } from '../kernel/rejections';
import type { CommandAvailability, Instant, Transition } from '../kernel/types';
import type { OmniPresenceEvent, PresenceCommand, PresenceCommandName } from './commands';
import type { PresenceConfig } from './config';
import type { ChosenStatus, PresenceState } from './state';

/** The presence machine sees the agent's open work only as a count, handed in by the desk. */
export interface PresenceView {
  presence: PresenceState;
  openInteractions: number;
}

export type PresenceEvent =
  | { type: 'agent'; at: Instant; command: PresenceCommand; openInteractions: number }
  | { type: 'omni'; at: Instant; event: OmniPresenceEvent; openInteractions: number }
  /** A4: an offer timed out on this agent. */
  | { type: 'offerMissed'; at: Instant }
  /** An interaction entered / the last one left after-contact work. */
  | { type: 'wrapUpStarted'; at: Instant }
  | { type: 'wrapUpFinished'; at: Instant };

const guards: Record<PresenceCommandName, Guard<PresenceView>> = {
  goAvailable: ({ presence }) => (presence.status === 'Available' ? 'ALREADY_IN_STATUS' : null),
  goBusy: () => null,
  goOffline: ({ presence, openInteractions }) => {
    if (presence.status === 'Offline') return 'ALREADY_IN_STATUS';
    return openInteractions > 0 ? 'OPEN_WORK' : null;
  }
};

export function presenceAllowedCommands(view: PresenceView): CommandAvailability<PresenceCommandName>[] {
  return availabilityOf(guards, view);
}

export function presenceTransition(
  state: PresenceState,
  event: PresenceEvent,
  config: PresenceConfig
): Transition<PresenceState> {
  switch (event.type) {
    case 'agent':
      return onAgentCommand(state, event.command, event.openInteractions, event.at, config);
    case 'omni':
      return onOmniChange(state, event.event, event.at, config);
    case 'offerMissed':
      if (state.status === 'Offline') return refuse('OFFLINE');
      return changeTo(state, 'RONA', null, event.at, { mirror: true, notice: 'ronaPrompt' });
    case 'wrapUpStarted':
      // Only an Available agent is moved into WrapUp; Busy and RONA are the agent's to leave.
      if (state.status !== 'Available') return { ok: true, state, effects: [] };
      return changeTo({ ...state, resumeStatus: 'Available' }, 'WrapUp', null, event.at, { mirror: true });
    case 'wrapUpFinished':
      if (state.status !== 'WrapUp') return { ok: true, state, effects: [] };
      return changeTo({ ...state, resumeStatus: null }, state.resumeStatus ?? 'Available', null, event.at, {
        mirror: true
      });
  }
}

function onAgentCommand(
  state: PresenceState,
  command: PresenceCommand,
  openInteractions: number,
  at: Instant,
  config: PresenceConfig
): Transition<PresenceState> {
  const blocked = guards[command.command]({ presence: state, openInteractions });
  if (blocked) return refuse(blocked);
  switch (command.command) {
    case 'goAvailable':
      return changeTo(state, 'Available', null, at, { mirror: true });
    case 'goBusy': {
      const reason = command.args.reasonCode;
      if (!config.busyReasons.includes(reason)) return refuse('UNKNOWN_REASON');
      if (state.status === 'Busy' && state.reasonCode === reason) return refuse('ALREADY_IN_STATUS');
      return changeTo(state, 'Busy', reason, at, { mirror: true });
    }
    case 'goOffline':
      return changeTo(state, 'Offline', null, at, { mirror: true });
  }
}

/** A2: a change made in Omni-Channel. The configured side wins; when the softphone wins, Omni is told again. */
function onOmniChange(
  state: PresenceState,
  event: OmniPresenceEvent,
  at: Instant,
  config: PresenceConfig
): Transition<PresenceState> {
  if (mirroredStatus(state) === event.status && (event.status !== 'Busy' || event.reasonCode === state.reasonCode)) {
    return { ok: true, state, effects: [] }; // Omni confirms what we already have.
  }
  const omniWins =
    config.conflictPolicy === 'omni' || (config.conflictPolicy === 'lastChange' && event.changedAt >= state.since);
  if (!omniWins) return { ok: true, state, effects: [mirror(state)] };
  const reason =
    event.status === 'Busy'
      ? event.reasonCode !== null && config.busyReasons.includes(event.reasonCode)
        ? event.reasonCode
        : (config.busyReasons[0] ?? null)
      : null;
  return changeTo({ ...state, resumeStatus: null }, event.status, reason, at, { mirror: false });
}

/** What Omni-Channel should show for a softphone status: RONA and WrapUp are not offerable, so they mirror as busy. */
export function mirroredStatus(state: PresenceState): ChosenStatus {
  if (state.status === 'RONA' || state.status === 'WrapUp') return 'Busy';
  return state.status;
}

function mirror(state: PresenceState): Effect {
  return {
    kind: 'sync',
    operation: {
      op: 'presence.mirror',
      agentId: state.agentId,
      status: state.status,
      reasonCode: state.reasonCode
    }
  };
}

function changeTo(
  state: PresenceState,
  status: PresenceState['status'],
  reasonCode: string | null,
  at: Instant,
  options: { mirror: boolean; notice?: string }
): Transition<PresenceState> {
  const next: PresenceState = { ...state, status, reasonCode, since: at };
  const effects: Effect[] = [];
  if (options.mirror) effects.push(mirror(next));
  if (options.notice) effects.push({ kind: 'notice', notice: options.notice });
  return { ok: true, state: next, effects };
}
