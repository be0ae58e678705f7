// V9, V10, V12: outbound calls from the keypad, a typed number, an address-book contact or click-to-dial.
import { z } from 'zod';
import { parseWith } from '../kernel/parse';
import { refuse } from '../kernel/rejections';
import { emptyContactDetails, type Instant, type Transition } from '../kernel/types';
import type { VoiceConfig } from './config';
import { dialString, isEmergencyNumber } from './dialable';
import { provider, screenPop, workItem } from './effects';
import { externalId, isWhoRecord, salesforceId } from './ids';
import type { VoiceState } from './state';

export const dialInputSchema = z.object({
  /** Chosen by the shell so the panel can follow the call from the first instant. */
  interactionId: externalId,
  /** As typed or keyed; normalised to E.164 (V9). */
  number: z.string().min(1).max(40),
  /** Outbound skill; needed only when the agent has several (V9). */
  skillId: externalId.optional(),
  source: z.enum(['keypad', 'clickToDial']).default('keypad'),
  /** V12: the record the agent clicked the number on; becomes Name (contact, lead) or Related To (anything else). */
  recordId: salesforceId.optional(),
  /** An address-book contact being called. */
  contact: z
    .object({ id: salesforceId, name: z.string().max(255).nullable() })
    .nullable()
    .default(null)
});
export type DialInput = z.infer<typeof dialInputSchema>;

/** Who is dialling, as the desk knows it (status and capacity checks are the desk's, A3). */
export interface AgentContext {
  agentId: string;
  agentName: string;
  outboundSkills: { id: string; name: string }[];
  /** The agent's own country when it differs from the connector's default (national formats, emergency numbers). */
  country?: string;
}

/** Chooses the outbound skill: the given one, the agent's only one, or none when they have none at all. */
function chooseSkill(
  skillId: string | undefined,
  agent: AgentContext,
  emergency: boolean
): { ok: true; skill: { id: string; name: string } | null } | { ok: false; code: 'SKILL_REQUIRED' | 'UNKNOWN_SKILL' } {
  const given = skillId === undefined ? undefined : agent.outboundSkills.find((skill) => skill.id === skillId);
  if (given) return { ok: true, skill: given };
  const only = agent.outboundSkills.length === 1 ? (agent.outboundSkills[0] ?? null) : null;
  // V10: an emergency call never waits for a skill choice, nor fails on a wrong one.
  if (emergency) return { ok: true, skill: only };
  if (skillId !== undefined) return { ok: false, code: 'UNKNOWN_SKILL' };
  if (agent.outboundSkills.length > 1) return { ok: false, code: 'SKILL_REQUIRED' };
  return { ok: true, skill: only };
}

/** Starts an outbound call for the agent: active at once (it occupies the line), connected when answered. */
export function dialCall(
  input: unknown,
  at: Instant,
  config: VoiceConfig,
  agent: AgentContext
): Transition<VoiceState> {
  const parsed = parseWith(dialInputSchema, input);
  if (!parsed.ok) return parsed;
  const dial = parsed.value;
  const country = agent.country ?? config.defaultCountry;
  const number = dialString(dial.number, config, country);
  if (number === null) return refuse('INVALID_NUMBER');
  const emergency = isEmergencyNumber(dial.number, config, country);
  const skill = chooseSkill(dial.skillId, agent, emergency);
  if (!skill.ok) return refuse(skill.code);

  const details = emptyContactDetails();
  if (dial.contact) details.whoId = dial.contact.id;
  if (dial.recordId !== undefined) {
    if (isWhoRecord(dial.recordId)) details.whoId = dial.recordId;
    else details.whatId = dial.recordId;
  }
  const state: VoiceState = {
    id: dial.interactionId,
    channel: 'voice',
    direction: 'outbound',
    lifecycle: 'active',
    closedReason: null,
    ownerAgentId: agent.agentId,
    queueId: skill.skill?.id ?? null,
    queueName: skill.skill?.name ?? null,
    customer: { name: dial.contact?.name ?? null, address: number, email: null },
    details,
    transcript: [],
    timers: {
      offeredAt: null,
      offerExpiresAt: null,
      waitingSince: null,
      acceptedAt: at,
      handleResumedAt: at,
      handledMs: 0,
      endedAt: null
    },
    pausedByCall: false,
    number,
    contact: dial.contact,
    source: dial.source,
    emergency,
    providerCallId: null,
    callState: 'dialing',
    connectedAt: null,
    held: false,
    heldSince: null,
    muted: false,
    recording: false,
    masked: false,
    consult: null,
    transfer: null,
    conference: [],
    endedBy: null,
    wrapUpExpiresAt: null,
    liveTranscript: []
  };
  // A record the agent dialled from is already open in the console: no screen pop then.
  const known = details.whoId !== null || details.whatId !== null;
  return {
    ok: true,
    state,
    effects: [
      provider(state, 'dial', { number, skillId: state.queueId, emergency, source: dial.source }),
      workItem(state, 'Opened'),
      ...(known ? [] : screenPop(state))
    ]
  };
}
