// The integration user's access token from /services/oauth2/token: a client_credentials grant, or a refresh_token
// grant with the token an admin's one sign-in produced. Salesforce sessions expire; a new grant is the refresh.
import { z } from 'zod';
import { failure, type SyncFailure } from './failures';
import type { SalesforceOptions } from './options';

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  instance_url: z.url(),
  token_type: z.string().optional(),
  issued_at: z.string().optional()
});

const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export interface AccessToken {
  accessToken: string;
  instanceUrl: string;
}

export type TokenOutcome = { ok: true; token: AccessToken } | { ok: false; failure: SyncFailure };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** One grant against the org's token endpoint. Never throws. */
export async function requestToken(
  options: Pick<SalesforceOptions, 'loginUrl' | 'clientId' | 'clientSecret' | 'auth' | 'requestTimeoutMs'>,
  fetchImpl: FetchLike = fetch
): Promise<TokenOutcome> {
  const form = new URLSearchParams({
    grant_type: options.auth.grant,
    client_id: options.clientId,
    client_secret: options.clientSecret
  });
  if (options.auth.grant === 'refresh_token') form.set('refresh_token', options.auth.refreshToken);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(`${options.loginUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(options.requestTimeoutMs)
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      failure: timedOut
        ? failure('TIMEOUT', 'The token endpoint did not answer in time.')
        : failure('NETWORK', `The token endpoint could not be reached: ${String(error)}`)
    };
  }
  const body = safeJson(text);
  if (response.ok) {
    const parsed = tokenAnswerSchema.safeParse(body);
    if (parsed.success) {
      return {
        ok: true,
        token: { accessToken: parsed.data.access_token, instanceUrl: parsed.data.instance_url.replace(/\/+$/, '') }
      };
    }
    return { ok: false, failure: failure('AUTH_FAILED', 'The token endpoint answered without an access token.') };
  }
  if (response.status >= 500) {
    return {
      ok: false,
      failure: failure(`ERROR_HTTP_${response.status}`, 'The token endpoint failed.', response.status)
    };
  }
  const refused = tokenErrorSchema.safeParse(body);
  const why = refused.success ? `${refused.data.error}: ${refused.data.error_description ?? ''}`.trim() : text;
  return {
    ok: false,
    failure: failure('AUTH_FAILED', `Salesforce refused the connector's credentials (${why}).`, response.status)
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
