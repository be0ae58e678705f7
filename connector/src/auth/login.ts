// GET /auth/login?returnTo=…: starts the web server flow with PKCE and sends the pop-up to the org's authorize page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bindingCookieName, type AuthContext } from './context';
import { authErrors } from './errors';
import { sendTextPage } from './pages';
import { newCodeVerifier, newSecret, s256 } from './pkce';
import { checkReturnTo } from './return-to';
import { cookieHeader } from './web';

export async function handleLogin(ctx: AuthContext, _req: IncomingMessage, res: ServerResponse, url: URL) {
  const returnTo = checkReturnTo(url.searchParams.get('returnTo') ?? undefined, ctx.connectorOrigin);
  if (!returnTo.ok) {
    ctx.log.warn({ event: 'auth.login-refused', code: 'INVALID_RETURN_TO' }, 'sign-in not started');
    return sendTextPage(res, 400, 'Sign-in not started', `INVALID_RETURN_TO: ${authErrors.INVALID_RETURN_TO.message}`);
  }
  const now = ctx.now();
  const state = newSecret();
  const binding = newSecret();
  const codeVerifier = newCodeVerifier();
  const saved = await ctx.pending.save(
    {
      state,
      codeVerifier,
      bindingHash: s256(binding),
      returnTo: returnTo.path,
      expiresAt: now + ctx.options.loginTtlSeconds * 1000
    },
    now
  );
  if (!saved) {
    ctx.log.warn({ event: 'auth.login-refused', code: 'TOO_MANY_SIGN_INS' }, 'sign-in not started');
    return sendTextPage(res, 503, 'Sign-in not started', `TOO_MANY_SIGN_INS: ${authErrors.TOO_MANY_SIGN_INS.message}`);
  }
  res.writeHead(302, {
    location: ctx.org.authorizeUrl(state, s256(codeVerifier)),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'set-cookie': cookieHeader({
      name: bindingCookieName(state),
      value: binding,
      path: ctx.cookiePath,
      maxAgeSeconds: ctx.options.loginTtlSeconds,
      secure: ctx.secureCookies
    })
  });
  res.end();
}
