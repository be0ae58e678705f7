// SyncOperation -> Composite subrequests. Pure: everything the plan depends on (reference ids, service channel ids,
// whether the Task may already exist) comes in the context, so each mapping is tested without an org.
import type { CompositeSubrequest } from '../client';
import type { SyncOperation } from '../operation';
import type { RoutedWork } from './acceptGuard';
import { screenPopQueries } from './screenPop';
import { taskFields, taskKey } from './task';
import {
  agentWorkFields,
  interactionFields,
  interactionKey,
  pendingRoutingFields,
  routesWork,
  serviceChannelKind,
  type ServiceChannelKind
} from './workItem';

export interface PlanContext {
  /** `/services/data/vNN.N` */
  dataPath: string;
  /** The outbox dedupe key of the row (the Task's external id). */
  dedupeKey: string;
  /** A referenceId unique in the Composite request, for this operation's role ("item", "work" ...). */
  ref(role: string): string;
  /** The ServiceChannel id, or a reference to the query that finds it in the same request. */
  serviceChannel(kind: ServiceChannelKind): string;
  /** False when an earlier attempt may have created the Task: TaskSubtype (create-only) is then left out. */
  taskWithSubtype: boolean;
  /** A retried accept whose AgentWork Salesforce already has: only the Interaction__c is written again. */
  alreadyRouted: RoutedWork | null;
}

export type OperationPlan =
  /** Done when every subrequest succeeded (none at all: nothing to write). */
  | { read: 'write'; subrequests: CompositeSubrequest[] }
  /** S2: an accept that routes work to the agent; done with the ids of the work item and its AgentWork. */
  | {
      read: 'route';
      subrequests: CompositeSubrequest[];
      known: RoutedWork | null;
      refs: { item: string; work: string };
    }
  | { read: 'task'; subrequests: CompositeSubrequest[]; withSubtype: boolean }
  /** Empty subrequests: the address cannot match anything, the answer is "no match". */
  | { read: 'screenPop'; subrequests: CompositeSubrequest[] }
  | { read: 'unsupported'; code: string; message: string };

export const reference = (referenceId: string, path = 'id'): string => `@{${referenceId}.${path}}`;

export function planOperation(op: SyncOperation, ctx: PlanContext): OperationPlan {
  switch (op.op) {
    case 'task.log': {
      const key = encodeURIComponent(taskKey(ctx.dedupeKey));
      return {
        read: 'task',
        withSubtype: ctx.taskWithSubtype,
        subrequests: [
          {
            method: 'PATCH',
            url: `${ctx.dataPath}/sobjects/Task/Interaction_Key__c/${key}`,
            referenceId: ctx.ref('task'),
            body: taskFields(op, { withSubtype: ctx.taskWithSubtype })
          }
        ]
      };
    }
    case 'workItem.update': {
      const fields = interactionFields(op);
      if (fields === null) return { read: 'write', subrequests: [] };
      const itemRef = ctx.ref('item');
      const item: CompositeSubrequest = {
        method: 'PATCH',
        url: `${ctx.dataPath}/sobjects/Interaction__c/Interaction_Key__c/${encodeURIComponent(interactionKey(op.workItemKey ?? op.interactionId))}`,
        referenceId: itemRef,
        body: fields
      };
      if (!routesWork(op)) return { read: 'write', subrequests: [item] };
      if (ctx.alreadyRouted) {
        return { read: 'route', subrequests: [item], known: ctx.alreadyRouted, refs: { item: itemRef, work: '' } };
      }
      const channel = ctx.serviceChannel(serviceChannelKind(op.channel));
      const psrRef = ctx.ref('psr');
      const workRef = ctx.ref('work');
      return {
        read: 'route',
        known: null,
        refs: { item: itemRef, work: workRef },
        subrequests: [
          item,
          {
            method: 'POST',
            url: `${ctx.dataPath}/sobjects/PendingServiceRouting`,
            referenceId: psrRef,
            body: pendingRoutingFields(reference(itemRef), channel)
          },
          {
            method: 'POST',
            url: `${ctx.dataPath}/sobjects/AgentWork`,
            referenceId: workRef,
            body: agentWorkFields(op, reference(itemRef), channel, reference(psrRef))
          }
        ]
      };
    }
    case 'screenPop.lookup': {
      const queries = screenPopQueries(op);
      if (queries === null) return { read: 'screenPop', subrequests: [] };
      return {
        read: 'screenPop',
        subrequests: [
          {
            method: 'GET',
            url: `${ctx.dataPath}/query?q=${encodeURIComponent(queries.contacts)}`,
            referenceId: ctx.ref('contacts')
          },
          {
            method: 'GET',
            url: `${ctx.dataPath}/query?q=${encodeURIComponent(queries.leads)}`,
            referenceId: ctx.ref('leads')
          }
        ]
      };
    }
    case 'presence.mirror':
      // UserServicePresence cannot be written through the API; the console's Omni relay mirrors presence (A2).
      return {
        read: 'unsupported',
        code: 'PRESENCE_NOT_WRITABLE',
        message: 'Presence is mirrored by the Omni relay in the console, not through the API.'
      };
  }
}

/** The query that finds a service channel's id, sent once per process in the first request that needs it. */
export function serviceChannelQuery(dataPath: string, developerName: string, referenceId: string): CompositeSubrequest {
  const soql = `SELECT Id FROM ServiceChannel WHERE DeveloperName = '${developerName.replace(/[^A-Za-z0-9_]/g, '')}'`;
  return { method: 'GET', url: `${dataPath}/query?q=${encodeURIComponent(soql)}`, referenceId };
}
