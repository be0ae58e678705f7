// Short-lived session tokens for the panels' WebSocket: HMAC-SHA256 over a small JSON claim set.
// Stateless on purpose, so any connector instance sharing the secret can check them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const sessionClaimsSchema = z
  .object({
    /** The agent: the Salesforce user id. */
    sub: z.string().min(1).max(64),
    name: z.string().max(200),
    /** Salesforce org id, so tokens of one org never work for another. */
    org: z.string().min(1).max(64),
    /** Expiry, seconds since the epoch. */
    exp: z.number().int().positive(),
    /** Random id per sign-in, for logs and revocation. */
    sid: z.string().min(8).max(64)
  })
  .strict();
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export type TokenCheck =
  { ok: true; claims: SessionClaims } | { ok: false; code: 'TOKEN_MALFORMED' | 'TOKEN_SIGNATURE' | 'TOKEN_EXPIRED' };

export class SessionTokens {
  private readonly key: Buffer;
  constructor(
    secret: string | undefined,
    private readonly ttlSeconds: number
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(agent: { agentId: string; name: string; orgId: string }, nowMs: number): { token: string; expiresAt: number } {
    const exp = Math.floor(nowMs / 1000) + this.ttlSeconds;
    const claims: SessionClaims = {
      sub: agent.agentId,
      name: agent.name,
      org: agent.orgId,
      exp,
      sid: randomBytes(9).toString('base64url')
    };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: exp * 1000 };
  }

  verify(token: unknown, nowMs: number): TokenCheck {
    if (typeof token !== 'string' || token.length > 2048) return { ok: false, code: 'TOKEN_MALFORMED' };
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return { ok: false, code: 'TOKEN_MALFORMED' };
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, code: 'TOKEN_SIGNATURE' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, code: 'TOKEN_MALFORMED' };
    }
    const claims = sessionClaimsSchema.safeParse(json);
    if (!claims.success) return { ok: false, code: 'TOKEN_MALFORMED' };
    if (claims.data.exp * 1000 <= nowMs) return { ok: false, code: 'TOKEN_EXPIRED' };
    return { ok: true, claims: claims.data };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
