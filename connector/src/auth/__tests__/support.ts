// Test harness: the REAL local org, a node:http server mounting the auth handler, and a scripted "browser" that
// walks the pop-up: /auth/login -> the org's approve page -> one click (the page's form post) -> /auth/callback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET, type LocalOrg } from '../../../../localorg/src';
import type { Handler } from '../../api/http';
import { callbackUrl, createAuthHandler, type AuthOptions, type SignedInAgent } from '../index';
import { SessionTokens } from '../session-token';

export const PANEL_ORIGIN = 'https://acme.lightning.force.com';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A clock the tests move. */
export function manualClock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/**
 * The connector's calls to the org go through this: it remembers every secret it sees (so the tests can check no
 * log holds one) and lets a test rewrite a request or drop it (the org unreachable).
 */
export class OrgWire {
  readonly secrets = new Set<string>();
  readonly calls: { path: string; form: Record<string, string> }[] = [];
  rewrite: ((path: string, form: URLSearchParams) => URLSearchParams | 'drop' | undefined) | null = null;
  rewriteAnswer: ((path: string, json: Record<string, unknown>) => Record<string, unknown>) | null = null;

  readonly fetch: typeof fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    let body = typeof init.body === 'string' ? new URLSearchParams(init.body) : null;
    const changed = body && this.rewrite ? this.rewrite(url.pathname, body) : undefined;
    if (changed === 'drop') throw new TypeError('fetch failed');
    if (changed) body = changed;
    if (body) {
      const form = Object.fromEntries(body);
      this.calls.push({ path: url.pathname, form });
      for (const key of ['code', 'code_verifier', 'refresh_token', 'token', 'client_secret']) {
        if (form[key]) this.secrets.add(form[key]);
      }
    }
    const res = await fetch(url, { ...init, ...(body ? { body: body.toString() } : {}) });
    if (url.pathname !== '/services/oauth2/token' || res.status !== 200) return res;
    let json = (await res.json()) as Record<string, unknown>;
    for (const key of ['access_token', 'refresh_token']) if (typeof json[key] === 'string') this.secrets.add(json[key]);
    if (this.rewriteAnswer) json = this.rewriteAnswer(url.pathname, json);
    return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
  };

  /** The refresh token the org granted last. */
  lastRefreshToken(): string {
    const granted = [...this.secrets].filter((s) => s.startsWith('5Aep861'));
    const last = granted[granted.length - 1];
    if (!last) throw new Error('the org granted no refresh token yet');
    return last;
  }
}

export interface TestConnector {
  url: string;
  redirectUri: string;
  tokens: SessionTokens;
  signIns: SignedInAgent[];
  close(): Promise<void>;
}

/** A node:http server on port 0 mounting the auth handler; its callback URL is registered with the org. */
export async function startConnector(
  org: LocalOrg,
  wire: OrgWire,
  logs: string[],
  now: () => number,
  extra: Partial<AuthOptions> = {}
): Promise<TestConnector> {
  let handler: Handler = async () => false;
  const server: Server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirectUri = callbackUrl(url);
  org.connectedApps.addRedirectUri(CONNECTOR_CLIENT_ID, redirectUri);
  const tokens = new SessionTokens('a-test-secret-that-is-long-enough-0123456789', 3600);
  const signIns: SignedInAgent[] = [];
  handler = createAuthHandler({
    loginUrl: org.url,
    clientId: CONNECTOR_CLIENT_ID,
    clientSecret: CONNECTOR_CLIENT_SECRET,
    redirectUri,
    allowedPanelOrigins: [PANEL_ORIGIN],
    tokens,
    sessionTtlSeconds: 600,
    refreshGraceSeconds: 300,
    fetch: wire.fetch,
    now,
    log: pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) }),
    onSignIn: (agent) => void signIns.push(agent),
    ...extra
  });
  return {
    url,
    redirectUri,
    tokens,
    signIns,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

const unescape = (s: string) => s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

/** The fields of the approve page's form whose button reads `button` (what a click posts). */
function formOf(html: string, button: string): { action: string; fields: URLSearchParams } {
  const form = html.split('<form').find((f) => f.includes(`>${button}</button>`));
  if (!form) throw new Error(`no button "${button}" on the page`);
  const action = unescape(/action="([^"]*)"/.exec(form)?.[1] ?? '');
  const fields = new URLSearchParams();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.append(unescape(m[1] ?? ''), unescape(m[2] ?? ''));
  }
  const b = /<button type="submit" name="([^"]*)" value="([^"]*)">/.exec(form);
  if (b) fields.append(unescape(b[1] ?? ''), unescape(b[2] ?? ''));
  return { action, fields };
}

export interface PopUp {
  /** The 302 of /auth/login. */
  login: Reply;
  authorizeUrl: URL;
  /** "name=value" of the browser-binding cookie. */
  cookie: string;
  /** Where the org sent the pop-up back (the callback URL with code or error, and state). */
  callback: URL;
}

/** Walks the pop-up up to the org's redirect back to the connector, clicking `button` on the approve page. */
export async function popUp(connectorUrl: string, button: string, returnTo?: string): Promise<PopUp> {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const login = await send(`${connectorUrl}/auth/login${query}`);
  if (login.status !== 302) throw new Error(`login answered ${login.status}: ${login.text}`);
  const authorizeUrl = new URL(String(login.headers.get('location')));
  const cookie = String(login.headers.get('set-cookie')).split(';')[0] ?? '';
  const page = await send(authorizeUrl.toString());
  const { action, fields } = formOf(page.text, button);
  const clicked = await send(new URL(action, authorizeUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString()
  });
  if (clicked.status !== 302) throw new Error(`the click answered ${clicked.status}: ${clicked.text}`);
  return { login, authorizeUrl, cookie, callback: new URL(String(clicked.headers.get('location'))) };
}

/** The browser arriving at the callback (with its binding cookie unless told otherwise). */
export function arrive(callback: URL | string, cookie: string | null, accept = 'application/json'): Promise<Reply> {
  return send(callback.toString(), {
    headers: { accept, ...(cookie ? { cookie } : {}) }
  });
}

/** The JSON the callback page hands to the panel. */
export function handoffData(html: string): {
  message: Record<string, unknown>;
  origins: string[];
  returnTo: string | null;
} {
  const m = /<script type="application\/json" id="handoff">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no hand-off data on the page');
  return JSON.parse(m[1] ?? '') as { message: Record<string, unknown>; origins: string[]; returnTo: string | null };
}
