// Access tokens, refresh tokens and authorization codes, kept in memory (a restart signs everyone out).
import { randomBytes } from 'node:crypto';

export interface Session {
  accessToken: string;
  userId: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  refreshToken: string | null;
}

export interface RefreshGrant {
  userId: string;
  clientId: string;
  scope: string;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  scope: string;
  expiresAt: number;
}

const CODE_TTL_MS = 15 * 60 * 1000;

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshGrants = new Map<string, RefreshGrant>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly orgId15: string,
    private readonly now: () => number,
    private readonly ttlMs: number
  ) {}

  issue(userId: string, clientId: string, refreshToken: string | null): Session {
    const issuedAt = this.now();
    const session: Session = {
      // Salesforce session ids start with the org id and a "!".
      accessToken: `${this.orgId15}!${token(72)}`,
      userId,
      clientId,
      issuedAt,
      expiresAt: issuedAt + this.ttlMs,
      refreshToken
    };
    this.sessions.set(session.accessToken, session);
    return session;
  }

  /** The live session for a bearer token, or null when unknown, revoked or expired. */
  verify(accessToken: string): Session | null {
    const session = this.sessions.get(accessToken);
    if (!session) return null;
    if (this.now() >= session.expiresAt) {
      this.sessions.delete(accessToken);
      return null;
    }
    return session;
  }

  grantRefresh(userId: string, clientId: string, scope: string): string {
    const refresh = `5Aep861${token(60)}`;
    this.refreshGrants.set(refresh, { userId, clientId, scope });
    return refresh;
  }

  refreshGrant(refreshToken: string): RefreshGrant | undefined {
    return this.refreshGrants.get(refreshToken);
  }

  saveCode(code: AuthorizationCode): string {
    const value = `aPrx${token(48)}`;
    this.codes.set(value, { ...code, expiresAt: this.now() + CODE_TTL_MS });
    return value;
  }

  /** Codes are single use: taking one removes it. */
  takeCode(value: string): AuthorizationCode | null {
    const code = this.codes.get(value);
    this.codes.delete(value);
    if (!code || this.now() >= code.expiresAt) return null;
    return code;
  }

  /** Revokes an access token, or a refresh token together with every access token it issued. */
  revoke(tokenValue: string): boolean {
    if (this.sessions.delete(tokenValue)) return true;
    if (!this.refreshGrants.delete(tokenValue)) return false;
    for (const [key, session] of this.sessions) if (session.refreshToken === tokenValue) this.sessions.delete(key);
    return true;
  }

  expireAll(): void {
    this.sessions.clear();
  }
}
