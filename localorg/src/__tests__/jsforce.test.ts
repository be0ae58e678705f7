// The connector's own client (jsforce 3.10.16) against the local org: the proof that a real org's client works here.
import { Connection } from 'jsforce';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET } from '../index';
import { startTestOrg, type TestOrg } from './support';

let t: TestOrg;
let conn: Connection;
beforeAll(async () => {
  t = await startTestOrg();
  conn = new Connection({ instanceUrl: t.org.instanceUrl, accessToken: t.token, version: '63.0' });
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

describe('jsforce 3.10.16 against the local org', () => {
  it('queries with parent fields', async () => {
    const result = await conn.query<{ Name: string; Account: { Name: string } | null }>(
      "SELECT Name, Account.Name FROM Contact WHERE Phone = '+49301234500' ORDER BY FirstName"
    );
    expect(result.totalSize).toBe(2);
    expect(result.records.map((r) => [r.Name, r.Account?.Name])).toEqual([
      ['Greta Müller', 'Müller Maschinenbau GmbH'],
      ['Hans Müller', 'Müller Maschinenbau GmbH']
    ]);
    expect(conn.limitInfo.apiUsage?.limit).toBe(15000);
  });

  it('creates a record through sobject().create', async () => {
    const result = await conn.sobject('Lead').create({ LastName: 'Jsforce', Company: 'Client Ltd' });
    expect(result.success).toBe(true);
    expect(String(result.id).startsWith('00Q')).toBe(true);
  });

  it('S5 upserts a Task by Interaction_Key__c twice and keeps one record', async () => {
    const first = await conn
      .sobject('Task')
      .upsert({ Interaction_Key__c: 'jsforce-1', Subject: 'Call', TaskSubtype: 'Call' }, 'Interaction_Key__c');
    const second = await conn
      .sobject('Task')
      .upsert({ Interaction_Key__c: 'jsforce-1', Subject: 'Call', CallDisposition: 'Resolved' }, 'Interaction_Key__c');
    expect(first.success && second.success).toBe(true);
    const tasks = await conn.query<{ Id: string; CallDisposition: string }>(
      "SELECT Id, CallDisposition FROM Task WHERE Interaction_Key__c = 'jsforce-1'"
    );
    expect(tasks.records).toHaveLength(1);
    expect(tasks.records[0]?.CallDisposition).toBe('Resolved');
  });

  it('sends a composite request with conn.requestPost', async () => {
    const response = await conn.requestPost<{ compositeResponse: { httpStatusCode: number; referenceId: string }[] }>(
      '/services/data/v63.0/composite',
      {
        allOrNone: true,
        compositeRequest: [
          {
            method: 'POST',
            url: '/services/data/v63.0/sobjects/Account',
            referenceId: 'acc',
            body: { Name: 'Jsforce Composite' }
          },
          {
            method: 'POST',
            url: '/services/data/v63.0/sobjects/Contact',
            referenceId: 'con',
            body: { LastName: 'Composite', AccountId: '@{acc.id}' }
          }
        ]
      }
    );
    expect(response.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 201]);
  });

  it('surfaces Salesforce errors as jsforce errors with the errorCode', async () => {
    await expect(conn.sobject('Task').create({ Subject: 'x', Status: 'Unknown' })).rejects.toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
    });
    await expect(conn.query('SELECT Nope FROM Contact')).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
  });

  it('describes an object', async () => {
    const describe = await conn.sobject('AgentWork').describe();
    expect(describe.keyPrefix).toBe('0Bz');
    expect(describe.fields.find((f) => f.name === 'Status')?.picklistValues?.map((p) => p.value)).toContain(
      'DeclinedOnPushTimeout'
    );
  });

  it('S7 refreshes an expired session by itself with the refresh token and goes on', async () => {
    // A web-server grant's refresh token (client_credentials issues none).
    const org = t.org;
    const refreshToken = await webServerRefreshToken(org.url);
    const refreshing = new Connection({
      oauth2: {
        clientId: CONNECTOR_CLIENT_ID,
        clientSecret: CONNECTOR_CLIENT_SECRET,
        loginUrl: org.url,
        redirectUri: 'http://localhost:3000/oauth/callback'
      },
      instanceUrl: org.instanceUrl,
      accessToken: 'expired-or-unknown',
      refreshToken,
      version: '63.0'
    });
    let refreshed = '';
    refreshing.on('refresh', (accessToken: string) => {
      refreshed = accessToken;
    });
    const result = await refreshing.query('SELECT COUNT() FROM Account');
    expect(result.totalSize).toBeGreaterThan(0);
    expect(refreshed.startsWith(org.orgId.slice(0, 15))).toBe(true);
  });
});

async function webServerRefreshToken(base: string): Promise<string> {
  const emma = (await t.org.query("SELECT Id FROM User WHERE Alias = 'emmaclar'"))[0]?.Id;
  const approve = await fetch(`${base}/services/oauth2/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      response_type: 'code',
      client_id: CONNECTOR_CLIENT_ID,
      redirect_uri: 'http://localhost:3000/oauth/callback',
      user_id: String(emma),
      action: 'approve'
    }).toString()
  });
  const code = new URL(String(approve.headers.get('location'))).searchParams.get('code');
  const token = await fetch(`${base}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: String(code),
      client_id: CONNECTOR_CLIENT_ID,
      client_secret: CONNECTOR_CLIENT_SECRET,
      redirect_uri: 'http://localhost:3000/oauth/callback'
    }).toString()
  });
  return String(((await token.json()) as { refresh_token: string }).refresh_token);
}
