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
    sid: z.string().min(8).max(64),
    /** Issued by the UNSAFE development sign-in (no Salesforce session behind it). */
    dev: z.literal(true).optional()
  })
  .strict();
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export type TokenCheckCode = 'TOKEN_MALFORMED' | 'TOKEN_SIGNATURE' | 'TOKEN_EXPIRED' | 'TOKEN_WRONG_ORG';

export type TokenCheck = { ok: true; claims: SessionClaims } | { ok: false; code: TokenCheckCode };

export interface VerifyOptions {
  /** Refuse tokens issued for another org (TOKEN_WRONG_ORG). 15- and 18-character ids of one org match. */
  orgId?: string;
  /** Accept a token this many seconds past its expiry (a refresh after a laptop slept). Default 0. */
  graceSeconds?: number;
}

/** One org, whether its id is written with 15 or 18 characters (the 3 extra are a case checksum). */
export function sameOrg(a: string, b: string): boolean {
  const salesforceId = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
  if (salesforceId.test(a) && salesforceId.test(b)) return a.slice(0, 15) === b.slice(0, 15);
  return a === b;
}

const sidSchema = sessionClaimsSchema.shape.sid;

export class SessionTokens {
  private readonly key: Buffer;
  constructor(
    secret: string | undefined,
    private readonly ttlSeconds: number
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  /**
   * A token for an agent. `sid` keeps the sign-in's id across refreshes (a new one is drawn when absent);
   * `ttlSeconds` overrides the default lifetime.
   */
  issue(
    agent: { agentId: string; name: string; orgId: string; sid?: string; dev?: boolean },
    nowMs: number,
    ttlSeconds: number = this.ttlSeconds
  ): { token: string; expiresAt: number; sid: string } {
    const exp = Math.floor(nowMs / 1000) + ttlSeconds;
    const sid = agent.sid !== undefined ? sidSchema.parse(agent.sid) : randomBytes(9).toString('base64url');
    const claims: SessionClaims = { sub: agent.agentId, name: agent.name, org: agent.orgId, exp, sid };
    if (agent.dev) claims.dev = true;
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: exp * 1000, sid };
  }

  verify(token: unknown, nowMs: number, options: VerifyOptions = {}): TokenCheck {
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
    if ((claims.data.exp + (options.graceSeconds ?? 0)) * 1000 <= nowMs) return { ok: false, code: 'TOKEN_EXPIRED' };
    if (options.orgId !== undefined && !sameOrg(options.orgId, claims.data.org))
      return { ok: false, code: 'TOKEN_WRONG_ORG' };
    return { ok: true, claims: claims.data };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
