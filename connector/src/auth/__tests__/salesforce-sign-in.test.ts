// Salesforce sign-in end to end over real HTTP: the auth handler on a node:http server, the REAL local org as the
// authorization server, and a scripted pop-up (the approve page's one click is its own form post).
import {
  startLocalOrg,
  ORG_ID,
  type LocalOrg,
  CONNECTOR_CLIENT_ID,
  CONNECTOR_CLIENT_SECRET
} from '../../../../localorg/src';
import { SessionTokens } from '../session-token';
import { AuthConfigError, createAuthHandler } from '../index';
import {
  arrive,
  handoffData,
  manualClock,
  OrgWire,
  PANEL_ORIGIN,
  popUp,
  send,
  startConnector,
  type TestConnector
} from './support';

const EMMA = 'Allow as Emma Clarke';
const clock = manualClock();
const wire = new OrgWire();
const logs: string[] = [];
/** Every token and code the tests see, so the last test can check that no log line holds one. */
const seen = new Set<string>();

let org: LocalOrg;
let connector: TestConnector;
let emma: { Id: string; Email: string };

beforeAll(async () => {
  org = await startLocalOrg({ port: 0 });
  connector = await startConnector(org, wire, logs, clock.now);
  const rows = await org.query(`SELECT Id, Email FROM User WHERE Username = 'emma.clarke@softphone.localorg'`);
  emma = rows[0] as unknown as { Id: string; Email: string };
}, 60_000);

afterAll(async () => {
  await connector?.close();
  await org?.close();
});

afterEach(() => {
  wire.rewrite = null;
  wire.rewriteAnswer = null;
});

/** A full sign-in as Emma; returns the session token. */
async function signIn(): Promise<string> {
  const pop = await popUp(connector.url, EMMA);
  seen.add(pop.callback.searchParams.get('code') ?? '').add(pop.callback.searchParams.get('state') ?? '');
  seen.add(pop.cookie.split('=')[1] ?? '');
  const reply = await arrive(pop.callback, pop.cookie);
  expect(reply.status).toBe(200);
  const token = (reply.json as { token: string }).token;
  seen.add(token);
  return token;
}

