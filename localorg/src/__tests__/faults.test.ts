import { firstError, send, startTestOrg, type TestOrg } from './support';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ apiLimit: 1000 });
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});
afterEach(() => {
  t.org.faults.reset();
});

const statuses = async (n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push((await t.api('GET', '/limits')).status);
  return out;
};

describe('fault injection', () => {
  it('injects 500 and 503 at the set rates, repeatably for the same seed', async () => {
    t.org.faults.set({ seed: 7, errorRates: { '500': 0.3, '503': 0.3 } });
    const first = await statuses(20);
    t.org.faults.set({ seed: 7 });
    const second = await statuses(20);
    expect(second).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(503);
    expect(first).toContain(200);
    t.org.faults.set({ errorRates: { '503': 1, '500': 0 } });
    const down = await t.api('GET', '/limits');
    expect(down.status).toBe(503);
    expect(firstError(down).errorCode).toBe('SERVER_UNAVAILABLE');
  });

  it('adds latency without changing the answer', async () => {
    t.org.faults.set({ latencyMs: 20 });
    expect((await t.api('GET', '/limits')).status).toBe(200);
  });

  it('holds calls unanswered (a client time-out) until released', async () => {
    t.org.faults.set({ timeoutRate: 1 });
    const pending = fetch(`${t.org.url}/services/data/v63.0/limits`, {
      headers: { Authorization: `Bearer ${t.token}` }
    }).then((r) => r.status);
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 50 && t.org.faults.held() === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(t.org.faults.held()).toBe(1);
    t.org.faults.release();
    expect(await pending).toBe(200);
  });

  it('S7 an expired session answers 401 until the client signs in again', async () => {
    const token = await t.org.issueAccessToken();
    expect((await t.api('GET', '/limits', undefined, token)).status).toBe(200);
    t.org.faults.expireSessions();
    const reply = await t.api('GET', '/limits', undefined, token);
    expect(reply.status).toBe(401);
    expect(firstError(reply).errorCode).toBe('INVALID_SESSION_ID');
    t.token = await t.org.issueAccessToken();
  });

  it('S7 exhausts the API limit after N calls: 403 REQUEST_LIMIT_EXCEEDED until reset', async () => {
    t.org.faults.set({ limitAfterCalls: 2 });
    expect(await statuses(3)).toEqual([200, 200, 403]);
    const refused = await t.api('GET', '/limits');
    expect(firstError(refused)).toEqual({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.'
    });
    t.org.faults.reset();
    expect((await t.api('GET', '/limits')).status).toBe(200);
  });

  it('is switchable over HTTP at /__localorg/faults', async () => {
    const set = await send(`${t.org.url}/__localorg/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errorRates: { '500': 1 } })
    });
    expect(set.body).toMatchObject({ errorRates: { '500': 1, '503': 0 } });
    expect((await t.api('GET', '/limits')).status).toBe(500);
    await send(`${t.org.url}/__localorg/faults`, { method: 'DELETE' });
    expect((await t.api('GET', '/limits')).status).toBe(200);
    const bad = await send(`${t.org.url}/__localorg/faults`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: -1 })
    });
    expect(bad.status).toBe(400);
  });
});

describe('API usage', () => {
  it('counts calls in /__localorg/stats, /limits and the Sforce-Limit-Info header', async () => {
    await send(`${t.org.url}/__localorg/stats/reset`, { method: 'POST' });
    await t.api('GET', '/sobjects');
    const reply = await t.api('GET', '/limits');
    expect(reply.headers.get('sforce-limit-info')).toBe('api-usage=2/1000');
    expect((reply.body as { DailyApiRequests: unknown }).DailyApiRequests).toEqual({ Max: 1000, Remaining: 998 });
    const stats = await send(`${t.org.url}/__localorg/stats`, { method: 'GET' });
    expect(stats.body).toMatchObject({ apiCalls: 2, apiLimit: 1000, apiRemaining: 998 });
    // Refused sessions are not counted, as in Salesforce.
    await t.api('GET', '/limits', undefined, 'bogus');
    expect(t.org.stats().apiCalls).toBe(2);
  });

  it('refuses calls with REQUEST_LIMIT_EXCEEDED once the daily limit is used up', async () => {
    const small = await startTestOrg({ apiLimit: 2 });
    try {
      expect((await small.api('GET', '/limits')).status).toBe(200);
      expect((await small.api('GET', '/limits')).body).toMatchObject({ DailyApiRequests: { Max: 2, Remaining: 0 } });
      const refused = await small.api('GET', '/limits');
      expect(refused.status).toBe(403);
      expect(firstError(refused).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    } finally {
      await small.org.close();
    }
  }, 60_000);
});
