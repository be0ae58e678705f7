// Capacity an agent's open work uses: the sum of CapacityWeight over Assigned and Opened AgentWork.
import type { DataContext } from '../records/context';

export const DEFAULT_WEIGHT = 1;
export const PUSH_TIMEOUT_SECONDS = 30;

export async function usedCapacity(ctx: DataContext, userId: string): Promise<number> {
  const rows = await ctx.sql.query<{ used: number | null }>(
    `SELECT sum(COALESCE("CapacityWeight", ${DEFAULT_WEIGHT}))::float8 AS used FROM "so_agentwork"
     WHERE "UserId" = $1 AND "Status" IN ('Assigned', 'Opened')`,
    [userId]
  );
  return rows[0]?.used ?? 0;
}

export function secondsBetween(fromIso: unknown, to: Date): number | null {
  if (typeof fromIso !== 'string') return null;
  const from = Date.parse(fromIso);
  return Number.isNaN(from) ? null : Math.max(0, Math.round((to.getTime() - from) / 1000));
}
