// A simulated PBX: no audio, but every call control (V2–V11) gets the answer a real PBX would give. Ringing takes
// `ringMs`; numbers listed as unreachable fail; an Offline agent does not answer a consult.
import { z } from 'zod';
import type { ProviderEffect } from '../../interactions/kernel/effects';
import { parseWith } from '../../interactions/kernel/parse';
import { callTargetSchema, type CallTarget } from '../../interactions/voice';
import { newContact, type Contact, type Leg } from './contact';
import type { SimCore } from './core';
import { reachability } from './reach';
import { startCallScript } from './voiceCustomer';

const argsSchemas = {
  dial: z.object({ number: z.string().min(1), skillId: z.string().nullable().optional() }),
  sendDigits: z.object({ digits: z.string().min(1), leg: z.enum(['customer', 'consult']).default('customer') }),
  end: z.object({ leaveConference: z.boolean().optional() }),
  consult: z.object({ target: callTargetSchema, number: z.string().nullable().optional() }),
  merge: z.object({ participantId: z.string().min(1) }),
  transfer: z.object({
    mode: z.enum(['consult', 'blind']),
    target: callTargetSchema,
    number: z.string().nullable().optional(),
    details: z.object({ whoId: z.string().nullable(), whatId: z.string().nullable() }).partial().optional()
  })
};

function argsOf<K extends keyof typeof argsSchemas>(core: SimCore, effect: ProviderEffect, action: K) {
  const parsed = parseWith(argsSchemas[action], effect.args ?? {});
  if (parsed.ok) return parsed.value as z.infer<(typeof argsSchemas)[K]>;
  core.log.warn({ event: 'sim.badEffect', interactionId: effect.interactionId, action, code: 'SIM_BAD_EFFECT' });
  return null;
}

/** An agent's outbound call (V9, V12): the contact starts here, on the agent's side. */
export function dialledContact(core: SimCore, effect: ProviderEffect): Contact | null {
  const args = argsOf(core, effect, 'dial');
  if (!args) return null;
  const contact = newContact({
    id: effect.interactionId,
    channel: 'voice',
    direction: 'outbound',
    queueId: args.skillId ?? null,
    createdAt: core.now(),
    customer: { address: args.number, name: null, email: null },
    state: 'ringing',
    providerCallId: `pbx-${core.ids.uuid()}`
  });
  contact.legCount = 1;
  core.register(contact);
  core.addLeg(contact, { id: effect.interactionId, agentId: '', state: 'active', purpose: 'route' });
  return contact;
}

export function performVoice(core: SimCore, contact: Contact, leg: Leg, effect: ProviderEffect): void {
  const call = contact.call;
  if (!call) return;
  switch (effect.action) {
    case 'accept':
      return accepted(core, contact, leg);
    case 'decline':
      // The routing effect (requeue) that follows puts the call back in its queue.
      if (leg.state === 'offered') leg.state = 'over';
      return;
    case 'dial':
      return ringCustomer(core, contact, leg);
    case 'hold':
    case 'resume':
      call.onHold = effect.action === 'hold';
      return core.notice(contact, call.onHold ? 'on_hold' : 'resumed');
    case 'mute':
    case 'unmute':
      call.agentMuted = effect.action === 'mute';
      return core.notice(contact, call.agentMuted ? 'agent_muted' : 'agent_unmuted');
    case 'recordStart':
      call.recording = true;
      core.notice(contact, 'recording_started');
      if (core.settings.recordingFails) {
        core.later(contact, 0, async () => {
          call.recording = false;
          await core.emit(leg.id, { type: 'recordingFailed', interactionId: leg.id });
        });
      }
      return;
    case 'recordStop':
      call.recording = false;
      return core.notice(contact, 'recording_stopped');
    case 'mask':
    case 'unmask':
      call.masked = effect.action === 'mask';
      return core.notice(contact, call.masked ? 'recording_paused' : 'recording_resumed');
    case 'sendDigits': {
      const args = argsOf(core, effect, 'sendDigits');
      if (!args || args.leg === 'consult') return;
      call.digitsReceived += args.digits;
      return core.entry(contact, { from: 'agent', author: contact.agent?.name ?? null, digits: args.digits });
    }
    case 'end':
      return agentHungUp(core, contact, leg, argsOf(core, effect, 'end')?.leaveConference === true);
    case 'consult':
      return consult(core, contact, leg, argsOf(core, effect, 'consult'));
    case 'cancelConsult':
      call.consult = null;
      return;
    case 'merge': {
      const args = argsOf(core, effect, 'merge');
      if (!args) return;
      call.conference.push(args.participantId);
      call.consult = null;
      call.onHold = false;
      return core.notice(contact, 'conference_started');
    }
    case 'transfer':
      return transfer(core, contact, leg, argsOf(core, effect, 'transfer'));
    default:
      core.log.warn({
        event: 'sim.unknownAction',
        interactionId: leg.id,
        action: effect.action,
        code: 'SIM_UNKNOWN_ACTION'
      });
  }
}

