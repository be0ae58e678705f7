// The engine's routing effects (ProviderPort.route): an offer that came back (RONA, decline: A4), a transfer to a
// queue or an agent (C8, V6, D12), or a release. Calls and chats are routed here; digital work is pulled by agents,
// so for it only the queue is remembered.
import { z } from 'zod';
import { chatHandoverSchema } from '../../interactions/chat';
import { parseWith } from '../../interactions/kernel/parse';
import type { ProviderPort } from '../port';
import type { Contact, Leg } from './contact';
import type { SimCore } from './core';
import { newRequest } from './requests';
import { declineChatTransfer } from './router';

export type RouteEffect = Parameters<ProviderPort['route']>[0];

const voiceHandoverSchema = z.object({
  whoId: z.string().min(1).max(18).nullable().optional(),
  whatId: z.string().min(1).max(18).nullable().optional()
});

export function applyRoute(core: SimCore, effect: RouteEffect): void {
  const contact = core.find(effect.interactionId);
  const fields = { interactionId: effect.interactionId, action: effect.action };
  if (!contact) {
    core.log.warn({ event: 'sim.routeUnknown', ...fields, code: 'SIM_UNKNOWN_INTERACTION' });
    return;
  }
  core.log.info({ event: 'sim.route', ...fields, contactId: contact.id });
  if (contact.channel !== 'voice' && contact.channel !== 'chat') {
    // D12: the conversation now belongs to the target queue; a reopen (requeue) changes nothing here.
    if (effect.action === 'transferToQueue' && effect.queueId) contact.queueId = effect.queueId;
    return;
  }
  const leg = core.legOf(contact, effect.interactionId);
  switch (effect.action) {
    case 'release':
      if (leg?.state === 'offered') leg.state = 'over';
      core.withdraw(contact);
      return;
    case 'requeue':
      requeue(core, contact, leg, effect.excludeAgentId);
      return;
    case 'transferToQueue':
    case 'transferToAgent':
      if (contact.channel === 'voice') transferCall(core, contact, leg, effect);
      else transferChat(core, contact, leg, effect);
  }
}

/** A4: back to the head of its queue; the agent who missed or declined is skipped for a while. */
function requeue(core: SimCore, contact: Contact, leg: Leg | undefined, excludeAgentId: string | undefined): void {
  if (leg) leg.state = 'over';
  const request = contact.request;
  const until = core.now() + core.settings.reofferAfterMs;
  if (request && leg && request.legId === leg.id) {
    if (contact.channel === 'chat' && request.purpose === 'transfer' && request.target.kind === 'agent') {
      // C8: the agent the chat was transferred to did not take it; the sender keeps it.
      core.later(contact, 0, () =>
        declineChatTransfer(core, contact, request, 'The agent did not accept the transfer.')
      );
      return;
    }
    if (request.target.kind === 'agent') request.target = { kind: 'queue' };
    if (excludeAgentId) request.excluded.set(excludeAgentId, until);
    request.phase = 'waiting';
    request.legId = null;
    core.enqueue(contact, request, true);
    return;
  }
  // An offer routing did not make (e.g. before a restart): route it again unless someone already took it.
  const queueId = contact.queueId;
  if (request || queueId === null || contact.state !== 'waiting') return;
  const fresh = newRequest(core, queueId, { enqueuedAt: contact.createdAt });
  if (excludeAgentId) fresh.excluded.set(excludeAgentId, until);
  core.enqueue(contact, fresh, true);
}

/** V6/V8: the transferring agent's leg is over; the customer waits for the target, with Name travelling along. */
function transferCall(core: SimCore, contact: Contact, leg: Leg | undefined, effect: RouteEffect): void {
  if (contact.state === 'ended') return;
  if (leg) leg.state = 'over';
  const handover = effect.handover === undefined ? null : parseWith(voiceHandoverSchema, effect.handover);
  const whoId = handover?.ok ? (handover.value.whoId ?? null) : (contact.travelling?.whoId ?? null);
  const now = core.now();
  const queueId = effect.queueId ?? contact.queueId;
  const excluded = new Map<string, number>();
  if (leg && leg.agentId !== '') excluded.set(leg.agentId, now + core.settings.reofferAfterMs);
  const target =
    effect.action === 'transferToAgent' && effect.agentId
      ? // Without a queue to fall back to, the call keeps waiting for that agent.
        {
          kind: 'agent' as const,
          agentId: effect.agentId,
          until: queueId ? now + core.settings.agentTransferTimeoutMs : Infinity
        }
      : { kind: 'queue' as const };
  contact.state = 'waiting';
  contact.agent = null;
  core.notice(contact, 'transferred');
  core.enqueue(contact, newRequest(core, queueId ?? '', { purpose: 'transfer', target, excluded, whoId }), false);
}

/**
 * C8: the sender keeps the chat until the receiver accepts (transfer.accepted) or nobody does (transfer.declined).
 * C17: a parked chat (its customer gone) goes to the follow-up queue as work for whoever takes it.
 */
function transferChat(core: SimCore, contact: Contact, leg: Leg | undefined, effect: RouteEffect): void {
  const now = core.now();
  const handover = effect.handover === undefined ? null : parseWith(chatHandoverSchema, effect.handover);
  if (handover && !handover.ok) {
    core.log.warn({ event: 'sim.badHandover', interactionId: effect.interactionId, code: 'SIM_BAD_HANDOVER' });
  }
  const live = contact.state !== 'ended' && leg?.state === 'active';
  const queueId = effect.queueId ?? contact.queueId ?? '';
  const excluded = new Map<string, number>();
  if (leg && leg.agentId !== '') excluded.set(leg.agentId, Infinity);
  const target =
    effect.action === 'transferToAgent' && effect.agentId
      ? { kind: 'agent' as const, agentId: effect.agentId, until: now + core.settings.agentTransferTimeoutMs }
      : { kind: 'queue' as const };
  if (!live && target.kind === 'agent') {
    core.log.warn({ event: 'sim.transferOfEndedChat', interactionId: effect.interactionId, code: 'SIM_CHAT_ENDED' });
    return;
  }
  const request = newRequest(core, queueId, {
    purpose: live ? 'transfer' : 'followUp',
    target,
    excluded,
    expiresAt: live ? now + core.settings.chatTransferTimeoutMs : null,
    handover: handover?.ok ? handover.value : null,
    senderLegId: live ? (leg?.id ?? null) : null
  });
  core.enqueue(contact, request, false);
}
