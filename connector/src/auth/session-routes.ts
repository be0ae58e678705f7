// POST /auth/session/refresh and POST /auth/logout: the panel presents its session token (Authorization: Bearer, or
// a JSON body {"token"}). Refresh renews it while the org still honours the sign-in's refresh token; logout lists the
// sign-in as signed out (revocations), revokes its refresh token at the org and forgets the session.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readJson, sendError, sendJson } from '../api/http';
import { parseWith } from '../interactions/kernel/parse';
import type { AuthContext } from './context';
import { authError, authErrors, type AuthErrorCode } from './errors';
import { failureDetails } from './salesforce-oauth';
import { sameOrg, type SessionClaims } from './session-token';
import { bearerToken } from './web';

const tokenBody = z.object({ token: z.string().min(1).max(4096) }).strict();

type Presented = { ok: true; token: string } | { ok: false; send: (res: ServerResponse) => void };

async function presentedToken(req: IncomingMessage): Promise<Presented> {
  const bearer = bearerToken(req);
  if (bearer) return { ok: true, token: bearer };
  const body = await readJson(req, 8 * 1024);
  if (!body.ok) return { ok: false, send: (res) => sendError(res, body.status, body.code, body.message) };
  const parsed = parseWith(tokenBody, body.value);
  if (!parsed.ok) {
    const r = parsed.rejection;
    return { ok: false, send: (res) => sendError(res, 400, 'INVALID_INPUT', r.message, r.issues) };
  }
  return { ok: true, token: parsed.value.token };
}

const refuse = (res: ServerResponse, code: AuthErrorCode) =>
  sendJson(res, authErrors[code].status, { error: authError(code) });

type Renewal = { ok: true; token: string; expiresAt: number } | { ok: false; code: AuthErrorCode };

/** Renewals under way per sid: two tabs refreshing at once share one call to the org. */
const inFlight = new WeakMap<AuthContext, Map<string, Promise<Renewal>>>();

export async function handleRefresh(ctx: AuthContext, req: IncomingMessage, res: ServerResponse) {
  const presented = await presentedToken(req);
  if (!presented.ok) return presented.send(res);
  const check = ctx.tokens.verify(presented.token, ctx.now(), {
    graceSeconds: ctx.options.refreshGraceSeconds,
    ...(ctx.options.orgId !== undefined ? { orgId: ctx.options.orgId } : {})
  });
  if (!check.ok) {
    ctx.log.info({ event: 'auth.refresh-refused', code: check.code }, 'session not renewed');
    return refuse(res, check.code);
  }
  if (await ctx.options.revocations?.isRevoked(check.claims.sid, ctx.now())) {
    ctx.log.info(
      { event: 'auth.refresh-refused', code: 'SIGN_IN_AGAIN', sid: check.claims.sid, reason: 'signed out' },
      'session not renewed'
    );
    return refuse(res, 'SIGN_IN_AGAIN');
  }
  let running = inFlight.get(ctx);
  if (!running) inFlight.set(ctx, (running = new Map()));
  let renewal = running.get(check.claims.sid);
  if (!renewal) {
    const started = renew(ctx, check.claims).finally(() => running.delete(check.claims.sid));
    running.set(check.claims.sid, started);
    renewal = started;
  }
  const result = await renewal;
  if (!result.ok) return refuse(res, result.code);
  sendJson(res, 200, { token: result.token, expiresAt: result.expiresAt });
}

/** org/user of an identity URL (…/id/<org>/<user>). */
const identityOf = (url: string) => /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(new URL(url).pathname);

async function renew(ctx: AuthContext, claims: SessionClaims): Promise<Renewal> {
  const now = ctx.now();
  const session = await ctx.sessions.get(claims.sid, now);
  const signInAgain = (reason: string, details: Record<string, unknown> = {}): Renewal => {
    ctx.log.info(
      { event: 'auth.refresh-refused', code: 'SIGN_IN_AGAIN', sid: claims.sid, reason, ...details },
      'session not renewed'
    );
    return { ok: false, code: 'SIGN_IN_AGAIN' };
  };
  if (!session || session.agentId !== claims.sub || !sameOrg(session.orgId, claims.org)) {
    return signInAgain('no such session (signed out, forgotten or another connector process)');
  }
  if (!session.refreshToken) return signInAgain('the org granted no refresh token (scope refresh_token missing)');
  const refreshed = await ctx.org.refresh(session.refreshToken);
  if (!refreshed.ok) {
    if (refreshed.kind === 'unreachable') {
      ctx.log.warn(
        { event: 'auth.refresh-failed', code: 'ORG_UNREACHABLE', sid: claims.sid, ...failureDetails(refreshed) },
        'org unreachable'
      );
      return { ok: false, code: 'ORG_UNREACHABLE' };
    }
    await ctx.sessions.remove(claims.sid);
    return signInAgain('the org refused the refresh token', failureDetails(refreshed));
  }
  const before = identityOf(session.identityUrl);
  const after = identityOf(refreshed.tokens.identityUrl);
  if (before && after && (!sameOrg(before[1] ?? '', after[1] ?? '') || !sameOrg(before[2] ?? '', after[2] ?? ''))) {
    await ctx.sessions.remove(claims.sid);
    return signInAgain('the refresh token now names another user');
  }
  const issued = ctx.tokens.issue(
    { agentId: session.agentId, name: session.name, orgId: session.orgId, sid: session.sid },
    now,
    ctx.options.sessionTtlSeconds
  );
  await ctx.sessions.save(
    {
      ...session,
      accessToken: refreshed.tokens.accessToken,
      // Orgs with refresh token rotation answer a new one; the others keep the first.
      refreshToken: refreshed.tokens.refreshToken ?? session.refreshToken,
      forgetAt: issued.expiresAt + ctx.options.refreshGraceSeconds * 1000
    },
    now
  );
  ctx.log.info({ event: 'auth.refreshed', agentId: session.agentId, sid: session.sid }, 'session renewed');
  return { ok: true, token: issued.token, expiresAt: issued.expiresAt };
}

export async function handleLogout(ctx: AuthContext, req: IncomingMessage, res: ServerResponse) {
  const presented = await presentedToken(req);
  if (!presented.ok) return presented.send(res);
  // Signing out only takes access away, so an expired (but genuine) token may still do it.
  const check = ctx.tokens.verify(presented.token, ctx.now(), {
    graceSeconds: Number.POSITIVE_INFINITY,
    ...(ctx.options.orgId !== undefined ? { orgId: ctx.options.orgId } : {})
  });
  if (!check.ok) return refuse(res, check.code);
  // First the connector's own list, so no token of this sign-in works anywhere any more, even if the org is slow.
  await ctx.options.revocations?.revoke(check.claims, ctx.now());
  const session = await ctx.sessions.remove(check.claims.sid);
  let revoked = false;
  if (session) {
    const result = await ctx.org.revoke(session.refreshToken ?? session.accessToken);
    revoked = result.ok;
    if (!result.ok) {
      ctx.log.warn(
        { event: 'auth.revoke-failed', sid: session.sid, ...failureDetails(result) },
        'Salesforce token not revoked'
      );
    }
  }
  ctx.log.info(
    { event: 'auth.signed-out', agentId: check.claims.sub, sid: check.claims.sid, revoked },
    'agent signed out'
  );
  sendJson(res, 200, { signedOut: true, revoked });
}
