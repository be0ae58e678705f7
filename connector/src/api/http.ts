// The connector's HTTP side: health, readiness, metrics, sign-in, and whatever the provider mounts (customer API).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SessionRevocations } from '../auth/revocations';
import type { SessionTokens } from '../auth/session-token';
import { bearerToken } from '../auth/web';
import type { Engine } from '../engine/engine';
import { parseWith } from '../interactions/kernel/parse';
import * as store from '../store';
import type { Db } from '../store';
import type { Metrics } from './metrics';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface HttpDeps {
  db: Db;
  engine: Engine;
  metrics: Metrics;
  tokens: SessionTokens;
  /** UNSAFE development sign-in (POST /auth/dev); off unless CONNECTOR_UNSAFE_DEV_SIGNIN=true. */
  devSignIn: boolean;
  orgId: string;
  /** Sign-outs every instance honours; POST /auth/logout of the dev sign-in lists its token here. */
  revocations: SessionRevocations;
  extraHandlers: Handler[];
  /** An agent signed in: the directory learns their name. */
  onSignIn: (agent: { agentId: string; name: string; language?: string }) => void;
  isReady: () => boolean;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, issues?: unknown): void {
  sendJson(res, status, { error: { code, message, ...(issues ? { issues } : {}) } });
}

/** Reads a JSON body of at most `limit` bytes. */
export async function readJson(
  req: IncomingMessage,
  limit = 1024 * 1024
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; code: string; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      return { ok: false, status: 413, code: 'BODY_TOO_LARGE', message: 'The request body can be at most 1 MB.' };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' };
  }
}

const devSignInSchema = z
  .object({
    agentId: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    language: z.string().min(2).max(10).optional()
  })
  .strict();

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void route(deps, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Something went wrong; nothing was changed.');
      else res.end();
      void error;
    });
  };
}

async function route(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://connector');
  if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (req.method === 'GET' && url.pathname === '/readyz') {
    if (!deps.isReady()) return sendJson(res, 503, { status: 'starting' });
    await deps.db.query('SELECT 1');
    return sendJson(res, 200, { status: 'ready' });
  }
  if (req.method === 'GET' && url.pathname === '/metrics') {
    const now = deps.engine.now();
    const [counts, depth] = await Promise.all([
      store.interactions.countByChannelAndLifecycle(deps.db),
      store.outbox.depth(deps.db, now)
    ]);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(deps.metrics.render({ interactions: counts, outboxPending: depth.pending }));
    return;
  }
  if (url.pathname === '/auth/dev') {
    if (!deps.devSignIn) return sendError(res, 404, 'NOT_FOUND', 'No such endpoint.');
    if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST.');
    const body = await readJson(req);
    if (!body.ok) return sendError(res, body.status, body.code, body.message);
    const parsed = parseWith(devSignInSchema, body.value);
    if (!parsed.ok) return sendError(res, 400, 'INVALID_INPUT', parsed.rejection.message, parsed.rejection.issues);
    deps.onSignIn(parsed.value);
    const { token, expiresAt } = deps.tokens.issue(
      { agentId: parsed.value.agentId, name: parsed.value.name, orgId: deps.orgId, dev: true },
      deps.engine.now()
    );
    return sendJson(res, 200, { token, expiresAt, unsafe: true });
  }
  for (const handler of deps.extraHandlers) if (await handler(req, res)) return;
  // With Salesforce sign-in the auth handler above answers this; the dev sign-in's tokens are signed out here.
  if (url.pathname === '/auth/logout' && deps.devSignIn) return devSignOut(deps, req, res);
  sendError(res, 404, 'NOT_FOUND', 'No such endpoint.');
}

const tokenBody = z.object({ token: z.string().min(1).max(4096) }).strict();

/** POST /auth/logout for dev tokens: the token (Bearer, or {"token"}) is refused from now on, everywhere. */
async function devSignOut(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use POST.');
  let token = bearerToken(req);
  if (!token) {
    const body = await readJson(req, 8 * 1024);
    if (!body.ok) return sendError(res, body.status, body.code, body.message);
    const parsed = parseWith(tokenBody, body.value);
    if (!parsed.ok) return sendError(res, 400, 'INVALID_INPUT', parsed.rejection.message, parsed.rejection.issues);
    token = parsed.value.token;
  }
  // Signing out only takes access away, so an expired (but genuine) token may still do it.
  const check = deps.tokens.verify(token, deps.engine.now(), {
    graceSeconds: Number.POSITIVE_INFINITY,
    orgId: deps.orgId
  });
  if (!check.ok) return sendError(res, 401, check.code, 'The session token is not valid. Sign in again.');
  await deps.revocations.revoke(check.claims, deps.engine.now());
  sendJson(res, 200, { signedOut: true, revoked: false });
}
