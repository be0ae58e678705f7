// GET /auth/callback?code&state (or ?error&state): Salesforce sends the pop-up back here. Checks the state and the
// browser binding, exchanges the code with the PKCE verifier, asks userinfo who signed in, issues the connector's
// session token and hands it to the panel. Every failure is a page (or JSON) with a code: never a redirect.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../api/http';
import { bindingCookieName, type AuthContext } from './context';
import { authError, authErrors, type AuthError, type AuthErrorCode } from './errors';
import { sendHandoffPage } from './pages';
import { s256, sameSecret } from './pkce';
import { failureDetails, type OrgFailure } from './salesforce-oauth';
import { sameOrg } from './session-token';
import type { SignedInAgent } from './signed-in-sessions';
import { cookieHeader, readCookie, wantsJson } from './web';

const callbackQuery = z.object({
  state: z.string().min(1).max(512).optional(),
  code: z.string().min(1).max(4096).optional(),
  error: z.string().min(1).max(256).optional()
});

type Outcome =
  | { ok: true; agent: SignedInAgent; token: string; expiresAt: number; returnTo: string | null }
  | { ok: false; error: AuthError; returnTo: string | null };

export async function handleCallback(ctx: AuthContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const query = callbackQuery.safeParse(Object.fromEntries(url.searchParams));
  const q = query.success ? query.data : {};
  const outcome = await finishSignIn(ctx, q, q.state ? readCookie(req, bindingCookieName(q.state)) : null);
  // The binding cookie has done its work either way.
  const headers: Record<string, string> = q.state
    ? {
        'set-cookie': cookieHeader({
          name: bindingCookieName(q.state),
          value: '',
          path: ctx.cookiePath,
          maxAgeSeconds: 0,
          secure: ctx.secureCookies
        })
      }
    : {};
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

  if (wantsJson(req)) {
    if (!outcome.ok) return sendJson(res, authErrors[outcome.error.code].status, { error: outcome.error });
    return sendJson(res, 200, {
      token: outcome.token,
      expiresAt: outcome.expiresAt,
      agent: publicAgent(outcome.agent)
    });
  }
  if (!outcome.ok) {
    return sendHandoffPage(res, {
      status: authErrors[outcome.error.code].status,
      title: 'Sign-in failed',
      text: `${outcome.error.code}: ${outcome.error.message}`,
      message: { type: 'softphone:sign-in-failed', error: outcome.error },
      panelOrigins: ctx.options.allowedPanelOrigins,
      returnTo: null,
      headers
    });
  }
  sendHandoffPage(res, {
    status: 200,
    title: 'Signed in',
    text: `Signed in as ${outcome.agent.name}. This window closes by itself; if it stays open, close it and return to the softphone.`,
    message: {
      type: 'softphone:signed-in',
      token: outcome.token,
      expiresAt: outcome.expiresAt,
      agent: publicAgent(outcome.agent)
    },
    panelOrigins: ctx.options.allowedPanelOrigins,
    returnTo: outcome.returnTo,
    headers
  });
}

const publicAgent = (a: SignedInAgent) => ({ agentId: a.agentId, name: a.name, orgId: a.orgId, language: a.language });

async function finishSignIn(
  ctx: AuthContext,
  q: { state?: string; code?: string; error?: string },
  binding: string | null
): Promise<Outcome> {
  const now = ctx.now();
  const login = q.state ? await ctx.pending.take(q.state, now) : null;
  const fail = (code: AuthErrorCode, details: Record<string, unknown> = {}): Outcome => {
    ctx.log.warn({ event: 'auth.sign-in-failed', code, ...details }, 'sign-in failed');
    const orgError = typeof details.orgError === 'string' ? details.orgError : undefined;
    return { ok: false, error: authError(code, orgError), returnTo: login?.returnTo ?? null };
  };
  if (!login) return fail('STATE_INVALID', { reason: q.state ? 'unknown, used or expired state' : 'no state' });
  if (binding === null || !sameSecret(s256(binding), login.bindingHash)) {
    return fail('STATE_INVALID', { reason: 'started in another browser' });
  }
  if (q.error) {
    const orgError = /^[a-z_]{1,64}$/.test(q.error) ? q.error : 'unknown_error';
    return fail(orgError === 'access_denied' ? 'ACCESS_DENIED' : 'ORG_REFUSED', { orgError });
  }
  if (!q.code) return fail('CALLBACK_INVALID');

  const exchanged = await ctx.org.exchangeCode(q.code, login.codeVerifier);
  if (!exchanged.ok) return fail(orgFailureCode(exchanged, 'TOKEN_EXCHANGE_FAILED'), failureDetails(exchanged));
  const { tokens } = exchanged;
  // From here on the org has granted tokens: a sign-in that does not finish gives them back.
  const abandon = async (code: AuthErrorCode, details: Record<string, unknown> = {}) => {
    await ctx.org.revoke(tokens.refreshToken ?? tokens.accessToken);
    return fail(code, details);
  };
  const who = await ctx.org.userinfo(tokens);
  if (!who.ok) return abandon(orgFailureCode(who, 'USERINFO_FAILED'), failureDetails(who));
  const { identity } = who;
  if (ctx.options.orgId !== undefined && !sameOrg(ctx.options.orgId, identity.orgId)) {
    return abandon('ORG_MISMATCH', { orgId: identity.orgId });
  }
  const agent: SignedInAgent = {
    agentId: identity.userId,
    name: identity.name.slice(0, 200),
    orgId: identity.orgId,
    language: identity.language,
    email: identity.email
  };
  try {
    await ctx.onSignIn(agent);
  } catch {
    return abandon('SIGN_IN_FAILED', { agentId: agent.agentId, reason: 'onSignIn failed' });
  }
  const issued = ctx.tokens.issue(agent, now, ctx.options.sessionTtlSeconds);
  const saved = await ctx.sessions.save(
    {
      ...agent,
      sid: issued.sid,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      identityUrl: tokens.identityUrl,
      forgetAt: issued.expiresAt + ctx.options.refreshGraceSeconds * 1000
    },
    now
  );
  if (!saved) return abandon('TOO_MANY_SIGN_INS', { agentId: agent.agentId });
  ctx.log.info(
    {
      event: 'auth.signed-in',
      agentId: agent.agentId,
      orgId: agent.orgId,
      sid: issued.sid,
      renewable: tokens.refreshToken !== null
    },
    'agent signed in with Salesforce'
  );
  return { ok: true, agent, token: issued.token, expiresAt: issued.expiresAt, returnTo: login.returnTo };
}

function orgFailureCode(failure: OrgFailure, whenRefused: AuthErrorCode): AuthErrorCode {
  return failure.kind === 'unreachable' ? 'ORG_UNREACHABLE' : whenRefused;
}
