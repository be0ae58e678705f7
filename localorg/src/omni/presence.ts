// Omni-Channel presence as the toolkit sets it: one current UserServicePresence per logged-in agent, closed with
// StatusEndDate/StatusDuration when the status changes or the agent logs out. Not writable through the API.
import type { DataContext } from '../records/context';
import { isoNow } from '../records/context';
import { sfError, type SfError } from '../records/errors';
import { systemInsert, systemUpdate } from '../records/system';
import type { ObjectDef, RecordValues } from '../schema/types';
import { selectById } from '../store/rows';

/** Units of work an agent can hold at once (PresenceUserConfig.Capacity in a real org). */
export const CONFIGURED_CAPACITY = 10;

function required(ctx: DataContext, name: string): ObjectDef {
  const obj = ctx.schema.object(name);
  if (!obj) throw new Error(`schema has no ${name}`);
  return obj;
}

export async function currentPresence(ctx: DataContext, userId: string): Promise<RecordValues | null> {
  const rows = await ctx.sql.query<RecordValues>(
    `SELECT * FROM "so_userservicepresence" WHERE "UserId" = $1 AND "IsCurrentState" = true ORDER BY _seq DESC LIMIT 1`,
    [userId]
  );
  const row = rows[0];
  if (!row) return null;
  delete row._seq;
  return row;
}

/** Ids of the service channels a presence status is online for (none: a busy status). */
export async function onlineChannels(ctx: DataContext, statusId: string): Promise<string[]> {
  const rows = await ctx.sql.query<{ channel_id: string }>(
    `SELECT channel_id FROM localorg_status_channels WHERE status_id = $1`,
    [statusId]
  );
  return rows.map((r) => r.channel_id);
}

async function findStatus(ctx: DataContext, status: string): Promise<RecordValues | null> {
  const rows = await ctx.sql.query<RecordValues>(
    `SELECT "Id", "DeveloperName", "MasterLabel" FROM "so_servicepresencestatus" WHERE "Id" = $1 OR lower("DeveloperName") = lower($1)`,
    [status]
  );
  return rows[0] ?? null;
}

async function endCurrent(ctx: DataContext, userId: string): Promise<void> {
  const current = await currentPresence(ctx, userId);
  if (!current) return;
  const started = Date.parse(String(current.StatusStartDate));
  await systemUpdate(ctx, required(ctx, 'UserServicePresence'), current, {
    IsCurrentState: false,
    StatusEndDate: isoNow(ctx),
    StatusDuration: Math.max(0, Math.round((ctx.now().getTime() - started) / 1000))
  });
}

export type PresenceResult = { ok: true; presence: RecordValues | null } | { ok: false; error: SfError };

/** Sets the agent's status (DeveloperName or id), or logs the agent out of Omni with null. */
export async function setPresence(ctx: DataContext, userId: string, status: string | null): Promise<PresenceResult> {
  const user = await selectById(ctx.sql, required(ctx, 'User'), userId);
  if (!user)
    return { ok: false, error: sfError('INVALID_CROSS_REFERENCE_KEY', `No user with id ${userId}`, ['UserId']) };
  if (status === null) {
    await endCurrent(ctx, userId);
    return { ok: true, presence: null };
  }
  const found = await findStatus(ctx, status);
  if (!found)
    return {
      ok: false,
      error: sfError('INVALID_CROSS_REFERENCE_KEY', `No presence status ${status}`, ['ServicePresenceStatusId'])
    };
  await endCurrent(ctx, userId);
  const channels = await onlineChannels(ctx, String(found.Id));
  const presence = await systemInsert(ctx, required(ctx, 'UserServicePresence'), {
    UserId: userId,
    OwnerId: userId,
    ServicePresenceStatusId: String(found.Id),
    StatusStartDate: isoNow(ctx),
    IsCurrentState: true,
    IsAway: channels.length === 0,
    ConfiguredCapacity: CONFIGURED_CAPACITY
  });
  return { ok: true, presence };
}
