// A simulated web-chat service: delivers the agent's messages, pages and notices to the customer's window, and answers
// for invited agents (C9) and for transfers (C8) on the customer's side of the seam.
import { z } from 'zod';
import { chatAttachmentSchema } from '../../interactions/chat/commands';
import type { ProviderEffect } from '../../interactions/kernel/effects';
import { parseWith } from '../../interactions/kernel/parse';
import { openLegs, type Contact, type Leg } from './contact';
import type { SimCore } from './core';
import { declineChatTransfer } from './router';
import { afterAgentMessage } from './chatCustomer';

const argsSchemas = {
  accept: z.object({ agentName: z.string().optional() }),
  send: z.object({
    author: z.string().nullable().optional(),
    text: z.string().default(''),
    attachments: z.array(chatAttachmentSchema).default([])
  }),
  pushPage: z.object({ url: z.string().min(1), author: z.string().nullable().optional() }),
  agent: z.object({ agentId: z.string().min(1) }),
  agents: z.object({ agentIds: z.array(z.string()).default([]) }),
  emailTranscript: z.object({ to: z.string().min(1) })
};

function argsOf<K extends keyof typeof argsSchemas>(core: SimCore, effect: ProviderEffect, action: K) {
  const parsed = parseWith(argsSchemas[action], effect.args ?? {});
  if (parsed.ok) return parsed.value as z.infer<(typeof argsSchemas)[K]>;
  core.log.warn({ event: 'sim.badEffect', interactionId: effect.interactionId, action, code: 'SIM_BAD_EFFECT' });
  return null;
}

export function performChat(core: SimCore, contact: Contact, leg: Leg, effect: ProviderEffect): void {
  switch (effect.action) {
    case 'accept':
      return accepted(core, contact, leg, argsOf(core, effect, 'accept')?.agentName ?? null);
    case 'decline':
      // The routing effect (requeue) that follows offers the chat to the next agent.
      if (leg.state === 'offered') leg.state = 'over';
      return;
    case 'send': {
      const args = argsOf(core, effect, 'send');
      if (!args) return;
      const attachments = args.attachments.map(({ name, contentType, sizeBytes }) => ({
        name,
        contentType,
        sizeBytes
      }));
      core.entry(contact, { from: 'agent', author: args.author ?? null, text: args.text, attachments });
      return afterAgentMessage(core, contact);
    }
    case 'pushPage': {
      const args = argsOf(core, effect, 'pushPage');
      if (args) core.entry(contact, { from: 'agent', author: args.author ?? null, url: args.url });
      return;
    }
    case 'conferenceInvite': {
      const args = argsOf(core, effect, 'agent');
      if (args) invite(core, contact, leg, args.agentId);
      return;
    }
    case 'conferenceEnd':
      for (const agentId of argsOf(core, effect, 'agents')?.agentIds ?? []) guestLeft(core, contact, agentId);
      return;
    case 'conferenceLeave': {
      const args = argsOf(core, effect, 'agent');
      if (args) guestLeft(core, contact, args.agentId);
      return;
    }
    case 'transferCancel':
      return transferWithdrawn(core, contact);
    case 'end':
      return ended(core, contact, leg);
    case 'emailTranscript':
      if (argsOf(core, effect, 'emailTranscript')) core.notice(contact, 'transcript_emailed');
      return;
    default:
      core.log.warn({
        event: 'sim.unknownAction',
        interactionId: leg.id,
        action: effect.action,
        code: 'SIM_UNKNOWN_ACTION'
      });
  }
}

/** C3; C8: a transfer receiver accepting closes the sender's leg (transfer.accepted). */
function accepted(core: SimCore, contact: Contact, leg: Leg, agentName: string | null): void {
  leg.state = 'active';
  if (agentName) core.nameAgent(leg.agentId, agentName);
  const request = contact.request;
  if (request) contact.queueId = request.queueId;
  core.withdraw(contact);
  // C17: a parked chat taken for follow-up: its customer is gone.
  if (leg.purpose === 'followUp') return;
  const senderLegId = leg.purpose === 'transfer' ? (request?.senderLegId ?? null) : null;
  if (senderLegId) {
    const sender = core.legOf(contact, senderLegId);
    if (sender) sender.state = 'over';
    const name = agentName ?? core.agentName(leg.agentId) ?? leg.agentId;
    core.later(contact, 0, async () => {
      await core.emit(senderLegId, { type: 'transfer.accepted', agentId: leg.agentId, agentName: name });
    });
    core.notice(contact, 'transferred');
  }
  contact.agent = { agentId: leg.agentId, name: agentName ?? core.agentName(leg.agentId) };
  contact.state = 'connected';
  core.notice(contact, 'agent_joined', contact.agent.name);
}

/** C9: the invited agent's phone rings; a logged-in agent joins, an Offline or unknown one declines. */
function invite(core: SimCore, contact: Contact, leg: Leg, agentId: string): void {
  core.later(contact, core.settings.ringMs, async () => {
    const engine = core.engine;
    const agents = engine ? await engine.routableAgents() : [];
    core.rememberAgents(agents);
    const agent = agents.find((candidate) => candidate.agentId === agentId);
    if (!agent || agent.status === 'Offline') {
      await core.emit(leg.id, { type: 'conference.declined', agentId });
      return;
    }
    const result = await core.emit(leg.id, { type: 'conference.accepted', agentId, agentName: agent.name });
    if (result.ok) {
      contact.guests.set(agentId, agent.name);
      core.notice(contact, 'agent_joined', agent.name);
    }
  });
}

function guestLeft(core: SimCore, contact: Contact, agentId: string): void {
  const name = contact.guests.get(agentId);
  if (name === undefined) return;
  contact.guests.delete(agentId);
  core.notice(contact, 'agent_left', name);
}

/** The sender ended the chat while a transfer was pending: a receiver's open offer goes away with the customer. */
function transferWithdrawn(core: SimCore, contact: Contact): void {
  const request = contact.request;
  if (!request || request.purpose !== 'transfer') return;
  core.withdraw(contact);
  const offered = request.legId === null ? undefined : core.legOf(contact, request.legId);
  if (offered && offered.state === 'offered') {
    offered.state = 'over';
    core.later(contact, 0, async () => {
      await core.emit(offered.id, { type: 'customer.left' });
    });
  }
}

/** C10/C15: the customer sees "agent left"; an offer Salesforce closed on a transfer receiver is a declined transfer. */
function ended(core: SimCore, contact: Contact, leg: Leg): void {
  const wasOffered = leg.state === 'offered';
  leg.state = 'over';
  const request = contact.request;
  if (leg.purpose === 'transfer' && wasOffered) {
    if (request && request.legId === leg.id) {
      core.later(contact, 0, () =>
        declineChatTransfer(core, contact, request, 'The agent did not accept the transfer.')
      );
    }
    return;
  }
  if (leg.purpose === 'followUp') {
    core.withdraw(contact);
    return;
  }
  if (contact.state === 'ended') return;
  const others = openLegs(contact);
  core.notice(contact, 'agent_left', contact.agent?.name ?? core.agentName(leg.agentId));
  core.end(contact, 'agent_ended');
  for (const other of others) {
    other.state = 'over';
    core.later(null, 0, async () => {
      await core.emit(other.id, { type: 'customer.left' });
    });
  }
}
