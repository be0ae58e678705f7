// S2/S3/S4: the Omni-Channel side of an interaction. The connector is the external router: its work item is an
// Interaction__c (upserted by Interaction_Key__c = the interaction id), and accepting it routes a PendingServiceRouting
// plus an AgentWork to the agent. AgentWork status is Omni's to change (the console's toolkit accepts, closes and
// transfers it), so the other statuses only move the Interaction__c.
import type { Channel } from '../../interactions/kernel/types';
import type { WorkItemOperation } from '../operation';
import { externalKey } from './keys';

export type InteractionStatus = 'Queued' | 'Active' | 'Wrap-up' | 'Ended';

/** Where each work item status leaves the Interaction__c. Transferred changes nothing (see routesWork). */
export const INTERACTION_STATUS: Record<WorkItemOperation['status'], InteractionStatus | null> = {
  Opened: 'Active',
  Closed: 'Ended',
  Canceled: 'Ended',
  Declined: 'Queued',
  DeclinedOnPushTimeout: 'Queued',
  // Omni turns the sender's AgentWork Transferred itself when the receiving agent's work (their Opened) is accepted
  // (S4). Writing Queued here could overwrite the receiver's Active, since the two are not ordered in every channel.
  Transferred: null
};

export type ServiceChannelKind = 'voice' | 'chat' | 'digital';

export function serviceChannelKind(channel: Channel): ServiceChannelKind {
  if (channel === 'voice' || channel === 'chat') return channel;
  return 'digital';
}

export function interactionKey(interactionId: string): string {
  return externalKey(interactionId);
}

/** The Interaction__c upsert body (Channel__c is required on create, so it is always sent). */
export function interactionFields(op: WorkItemOperation): Record<string, unknown> | null {
  const status = INTERACTION_STATUS[op.status];
  return status === null ? null : { Channel__c: op.channel, Status__c: status };
}

/** Only an accept routes work to the agent: a PendingServiceRouting and an AgentWork pointing at it. */
export function routesWork(op: WorkItemOperation): boolean {
  return op.status === 'Opened';
}

export function pendingRoutingFields(workItemRef: string, serviceChannelRef: string): Record<string, unknown> {
  return {
    WorkItemId: workItemRef,
    ServiceChannelId: serviceChannelRef,
    RoutingType: 'ExternalRouting',
    RoutingModel: 'ExternalRouting',
    RoutingPriority: 1,
    IsReadyForRouting: true
  };
}

/**
 * The agent already accepted in the softphone, so Omni must not refuse the work for capacity: the softphone counts
 * capacity itself (A5). Omni pushes it (Assigned); the console's relay accepts it (Opened).
 */
export function agentWorkFields(
  op: WorkItemOperation,
  workItemRef: string,
  serviceChannelRef: string,
  pendingRoutingRef: string
): Record<string, unknown> {
  return {
    UserId: op.agentId,
    WorkItemId: workItemRef,
    ServiceChannelId: serviceChannelRef,
    PendingServiceRoutingId: pendingRoutingRef,
    ShouldSkipCapacityCheck: true
  };
}