const panelCall = (path: string, token: string, headers: Record<string, string> = {}) =>
  send(`${connector.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: PANEL_ORIGIN, ...headers }
  }).then((reply) => {
    const next = (reply.json as { token?: string } | undefined)?.token;
    if (next) seen.add(next);
    return reply;
  });

const errorCode = (reply: { json: unknown }) => (reply.json as { error?: { code?: string } }).error?.code;

describe('Salesforce sign-in (web server flow with PKCE) against the local org', () => {
  it('sends the pop-up to the org’s authorize page with an S256 challenge, a state and a browser-binding cookie', async () => {
    const login = await send(`${connector.url}/auth/login`);
    expect(login.status).toBe(302);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const target = new URL(String(login.headers.get('location')));
    expect(`${target.origin}${target.pathname}`).toBe(`${org.url}/services/oauth2/authorize`);
    const p = Object.fromEntries(target.searchParams);
    expect(p).toMatchObject({
      response_type: 'code',
      client_id: CONNECTOR_CLIENT_ID,
      redirect_uri: connector.redirectUri,
      code_challenge_method: 'S256',
      scope: 'api refresh_token openid'
    });
    expect(p.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = String(login.headers.get('set-cookie'));
    expect(cookie).toMatch(/^softphone_signin_[A-Za-z0-9_-]{16}=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('Path=/auth/callback');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });

  it('signs in: the session token names the org’s user as the agent, and onSignIn hears who it is', async () => {
    const token = await signIn();
    const check = connector.tokens.verify(token, clock.now());
    expect(check).toMatchObject({ ok: true, claims: { sub: emma.Id, name: 'Emma Clarke', org: ORG_ID } });
    expect(connector.signIns[connector.signIns.length - 1]).toEqual({
      agentId: emma.Id,
      name: 'Emma Clarke',
      orgId: ORG_ID,
      language: 'en_US',
      email: emma.Email
    });
  });

  it('hands the token to the panel in a no-store page by postMessage to the panel origin only, never in a URL', async () => {
    const pop = await popUp(connector.url, EMMA, '/console?tab=inbox');
    const page = await arrive(pop.callback, pop.cookie, 'text/html,application/xhtml+xml');
    expect(page.status).toBe(200);
    expect(page.headers.get('location')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = String(page.headers.get('content-security-policy'));
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('set-cookie')).toContain('Max-Age=0');
    const data = handoffData(page.text);
    expect(data.origins).toEqual([PANEL_ORIGIN]);
    expect(data.returnTo).toBe('/console?tab=inbox');
    expect(data.message).toMatchObject({ type: 'softphone:signed-in', agent: { agentId: emma.Id } });
    const token = String(data.message.token);
    seen.add(token);
    expect(connector.tokens.verify(token, clock.now()).ok).toBe(true);
    expect(page.text).toContain('opener.postMessage(data.message, data.origins[i])');
    expect(page.text).not.toContain("'*'");
  });

  it('refuses a callback whose state it never issued, and one from another browser (no binding cookie)', async () => {
    const pop = await popUp(connector.url, EMMA);
    const code = pop.callback.searchParams.get('code') ?? '';
    const forged = await arrive(
      `${connector.redirectUri}?code=${encodeURIComponent(code)}&state=forged-state`,
      pop.cookie
    );
    expect(forged.status).toBe(400);
    expect(errorCode(forged)).toBe('STATE_INVALID');
    const otherBrowser = await arrive(pop.callback, null);
    expect(otherBrowser.status).toBe(400);
    expect(errorCode(otherBrowser)).toBe('STATE_INVALID');
    // A state works once: the real browser arriving afterwards is refused too, and no token was issued.
    const late = await arrive(pop.callback, pop.cookie);
    expect(errorCode(late)).toBe('STATE_INVALID');
  });

  it('refuses a replayed callback, and the org refuses a replayed code inside a fresh sign-in', async () => {
    const first = await popUp(connector.url, EMMA);
    expect((await arrive(first.callback, first.cookie)).status).toBe(200);
    const replay = await arrive(first.callback, first.cookie);
    expect(replay.status).toBe(400);
    expect(errorCode(replay)).toBe('STATE_INVALID');

    const second = await popUp(connector.url, EMMA);
    const spliced = new URL(second.callback);
    spliced.searchParams.set('code', first.callback.searchParams.get('code') ?? '');
    const reply = await arrive(spliced, second.cookie);
    expect(reply.status).toBe(502);
    expect(reply.json).toEqual({
      error: expect.objectContaining({ code: 'TOKEN_EXCHANGE_FAILED', orgError: 'invalid_grant' })
    });
  });

  it('a tampered PKCE verifier is refused by the org', async () => {
    wire.rewrite = (path, form) => {
      if (path === '/services/oauth2/token' && form.get('grant_type') === 'authorization_code') {
        form.set('code_verifier', 'an-attacker-guess-an-attacker-guess-an-attacker-guess-0000');
      }
      return form;
    };
    const pop = await popUp(connector.url, EMMA);
    const page = await arrive(pop.callback, pop.cookie, 'text/html');
    expect(page.status).toBe(502);
    expect(page.headers.get('location')).toBeNull();
    expect(handoffData(page.text).message).toEqual({
      type: 'softphone:sign-in-failed',
      error: expect.objectContaining({ code: 'TOKEN_EXCHANGE_FAILED', orgError: 'invalid_grant' })
    });
  });

  it('a token answer whose signature does not match the consumer secret is refused', async () => {
    wire.rewriteAnswer = (_path, json) => ({ ...json, signature: 'bm90IHRoZSBzaWduYXR1cmU=' });
    const pop = await popUp(connector.url, EMMA);
    const reply = await arrive(pop.callback, pop.cookie);
    expect(reply.status).toBe(502);
    expect(errorCode(reply)).toBe('TOKEN_EXCHANGE_FAILED');
  });

  it('denied consent (access_denied) is an error page with a code, without any redirect', async () => {
    const pop = await popUp(connector.url, 'Deny');
    expect(pop.callback.searchParams.get('error')).toBe('access_denied');
    const page = await arrive(pop.callback, pop.cookie, 'text/html');
    expect(page.status).toBe(403);
    expect(page.headers.get('location')).toBeNull();
    expect(page.text).toContain('ACCESS_DENIED');
    expect(handoffData(page.text).message).toMatchObject({
      type: 'softphone:sign-in-failed',
      error: { code: 'ACCESS_DENIED' }
    });
    // Reloading the page cannot start a loop: it is a page again.
    const again = await arrive(pop.callback, pop.cookie, 'text/html');
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
  });

  it('an org that cannot be reached is a 503 page, not a redirect', async () => {
    wire.rewrite = (path) => (path === '/services/oauth2/token' ? 'drop' : undefined);
    const pop = await popUp(connector.url, EMMA);
    const reply = await arrive(pop.callback, pop.cookie);
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('ORG_UNREACHABLE');
  });

  it('refuses open redirects: returnTo must be a path or the connector’s own origin', async () => {
    for (const bad of [
      'https://evil.example/steal',
      '//evil.example/steal',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'http://127.0.0.1:1/elsewhere',
      `${PANEL_ORIGIN}/lightning/page/home`,
      'console'
    ]) {
      const reply = await send(`${connector.url}/auth/login?returnTo=${encodeURIComponent(bad)}`);
      expect([bad, reply.status, reply.headers.get('location')]).toEqual([bad, 400, null]);
      expect(reply.text).toContain('INVALID_RETURN_TO');
    }
    for (const good of ['/console?tab=inbox#top', `${connector.url}/console`]) {
      const reply = await send(`${connector.url}/auth/login?returnTo=${encodeURIComponent(good)}`);
      expect([good, reply.status]).toEqual([good, 302]);
    }
  });

  it('refresh renews the session token (also shortly after expiry) while the org honours the refresh token', async () => {
    const token = await signIn();
    const first = connector.tokens.verify(token, clock.now());
    const renewed = await panelCall('/auth/session/refresh', token);
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('access-control-allow-origin')).toBe(PANEL_ORIGIN);
    const next = (renewed.json as { token: string; expiresAt: number }).token;
    const check = connector.tokens.verify(next, clock.now());
    expect(check).toMatchObject({ ok: true, claims: { sub: emma.Id, org: ORG_ID } });
    expect(check.ok && first.ok && check.claims.sid).toBe(first.ok && first.claims.sid);

    clock.advance(600_000 + 120_000); // expired two minutes ago: inside the five-minute grace
    const late = await panelCall('/auth/session/refresh', next);
    expect(late.status).toBe(200);
    const latest = (late.json as { token: string }).token;

    clock.advance(600_000 + 301_000); // past the grace
    const tooLate = await panelCall('/auth/session/refresh', latest);
    expect(tooLate.status).toBe(401);
    expect(errorCode(tooLate)).toBe('TOKEN_EXPIRED');
  });

  it('refresh stops once the refresh token is revoked at the org: 401 SIGN_IN_AGAIN', async () => {
    const token = await signIn();
    const revoked = await send(`${org.url}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: wire.lastRefreshToken() }).toString()
    });
    expect(revoked.status).toBe(200);
    const reply = await panelCall('/auth/session/refresh', token);
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('SIGN_IN_AGAIN');
    expect(errorCode(await panelCall('/auth/session/refresh', token))).toBe('SIGN_IN_AGAIN');
  });

  it('two tabs refreshing at once share one call to the org', async () => {
    const token = await signIn();
    const grants = () => wire.calls.filter((c) => c.form.grant_type === 'refresh_token').length;
    const before = grants();
    const [a, b] = await Promise.all([
      panelCall('/auth/session/refresh', token),
      panelCall('/auth/session/refresh', token)
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(grants()).toBe(before + 1);
  });

  it('an org that cannot be reached during refresh is a retryable 503; the session survives', async () => {
    const token = await signIn();
    wire.rewrite = (path) => (path === '/services/oauth2/token' ? 'drop' : undefined);
    const down = await panelCall('/auth/session/refresh', token);
    expect(down.status).toBe(503);
    expect(errorCode(down)).toBe('ORG_UNREACHABLE');
    wire.rewrite = null;
    expect((await panelCall('/auth/session/refresh', token)).status).toBe(200);
  });

  it('logout revokes the Salesforce token at the org and forgets the session', async () => {
    const token = await signIn();
    const refreshToken = wire.lastRefreshToken();
    const out = await panelCall('/auth/logout', token);
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ signedOut: true, revoked: true });
    expect(errorCode(await panelCall('/auth/session/refresh', token))).toBe('SIGN_IN_AGAIN');
    const atOrg = await send(`${org.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: CONNECTOR_CLIENT_ID,
        client_secret: CONNECTOR_CLIENT_SECRET
      }).toString()
    });
    expect(atOrg.status).toBe(400);
    expect(atOrg.json).toMatchObject({ error: 'invalid_grant' });
    // Signing out twice is harmless.
    expect((await panelCall('/auth/logout', token)).json).toEqual({ signedOut: true, revoked: false });
  });

  it('refresh and logout refuse a forged token and calls from pages that are not panels', async () => {
    const forged = await panelCall('/auth/session/refresh', 'eyJzdWIiOiJ4In0.forged');
    expect([forged.status, errorCode(forged)]).toEqual([401, 'TOKEN_SIGNATURE']);
    const token = await signIn();
    const evil = await panelCall('/auth/session/refresh', token, { origin: 'https://evil.example' });
    expect([evil.status, errorCode(evil)]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    const preflight = await send(`${connector.url}/auth/session/refresh`, {
      method: 'OPTIONS',
      headers: { origin: PANEL_ORIGIN, 'access-control-request-method': 'POST' }
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PANEL_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const body = await send(`${connector.url}/auth/session/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token })
    });
    expect(body.status).toBe(200);
    seen.add((body.json as { token: string }).token);
    const bad = await send(`${connector.url}/auth/session/refresh`, { method: 'POST', body: '{"tok":1}' });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'INVALID_INPUT']);
    const get = await send(`${connector.url}/auth/logout`);
    expect(get.status).toBe(405);
  });

  describe('org pinning', () => {
    let pinned: TestConnector;
    beforeAll(async () => {
      pinned = await startConnector(org, wire, logs, clock.now, { orgId: '00D000000000001AAA' });
    });
    afterAll(async () => {
      await pinned?.close();
    });

    it('refuses a sign-in to another org than the pinned one, and gives the org’s tokens back', async () => {
      const pop = await popUp(pinned.url, EMMA);
      const before = wire.calls.filter((c) => c.path === '/services/oauth2/revoke').length;
      const reply = await arrive(pop.callback, pop.cookie);
      expect(reply.status).toBe(403);
      expect(errorCode(reply)).toBe('ORG_MISMATCH');
      expect(wire.calls.filter((c) => c.path === '/services/oauth2/revoke').length).toBe(before + 1);
    });

    it('refuses session tokens issued for another org', async () => {
      const sameSecret = new SessionTokens('a-test-secret-that-is-long-enough-0123456789', 3600);
      const foreign = sameSecret.issue({ agentId: emma.Id, name: 'Emma Clarke', orgId: ORG_ID }, clock.now()).token;
      seen.add(foreign);
      const reply = await send(`${pinned.url}/auth/session/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${foreign}` }
      });
      expect([reply.status, errorCode(reply)]).toEqual([401, 'TOKEN_WRONG_ORG']);
    });
  });

  it('refuses wrong options at start with a sentence naming each', () => {
    const start = () =>
      createAuthHandler({
        loginUrl: 'http://login.example.com',
        clientId: CONNECTOR_CLIENT_ID,
        redirectUri: 'https://connector.example.com/auth/callback',
        allowedPanelOrigins: ['https://acme.lightning.force.com/one/one.app'],
        tokens: new SessionTokens(undefined, 3600)
      });
    expect(start).toThrow(AuthConfigError);
    expect(start).toThrow(/loginUrl must be https.*allowedPanelOrigins\.0 must be an origin/);
  });

  it('no log line holds a token, a code, a state, a verifier or a cookie', () => {
    expect(logs.join('\n')).toContain('auth.signed-in');
    expect(logs.join('\n')).toContain('auth.refreshed');
    const secrets = [...seen, ...wire.secrets].filter((s) => s.length >= 16);
    expect(secrets.length).toBeGreaterThan(20);
    const leaked = secrets.filter((s) => logs.some((line) => line.includes(s)));
    expect(leaked).toEqual([]);
  });
});
