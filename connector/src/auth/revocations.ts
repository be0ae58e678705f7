// Sign-out for stateless session tokens. A token stays genuine until it expires, so signing out lists its sign-in
// (the sid every token of one sign-in shares, across refreshes) in the store until the last token it could have
// issued has expired. Hello, refresh and every instance's open sockets honour the list (docs/auth.md).
import * as store from '../store';
import type { Db } from '../store';
import type { SessionClaims } from './session-token';

export interface SessionRevocations {
  /** Signs the sign-in out on every connector instance sharing the store. Calling it again is harmless. */
  revoke(claims: SessionClaims, nowMs: number): Promise<void>;
  isRevoked(sid: string, nowMs: number): Promise<boolean>;
}

/** A refresh that crosses the sign-out may issue a token a moment later than the sign-out's own instant. */
const CROSSING_MARGIN_MS = 60_000;

export class StoreSessionRevocations implements SessionRevocations {
  constructor(
    private readonly db: Db,
    /** The session token lifetime: no token of the sign-in can expire later than one issued now. */
    private readonly ttlSeconds: number
  ) {}

  async revoke(claims: SessionClaims, nowMs: number): Promise<void> {
    const expiresAt = Math.max(claims.exp * 1000, nowMs + this.ttlSeconds * 1000) + CROSSING_MARGIN_MS;
    await this.db.transaction(async (tx) => {
      await store.revokedSessions.pruneExpired(tx, nowMs);
      await store.revokedSessions.revoke(tx, { sid: claims.sid, agentId: claims.sub, at: nowMs, expiresAt });
      // Sent on commit: every instance closes the sign-in's open sockets.
      await store.notifyIn(tx, store.revokedSessions.REVOKED_CHANNEL, claims.sid);
    });
  }

  isRevoked(sid: string, nowMs: number): Promise<boolean> {
    return store.revokedSessions.isRevoked(this.db, sid, nowMs);
  }
}
