// The agent's side of a work item, as the Omni toolkit drives it in the console: accept, decline, push time-out,
// close, cancel and transfer, with the AgentWork time fields and the PendingServiceRouting rules of external routing
// (PSR deleted on accept, kept and re-openable on decline, a new IsTransfer PSR on transfer).
import { isoNow, type DataContext } from '../records/context';
import { sfError, type SfError } from '../records/errors';
import { systemInsert, systemUpdate } from '../records/system';
import { type AgentWorkStatus } from '../schema/objects/omni';
import type { ObjectDef, RecordValues } from '../schema/types';
import { deleteRow, selectById } from '../store/rows';
import { secondsBetween, usedCapacity } from './workload';

export type WorkAction = 'accept' | 'decline' | 'pushTimeout' | 'close' | 'cancel' | 'transfer';

export interface WorkActionOptions {
  declineReason?: string;
  /** transfer: the queue the new PendingServiceRouting waits in. */
  queueId?: string;
}

export type WorkResult =
  { ok: true; work: RecordValues; pendingServiceRoutingId?: string } | { ok: false; error: SfError };

const ALLOWED_FROM: Record<WorkAction, AgentWorkStatus[]> = {
  accept: ['Assigned'],
  decline: ['Assigned'],
  pushTimeout: ['Assigned'],
  close: ['Opened'],
  cancel: ['Assigned', 'Unavailable'],
  transfer: ['Opened']
};

function objectOf(ctx: DataContext, name: string): ObjectDef {
  const obj = ctx.schema.object(name);
  if (!obj) throw new Error(`schema has no ${name}`);
  return obj;
}

async function pendingOf(ctx: DataContext, work: RecordValues): Promise<RecordValues | null> {
  return typeof work.PendingServiceRoutingId === 'string'
    ? selectById(ctx.sql, objectOf(ctx, 'PendingServiceRouting'), work.PendingServiceRoutingId)
    : null;
}

/** Omni closes the previous owner's open work once another agent accepts the same work item (S4). */
async function completeTransfers(ctx: DataContext, accepted: RecordValues): Promise<void> {
  const workObj = objectOf(ctx, 'AgentWork');
  const others = await ctx.sql.query<{ Id: string }>(
    `SELECT "Id" FROM "so_agentwork" WHERE "WorkItemId" = $1 AND "Status" = 'Opened' AND "Id" <> $2`,
    [String(accepted.WorkItemId), String(accepted.Id)]
  );
  for (const { Id } of others) {
    const work = await selectById(ctx.sql, workObj, Id);
    if (!work) continue;
    const handle = secondsBetween(work.AcceptDateTime, ctx.now());
    await systemUpdate(ctx, workObj, work, {
      Status: 'Transferred',
      CloseDateTime: isoNow(ctx),
      HandleTime: handle,
      ActiveTime: handle
    });
  }
}

async function reopenPending(ctx: DataContext, work: RecordValues): Promise<void> {
  const psr = await pendingOf(ctx, work);
  if (psr) {
    await systemUpdate(ctx, objectOf(ctx, 'PendingServiceRouting'), psr, {
      IsPushed: false,
      LastDeclinedAgentSession: `omni-session-${String(work.UserId)}`
    });
  }
}

export async function applyWorkAction(
  ctx: DataContext,
  workId: string,
  action: WorkAction,
  options: WorkActionOptions = {}
): Promise<WorkResult> {
  const workObj = objectOf(ctx, 'AgentWork');
  const work = await selectById(ctx.sql, workObj, workId);
  if (!work) return { ok: false, error: sfError('NOT_FOUND', 'The requested resource does not exist') };
  const status = String(work.Status) as AgentWorkStatus;
  if (!ALLOWED_FROM[action].includes(status)) {
    return {
      ok: false,
      error: sfError(
        'INVALID_STATUS',
        `AgentWork ${workId} is ${status}; ${action} needs ${ALLOWED_FROM[action].join(' or ')}.`
      )
    };
  }
  const now = isoNow(ctx);
  const update = (changes: RecordValues) => systemUpdate(ctx, workObj, work, changes);
  switch (action) {
    case 'accept': {
      const updated = await update({
        Status: 'Opened',
        AcceptDateTime: now,
        SpeedToAnswer: secondsBetween(work.RequestDateTime, ctx.now())
      });
      const psr = await pendingOf(ctx, work);
      if (psr) await deleteRow(ctx.sql, objectOf(ctx, 'PendingServiceRouting'), String(psr.Id));
      await completeTransfers(ctx, updated);
      return { ok: true, work: updated };
    }
    case 'decline':
    case 'pushTimeout': {
      const updated = await update({
        Status: action === 'decline' ? 'Declined' : 'DeclinedOnPushTimeout',
        DeclineDateTime: now,
        DeclineReason: action === 'decline' ? (options.declineReason ?? null) : null,
        AgentCapacityWhenDeclined: await usedCapacity(ctx, String(work.UserId))
      });
      await reopenPending(ctx, work);
      return { ok: true, work: updated };
    }
    case 'close': {
      const handle = secondsBetween(work.AcceptDateTime, ctx.now());
      return {
        ok: true,
        work: await update({ Status: 'Closed', CloseDateTime: now, HandleTime: handle, ActiveTime: handle })
      };
    }
    case 'cancel': {
      const updated = await update({ Status: 'Canceled', CancelDateTime: now });
      const psr = await pendingOf(ctx, work);
      if (psr) await deleteRow(ctx.sql, objectOf(ctx, 'PendingServiceRouting'), String(psr.Id));
      return { ok: true, work: updated };
    }
    case 'transfer': {
      const psr = await systemInsert(ctx, objectOf(ctx, 'PendingServiceRouting'), {
        WorkItemId: work.WorkItemId ?? null,
        ServiceChannelId: work.ServiceChannelId ?? null,
        RoutingType: 'ExternalRouting',
        RoutingModel: 'ExternalRouting',
        RoutingPriority: work.RoutingPriority ?? 1,
        CapacityWeight: work.CapacityWeight ?? null,
        IsReadyForRouting: true,
        IsTransfer: true,
        QueueId: options.queueId ?? null,
        OwnerId: options.queueId ?? ctx.userId
      });
      return { ok: true, work, pendingServiceRoutingId: String(psr.Id) };
    }
  }
}
