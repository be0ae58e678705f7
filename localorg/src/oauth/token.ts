// /services/oauth2/token: authorization_code (with the PKCE verifier checked), refresh_token and client_credentials,
// answered in Salesforce's shape (access_token, refresh_token, signature, instance_url, id, token_type, issued_at).
import { createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import { rawJson, type RawResponse } from '../http/raw';
import type { OrgRuntime } from '../runtime';
import { selectByField } from '../store/rows';
import type { ConnectedApp } from './connectedApps';
import { oauthError } from './errors';
import { identityUrl } from './identity';
import type { Session } from './sessions';

const tokenForm = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('authorization_code'),
    code: z.string().min(1),
    client_id: z.string().min(1),
    client_secret: z.string().optional(),
    redirect_uri: z.string().min(1),
    code_verifier: z.string().optional()
  }),
  z.object({
    grant_type: z.literal('refresh_token'),
    refresh_token: z.string().min(1),
    client_id: z.string().min(1),
    client_secret: z.string().optional()
  }),
  z.object({
    grant_type: z.literal('client_credentials'),
    client_id: z.string().min(1),
    client_secret: z.string().min(1)
  })
]);

function tokenResponse(rt: OrgRuntime, app: ConnectedApp, session: Session, scope: string, refresh: string | null) {
  const id = identityUrl(rt, session.userId);
  const issuedAt = String(session.issuedAt);
  const signature = createHmac('sha256', app.clientSecret)
    .update(id + issuedAt)
    .digest('base64');
  return rawJson(200, {
    access_token: session.accessToken,
    ...(refresh ? { refresh_token: refresh } : {}),
    signature,
    scope,
    instance_url: rt.baseUrl(),
    id,
    token_type: 'Bearer',
    issued_at: issuedAt
  });
}

function secretOk(app: ConnectedApp, secret: string | undefined): boolean {
  if (secret === undefined) return !app.requireSecret;
  return secret === app.clientSecret;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export async function token(rt: OrgRuntime, input: Record<string, string>): Promise<RawResponse> {
  if (input.grant_type && !['authorization_code', 'refresh_token', 'client_credentials'].includes(input.grant_type)) {
    return oauthError('unsupported_grant_type', 'grant type not supported');
  }
  const parsed = tokenForm.safeParse(input);
  if (!parsed.success) return oauthError('invalid_request', 'missing or invalid parameters');
  const form = parsed.data;
  const app = rt.apps.get(form.client_id);
  if (!app) return oauthError('invalid_client_id', 'client identifier invalid');
  if (!secretOk(app, form.client_secret)) return oauthError('invalid_client', 'invalid client credentials');
  if (form.grant_type === 'authorization_code') {
    const code = rt.sessions.takeCode(form.code);
    if (!code || code.clientId !== app.clientId) return oauthError('invalid_grant', 'invalid authorization code');
    if (code.redirectUri !== form.redirect_uri)
      return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
    if (code.codeChallenge !== null || form.code_verifier !== undefined) {
      if (!form.code_verifier || code.codeChallenge === null || s256(form.code_verifier) !== code.codeChallenge) {
        return oauthError('invalid_grant', 'invalid code verifier');
      }
    }
    const refresh = rt.sessions.grantRefresh(code.userId, app.clientId, code.scope);
    const session = rt.sessions.issue(code.userId, app.clientId, refresh);
    return tokenResponse(rt, app, session, code.scope, refresh);
  }
  if (form.grant_type === 'refresh_token') {
    const grant = rt.sessions.refreshGrant(form.refresh_token);
    if (!grant || grant.clientId !== app.clientId) return oauthError('invalid_grant', 'expired access/refresh token');
    const session = rt.sessions.issue(grant.userId, app.clientId, form.refresh_token);
    return tokenResponse(rt, app, session, grant.scope, null);
  }
  const userObj = rt.schema.object('User');
  const usernameField = userObj ? rt.schema.field(userObj, 'Username') : undefined;
  const runAs =
    app.runAsUsername && userObj && usernameField
      ? (await rt.db.exclusive((sql) => selectByField(sql, userObj, usernameField, app.runAsUsername ?? '', 1)))[0]
      : undefined;
  if (!runAs) return oauthError('invalid_grant', 'no client credentials user enabled');
  const session = rt.sessions.issue(String(runAs.Id), app.clientId, null);
  return tokenResponse(rt, app, session, 'api', null);
}
