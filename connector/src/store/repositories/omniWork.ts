// The Omni work machine's state per (interaction, agent): written whenever it changes, read when the agent's Omni
// relay connects (to send what is still owed) and when an event about the work arrives.
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { checkArgs, idText, parseRows, toJson, toTimestamp } from '../sqlValues';

export interface OmniWorkRecord {
  interactionId: string;
  agentId: string;
  /** Opaque here: the machine's state (connector/src/omni/work.ts). */
  state: unknown;
  /** Nothing more is owed to Omni for this work (closed, or transferred away). */
  settled: boolean;
}

const row = z
  .object({ interaction_id: z.string(), agent_id: z.string(), state: z.unknown(), settled: z.boolean() })
  .transform((r): OmniWorkRecord => ({
    interactionId: r.interaction_id,
    agentId: r.agent_id,
    state: r.state,
    settled: r.settled
  }));

const keyArgs = z.object({ interactionId: idText, agentId: idText });

export async function get(q: Queryable, interactionId: string, agentId: string): Promise<OmniWorkRecord | null> {
  checkArgs('omni_work', keyArgs, { interactionId, agentId });
  const result = await q.query(
    'SELECT interaction_id, agent_id, state, settled FROM omni_work WHERE interaction_id = $1 AND agent_id = $2',
    [interactionId, agentId]
  );
  return parseRows('omni_work', row, result.rows)[0] ?? null;
}

/** Work of the agent that still owes Omni an accept or a close. */
export async function listUnsettled(q: Queryable, agentId: string): Promise<OmniWorkRecord[]> {
  const result = await q.query(
    'SELECT interaction_id, agent_id, state, settled FROM omni_work WHERE agent_id = $1 AND NOT settled ORDER BY updated_at',
    [agentId]
  );
  return parseRows('omni_work', row, result.rows);
}

export async function put(q: Queryable, record: OmniWorkRecord, at: Instant): Promise<void> {
  checkArgs('omni_work', keyArgs, record);
  await q.query(
    `INSERT INTO omni_work (interaction_id, agent_id, state, settled, updated_at)
     VALUES ($1, $2, $3::jsonb, $4, $5::timestamptz)
     ON CONFLICT (interaction_id, agent_id)
     DO UPDATE SET state = EXCLUDED.state, settled = EXCLUDED.settled, updated_at = EXCLUDED.updated_at`,
    [record.interactionId, record.agentId, toJson(record.state), record.settled, toTimestamp(at)]
  );
}
