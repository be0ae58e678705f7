// Simulated digital channels (e-mail, SMS, WhatsApp, Messenger, Instagram, X: D1): a customer's first message opens a
// conversation in its queue; later messages go to the same conversation; the agent's replies are delivered to the
// customer (or fail for addresses configured as undeliverable), and scripted customers write back.
import { z } from 'zod';
import { digitalAttachmentSchema } from '../../interactions/digital/commands';
import type { ProviderEffect } from '../../interactions/kernel/effects';
import { parseWith } from '../../interactions/kernel/parse';
import type { DigitalChannel } from '../../interactions/kernel/types';
import type { PortResult } from '../port';
import { emptyScript, newContact, type Contact } from './contact';
import type { SimCore } from './core';
import { interactionIdFor } from './ids';
import type { SimResult } from './results';

const sendSchema = z.object({
  messageId: z.string().min(1),
  to: z.string().min(1),
  text: z.string().default(''),
  attachments: z.array(digitalAttachmentSchema).default([]),
  subject: z.string().nullable().optional()
});

export interface NewMessageInput {
  channel: DigitalChannel;
  from: string;
  queueId: string;
  text: string;
  name?: string | undefined;
  subject?: string | undefined;
}

/** A first message: a new conversation with its interaction number (D5), waiting in its queue. */
export async function newConversation(
  core: SimCore,
  input: NewMessageInput,
  script?: Partial<Contact['script']>
): Promise<SimResult<Contact>> {
  const engine = core.engine;
  if (!engine) return { ok: false, error: { code: 'SIMULATOR_NOT_STARTED', message: 'The simulator is not running.' } };
  const contact = newContact({
    id: interactionIdFor(core.ids, input.channel),
    channel: input.channel,
    direction: 'inbound',
    queueId: input.queueId,
    createdAt: core.now(),
    customer: { address: input.from, name: input.name ?? null, email: input.channel === 'email' ? input.from : null },
    state: 'waiting',
    interactionNumber: core.ids.interactionNumber(),
    subject: input.subject ?? null,
    script: { ...emptyScript(), ...script }
  });
  const messageId = core.nextMessageId(contact);
  const event = {
    type: 'inbound',
    interactionId: contact.id,
    interactionNumber: contact.interactionNumber,
    channel: input.channel,
    queueId: input.queueId,
    conversationId: `${contact.id}:thread`,
    from: { address: input.from, name: input.name ?? null, email: contact.customer.email },
    message: { id: messageId, text: input.text, attachments: [] },
    subject: input.subject ?? null
  };
  core.register(contact);
  core.addLeg(contact, { id: contact.id, agentId: '', state: 'active', purpose: 'route' });
  contact.legCount = 1;
  let result: PortResult;
  try {
    result = await engine.receiveInbound(event);
  } catch {
    result = { ok: false, code: 'ENGINE_FAILED', message: 'The connector could not take the message.' };
  }
  const fields = { interactionId: contact.id, channel: input.channel, queueId: input.queueId };
  if (!result.ok) {
    core.contacts.delete(contact.id);
    core.dropLeg(contact, contact.id);
    core.log.warn({ event: 'sim.inboundRefused', ...fields, code: result.code });
    return { ok: false, error: { code: String(result.code), message: result.message } };
  }
  core.log.info({ event: 'sim.inbound', ...fields });
  core.entry(contact, { from: 'customer', author: contact.customer.name, text: input.text, subject: input.subject });
  return { ok: true, value: contact };
}

/** D8: the customer writes again (reopening the conversation when it was ended, D10). */
export async function writeAgain(core: SimCore, contact: Contact, text: string): Promise<PortResult> {
  const messageId = core.nextMessageId(contact);
  core.entry(contact, { from: 'customer', author: contact.customer.name, text });
  contact.state = 'waiting';
  return core.emit(contact.id, { type: 'customerMessage', messageId, text, attachments: [] });
}

/** D13/D14: an agent's outbound e-mail or SMS starts a conversation the simulator has not seen. */
export function outboundContact(core: SimCore, effect: ProviderEffect): Contact | null {
  const parsed = parseWith(sendSchema, effect.args ?? {});
  if (!parsed.ok) return null;
  const to = parsed.value.to;
  const channel: DigitalChannel = to.includes('@') ? 'email' : 'sms';
  const contact = newContact({
    id: effect.interactionId,
    channel,
    direction: 'outbound',
    queueId: null,
    createdAt: core.now(),
    customer: { address: to, name: null, email: channel === 'email' ? to : null },
    state: 'answered',
    subject: parsed.value.subject ?? null
  });
  contact.legCount = 1;
  core.register(contact);
  core.addLeg(contact, { id: contact.id, agentId: '', state: 'active', purpose: 'route' });
  return contact;
}

export function performDigital(core: SimCore, contact: Contact, effect: ProviderEffect): void {
  if (effect.action !== 'send') {
    core.log.warn({
      event: 'sim.unknownAction',
      interactionId: effect.interactionId,
      action: effect.action,
      code: 'SIM_UNKNOWN_ACTION'
    });
    return;
  }
  const parsed = parseWith(sendSchema, effect.args ?? {});
  if (!parsed.ok) {
    core.log.warn({
      event: 'sim.badEffect',
      interactionId: effect.interactionId,
      action: 'send',
      code: 'SIM_BAD_EFFECT'
    });
    return;
  }
  const message = parsed.value;
  if (core.settings.undeliverableAddresses.includes(message.to)) {
    core.later(contact, 0, async () => {
      await core.emit(contact.id, {
        type: 'deliveryFailed',
        messageId: message.messageId,
        reason: 'The recipient cannot be reached on this channel.'
      });
    });
    return;
  }
  core.entry(contact, {
    from: 'agent',
    author: null,
    text: message.text,
    ...(message.subject ? { subject: message.subject } : {}),
    attachments: message.attachments.map(({ name, contentType, sizeBytes }) => ({ name, contentType, sizeBytes }))
  });
  contact.state = 'answered';
  const next = contact.script.replies.shift();
  if (next !== undefined) {
    core.later(contact, core.settings.replyDelayMs, async () => {
      await writeAgain(core, contact, next);
    });
  }
}
