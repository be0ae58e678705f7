// Inbound and callback offers: created from the provider's offer, then accepted, declined or missed (A4).
import { emptyContactDetails, type Instant, type Transition } from '../kernel/types';
import { parseWith } from '../kernel/parse';
import type { VoiceConfig } from './config';
import { clearTimer, provider, screenPop, setTimer, workItem } from './effects';
import { closeUnhandled } from './ending';
import { callOfferSchema } from './events';
import { normaliseToE164 } from './numbers';
import type { VoiceState } from './state';

/** A call ringing for one agent; the offer timer is set so an unanswered offer goes back to its queue (A4). */
export function offerCall(input: unknown, at: Instant, config: VoiceConfig): Transition<VoiceState> {
  const parsed = parseWith(callOfferSchema, input);
  if (!parsed.ok) return parsed;
  const offer = parsed.value;
  // Withheld or unparseable caller ids are shown as anonymous rather than refusing a ringing customer.
  const number = offer.number === null ? null : normaliseToE164(offer.number, config.defaultCountry);
  const offerExpiresAt = at + config.offerTimeoutMs;
  const state: VoiceState = {
    id: offer.interactionId,
    channel: 'voice',
    direction: offer.direction,
    lifecycle: 'offered',
    closedReason: null,
    ownerAgentId: offer.agentId,
    queueId: offer.queueId,
    queueName: offer.queueName,
    customer: { name: offer.contact?.name ?? offer.customerName, address: number ?? 'anonymous', email: null },
    details: { ...emptyContactDetails(), whoId: offer.contact?.id ?? null },
    transcript: [],
    timers: {
      offeredAt: at,
      offerExpiresAt,
      waitingSince: offer.waitingSince ?? at,
      acceptedAt: null,
      handleResumedAt: null,
      handledMs: 0,
      endedAt: null
    },
    pausedByCall: false,
    number,
    contact: offer.contact,
    source: 'offer',
    emergency: false,
    providerCallId: offer.providerCallId,
    callState: 'offered',
    connectedAt: null,
    held: false,
    heldSince: null,
    muted: false,
    recording: offer.recording,
    masked: false,
    consult: null,
    transfer: null,
    conference: [],
    endedBy: null,
    wrapUpExpiresAt: null,
    liveTranscript: []
  };
  return {
    ok: true,
    state,
    effects: [
      setTimer('offer', offerExpiresAt),
      { kind: 'notice', notice: 'callOffered', args: { interactionId: state.id } }
    ]
  };
}

/** Inbound calls connect on accept; for a callback the provider now dials the customer. Work item opens (S2). */
export function accept(state: VoiceState, at: Instant): Transition<VoiceState> {
  const inbound = state.direction === 'inbound';
  const next: VoiceState = {
    ...state,
    lifecycle: 'active',
    callState: inbound ? 'connected' : 'dialing',
    connectedAt: inbound ? at : null,
    timers: { ...state.timers, offerExpiresAt: null, acceptedAt: at, handleResumedAt: at }
  };
  return {
    ok: true,
    state: next,
    effects: [clearTimer('offer'), provider(next, 'accept'), workItem(next, 'Opened'), ...screenPop(next)]
  };
}

function returnToQueue(state: VoiceState, at: Instant, reason: 'declined' | 'missed', salesforceClosed: boolean) {
  const effects = [
    provider(state, 'decline', { reason: reason === 'missed' ? 'offerTimeout' : 'declined' }),
    {
      kind: 'routing' as const,
      action: 'requeue' as const,
      interactionId: state.id,
      ...(state.queueId === null ? {} : { queueId: state.queueId }),
      excludeAgentId: state.ownerAgentId
    }
  ];
  if (!salesforceClosed) effects.push(workItem(state, reason === 'missed' ? 'DeclinedOnPushTimeout' : 'Declined'));
  return closeUnhandled(state, at, reason, effects);
}

export const decline = (state: VoiceState, at: Instant) => returnToQueue(state, at, 'declined', false);
/** A4: the offer timed out; the desk turns the agent's status to RONA. */
export const missOffer = (state: VoiceState, at: Instant) => returnToQueue(state, at, 'missed', false);
/** C15: the agent declined the work in Salesforce; the work item is already closed there. */
export const declineFromSalesforce = (state: VoiceState, at: Instant) => returnToQueue(state, at, 'declined', true);

/** The caller hung up while it rang: nobody handled it, nothing to requeue. */
export const abandonOffer = (state: VoiceState, at: Instant) =>
  closeUnhandled(state, at, 'abandoned', [workItem(state, 'Canceled')]);
