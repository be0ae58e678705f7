// One guard per command (kernel/availability): the panel's buttons and the machine's refusals come from here only.
import type { Guard } from '../kernel/availability';
import type { RejectionCode } from '../kernel/rejections';
import type { VoiceCommandName } from './commands';
import type { VoiceConfig } from './config';
import { isConference, type VoiceState } from './state';

type Check = (state: VoiceState) => RejectionCode | null;

/** The first reason found, checked in order, so the most fundamental one is shown. */
const firstOf =
  (...checks: Check[]): Guard<VoiceState> =>
  (state) => {
    for (const check of checks) {
      const reason = check(state);
      if (reason !== null) return reason;
    }
    return null;
  };

const guardTables = new WeakMap<VoiceConfig, Map<string, Record<VoiceCommandName, Guard<VoiceState>>>>();

/** The guard table for one agent under one configuration, built once: guards run on every transition. */
export function voiceGuards(agentId: string, config: VoiceConfig): Record<VoiceCommandName, Guard<VoiceState>> {
  let byAgent = guardTables.get(config);
  if (!byAgent) guardTables.set(config, (byAgent = new Map()));
  let table = byAgent.get(agentId);
  if (!table) byAgent.set(agentId, (table = buildVoiceGuards(agentId, config)));
  return table;
}

function buildVoiceGuards(agentId: string, config: VoiceConfig): Record<VoiceCommandName, Guard<VoiceState>> {
  const owned: Check = (s) => {
    if (s.lifecycle === 'closed') return 'INTERACTION_ENDED';
    return s.ownerAgentId === agentId ? null : 'NOT_OWNER';
  };
  const offered: Check = (s) => (s.lifecycle === 'offered' ? null : 'WRONG_STATE');
  /** The agent has a call (ringing out or talking), not an offer and not wrap-up. */
  const onCall: Check = (s) => {
    if (s.lifecycle === 'offered') return 'WRONG_STATE';
    if (s.lifecycle === 'wrapUp') return 'CALL_ENDED';
    return s.callState === 'transferring' ? 'TRANSFER_IN_PROGRESS' : null;
  };
  const connected: Check = (s) => (s.callState === 'dialing' ? 'CALL_NOT_CONNECTED' : null);
  const notInConference: Check = (s) => (isConference(s) ? 'IN_CONFERENCE' : null);
  const noConsult: Check = (s) => (s.consult ? 'CONSULT_IN_PROGRESS' : null);
  const consultAnswered: Check = (s) => {
    if (!s.consult) return 'NO_CONSULT';
    return s.consult.state === 'connected' ? null : 'CONSULT_NOT_CONNECTED';
  };
  const talking = [owned, onCall, connected];

  return {
    accept: firstOf(owned, offered),
    decline: firstOf(owned, offered),
    hold: firstOf(...talking, notInConference, (s) => (s.held ? 'ALREADY_ON_HOLD' : null)),
    resume: firstOf(...talking, notInConference, (s) => (s.held ? null : 'NOT_ON_HOLD'), noConsult),
    mute: firstOf(owned, onCall, (s) => (s.muted ? 'ALREADY_MUTED' : null)),
    unmute: firstOf(owned, onCall, (s) => (s.muted ? null : 'NOT_MUTED')),
    recordStart: firstOf(...talking, (s) => (s.recording ? 'ALREADY_RECORDING' : null)),
    recordStop: firstOf(...talking, (s) => (s.recording ? null : 'NOT_RECORDING')),
    mask: firstOf(...talking, notInConference, (s) => (s.masked ? 'ALREADY_MASKED' : null)),
    unmask: firstOf(...talking, notInConference, (s) => (s.masked ? null : 'NOT_MASKED')),
    // Keys go to the consulted party while a consult is up (reaching a person through an IVR), else to the customer.
    sendDigits: firstOf(...talking, notInConference, (s) => {
      if (s.consult) return s.consult.state === 'connected' ? null : 'CONSULT_NOT_CONNECTED';
      return s.held ? 'CALL_ON_HOLD' : null;
    }),
    // V3: never drop a held customer by mistake.
    end: firstOf(owned, onCall, (s) => (s.held ? 'CALL_ON_HOLD' : null)),
    consult: firstOf(...talking, noConsult, (s) =>
      s.conference.length >= config.maxConferenceParties ? 'CONFERENCE_FULL' : null
    ),
    cancelConsult: firstOf(...talking, (s) => (s.consult ? null : 'NO_CONSULT')),
    merge: firstOf(...talking, consultAnswered, (s) => (s.masked ? 'CALL_MASKED' : null)),
    completeTransfer: firstOf(...talking, consultAnswered),
    blindTransfer: firstOf(...talking, notInConference, noConsult),
    setDetails: firstOf(owned, (s) => (s.lifecycle === 'offered' ? 'WRONG_STATE' : null)),
    wrapUpDone: firstOf(
      owned,
      (s) => (s.lifecycle === 'wrapUp' ? null : 'WRONG_STATE'),
      (s) => (config.requireDisposition && s.details.dispositions.length === 0 ? 'DISPOSITION_REQUIRED' : null)
    )
  };
}
