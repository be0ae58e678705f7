// An accept (S2) creates records Salesforce has no external id for (PendingServiceRouting, AgentWork). When an
// earlier attempt's outcome is unknown (time-out, 5xx, a flusher killed mid-call), the retry first asks whether the
// agent's work already exists, so a retry never routes the same work twice.
import { z } from 'zod';
import { soqlString } from './soql';

/** AgentWork that still holds the agent: a retry must not add another. */
const LIVE_WORK = ['Assigned', 'Opened', 'Unavailable'];

export function acceptGuardQueries(interactionKeys: readonly string[]): { items: string; works: string } {
  const keys = interactionKeys.map(soqlString).join(', ');
  return {
    items: `SELECT Id, Interaction_Key__c FROM Interaction__c WHERE Interaction_Key__c IN (${keys})`,
    works:
      `SELECT Id, UserId, WorkItemId FROM AgentWork WHERE Status IN (${LIVE_WORK.map(soqlString).join(', ')}) ` +
      `AND WorkItemId IN (SELECT Id FROM Interaction__c WHERE Interaction_Key__c IN (${keys}))`
  };
}

const itemsAnswer = z.object({ records: z.array(z.object({ Id: z.string(), Interaction_Key__c: z.string() })) });
const worksAnswer = z.object({
  records: z.array(z.object({ Id: z.string(), UserId: z.string(), WorkItemId: z.string() }))
});

/** Ids compare on their first 15 characters (the 18-character form only adds a case checksum). */
const id15 = (id: string) => id.slice(0, 15);

export const routedKey = (interactionKey: string, userId: string): string => `${interactionKey}|${id15(userId)}`;

/** The work Omni already has for an accept: its AgentWork and the work item (Interaction__c) it is for. */
export interface RoutedWork {
  workId: string;
  workItemId: string;
}

/** The (interaction key, agent) pairs that already have live AgentWork; null when an answer has an unknown shape. */
export function readAcceptGuard(itemsBody: unknown, worksBody: unknown): Map<string, RoutedWork> | null {
  const items = itemsAnswer.safeParse(itemsBody);
  const works = worksAnswer.safeParse(worksBody);
  if (!items.success || !works.success) return null;
  const keyOfItem = new Map(items.data.records.map((r) => [id15(r.Id), r.Interaction_Key__c]));
  const routed = new Map<string, RoutedWork>();
  for (const work of works.data.records) {
    const key = keyOfItem.get(id15(work.WorkItemId));
    if (key !== undefined) routed.set(routedKey(key, work.UserId), { workId: work.Id, workItemId: work.WorkItemId });
  }
  return routed;
}