function accepted(core: SimCore, contact: Contact, leg: Leg): void {
  leg.state = 'active';
  if (contact.request) contact.queueId = contact.request.queueId;
  core.withdraw(contact);
  contact.agent = { agentId: leg.agentId, name: core.agentName(leg.agentId) };
  // A callback the agent accepted: now the PBX calls the customer.
  if (contact.direction === 'callback' && contact.call?.connectedAt === null) {
    ringCustomer(core, contact, leg);
    return;
  }
  connected(core, contact, leg);
}

/** Outbound dial or callback: the customer's phone rings, then answers or not. */
function ringCustomer(core: SimCore, contact: Contact, leg: Leg): void {
  contact.state = 'ringing';
  core.notice(contact, 'ringing');
  core.later(contact, core.settings.ringMs, async () => {
    const reason = contact.script.answers ? core.unreachable(contact.customer.address) : 'noAnswer';
    if (reason) {
      leg.state = 'over';
      core.notice(contact, 'missed_call');
      core.end(contact, 'dial_failed');
      await core.emit(leg.id, { type: 'dialFailed', interactionId: leg.id, reason });
      return;
    }
    const answered = { type: 'callConnected', interactionId: leg.id, providerCallId: contact.providerCallId ?? leg.id };
    connected(core, contact, leg);
    await core.emit(leg.id, answered);
  });
}

function connected(core: SimCore, contact: Contact, leg: Leg): void {
  contact.state = 'connected';
  core.notice(contact, 'agent_joined', contact.agent?.name ?? core.agentName(leg.agentId));
  const call = contact.call;
  if (call && call.connectedAt === null) {
    call.connectedAt = core.now();
    startCallScript(core, contact);
  }
}

function agentHungUp(core: SimCore, contact: Contact, leg: Leg, leaveConference: boolean): void {
  leg.state = 'over';
  if (leaveConference) {
    // The other parties stay on the line with the customer.
    core.notice(contact, 'agent_left', contact.agent?.name ?? null);
    contact.agent = null;
    return;
  }
  core.notice(contact, 'call_ended');
  core.end(contact, 'agent_ended');
}

/** V5/V6: the consulted party rings, then answers (consultConnected) or not (consultFailed). */
function consult(
  core: SimCore,
  contact: Contact,
  leg: Leg,
  args: { target: CallTarget; number?: string | null | undefined } | null
): void {
  const call = contact.call;
  if (!args || !call) return;
  contact.counters.participant += 1;
  const pending = { participantId: `${contact.id}:p${contact.counters.participant}`, connected: false };
  call.consult = pending;
  core.later(contact, core.settings.ringMs, async () => {
    const reason = await reachability(core, args.target, args.number ?? null, leg.agentId);
    // The agent may have cancelled while it rang.
    if (call.consult !== pending || contact.state === 'ended') return;
    if (reason) {
      call.consult = null;
      await core.emit(leg.id, { type: 'consultFailed', interactionId: leg.id, reason });
      return;
    }
    pending.connected = true;
    await core.emit(leg.id, { type: 'consultConnected', interactionId: leg.id, participantId: pending.participantId });
  });
}

/**
 * Warm transfer (mode consult): the agent's leg is already closed by the machine. Blind: the target rings, then the
 * PBX reports transferCompleted or transferFailed. Agents and queues get the call through routing; a number takes
 * the call out of the contact centre.
 */
function transfer(
  core: SimCore,
  contact: Contact,
  leg: Leg,
  args: z.infer<(typeof argsSchemas)['transfer']> | null
): void {
  if (!args) return;
  contact.travelling = { whoId: args.details?.whoId ?? null, whatId: args.details?.whatId ?? null };
  const leavesCentre = args.target.kind === 'number' || args.target.kind === 'contact';
  const handedOver = () => {
    if (leavesCentre) {
      core.notice(contact, 'transferred_out');
      core.end(contact, 'transferred_out');
    }
  };
  if (args.mode === 'consult') {
    leg.state = 'over';
    handedOver();
    return;
  }
  core.later(contact, core.settings.ringMs, async () => {
    const reason =
      args.target.kind === 'queue' ? null : await reachability(core, args.target, args.number ?? null, leg.agentId);
    if (reason) {
      await core.emit(leg.id, { type: 'transferFailed', interactionId: leg.id, reason });
      return;
    }
    leg.state = 'over';
    await core.emit(leg.id, { type: 'transferCompleted', interactionId: leg.id });
    handedOver();
  });
}
