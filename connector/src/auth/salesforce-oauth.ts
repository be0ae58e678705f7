// The connector as an OAuth 2.0 client of a Salesforce org (or the local org): the authorize URL, the token endpoint
// (authorization_code with PKCE, refresh_token), userinfo and revoke. Every answer is parsed with zod; nothing here
// throws or logs: callers get a typed outcome and decide.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { sameSecret } from './pkce';
import { sameOrg } from './session-token';

const salesforceId = z.string().regex(/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/, 'must be a Salesforce id');

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  signature: z.string().optional(),
  instance_url: z.url(),
  id: z.url(),
  issued_at: z.string().optional()
});

const orgErrorSchema = z.object({ error: z.string().min(1) });

const identitySchema = z.object({
  user_id: salesforceId,
  organization_id: salesforceId,
  name: z.string().optional(),
  display_name: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
  language: z.string().optional(),
  locale: z.string().optional()
});

export interface OrgTokens {
  accessToken: string;
  refreshToken: string | null;
  instanceUrl: string;
  identityUrl: string;
}

export interface OrgIdentity {
  userId: string;
  orgId: string;
  name: string;
  email: string | null;
  language: string | null;
}

/**
 * refused: the org answered no (4xx), with its OAuth error code (invalid_grant, access_denied …);
 * unreachable: no answer, a time-out or a 5xx; invalid: an answer that is not what Salesforce documents.
 */
export type OrgFailure =
  | { kind: 'refused'; status: number; orgError: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'invalid'; detail: string };

/** What a log may say about an org failure: its kind and the org's error code, never a body or a token. */
export function failureDetails(failure: OrgFailure): Record<string, unknown> {
  return failure.kind === 'refused'
    ? { orgFailure: failure.kind, orgStatus: failure.status, orgError: failure.orgError }
    : { orgFailure: failure.kind, detail: failure.detail };
}

export type OrgResult<T> = ({ ok: true } & T) | ({ ok: false } & OrgFailure);

export interface SalesforceOAuthConfig {
  loginUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
  redirectUri: string;
  scopes: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** An OAuth error code safe to log and show: Salesforce's codes are short snake_case words. */
const orgErrorCode = (value: unknown): string =>
  typeof value === 'string' && /^[A-Za-z_]{1,64}$/.test(value) ? value : 'unknown_error';

export class SalesforceOAuth {
  private readonly base: string;

  constructor(private readonly config: SalesforceOAuthConfig) {
    this.base = config.loginUrl.replace(/\/+$/, '');
  }

  authorizeUrl(state: string, codeChallenge: string): string {
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUri,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      state,
      scope: this.config.scopes
    });
    return `${this.base}/services/oauth2/authorize?${params.toString()}`;
  }

  exchangeCode(code: string, codeVerifier: string): Promise<OrgResult<{ tokens: OrgTokens }>> {
    return this.tokenGrant({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.config.redirectUri,
      code_verifier: codeVerifier
    });
  }

  refresh(refreshToken: string): Promise<OrgResult<{ tokens: OrgTokens }>> {
    return this.tokenGrant({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Who the access token belongs to, from the OpenID Connect userinfo endpoint on the org's instance. */
  async userinfo(tokens: OrgTokens): Promise<OrgResult<{ identity: OrgIdentity }>> {
    const answer = await this.call(`${tokens.instanceUrl.replace(/\/+$/, '')}/services/oauth2/userinfo`, {
      method: 'GET',
      headers: { authorization: `Bearer ${tokens.accessToken}`, accept: 'application/json' }
    });
    if (!answer.ok) return answer;
    const parsed = identitySchema.safeParse(answer.json);
    if (!parsed.success)
      return { ok: false, kind: 'invalid', detail: 'userinfo answer lacks user_id or organization_id' };
    const info = parsed.data;
    // The identity URL of the token answer names org and user too: both must agree.
    const named = /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(new URL(tokens.identityUrl).pathname);
    if (named && (!sameOrg(named[1] ?? '', info.organization_id) || !sameOrg(named[2] ?? '', info.user_id))) {
      return { ok: false, kind: 'invalid', detail: 'userinfo names another user than the token answer' };
    }
    return {
      ok: true,
      identity: {
        userId: info.user_id,
        orgId: info.organization_id,
        name: info.name || info.display_name || info.preferred_username || info.user_id,
        email: info.email || null,
        language: info.language || info.locale || null
      }
    };
  }

  /** Revokes a refresh token (and every access token it issued) or an access token. */
  async revoke(token: string): Promise<OrgResult<object>> {
    const answer = await this.call(`${this.base}/services/oauth2/revoke`, this.form({ token }), false);
    return answer.ok ? { ok: true } : answer;
  }

  private async tokenGrant(fields: Record<string, string>): Promise<OrgResult<{ tokens: OrgTokens }>> {
    const answer = await this.call(
      `${this.base}/services/oauth2/token`,
      this.form({
        ...fields,
        client_id: this.config.clientId,
        ...(this.config.clientSecret ? { client_secret: this.config.clientSecret } : {})
      })
    );
    if (!answer.ok) return answer;
    const parsed = tokenAnswerSchema.safeParse(answer.json);
    if (!parsed.success) return { ok: false, kind: 'invalid', detail: 'token answer is not shaped like Salesforce’s' };
    const t = parsed.data;
    // The answer's signature (HMAC-SHA256 of id + issued_at with the consumer secret) proves it is the org's.
    if (this.config.clientSecret && t.signature !== undefined && t.issued_at !== undefined) {
      const expected = createHmac('sha256', this.config.clientSecret)
        .update(t.id + t.issued_at)
        .digest('base64');
      if (!sameSecret(expected, t.signature)) return { ok: false, kind: 'invalid', detail: 'token answer signature' };
    }
    // The access token is sent to instance_url next: only over TLS, or to the (local) login host itself.
    const instance = new URL(t.instance_url);
    if (instance.protocol !== 'https:' && instance.origin !== new URL(this.base).origin) {
      return { ok: false, kind: 'invalid', detail: 'instance_url is not https' };
    }
    return {
      ok: true,
      tokens: {
        accessToken: t.access_token,
        refreshToken: t.refresh_token ?? null,
        instanceUrl: instance.origin,
        identityUrl: t.id
      }
    };
  }

  private form(fields: Record<string, string>): RequestInit {
    return {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(fields).toString()
    };
  }

  private async call(url: string, init: RequestInit, expectJson = true): Promise<OrgResult<{ json: unknown }>> {
    let res: Response;
    let text: string;
    try {
      res = await this.config.fetch(url, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutMs)
      });
      text = await res.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      return { ok: false, kind: 'unreachable', detail: name === 'TimeoutError' ? 'time-out' : 'no answer' };
    }
    let json: unknown = undefined;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    if (res.status >= 500) return { ok: false, kind: 'unreachable', detail: `HTTP ${res.status}` };
    if (res.status >= 400) {
      const body = orgErrorSchema.safeParse(json);
      return {
        ok: false,
        kind: 'refused',
        status: res.status,
        orgError: body.success ? orgErrorCode(body.data.error) : orgErrorCode(text.trim())
      };
    }
    if (res.status !== 200) return { ok: false, kind: 'invalid', detail: `HTTP ${res.status}` };
    if (expectJson && json === undefined) return { ok: false, kind: 'invalid', detail: 'answer is not JSON' };
    return { ok: true, json };
  }
}
