// The sign-in endpoints as one HTTP handler, mounted beside the others (returns false for paths it does not serve):
//   GET  /auth/login?returnTo=…   start Salesforce OAuth (web server flow, PKCE S256) in the panel's pop-up
//   GET  /auth/callback           Salesforce's redirect back; hands the session token to the panel
//   POST /auth/session/refresh    a fresh session token while the Salesforce refresh token works
//   POST /auth/logout             revoke at Salesforce and forget the session
import type { Handler } from '../api/http';
import { sendError } from '../api/http';
import { handleCallback } from './callback';
import { createAuthContext, type AuthContext } from './context';
import { authErrors } from './errors';
import { handleLogin } from './login';
import { resolveAuthOptions, type AuthOptions } from './options';
import { handleLogout, handleRefresh } from './session-routes';
import { answerPreflight, applyCors } from './web';

const PAGES = new Set(['/auth/login', '/auth/callback']);
const PANEL_CALLS = new Set(['/auth/session/refresh', '/auth/logout']);

/** Throws AuthConfigError at start when an option is wrong. */
export function createAuthHandler(options: AuthOptions): Handler {
  const ctx = createAuthContext(resolveAuthOptions(options));
  return async (req, res) => {
    const url = new URL(req.url ?? '/', ctx.connectorOrigin);
    const path = url.pathname.replace(/\/+$/, '');
    if (PAGES.has(path)) {
      if (req.method !== 'GET') methodNotAllowed(res, 'GET');
      else await (path === '/auth/login' ? handleLogin : handleCallback)(ctx, req, res, url);
      return true;
    }
    if (PANEL_CALLS.has(path)) {
      await panelCall(ctx, path, req, res);
      return true;
    }
    return false;
  };
}

async function panelCall(ctx: AuthContext, path: string, ...[req, res]: Parameters<Handler>) {
  if (!applyCors(req, res, ctx.options.allowedPanelOrigins, ctx.connectorOrigin)) {
    return sendError(res, 403, 'ORIGIN_NOT_ALLOWED', authErrors.ORIGIN_NOT_ALLOWED.message);
  }
  if (req.method === 'OPTIONS') return answerPreflight(res);
  if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
  await (path === '/auth/logout' ? handleLogout : handleRefresh)(ctx, req, res);
}

function methodNotAllowed(res: Parameters<Handler>[1], allow: string) {
  res.setHeader('allow', allow);
  sendError(res, 405, 'METHOD_NOT_ALLOWED', authErrors.METHOD_NOT_ALLOWED.message);
}
