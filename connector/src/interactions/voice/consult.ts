// V4-V8: consult, merge into a conference, warm and blind transfer.
import type { Effect } from '../kernel/effects';
import { refuse } from '../kernel/rejections';
import type { Instant, Transition } from '../kernel/types';
import type { VoiceConfig } from './config';
import { dialString } from './dialable';
import { provider } from './effects';
import { closeHandled } from './ending';
import type { CallTarget } from './targets';
import { isConference, type VoiceState } from './state';

/** A target the call can reach: not the agent themself, and a dialable number where there is one (V4). */
function resolveTarget(
  state: VoiceState,
  target: CallTarget,
  config: VoiceConfig
): { ok: true; dialled: string | null } | { ok: false; code: 'TARGET_IS_SELF' | 'INVALID_NUMBER' } {
  if (target.kind === 'agent') {
    return target.agentId === state.ownerAgentId ? { ok: false, code: 'TARGET_IS_SELF' } : { ok: true, dialled: null };
  }
  if (target.kind === 'queue') return { ok: true, dialled: null };
  const dialled = dialString(target.number, config);
  return dialled === null ? { ok: false, code: 'INVALID_NUMBER' } : { ok: true, dialled };
}

/** V8: Name and Related To travel with the call. */
const travellingDetails = (state: VoiceState) => ({ whoId: state.details.whoId, whatId: state.details.whatId });

/** V5: the customer goes on hold (unless already held, or in a conference where nobody holds, V7). */
export function startConsult(
  state: VoiceState,
  target: CallTarget,
  at: Instant,
  config: VoiceConfig
): Transition<VoiceState> {
  const resolved = resolveTarget(state, target, config);
  if (!resolved.ok) return refuse(resolved.code);
  const holdCustomer = !state.held && !isConference(state);
  const next: VoiceState = {
    ...state,
    held: state.held || holdCustomer,
    heldSince: holdCustomer ? at : state.heldSince,
    consult: {
      target,
      dialled: resolved.dialled,
      state: 'dialing',
      startedAt: at,
      connectedAt: null,
      participantId: null,
      heldByConsult: holdCustomer
    }
  };
  const effects: Effect[] = holdCustomer ? [provider(next, 'hold')] : [];
  effects.push(provider(next, 'consult', { target, number: resolved.dialled, details: travellingDetails(state) }));
  return { ok: true, state: next, effects };
}

/** The agent drops the consult leg and is back with the customer, off hold if the consult had held them. */
export function cancelConsult(state: VoiceState): Transition<VoiceState> {
  const resume = state.consult?.heldByConsult === true && state.held;
  const next: VoiceState = {
    ...state,
    consult: null,
    held: resume ? false : state.held,
    heldSince: resume ? null : state.heldSince
  };
  const effects = [provider(next, 'cancelConsult')];
  if (resume) effects.push(provider(next, 'resume'));
  return { ok: true, state: next, effects };
}

/** V6: everyone hears everyone; a conference is never on hold (V7). */
export function merge(state: VoiceState, at: Instant): Transition<VoiceState> {
  const consult = state.consult;
  if (!consult || consult.participantId === null) return refuse('CONSULT_NOT_CONNECTED');
  const next: VoiceState = {
    ...state,
    consult: null,
    held: false,
    heldSince: null,
    conference: [...state.conference, { participantId: consult.participantId, target: consult.target, joinedAt: at }]
  };
  return { ok: true, state: next, effects: [provider(next, 'merge', { participantId: consult.participantId })] };
}

function routingFor(state: VoiceState, target: CallTarget): Effect[] {
  if (target.kind === 'agent') {
    return [{ kind: 'routing', action: 'transferToAgent', interactionId: state.id, agentId: target.agentId }];
  }
  if (target.kind === 'queue') {
    return [{ kind: 'routing', action: 'transferToQueue', interactionId: state.id, queueId: target.queueId }];
  }
  return [];
}

/** V6: the customer (and any conference) and the consulted party keep talking; the agent leaves (S4). */
export function completeTransfer(state: VoiceState, at: Instant): Transition<VoiceState> {
  const consult = state.consult;
  if (!consult) return refuse('NO_CONSULT');
  const effects: Effect[] = [
    provider(state, 'transfer', {
      mode: 'consult',
      target: consult.target,
      number: consult.dialled,
      participantId: consult.participantId,
      details: travellingDetails(state)
    }),
    ...routingFor(state, consult.target)
  ];
  return closeHandled(state, at, { reason: 'transferred', workItemStatus: 'Transferred', effects });
}

/** Sends the customer straight to the target; the agent's part ends when the provider confirms (transferCompleted). */
export function blindTransfer(
  state: VoiceState,
  target: CallTarget,
  at: Instant,
  config: VoiceConfig
): Transition<VoiceState> {
  const resolved = resolveTarget(state, target, config);
  if (!resolved.ok) return refuse(resolved.code);
  const next: VoiceState = {
    ...state,
    callState: 'transferring',
    held: false,
    heldSince: null,
    transfer: { target, dialled: resolved.dialled, startedAt: at }
  };
  return {
    ok: true,
    state: next,
    effects: [
      provider(next, 'transfer', {
        mode: 'blind',
        target,
        number: resolved.dialled,
        details: travellingDetails(state)
      })
    ]
  };
}

/** The provider confirmed a blind transfer: the agent's work item closes as transferred (S4). */
export function blindTransferCompleted(state: VoiceState, at: Instant): Transition<VoiceState> {
  const transfer = state.transfer;
  if (!transfer) return refuse('WRONG_STATE');
  return closeHandled(state, at, {
    reason: 'transferred',
    workItemStatus: 'Transferred',
    effects: routingFor(state, transfer.target)
  });
}

/** The target did not take the call: the customer is back with the agent, on hold until the agent resumes. */
export function transferFailed(state: VoiceState, at: Instant, reason: string): Transition<VoiceState> {
  const next: VoiceState = { ...state, callState: 'connected', transfer: null, held: true, heldSince: at };
  return {
    ok: true,
    state: next,
    effects: [
      provider(next, 'hold'),
      { kind: 'notice', notice: 'transferFailed', args: { interactionId: state.id, reason } }
    ]
  };
}
