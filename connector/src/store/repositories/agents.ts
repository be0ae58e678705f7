// Agents: display name, profile (skills, queues, capacity) and desk state, all as the engine writes them; the JSON is
// opaque here. Writes are optimistic: the caller names the version it read, and a stale version changes nothing.
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { idText, instantColumn, parseRows, toJson, toTimestamp, checkArgs } from '../sqlValues';

export interface AgentRecord {
  agentId: string;
  displayName: string;
  profile: unknown;
  desk: unknown;
  /** 1 after the first write, +1 per write. */
  version: number;
  updatedAt: Instant;
}

export interface AgentWrite {
  agentId: string;
  displayName: string;
  profile: unknown;
  desk: unknown;
  /** The version read; 0 to create an agent that must not exist yet. The row then holds expectedVersion + 1. */
  expectedVersion: number;
  at: Instant;
}

const row = z
  .object({
    agent_id: z.string(),
    display_name: z.string(),
    profile: z.unknown(),
    desk: z.unknown(),
    version: z.int().nonnegative(),
    updated_at: instantColumn
  })
  .transform((r): AgentRecord => ({
    agentId: r.agent_id,
    displayName: r.display_name,
    profile: r.profile,
    desk: r.desk,
    version: r.version,
    updatedAt: r.updated_at
  }));

const COLUMNS = 'agent_id, display_name, profile, desk, version, updated_at';
/** Built once: zod compiles a schema on its first parse, and a schema built per call paid that on every desk write. */
const writeArgs = z.object({ agentId: idText, expectedVersion: z.int().nonnegative() });

export async function get(q: Queryable, agentId: string): Promise<AgentRecord | null> {
  const result = await q.query(`SELECT ${COLUMNS} FROM agents WHERE agent_id = $1`, [agentId]);
  return parseRows('agents', row, result.rows)[0] ?? null;
}

/** The agents that exist among agentIds, ordered by id. */
export async function getMany(q: Queryable, agentIds: readonly string[]): Promise<AgentRecord[]> {
  if (agentIds.length === 0) return [];
  const result = await q.query(`SELECT ${COLUMNS} FROM agents WHERE agent_id = ANY($1::text[]) ORDER BY agent_id`, [
    [...agentIds]
  ]);
  return parseRows('agents', row, result.rows);
}

/**
 * A new version for agents whose desks changed through another agent's write (a conference guest's chat, C9), so
 * their panels see a new snapshot version. Agents without a row have never had a desk written: nothing to do.
 */
export async function touch(q: Queryable, agentIds: readonly string[], at: Instant): Promise<void> {
  if (agentIds.length === 0) return;
  await q.query(
    `UPDATE agents SET version = version + 1, updated_at = $2::timestamptz WHERE agent_id = ANY($1::text[])`,
    [[...agentIds], toTimestamp(at)]
  );
}

/** Creates (expectedVersion 0) or updates (expectedVersion = version read); false when that version is stale. */
export async function upsert(q: Queryable, write: AgentWrite): Promise<boolean> {
  checkArgs('agent', writeArgs, write);
  const values = [write.agentId, write.displayName, toJson(write.profile), toJson(write.desk), toTimestamp(write.at)];
  const result =
    write.expectedVersion === 0
      ? await q.query(
          `INSERT INTO agents (agent_id, display_name, profile, desk, updated_at, version)
           VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::timestamptz, 1)
           ON CONFLICT (agent_id) DO NOTHING
           RETURNING version`,
          values
        )
      : await q.query(
          `UPDATE agents
              SET display_name = $2, profile = $3::jsonb, desk = $4::jsonb, updated_at = $5::timestamptz,
                  version = version + 1
            WHERE agent_id = $1 AND version = $6
           RETURNING version`,
          [...values, write.expectedVersion]
        );
  return result.rows.length === 1;
}
