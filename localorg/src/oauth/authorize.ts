// /services/oauth2/authorize: the web server flow's approve page (one click per local user) and its redirect with
// the code (PKCE S256 challenge kept with it) or the error.
import { z } from 'zod';
import { html, redirect, type RawResponse } from '../http/raw';
import type { OrgRuntime } from '../runtime';
import { approvePage, errorPage, type LoginUser } from './pages';

const authorizeParams = z.object({
  response_type: z.string().default('code'),
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  state: z.string().optional(),
  scope: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
  user_id: z.string().optional(),
  action: z.enum(['approve', 'deny']).optional()
});

function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

async function activeUsers(rt: OrgRuntime): Promise<LoginUser[]> {
  // Through the gate: a bare query could run inside another request's open transaction.
  return rt.db.exclusive((sql) =>
    sql.query<LoginUser>(
      `SELECT "Id", "Name", "Username", "LanguageLocaleKey" FROM "so_user" WHERE "IsActive" = true ORDER BY "Name"`
    )
  );
}

export async function authorize(rt: OrgRuntime, method: string, input: Record<string, string>): Promise<RawResponse> {
  const parsed = authorizeParams.safeParse(input);
  if (!parsed.success) return html(400, errorPage('invalid_request', 'missing required parameter'));
  const p = parsed.data;
  const app = rt.apps.get(p.client_id);
  if (!app) return html(400, errorPage('invalid_client_id', 'client identifier invalid'));
  if (!app.redirectUris.includes(p.redirect_uri)) {
    return html(400, errorPage('redirect_uri_mismatch', 'redirect_uri must match configuration'));
  }
  const fail = (error: string, description: string) =>
    redirect(withQuery(p.redirect_uri, { error, error_description: description, state: p.state }));
  if (p.response_type !== 'code') return fail('unsupported_response_type', 'response type not supported');
  if (p.code_challenge_method !== undefined && p.code_challenge_method !== 'S256') {
    return fail('invalid_request', 'code challenge method not supported');
  }
  if (method === 'GET') {
    const { user_id: _u, action: _a, ...keep } = input;
    return html(200, approvePage(app.name, keep, await activeUsers(rt)));
  }
  if (p.action !== 'approve') return fail('access_denied', 'end-user denied authorization');
  const user = (await activeUsers(rt)).find((u) => u.Id === p.user_id);
  if (!user) return html(400, errorPage('invalid_request', 'choose a user to log in as'));
  const code = rt.sessions.saveCode({
    clientId: app.clientId,
    redirectUri: p.redirect_uri,
    userId: user.Id,
    codeChallenge: p.code_challenge ?? null,
    codeChallengeMethod: p.code_challenge_method ?? (p.code_challenge ? 'S256' : null),
    scope: p.scope ?? 'api refresh_token',
    expiresAt: 0
  });
  return redirect(withQuery(p.redirect_uri, { code, state: p.state }));
}
