// The jsforce connection as the integration user, over real HTTP: both grants, one token refresh and one retry on
// an expired session (S7), and failures reported as codes instead of thrown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CONNECTOR_CLIENT_ID,
  CONNECTOR_CLIENT_SECRET,
  INTEGRATION_USER_ID,
  startLocalOrg,
  type LocalOrg
} from '../../../../localorg/src';
import { createSalesforceClient, SalesforceClient } from '../client';
import { salesforceOptionsSchema } from '../options';
import { clientFor } from './support';

jest.setTimeout(60_000);

let org: LocalOrg;
beforeAll(async () => {
  org = await startLocalOrg({ port: 0, dataDir: null });
}, 60_000);
afterAll(async () => {
  await org?.close();
});
afterEach(() => org.faults.reset());

const countContacts = async (client: SalesforceClient) => {
  const answer = await client.query("SELECT Id FROM Contact WHERE Phone = '+442079460123'");
  return answer.ok ? answer.value.length : answer.failure.code;
};

describe('the integration user’s connection', () => {
  it('signs in with the client credentials grant and queries', async () => {
    const client = clientFor(org);
    expect(await countContacts(client)).toBe(2);
    expect(client.counters).toEqual({ tokenGrants: 1, restCalls: 1 });
  });

  it('S7 an expired session gets one new token and the call is retried once', async () => {
    const client = clientFor(org);
    expect(await countContacts(client)).toBe(2);
    org.faults.expireSessions();
    expect(await countContacts(client)).toBe(2);
    expect(client.counters).toEqual({ tokenGrants: 2, restCalls: 3 });
  });

  it('S7 a token past its lifetime is refreshed on the 401 it causes', async () => {
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    const shortLived = await startLocalOrg({
      port: 0,
      dataDir: null,
      accessTokenTtlSeconds: 60,
      clock: () => new Date(now)
    });
    try {
      const client = clientFor(shortLived);
      expect(await countContacts(client)).toBe(2);
      now += 61_000;
      expect(await countContacts(client)).toBe(2);
      expect(client.counters.tokenGrants).toBe(2);
    } finally {
      await shortLived.close();
    }
  });

  it('S7 concurrent calls on an expired session share one refresh', async () => {
    const client = clientFor(org);
    expect(await countContacts(client)).toBe(2);
    org.faults.expireSessions();
    expect(await Promise.all([countContacts(client), countContacts(client), countContacts(client)])).toEqual([2, 2, 2]);
    expect(client.counters.tokenGrants).toBe(2);
  });

  it('uses the refresh token of an admin’s one sign-in (web server flow)', async () => {
    const redirect = 'http://localhost:3000/oauth/callback';
    const approve = await fetch(`${org.url}/services/oauth2/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        response_type: 'code',
        client_id: CONNECTOR_CLIENT_ID,
        redirect_uri: redirect,
        state: 's',
        user_id: INTEGRATION_USER_ID,
        action: 'approve'
      }).toString()
    });
    const code = new URL(String(approve.headers.get('location'))).searchParams.get('code');
    const tokens = (await (
      await fetch(`${org.url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: String(code),
          client_id: CONNECTOR_CLIENT_ID,
          client_secret: CONNECTOR_CLIENT_SECRET,
          redirect_uri: redirect
        }).toString()
      })
    ).json()) as { refresh_token: string };
    const client = clientFor(org, { auth: { grant: 'refresh_token', refreshToken: tokens.refresh_token } });
    expect(await countContacts(client)).toBe(2);
    org.faults.expireSessions();
    expect(await countContacts(client)).toBe(2);
    expect(client.counters.tokenGrants).toBe(2);
  });

  it('wrong credentials are reported as AUTH_FAILED, and no REST call is made', async () => {
    const client = clientFor(org, { clientSecret: 'not-the-secret' });
    const answer = await client.query('SELECT Id FROM Contact');
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'auth', code: 'AUTH_FAILED', httpStatus: 400 } });
    expect(client.counters.restCalls).toBe(0);
  });

  it('S7 a call Salesforce does not answer in time is a TIMEOUT, not an exception', async () => {
    const client = clientFor(org, { requestTimeoutMs: 300 });
    expect(await client.ensureSession()).toEqual({ ok: true, value: undefined });
    org.faults.set({ timeoutRate: 1 });
    expect(await client.limits()).toMatchObject({ ok: false, failure: { code: 'TIMEOUT', kind: 'transient' } });
  });

  it('reads the daily API limit from /limits', async () => {
    const answer = await clientFor(org).limits();
    expect(answer).toMatchObject({ ok: true, value: { dailyApiRequests: { max: 15000 } } });
  });

  it('bad options are a typed rejection, not a throw', () => {
    const built = createSalesforceClient({ loginUrl: 'nope', clientId: 'x', clientSecret: 'y', auth: {} });
    expect(built).toMatchObject({ ok: false, rejection: { code: 'INVALID_INPUT' } });
  });
});

describe('a session that stays refused', () => {
  let server: Server;
  let hits = { token: 0, rest: 0 };
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/services/oauth2/token')) {
        hits.token += 1;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const { port } = server.address() as AddressInfo;
        res.end(JSON.stringify({ access_token: `00D!token${hits.token}`, instance_url: `http://127.0.0.1:${port}` }));
        return;
      }
      hits.rest += 1;
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('S7 refreshes once and retries once, then reports INVALID_SESSION_ID instead of looping', async () => {
    hits = { token: 0, rest: 0 };
    const { port } = server.address() as AddressInfo;
    const client = new SalesforceClient(
      salesforceOptionsSchema.parse({
        loginUrl: `http://127.0.0.1:${port}`,
        clientId: 'id',
        clientSecret: 'secret',
        auth: { grant: 'client_credentials' }
      })
    );
    expect(await client.query('SELECT Id FROM Contact')).toMatchObject({
      ok: false,
      failure: { code: 'INVALID_SESSION_ID', kind: 'auth', httpStatus: 401 }
    });
    expect(hits).toEqual({ token: 2, rest: 2 });
  });
});
