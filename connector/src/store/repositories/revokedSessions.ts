// Signed-out sign-ins (by the session token's sid) until the last token they could have issued expires. Every
// connector instance reads the same rows, so a token signed out on one is refused on all (docs/auth.md).
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { checkArgs, countRow, idText, parseRows, toTimestamp } from '../sqlValues';

/** NOTIFY channel: the payload is the revoked sid, so every instance closes that sign-in's open sockets. */
export const REVOKED_CHANNEL = 'session_revoked';

const revokeArgs = z.object({ sid: idText, agentId: idText, at: z.number(), expiresAt: z.number() });

/** Lists the sign-in as signed out (again: the later expiry wins). */
export async function revoke(
  q: Queryable,
  entry: { sid: string; agentId: string; at: Instant; expiresAt: Instant }
): Promise<void> {
  checkArgs('revoked_sessions', revokeArgs, entry);
  await q.query(
    `INSERT INTO revoked_sessions (sid, agent_id, revoked_at, expires_at)
     VALUES ($1, $2, $3::timestamptz, $4::timestamptz)
     ON CONFLICT (sid) DO UPDATE SET expires_at = GREATEST(revoked_sessions.expires_at, EXCLUDED.expires_at)`,
    [entry.sid, entry.agentId, toTimestamp(entry.at), toTimestamp(entry.expiresAt)]
  );
}

/** Whether the sign-in was signed out (rows past their expiry no longer matter: the tokens expired anyway). */
export async function isRevoked(q: Queryable, sid: string, now: Instant): Promise<boolean> {
  checkArgs('revoked_sessions', idText, sid);
  const result = await q.query(
    'SELECT count(*) AS count FROM revoked_sessions WHERE sid = $1 AND expires_at > $2::timestamptz',
    [sid, toTimestamp(now)]
  );
  return (parseRows('revoked_sessions', countRow, result.rows)[0]?.count ?? 0) > 0;
}

/** Forgets entries whose tokens have all expired; returns how many. */
export async function pruneExpired(q: Queryable, now: Instant): Promise<number> {
  const result = await q.query('DELETE FROM revoked_sessions WHERE expires_at <= $1::timestamptz RETURNING sid', [
    toTimestamp(now)
  ]);
  return result.rows.length;
}
