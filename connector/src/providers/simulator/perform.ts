// ProviderPort.perform: one provider effect, answered on the customer's side of the seam. Never throws; an effect
// for an interaction the simulator does not know is logged by code and dropped.
import type { ProviderEffect } from '../../interactions/kernel/effects';
import { performChat } from './chatService';
import type { Contact } from './contact';
import type { SimCore } from './core';
import { outboundContact, performDigital } from './digital';
import { dialledContact, performVoice } from './voicePbx';

export function performEffect(core: SimCore, effect: ProviderEffect): void {
  const contact = core.find(effect.interactionId) ?? startedByAgent(core, effect);
  const fields = { interactionId: effect.interactionId, action: effect.action };
  if (!contact) {
    core.log.warn({ event: 'sim.performUnknown', ...fields, code: 'SIM_UNKNOWN_INTERACTION' });
    return;
  }
  core.log.debug({ event: 'sim.perform', ...fields, contactId: contact.id });
  if (contact.channel !== 'voice' && contact.channel !== 'chat') {
    performDigital(core, contact, effect);
    return;
  }
  const leg = core.legOf(contact, effect.interactionId);
  if (!leg) return;
  if (contact.channel === 'voice') performVoice(core, contact, leg, effect);
  else performChat(core, contact, leg, effect);
}

/** Outbound work begins on the agent's side: a dialled call (V9), an outbound e-mail or SMS (D13, D14). */
function startedByAgent(core: SimCore, effect: ProviderEffect): Contact | null {
  if (effect.action === 'dial') return dialledContact(core, effect);
  if (effect.action === 'send' && effect.args && 'to' in effect.args) return outboundContact(core, effect);
  return null;
}
