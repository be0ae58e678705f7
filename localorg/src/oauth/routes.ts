// OAuth 2.0 as a Salesforce org serves it: authorize, token, userinfo, the identity URL and revoke.
import { escapeHtml, html, type RawResponse } from '../http/raw';
import type { OrgRuntime } from '../runtime';
import { authorize } from './authorize';
import { oauthError } from './errors';
import { userinfo } from './identity';
import { token } from './token';

function revoke(rt: OrgRuntime, input: Record<string, string>): RawResponse {
  const value = input.token;
  if (!value) return oauthError('invalid_request', 'token is required');
  return rt.sessions.revoke(value)
    ? { status: 200, headers: {}, body: '' }
    : oauthError('invalid_token', 'invalid token');
}

export async function handleOAuth(
  rt: OrgRuntime,
  method: string,
  path: string,
  input: Record<string, string>,
  headers: Record<string, string | string[] | undefined>
): Promise<RawResponse> {
  const route = path.replace(/\/$/, '');
  if (route === '/services/oauth2/authorize' && (method === 'GET' || method === 'POST'))
    return authorize(rt, method, input);
  if (route === '/services/oauth2/token' && method === 'POST') return token(rt, input);
  if (route === '/services/oauth2/userinfo' && (method === 'GET' || method === 'POST')) return userinfo(rt, headers);
  if (route === '/services/oauth2/revoke' && (method === 'GET' || method === 'POST')) return revoke(rt, input);
  const id = /^\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})$/.exec(route);
  if (id && method === 'GET') return userinfo(rt, headers, id[2]);
  return html(404, `<p>Not found: ${escapeHtml(path)}</p>`);
}
