// Signed-in agents and their Salesforce tokens, keyed by the session token's sid. The Salesforce tokens stay here,
// server-side: panels only ever hold the connector's own short-lived session token.

/** Who signed in, as the org's userinfo says. */
export interface SignedInAgent {
  /** The Salesforce user id (18 characters). */
  agentId: string;
  name: string;
  /** The Salesforce org id (18 characters). */
  orgId: string;
  /** LanguageLocaleKey, e.g. en_US; null when the org did not say. */
  language: string | null;
  email: string | null;
}

export interface SignedInSession extends SignedInAgent {
  sid: string;
  accessToken: string;
  /** Null when the app granted no refresh_token scope: such a session cannot be renewed. */
  refreshToken: string | null;
  /** The identity URL of the token answer (…/id/<org>/<user>): a refresh must name the same user. */
  identityUrl: string;
  /** Forgotten after this instant (ms): the last session token's expiry plus the refresh grace. */
  forgetAt: number;
}

/**
 * Several connector instances share one implementation of this (PostgreSQL, with the Salesforce tokens encrypted at
 * rest); in one process the memory store below is enough.
 */
export interface SignedInSessionStore {
  /** false when full: the sign-in is refused rather than another agent signed out. */
  save(session: SignedInSession, nowMs: number): Promise<boolean>;
  get(sid: string, nowMs: number): Promise<SignedInSession | null>;
  /** Removes and returns the session (sign-out, or Salesforce refused its refresh token). */
  remove(sid: string): Promise<SignedInSession | null>;
}

export class MemorySignedInSessions implements SignedInSessionStore {
  private readonly bySid = new Map<string, SignedInSession>();

  constructor(private readonly maxSize: number) {}

  async save(session: SignedInSession, nowMs: number): Promise<boolean> {
    if (!this.bySid.has(session.sid) && this.bySid.size >= this.maxSize) this.sweep(nowMs);
    if (!this.bySid.has(session.sid) && this.bySid.size >= this.maxSize) return false;
    this.bySid.set(session.sid, { ...session });
    return true;
  }

  async get(sid: string, nowMs: number): Promise<SignedInSession | null> {
    const session = this.bySid.get(sid);
    if (!session) return null;
    if (session.forgetAt <= nowMs) {
      this.bySid.delete(sid);
      return null;
    }
    return { ...session };
  }

  async remove(sid: string): Promise<SignedInSession | null> {
    const session = this.bySid.get(sid) ?? null;
    this.bySid.delete(sid);
    return session;
  }

  get size(): number {
    return this.bySid.size;
  }

  private sweep(nowMs: number): void {
    for (const [sid, session] of this.bySid) if (session.forgetAt <= nowMs) this.bySid.delete(sid);
  }
}
