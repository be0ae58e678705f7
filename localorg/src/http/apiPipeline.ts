// One REST call under /services/data/vNN.N: faults, session check, daily limit, counting, then the handler inside
// one transaction. Every answer carries Sforce-Limit-Info: api-usage=N/M, as Salesforce's do.
import type { IncomingHttpHeaders } from 'node:http';
import { bearer } from '../oauth/identity';
import { sfError } from '../records/errors';
import { buildApiRouter } from '../routes/api';
import type { ApiContext } from '../routes/context';
import { supportedVersion } from '../routes/versions';
import { systemContext, type OrgRuntime } from '../runtime';
import type { Sql } from '../store/db';
import { parseJson } from './body';
import { JSON_TYPE, type RawResponse } from './raw';
import type { ApiRequest, ApiResponse } from './types';

const router = buildApiRouter();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function toRaw(rt: OrgRuntime, response: ApiResponse): RawResponse {
  const headers: Record<string, string> = {
    'Sforce-Limit-Info': `api-usage=${rt.usage.used}/${rt.usage.max}`,
    ...(response.headers ?? {})
  };
  if (response.status === 204 || response.body === undefined) return { status: response.status, headers, body: '' };
  return {
    status: response.status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: JSON.stringify(response.body)
  };
}

function contextFor(rt: OrgRuntime, sql: Sql, userId: string, req: ApiRequest, forceAllOrNone: boolean): ApiContext {
  const ctx: ApiContext = {
    ...systemContext(rt, sql, userId, req.version),
    cursors: rt.cursors,
    forceAllOrNone,
    usage: () => ({ used: rt.usage.used, max: rt.usage.max }),
    dispatch: (sub, options) => router.dispatch(contextFor(rt, sql, userId, sub, options?.forceAllOrNone ?? false), sub)
  };
  return ctx;
}

export interface ApiCall {
  method: string;
  /** Path after /services/data/. */
  rest: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  bodyText: string;
}

export async function handleApi(rt: OrgRuntime, call: ApiCall): Promise<RawResponse> {
  const [segment = '', ...restParts] = call.rest.split('/');
  const version = supportedVersion(segment);
  if (!version)
    return toRaw(rt, { status: 404, body: [sfError('NOT_FOUND', 'The requested resource does not exist')] });
  const decision = rt.faults.decide();
  if (decision.kind === 'hold') await rt.faults.hold();
  else if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.kind === 'error') {
    const body =
      decision.status === 503
        ? [sfError('SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later.')]
        : [
            sfError(
              'UNKNOWN_EXCEPTION',
              'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)'
            )
          ];
    return toRaw(rt, { status: decision.status, body });
  }
  const accessToken = bearer(call.headers);
  const session = accessToken ? rt.sessions.verify(accessToken) : null;
  if (!session) return toRaw(rt, { status: 401, body: [sfError('INVALID_SESSION_ID', 'Session expired or invalid')] });
  if (decision.kind === 'limit' || rt.usage.used >= rt.usage.max) {
    return toRaw(rt, { status: 403, body: [sfError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')] });
  }
  rt.usage.used += 1;
  const parsed = parseJson(call.bodyText);
  if (!parsed.ok) return toRaw(rt, { status: 400, body: [sfError('JSON_PARSER_ERROR', parsed.message)] });
  const path = `/${restParts.join('/')}`.replace(/\/+$/, '');
  const req: ApiRequest = {
    method: call.method,
    path,
    query: call.query,
    body: parsed.value,
    headers: call.headers,
    version
  };
  const response = await rt.db.exclusive((sql) =>
    router.dispatch(contextFor(rt, sql, session.userId, req, false), req)
  );
  return toRaw(rt, response);
}
