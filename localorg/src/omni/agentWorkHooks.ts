// What Omni-Channel does when an external router inserts AgentWork: check the work item against the channel and
// its PendingServiceRouting, then push it to the agent (Assigned) or mark it Unavailable when the agent is not
// online for that channel or has no capacity left. Deleting a PSR cancels work still waiting for an answer.
import { keyPrefixOf } from '../ids/salesforceId';
import { isoNow, type DataContext } from '../records/context';
import { sfError, type SfError } from '../records/errors';
import type { HookRegistry } from '../records/hooks';
import { systemUpdate } from '../records/system';
import type { ObjectDef, RecordValues } from '../schema/types';
import { selectById } from '../store/rows';
import { CONFIGURED_CAPACITY, currentPresence, onlineChannels } from './presence';
import { DEFAULT_WEIGHT, PUSH_TIMEOUT_SECONDS, usedCapacity } from './workload';

function objectOf(ctx: DataContext, name: string): ObjectDef {
  const obj = ctx.schema.object(name);
  if (!obj) throw new Error(`schema has no ${name}`);
  return obj;
}

const integrity = (message: string, field: string): SfError[] => [
  sfError('FIELD_INTEGRITY_EXCEPTION', message, [field])
];

async function beforeInsertWork(ctx: DataContext, work: RecordValues): Promise<SfError[]> {
  const channel = await selectById(ctx.sql, objectOf(ctx, 'ServiceChannel'), String(work.ServiceChannelId));
  const itemObject = ctx.schema.objectForPrefix(keyPrefixOf(String(work.WorkItemId)));
  if (!channel || !itemObject || channel.RelatedEntity !== itemObject.name) {
    return integrity(
      `The work item (${itemObject?.name ?? 'unknown'}) doesn't match the service channel's object (${String(channel?.RelatedEntity)}).`,
      'WorkItemId'
    );
  }
  const psrObj = objectOf(ctx, 'PendingServiceRouting');
  const psr =
    typeof work.PendingServiceRoutingId === 'string'
      ? await selectById(ctx.sql, psrObj, work.PendingServiceRoutingId)
      : null;
  if (psr) {
    if (psr.WorkItemId !== work.WorkItemId)
      return integrity('The work item differs from the pending service routing’s work item.', 'WorkItemId');
    if (psr.IsPushed === true)
      return integrity('This pending service routing is already pushed to an agent.', 'PendingServiceRoutingId');
    work.RoutingType = psr.RoutingType ?? null;
    work.RoutingModel = psr.RoutingModel ?? null;
    work.RoutingPriority = psr.RoutingPriority ?? null;
    work.CapacityWeight = work.CapacityWeight ?? psr.CapacityWeight ?? null;
    work.CapacityPercentage = work.CapacityPercentage ?? psr.CapacityPercentage ?? null;
    work.OriginalQueueId = psr.QueueId ?? null;
    work.RequestDateTime = psr.CustomRequestedDateTime ?? psr.CreatedDate ?? isoNow(ctx);
  } else {
    work.RequestDateTime = isoNow(ctx);
  }
  work.OwnerId = work.UserId ?? null;
  const userId = String(work.UserId);
  const presence = await currentPresence(ctx, userId);
  const online = presence
    ? (await onlineChannels(ctx, String(presence.ServicePresenceStatusId))).includes(String(channel.Id))
    : false;
  const weight = typeof work.CapacityWeight === 'number' ? work.CapacityWeight : DEFAULT_WEIGHT;
  const capacity = typeof presence?.ConfiguredCapacity === 'number' ? presence.ConfiguredCapacity : CONFIGURED_CAPACITY;
  const fits = work.ShouldSkipCapacityCheck === true || (await usedCapacity(ctx, userId)) + weight <= capacity;
  if (online && fits) {
    const now = ctx.now();
    work.Status = 'Assigned';
    work.AssignedDateTime = now.toISOString();
    work.PushTimeout = PUSH_TIMEOUT_SECONDS;
    work.PushTimeoutDateTime = new Date(now.getTime() + PUSH_TIMEOUT_SECONDS * 1000).toISOString();
  } else {
    work.Status = 'Unavailable';
  }
  if (psr) await systemUpdate(ctx, psrObj, psr, { IsPushAttempted: true, IsPushed: work.Status === 'Assigned' });
  return [];
}

async function beforeDeletePsr(ctx: DataContext, psr: RecordValues): Promise<SfError[]> {
  const workObj = objectOf(ctx, 'AgentWork');
  const waiting = await ctx.sql.query<{ Id: string }>(
    `SELECT "Id" FROM "so_agentwork" WHERE "PendingServiceRoutingId" = $1 AND "Status" = 'Assigned'`,
    [String(psr.Id)]
  );
  for (const { Id } of waiting) {
    const work = await selectById(ctx.sql, workObj, Id);
    if (work) await systemUpdate(ctx, workObj, work, { Status: 'Canceled', CancelDateTime: isoNow(ctx) });
  }
  return [];
}

export function registerOmniHooks(hooks: HookRegistry): void {
  hooks.register('AgentWork', { beforeInsert: beforeInsertWork });
  hooks.register('PendingServiceRouting', { beforeDelete: beforeDeletePsr });
}
