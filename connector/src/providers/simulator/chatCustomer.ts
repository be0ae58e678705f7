// The chat customer's side: opening a chat (with a bot transcript, C2), writing, leaving (C10), and what scripted
// customers do: answer each agent message with their next line, and leave when they have nothing more to say.
import type { ChatAttachment } from '../../interactions/chat/commands';
import type { PortResult } from '../port';
import { emptyScript, newContact, openLegs, type Contact } from './contact';
import type { SimCore } from './core';
import { interactionIdFor } from './ids';
import { routeNewContact } from './requests';

export interface StartChatInput {
  customerId: string;
  queueId: string;
  name?: string | undefined;
  email?: string | undefined;
  botTranscript?: { from: 'bot' | 'customer'; author?: string | undefined; text: string }[] | undefined;
}

export function startChat(core: SimCore, input: StartChatInput, script?: Partial<Contact['script']>): Contact {
  const now = core.now();
  const contact = newContact({
    id: interactionIdFor(core.ids, 'chat'),
    channel: 'chat',
    direction: 'inbound',
    queueId: input.queueId,
    createdAt: now,
    customer: { address: input.customerId, name: input.name ?? null, email: input.email ?? null },
    state: 'waiting',
    script: { ...emptyScript(), ...script },
    botLines: (input.botTranscript ?? []).map((line) => ({
      at: now,
      from: line.from,
      author: line.author ?? (line.from === 'bot' ? 'Bot' : null),
      text: line.text
    }))
  });
  core.register(contact);
  for (const line of contact.botLines) core.entry(contact, { from: line.from, author: line.author, text: line.text });
  core.notice(contact, 'queued');
  core.log.info({ event: 'sim.chatStarted', interactionId: contact.id, queueId: input.queueId });
  routeNewContact(core, contact, input.queueId);
  const patience = contact.script.patienceMs;
  if (patience !== null) {
    core.later(contact, patience, async () => {
      if (contact.state === 'waiting') await leaveChat(core, contact);
    });
  }
  return contact;
}

/**
 * The customer writes. Every leg still offered or talking gets it (during a C8 transfer both the sender and the
 * receiver's offer); while the chat waits for an agent it is kept and comes with the offer.
 */
export async function writeInChat(
  core: SimCore,
  contact: Contact,
  text: string,
  attachments: ChatAttachment[]
): Promise<PortResult> {
  core.entry(contact, {
    from: 'customer',
    author: contact.customer.name,
    text,
    attachments: attachments.map(({ name, contentType, sizeBytes }) => ({ name, contentType, sizeBytes }))
  });
  const legs = openLegs(contact).filter((leg) => leg.purpose !== 'followUp');
  let outcome: PortResult = { ok: true };
  for (const leg of legs) {
    const result = await core.emit(leg.id, { type: 'customer.message', text, attachments });
    if (!result.ok) outcome = result;
  }
  return outcome;
}

/** C10: the customer closes the window; agents see "customer left", an open offer is abandoned. */
export async function leaveChat(core: SimCore, contact: Contact): Promise<void> {
  const legs = openLegs(contact).filter((leg) => leg.purpose !== 'followUp');
  core.entry(contact, { from: 'customer', author: contact.customer.name, notice: 'customer_left' });
  core.end(contact, 'customer_left');
  for (const leg of legs) {
    leg.state = 'over';
    await core.emit(leg.id, { type: 'customer.left' });
  }
}

/** A scripted customer answers each agent message with the next line, then leaves if the script says so. */
export function afterAgentMessage(core: SimCore, contact: Contact): void {
  const script = contact.script;
  if (script.leaving || contact.state === 'ended') return;
  const next = script.replies.shift();
  if (next !== undefined) {
    core.later(contact, core.settings.replyDelayMs, async () => {
      await writeInChat(core, contact, next, []);
    });
    return;
  }
  if (!script.leavesWhenDone) return;
  script.leaving = true;
  core.later(contact, core.settings.replyDelayMs, () => leaveChat(core, contact));
}
