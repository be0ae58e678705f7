// Routing requests: what a contact waiting for an agent carries (queue or target agent, exclusions, handover).
import type { Contact, RoutingPurpose, RoutingRequest } from './contact';
import type { SimCore } from './core';

export function newRequest(
  core: SimCore,
  queueId: string,
  fields: Partial<Omit<RoutingRequest, 'queueId' | 'phase' | 'legId'>> & { purpose?: RoutingPurpose } = {}
): RoutingRequest {
  return {
    queueId,
    target: { kind: 'queue' },
    purpose: 'route',
    enqueuedAt: core.now(),
    excluded: new Map(),
    expiresAt: null,
    handover: null,
    whoId: null,
    senderLegId: null,
    ...fields,
    phase: 'waiting',
    legId: null
  };
}

/** A customer waiting for a first agent (new call, callback or chat). */
export function routeNewContact(core: SimCore, contact: Contact, queueId: string): void {
  core.enqueue(contact, newRequest(core, queueId, { enqueuedAt: contact.createdAt }), false);
}
