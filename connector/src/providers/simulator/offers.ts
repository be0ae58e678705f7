// The offer events routing hands to the engine: voice `callOffered`, chat `chat.offered`. Their shapes are the
// machines' own schemas (voice/events.ts, chat/offer.ts); the engine parses them again.
import type { ChatHandover } from '../../interactions/chat';
import type { Contact, RoutingRequest } from './contact';
import type { SimCore } from './core';

export function callOffered(core: SimCore, contact: Contact, request: RoutingRequest, agentId: string, legId: string) {
  return {
    type: 'callOffered' as const,
    interactionId: legId,
    providerCallId: contact.providerCallId ?? legId,
    // An outbound call transferred to a colleague reaches them like an inbound one.
    direction: contact.direction === 'callback' ? ('callback' as const) : ('inbound' as const),
    number: contact.customer.address,
    agentId,
    queueId: request.queueId,
    queueName: core.queueName(request.queueId),
    // V8: the Name chosen by the transferring agent travels as the offer's matched contact.
    contact: request.whoId === null ? null : { id: request.whoId, name: contact.customer.name },
    customerName: contact.customer.name,
    waitingSince: request.enqueuedAt
  };
}

export function chatOffered(core: SimCore, contact: Contact, request: RoutingRequest, agentId: string, legId: string) {
  // C2: before any agent accepted, the bot lines and whatever the customer wrote while waiting come with the offer.
  const waitingLines =
    request.purpose === 'route'
      ? contact.entries
          // The bot transcript's own lines open the customer's history; they are offered once, as bot lines.
          .slice(contact.botLines.length)
          .filter((entry) => entry.from === 'customer' && entry.text !== undefined)
          .map((entry) => ({ at: entry.at, from: 'customer' as const, author: null, text: entry.text ?? '' }))
      : [];
  const botTranscript = request.purpose === 'route' ? [...contact.botLines, ...waitingLines] : [];
  const handover = request.purpose === 'route' ? null : (request.handover ?? fallbackHandover(core, contact, request));
  return {
    type: 'chat.offered' as const,
    interactionId: legId,
    agentId,
    queueId: request.queueId,
    customer: { id: contact.customer.address, name: contact.customer.name, email: contact.customer.email },
    waitingSince: request.enqueuedAt,
    botTranscript: botTranscript.slice(-1_000),
    ...(handover ? { handover } : {})
  };
}

/** When the engine passed no handover, the receiver still gets the conversation as the customer saw it. */
function fallbackHandover(core: SimCore, contact: Contact, request: RoutingRequest): ChatHandover {
  const sender = contact.legs.find((leg) => leg.id === request.senderLegId) ?? contact.legs[0];
  const senderId = sender?.agentId ?? 'unknown';
  const shownName = contact.agent?.agentId === senderId ? contact.agent.name : null;
  return {
    fromAgentId: senderId,
    fromAgentName: shownName ?? core.agentName(senderId) ?? senderId,
    // S4: every leg of a contact is the same Salesforce work item: the contact's first interaction (its id).
    workItemKey: contact.id,
    transcript: contact.entries
      .filter((entry) => entry.text !== undefined && entry.from !== 'system')
      .slice(-5_000)
      .map((entry) => ({
        at: entry.at,
        from: entry.from,
        author: entry.author,
        text: entry.text ?? '',
        attachments: []
      })),
    details: { whoId: null, whatId: null, dispositions: [], tags: [], notes: '' }
  };
}
