// The panels' connectorSession (force-app/.../connectorSession) against the real connector's POST /auth/session/refresh
// and POST /auth/logout, over real HTTP from Node (no Origin header, which the connector's CORS check lets through).
// A Salesforce sign-in through the embedded local org is renewed when the session's clock reaches 80 % of the token's
// lifetime, the new token opens the WebSocket, and sign-out ends it. The session's clock and renewal timers are the
// test's (so an hour passes at once); the request time limit runs on real time. A development token (POST /auth/dev)
// has no Salesforce session behind it, so the connector does not renew it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { ConnectorClient, type ConnectionState, type SocketLike } from 'c/connectorClient';
import { ConnectorSession, type SessionAgent, type SessionEvent } from 'c/connectorSession';
import { arrive, popUp } from '../auth/__tests__/support';
import { readEnv } from '../config';
import { startEmbedded, type EmbeddedConnector } from '../embedded';
import { defaultScenario } from '../providers/simulator';

jest.setTimeout(60_000);

const REQUEST_TIMEOUT_MS = 10_000;

interface FakeTimer {
  fn: () => void;
  at: number;
  done: boolean;
}

describe('connectorSession against the running connector', () => {
  let dir: string;
  let connector: EmbeddedConnector;
  let ttlMs: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'session-'));
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ...defaultScenario(), customers: [] }));
    const env = readEnv({
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
      CUSTOMER_API_KEY: 'session-test-customer-key',
      LOCALORG_PORT: '0',
      LOCALORG_DATA_DIR: join(dir, 'localorg')
    });
    ttlMs = env.CONNECTOR_SESSION_TTL_SECONDS * 1000;
    connector = await startEmbedded(env, { log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const until = async (what: string, done: () => boolean) => {
    for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    if (!done()) throw new Error(`timed out waiting for ${what}`);
  };

  /** A session on the real connector whose clock the test moves ahead of the real one. */
  const session = () => {
    let ahead = 0;
    const timers: FakeTimer[] = [];
    const now = () => Date.now() + ahead;
    const calls: { url: string; at: number }[] = [];
    const s = new ConnectorSession({
      connectorUrl: connector.url,
      fetch: (url, init) => {
        calls.push({ url, at: now() });
        return fetch(url, init);
      },
      now,
      setTimer: (fn, ms) => {
        if (ms === REQUEST_TIMEOUT_MS) return setTimeout(fn, ms);
        const timer: FakeTimer = { fn, at: now() + ms, done: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (handle) => {
        if (handle && typeof handle === 'object' && 'done' in handle) (handle as FakeTimer).done = true;
        else clearTimeout(handle as ReturnType<typeof setTimeout>);
      },
      requestTimeoutMs: REQUEST_TIMEOUT_MS
    });
    const events: SessionEvent[] = [];
    s.subscribe((event) => events.push(event));
    /** Runs the session's timers, moving its clock, until `done` (an answer from the connector may be needed). */
    const runUntil = async (what: string, done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) {
        const timer = timers.filter((t) => !t.done).sort((a, b) => a.at - b.at)[0];
        if (timer) {
          timer.done = true;
          ahead += Math.max(0, timer.at - now());
          timer.fn();
        }
        await new Promise((resolve) => setTimeout(resolve, timer ? 0 : 25));
      }
      if (!done()) throw new Error(`timed out waiting for ${what}`);
    };
    return { session: s, events, calls, runUntil, now };
  };

  /** The pop-up's walk through the real local org, as Emma; the callback's JSON is what the pop-up posts. */
  const salesforceSignIn = async () => {
    const pop = await popUp(connector.url, 'Allow as Emma Clarke');
    const reply = await arrive(pop.callback, pop.cookie);
    expect(reply.status).toBe(200);
    return reply.json as { token: string; expiresAt: number; agent: SessionAgent };
  };

  const panel = (token: () => string) => {
    const client = new ConnectorClient({
      url: connector.wsUrl,
      token,
      socket: (url) => new WebSocket(url) as unknown as SocketLike,
      backoff: { baseMs: 50, maxMs: 500 }
    });
    const states: ConnectionState[] = [];
    client.subscribe((event) => {
      if (event.type === 'state') states.push(event.state);
    });
    return { client, states };
  };

  const refreshWith = (token: string) =>
    fetch(`${connector.url}/auth/session/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('renews a Salesforce sign-in at 80 % of its lifetime: the new token opens the WebSocket; sign-out ends it', async () => {
    const signedIn = await salesforceSignIn();
    // Tokens carry their expiry in whole seconds: one renewed in the second it was issued would be the same string.
    const issuedAt = signedIn.expiresAt - ttlMs;
    await until('the next second', () => Date.now() >= issuedAt + 1_000);
    const { session: s, events, calls, runUntil, now } = session();
    const adoptedAt = now();
    s.adopt(signedIn);
    expect(events).toEqual([{ type: 'signedIn', agent: signedIn.agent, expiresAt: signedIn.expiresAt }]);

    await runUntil('a renewal', () => events.some((e) => e.type === 'refreshed' || e.type === 'signedOut'));
    expect(events.filter((e) => e.type !== 'signedIn')).toEqual([{ type: 'refreshed', expiresAt: expect.any(Number) }]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${connector.url}/auth/session/refresh`);
    // At 80 % of what the token had left (a few ms of real time aside).
    const lifetime = signedIn.expiresAt - adoptedAt;
    expect((calls[0]?.at ?? 0) - adoptedAt).toBeGreaterThanOrEqual(0.8 * lifetime - 1_000);
    expect((calls[0]?.at ?? 0) - adoptedAt).toBeLessThanOrEqual(0.8 * lifetime + 1_000);
    const renewed = s.token();
    expect(renewed).not.toBe(signedIn.token);
    expect(s.expiresAt).toBeGreaterThan(signedIn.expiresAt);
    expect(connector.tokens.verify(renewed, Date.now())).toMatchObject({
      ok: true,
      claims: { sub: signedIn.agent.agentId, org: signedIn.agent.orgId }
    });

    // The renewed token works: the panel's socket says hello with it and is welcomed.
    const first = panel(() => s.token());
    first.client.connect();
    await until('the socket open', () => first.client.state === 'open');
    first.client.close();

    await s.signOut();
    expect(events.filter((e) => e.type === 'failed')).toEqual([]);
    expect(events[events.length - 1]).toEqual({ type: 'signedOut', code: 'SIGNED_OUT' });
    expect(() => s.token()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));

    // Ended at the connector: no renewal, and the socket refuses the token at hello.
    const again = await refreshWith(renewed);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: 'SIGN_IN_AGAIN' } });
    const second = panel(() => renewed);
    second.client.connect();
    await until('the socket refused', () => second.client.state === 'signedOut');
    expect(second.states).not.toContain('open');
    second.client.close();
  });

  it('a token the connector refuses (401) signs the session out with the connector’s code', async () => {
    const { session: s, events, runUntil, now } = session();
    s.adopt({ token: 'not-a.real-token', expiresAt: now() + 3_600_000 });
    await runUntil('signed out', () => events.some((e) => e.type === 'signedOut'));
    expect(events.slice(1)).toEqual([{ type: 'signedOut', code: 'TOKEN_SIGNATURE' }]);
  });

  it('a development token is not renewable (no Salesforce session behind it); logout accepts it', async () => {
    const res = await fetch(`${connector.url}/auth/dev`, {
      method: 'POST',
      body: JSON.stringify({ agentId: '005000000000009AAA', name: 'Dev Agent' })
    });
    const dev = (await res.json()) as { token: string; expiresAt: number; unsafe: boolean };
    expect(dev.unsafe).toBe(true);

    // Renewing it anyway: the connector says SIGN_IN_AGAIN, and the session signs out.
    const renewing = session();
    renewing.session.adopt({ token: dev.token, expiresAt: dev.expiresAt });
    await renewing.runUntil('signed out', () => renewing.events.some((e) => e.type === 'signedOut'));
    expect(renewing.events.slice(1)).toEqual([{ type: 'signedOut', code: 'SIGN_IN_AGAIN' }]);

    // As the local console uses it: not renewable, signed out at the connector without a failure.
    const local = session();
    local.session.adopt({ token: dev.token, expiresAt: dev.expiresAt, renewable: false });
    await local.session.signOut();
    expect(local.calls.map((c) => c.url)).toEqual([`${connector.url}/auth/logout`]);
    expect(local.events.slice(1)).toEqual([{ type: 'signedOut', code: 'SIGNED_OUT' }]);
  });
});
