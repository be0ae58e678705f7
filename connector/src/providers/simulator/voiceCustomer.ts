// The caller's side of a simulated call: placing it, pressing keys, speaking (V14 live transcript), hanging up, and
// the scripted behaviour of callers from the scenario file.
import { emptyScript, newContact, openLegs, type Contact } from './contact';
import type { SimCore } from './core';
import { interactionIdFor } from './ids';
import { routeNewContact } from './requests';

export interface PlaceCallInput {
  from: string;
  queueId: string;
  kind: 'inbound' | 'callback';
  name?: string | undefined;
}

/** A new inbound call or callback request, waiting in its queue. */
export function placeCall(core: SimCore, input: PlaceCallInput, script?: Partial<Contact['script']>): Contact {
  const contact = newContact({
    id: interactionIdFor(core.ids, 'voice'),
    channel: 'voice',
    direction: input.kind,
    queueId: input.queueId,
    createdAt: core.now(),
    customer: { address: input.from, name: input.name ?? null, email: null },
    state: 'waiting',
    providerCallId: `pbx-${core.ids.uuid()}`,
    script: { ...emptyScript(), ...script }
  });
  core.register(contact);
  core.notice(contact, input.kind === 'callback' ? 'callback_requested' : 'queued');
  core.log.info({ event: 'sim.callPlaced', interactionId: contact.id, direction: input.kind, queueId: input.queueId });
  routeNewContact(core, contact, input.queueId);
  const patience = contact.script.patienceMs;
  if (patience !== null) {
    core.later(contact, patience, async () => {
      if (contact.state === 'waiting') await hangUp(core, contact);
    });
  }
  return contact;
}

/** The customer hangs up: every leg still ringing or talking hears it (offered: abandoned). */
export async function hangUp(core: SimCore, contact: Contact): Promise<void> {
  const legs = openLegs(contact);
  core.entry(contact, { from: 'customer', author: null, notice: 'hung_up' });
  core.end(contact, 'customer_hung_up');
  for (const leg of legs) {
    leg.state = 'over';
    await core.emit(leg.id, { type: 'customerHungUp', interactionId: leg.id });
  }
}

/** Keys pressed on the customer's phone: kept on the customer's side (no provider event carries them). */
export function pressDigits(core: SimCore, contact: Contact, digits: string): void {
  core.entry(contact, { from: 'customer', author: null, digits });
}

/** V14: what the customer says reaches the agent as a live transcript segment. */
export async function say(core: SimCore, contact: Contact, text: string): Promise<void> {
  core.entry(contact, { from: 'customer', author: null, text });
  const leg = openLegs(contact).find((candidate) => candidate.state === 'active');
  if (!leg) return;
  contact.counters.segment += 1;
  await core.emit(leg.id, {
    type: 'transcriptSegment',
    interactionId: leg.id,
    segmentId: `${contact.id}:s${contact.counters.segment}`,
    side: 'customer',
    text,
    final: true
  });
}

/** Starts what a scripted caller does once first connected: keys, speech, hanging up. */
export function startCallScript(core: SimCore, contact: Contact): void {
  const script = contact.script;
  for (const step of script.digits) {
    core.later(contact, step.afterMs, async () => pressDigits(core, contact, step.digits));
  }
  for (const step of script.says) core.later(contact, step.afterMs, () => say(core, contact, step.text));
  if (script.hangUpAfterMs !== null) core.later(contact, script.hangUpAfterMs, () => hangUp(core, contact));
}
