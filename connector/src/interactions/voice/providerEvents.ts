// What the provider reports about an existing call. Events that no longer apply (late hang-ups) are refused for the log.
import { refuse, reject, type RejectionCode } from '../kernel/rejections';
import type { Instant, Transition } from '../kernel/types';
import type { VoiceConfig } from './config';
import { blindTransferCompleted, transferFailed } from './consult';
import { provider } from './effects';
import { closeHandled, endCall } from './ending';
import type { VoiceProviderEvent } from './events';
import { addSegment } from './liveTranscript';
import { abandonOffer, declineFromSalesforce } from './offer';
import type { VoiceState } from './state';

/** Why an event about the live call cannot apply any more, or null while the call is live. */
function tooLate(state: VoiceState): RejectionCode | null {
  if (state.lifecycle === 'closed') return 'INTERACTION_ENDED';
  return state.lifecycle === 'wrapUp' ? 'CALL_ENDED' : null;
}

const notice = (state: VoiceState, name: string, args: Record<string, unknown> = {}) =>
  ({ kind: 'notice', notice: name, args: { interactionId: state.id, ...args } }) as const;

export function onProviderEvent(
  state: VoiceState,
  event: VoiceProviderEvent,
  at: Instant,
  config: VoiceConfig
): Transition<VoiceState> {
  if (event.interactionId !== state.id) {
    return { ok: false, rejection: reject('INVALID_INPUT', [{ path: 'interactionId', message: 'not this call' }]) };
  }
  if (event.type === 'workItemClosed') return workItemClosed(state, at);
  const late = tooLate(state);
  if (late) return refuse(late);
  if (event.type === 'customerHungUp') {
    return state.lifecycle === 'offered' ? abandonOffer(state, at) : endCall(state, at, 'customer', config, []);
  }
  if (state.lifecycle === 'offered') return refuse('WRONG_STATE');

  switch (event.type) {
    case 'callConnected': {
      if (state.callState !== 'dialing') return refuse('WRONG_STATE');
      const providerCallId = event.providerCallId ?? state.providerCallId;
      return { ok: true, state: { ...state, callState: 'connected', connectedAt: at, providerCallId }, effects: [] };
    }
    case 'dialFailed':
      if (state.callState !== 'dialing') return refuse('WRONG_STATE');
      return endCall(state, at, 'network', config, [notice(state, 'dialFailed', { reason: event.reason })]);
    case 'consultConnected': {
      const consult = state.consult;
      if (!consult) return refuse('NO_CONSULT');
      if (consult.state !== 'dialing') return refuse('WRONG_STATE');
      const connected = {
        ...consult,
        state: 'connected' as const,
        connectedAt: at,
        participantId: event.participantId
      };
      return { ok: true, state: { ...state, consult: connected }, effects: [] };
    }
    case 'consultFailed':
      if (!state.consult) return refuse('NO_CONSULT');
      if (state.consult.state !== 'dialing') return refuse('WRONG_STATE');
      return dropConsult(state, 'consultFailed', { reason: event.reason });
    case 'consultHungUp':
      if (!state.consult) return refuse('NO_CONSULT');
      return dropConsult(state, 'consultEnded');
    case 'conferencePartyLeft':
      return partyLeft(state, event.participantId, at);
    case 'transferCompleted':
      if (state.callState !== 'transferring') return refuse('WRONG_STATE');
      return blindTransferCompleted(state, at);
    case 'transferFailed':
      if (state.callState !== 'transferring') return refuse('WRONG_STATE');
      return transferFailed(state, at, event.reason);
    case 'transcriptSegment':
      if (state.callState === 'dialing') return refuse('CALL_NOT_CONNECTED');
      if (state.callState === 'transferring') return refuse('TRANSFER_IN_PROGRESS');
      return addSegment(state, event, at, config);
    case 'recordingFailed':
      if (!state.recording) return refuse('NOT_RECORDING');
      return { ok: true, state: { ...state, recording: false }, effects: [notice(state, 'recordingFailed')] };
  }
}

/**
 * The consulted party is gone. The customer stays on hold so the agent can try someone else or resume when ready;
 * an unexpected return to the customer mid-sentence is worse than a moment more on hold.
 */
function dropConsult(state: VoiceState, name: string, args: Record<string, unknown> = {}): Transition<VoiceState> {
  return { ok: true, state: { ...state, consult: null }, effects: [notice(state, name, args)] };
}

/**
 * A conference party left. When the last one goes while the agent is consulting someone new, the call is a two-party
 * call with a consult again, so the customer goes on hold as for any consult (V5).
 */
function partyLeft(state: VoiceState, participantId: string, at: Instant): Transition<VoiceState> {
  const conference = state.conference.filter((party) => party.participantId !== participantId);
  if (conference.length === state.conference.length) return refuse('WRONG_STATE');
  const consult = state.consult;
  if (conference.length > 0 || !consult) return { ok: true, state: { ...state, conference }, effects: [] };
  const next: VoiceState = {
    ...state,
    conference,
    held: true,
    heldSince: at,
    consult: { ...consult, heldByConsult: true }
  };
  return { ok: true, state: next, effects: [provider(next, 'hold')] };
}

/** C15/S3: closing the work item in Salesforce ends the call; nothing is left half-open. */
function workItemClosed(state: VoiceState, at: Instant): Transition<VoiceState> {
  switch (state.lifecycle) {
    case 'closed':
      return refuse('INTERACTION_ENDED');
    case 'offered':
      return declineFromSalesforce(state, at);
    case 'wrapUp':
      return closeHandled(state, at, { reason: 'completed', workItemStatus: null, effects: [] });
    case 'active':
      // A blind transfer is already moving the customer; hanging up now would drop them. It completes or fails soon.
      if (state.callState === 'transferring') return refuse('TRANSFER_IN_PROGRESS');
      return closeHandled(state, at, {
        reason: 'completed',
        workItemStatus: null,
        endedBy: 'salesforce',
        effects: [provider(state, 'end', { reason: 'workItemClosed' })]
      });
  }
}
