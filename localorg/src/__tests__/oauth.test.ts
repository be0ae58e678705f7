import { createHash } from 'node:crypto';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET, INTEGRATION_USER_ID } from '../index';
import { firstError, manualClock, send, startTestOrg, type Reply, type TestOrg } from './support';

const clock = manualClock();
const REDIRECT = 'http://localhost:3000/oauth/callback';
const VERIFIER = 'a-long-random-code-verifier-for-pkce-0123456789abcdefghijk';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ clock: clock.now, accessTokenTtlSeconds: 600 });
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString()
});

function authorizeUrl(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: CONNECTOR_CLIENT_ID,
    redirect_uri: REDIRECT,
    state: 'xyz',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra
  });
  return `${t.org.url}/services/oauth2/authorize?${params.toString()}`;
}

/** Approves as the given user (the page's one click) and returns the code from the redirect. */
async function approve(userId: string): Promise<string> {
  const url = new URL(authorizeUrl());
  const reply = await send(
    `${t.org.url}/services/oauth2/authorize`,
    form({ ...Object.fromEntries(url.searchParams), user_id: userId, action: 'approve' })
  );
  expect(reply.status).toBe(302);
  const location = new URL(String(reply.headers.get('location')));
  expect(location.origin + location.pathname).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('xyz');
  return String(location.searchParams.get('code'));
}

const exchange = (code: string, verifier = VERIFIER): Promise<Reply> =>
  send(
    `${t.org.url}/services/oauth2/token`,
    form({
      grant_type: 'authorization_code',
      code,
      client_id: CONNECTOR_CLIENT_ID,
      client_secret: CONNECTOR_CLIENT_SECRET,
      redirect_uri: REDIRECT,
      code_verifier: verifier
    })
  );

async function agentId(alias: string): Promise<string> {
  return String((await t.org.query(`SELECT Id FROM User WHERE Alias = '${alias}'`))[0]?.Id);
}

describe('OAuth 2.0 web server flow', () => {
  it('shows an approve page listing the local users', async () => {
    const page = await send(authorizeUrl(), { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Allow as Emma Clarke');
    expect(page.text).toContain('daan.devries@softphone.localorg');
  });

  it('refuses an unknown client and a callback URL the app does not list', async () => {
    const badClient = await send(authorizeUrl({ client_id: 'nope' }), { method: 'GET' });
    expect(badClient.status).toBe(400);
    expect(badClient.text).toContain('error=invalid_client_id');
    const badRedirect = await send(authorizeUrl({ redirect_uri: 'http://evil.example/cb' }), { method: 'GET' });
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.text).toContain('error=redirect_uri_mismatch');
  });

  it('exchanges a code with the right PKCE verifier for tokens shaped like Salesforce’s', async () => {
    const emma = await agentId('emmaclar');
    const reply = await exchange(await approve(emma));
    expect(reply.status).toBe(200);
    const body = reply.body as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(
      ['access_token', 'id', 'instance_url', 'issued_at', 'refresh_token', 'scope', 'signature', 'token_type'].sort()
    );
    expect(body).toMatchObject({
      token_type: 'Bearer',
      instance_url: t.org.url,
      id: `${t.org.url}/id/${t.org.orgId}/${emma}`
    });
    expect(body.access_token?.startsWith(`${t.org.orgId.slice(0, 15)}!`)).toBe(true);
    const info = await send(`${t.org.url}/services/oauth2/userinfo`, {
      headers: { Authorization: `Bearer ${body.access_token}` }
    });
    expect(info.body).toMatchObject({
      user_id: emma,
      organization_id: t.org.orgId,
      preferred_username: 'emma.clarke@softphone.localorg',
      name: 'Emma Clarke',
      email: 'emma.clarke@softphone.localorg'
    });
  });

  it('refuses a wrong code verifier, and a code used twice', async () => {
    const code = await approve(await agentId('lukasweb'));
    const wrong = await exchange(code, 'not-the-verifier-not-the-verifier-not-the-verifier');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: 'invalid code verifier' });
    const reused = await exchange(code);
    expect(reused.body).toEqual({ error: 'invalid_grant', error_description: 'invalid authorization code' });
  });

  it('refuses a wrong client secret', async () => {
    const code = await approve(await agentId('lukasweb'));
    const reply = await send(
      `${t.org.url}/services/oauth2/token`,
      form({
        grant_type: 'authorization_code',
        code,
        client_id: CONNECTOR_CLIENT_ID,
        client_secret: 'wrong',
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER
      })
    );
    expect(reply.body).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
  });

  it('S7 an expired access token answers 401 INVALID_SESSION_ID and the refresh token gets a new one', async () => {
    const tokens = (await exchange(await approve(await agentId('annaschm')))).body as Record<string, string>;
    const access = String(tokens.access_token);
    expect((await t.api('GET', '/limits', undefined, access)).status).toBe(200);
    clock.advance(601_000);
    const expired = await t.api('GET', '/limits', undefined, access);
    expect(expired.status).toBe(401);
    expect(firstError(expired)).toEqual({ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' });
    const refreshed = await send(
      `${t.org.url}/services/oauth2/token`,
      form({
        grant_type: 'refresh_token',
        refresh_token: String(tokens.refresh_token),
        client_id: CONNECTOR_CLIENT_ID,
        client_secret: CONNECTOR_CLIENT_SECRET
      })
    );
    expect(refreshed.status).toBe(200);
    const fresh = refreshed.body as Record<string, string>;
    expect(fresh.refresh_token).toBeUndefined();
    expect((await t.api('GET', '/limits', undefined, fresh.access_token)).status).toBe(200);
  });

  it('revoking the refresh token ends its sessions and stops further refreshes', async () => {
    const tokens = (await exchange(await approve(await agentId('sofiagar')))).body as Record<string, string>;
    const revoke = await send(`${t.org.url}/services/oauth2/revoke`, form({ token: String(tokens.refresh_token) }));
    expect(revoke.status).toBe(200);
    expect((await t.api('GET', '/limits', undefined, tokens.access_token)).status).toBe(401);
    const refresh = await send(
      `${t.org.url}/services/oauth2/token`,
      form({
        grant_type: 'refresh_token',
        refresh_token: String(tokens.refresh_token),
        client_id: CONNECTOR_CLIENT_ID,
        client_secret: CONNECTOR_CLIENT_SECRET
      })
    );
    expect(refresh.body).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('client_credentials runs as the integration user', async () => {
    const reply = await send(
      `${t.org.url}/services/oauth2/token`,
      form({ grant_type: 'client_credentials', client_id: CONNECTOR_CLIENT_ID, client_secret: CONNECTOR_CLIENT_SECRET })
    );
    const body = reply.body as Record<string, string>;
    expect(body.id).toBe(`${t.org.url}/id/${t.org.orgId}/${INTEGRATION_USER_ID}`);
    expect(body.refresh_token).toBeUndefined();
    const created = await t.api('POST', '/sobjects/Account', { Name: 'Made by integration' }, body.access_token);
    const id = (created.body as { id: string }).id;
    const [account] = await t.org.query(`SELECT CreatedById FROM Account WHERE Id = '${id}'`);
    expect(account?.CreatedById).toBe(INTEGRATION_USER_ID);
  });

  it('refuses an unsupported grant type', async () => {
    const reply = await send(
      `${t.org.url}/services/oauth2/token`,
      form({ grant_type: 'password', client_id: CONNECTOR_CLIENT_ID })
    );
    expect(reply.body).toEqual({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
  });
});
