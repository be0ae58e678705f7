// Creating a conversation: a customer's first message puts it in a queue (pulled, so no offer timer); an agent's
// outbound e-mail (D13) or SMS (D14) is sent and logged at once ("Save and send"), and answers come back to the queue.
import { parseWith } from '../kernel/parse';
import { refuse } from '../kernel/rejections';
import { emptyContactDetails, type Instant, type Transition } from '../kernel/types';
import { scanText } from '../pci/guard';
import { DIGITAL_ID_KIND } from './channels';
import type { DigitalConfig } from './config';
import { inboundMessageSchema } from './events';
import { agentLine, checkField, checkOutgoing, customerLine } from './messages';
import { outboundGuard, outboundMessageSchema, type AgentContext } from './outbound';
import type { DigitalState } from './state';
import { ok, taskLog } from './sync';
import { uniqueTags } from './tags';

/** D8: status New, waiting in its queue with one unread message. */
export function receiveInbound(input: unknown, at: Instant, config: DigitalConfig): Transition<DigitalState> {
  const parsed = parseWith(inboundMessageSchema, input);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  const name = event.from.name === null ? null : scanText(event.from.name, config.pci).redacted;
  const state: DigitalState = {
    id: event.interactionId,
    channel: event.channel,
    direction: 'inbound',
    lifecycle: 'offered',
    closedReason: null,
    ownerAgentId: null,
    queueId: event.queueId,
    customer: {
      name,
      address: event.from.address,
      email: event.channel === 'email' ? event.from.address : event.from.email
    },
    details: { ...emptyContactDetails(), tags: uniqueTags(event.tags) },
    transcript: [customerLine(event.message, at, name, config)],
    timers: {
      offeredAt: at,
      offerExpiresAt: null,
      waitingSince: at,
      acceptedAt: null,
      handleResumedAt: null,
      handledMs: 0,
      endedAt: null
    },
    pausedByCall: false,
    status: 'New',
    inQueue: true,
    unread: 1,
    priority: event.priority,
    interactionNumber: event.interactionNumber,
    digitalId: { kind: DIGITAL_ID_KIND[event.channel], value: event.from.address },
    masterContactId: event.masterContactId ?? event.interactionId,
    transferCount: 0,
    subject: customerSubject(event.subject, config),
    providerConversationId: event.conversationId,
    createdAt: at,
    lastCustomerMessageAt: at,
    lastAgentId: null,
    round: 1,
    failedMessageIds: []
  };
  return ok(state);
}

/** C6 on a customer's e-mail subject: masked, or in drop mode discarded with the message it belongs to. */
function customerSubject(subject: string | null, config: DigitalConfig): string | null {
  if (subject === null) return null;
  const scan = scanText(subject, config.pci);
  if (!scan.flagged) return subject;
  return config.pci.mode === 'drop' ? null : scan.redacted;
}

/**
 * D13, D14: checks, sends and logs one outbound message. The conversation is created ended (one Task, S5); the
 * customer's answer reopens it in the sender channel's queue (D10).
 */
export function startOutbound(
  input: unknown,
  at: Instant,
  config: DigitalConfig,
  agent: AgentContext
): Transition<DigitalState> {
  const parsed = parseWith(outboundMessageSchema, input);
  if (!parsed.ok) return parsed;
  const form = parsed.value;
  const blocked = outboundGuard(config, agent.agentId, form.channel);
  if (blocked) return refuse(blocked);
  const sender = config.senders.find((s) => s.id === form.senderId && s.channel === form.channel);
  if (sender === undefined) return refuse('DIGITAL_UNKNOWN_SENDER');
  const message =
    form.channel === 'email'
      ? checkOutgoing('email', { text: form.body, attachments: form.attachments }, config)
      : checkOutgoing('sms', { text: form.text, attachments: [] }, config);
  if (!message.ok) return refuse(message.code);
  const subject = form.channel === 'email' ? checkField(form.subject, config) : null;
  if (subject !== null && !subject.ok) return refuse(subject.code);
  const notes = checkField(form.details.notes, config);
  if (!notes.ok) return refuse(notes.code);

  const messageId = `${form.interactionId}#1`;
  const state: DigitalState = {
    id: form.interactionId,
    channel: form.channel,
    direction: 'outbound',
    lifecycle: 'closed',
    closedReason: 'completed',
    ownerAgentId: null,
    queueId: sender.queueId,
    customer: { name: null, address: form.to, email: form.channel === 'email' ? form.to : null },
    details: { ...form.details, tags: uniqueTags(form.details.tags), notes: notes.value },
    transcript: [agentLine(messageId, at, agent.agentName, message.value)],
    timers: {
      offeredAt: null,
      offerExpiresAt: null,
      waitingSince: null,
      acceptedAt: at,
      handleResumedAt: null,
      handledMs: 0,
      endedAt: at
    },
    pausedByCall: false,
    status: 'Resolved',
    inQueue: false,
    unread: 0,
    priority: 0,
    interactionNumber: form.interactionNumber,
    digitalId: { kind: DIGITAL_ID_KIND[form.channel], value: form.to },
    masterContactId: form.interactionId,
    transferCount: 0,
    subject: subject === null ? null : subject.value,
    providerConversationId: null,
    createdAt: at,
    lastCustomerMessageAt: null,
    lastAgentId: agent.agentId,
    round: 1,
    failedMessageIds: []
  };
  const sendArgs: Record<string, unknown> = {
    messageId,
    to: form.to,
    from: sender.address,
    senderId: sender.id,
    text: message.value.text,
    attachments: message.value.attachments
  };
  if (state.subject !== null) sendArgs.subject = state.subject;
  return ok(state, [
    { kind: 'provider', interactionId: state.id, action: 'send', args: sendArgs },
    taskLog(state, agent.agentId)
  ]);
}
