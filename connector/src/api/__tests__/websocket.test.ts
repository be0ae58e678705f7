// The panels' protocol over a real WebSocket on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { readEnv } from '../../config';
import { startConnector, type Connector } from '../../server';
import { ofType, Panel } from '../../testing/panel';

jest.setTimeout(30_000);

const AGENT = '005000000000001AAA';

describe('panel WebSocket protocol', () => {
  let dir: string;
  let connector: Connector;
  let token: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ws-'));
    const env = readEnv({
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      CONNECTOR_MAX_COMMANDS_PER_SECOND: '20'
    });
    connector = await startConnector({
      env,
      log: pino({ level: 'silent' }),
      agents: [{ agentId: AGENT, name: 'Ada Agent', queueIds: [], outboundSkills: [] }]
    });
    const res = await fetch(`${connector.url}/auth/dev`, {
      method: 'POST',
      body: JSON.stringify({ agentId: AGENT, name: 'Ada Agent' })
    });
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(): Promise<Panel> {
    const panel = await Panel.open(connector.wsUrl);
    panel.send({ type: 'hello', token });
    await panel.next(ofType('welcome'));
    await panel.next(ofType('snapshot'));
    return panel;
  }

  it('refuses a connection without a valid token', async () => {
    const panel = await Panel.open(connector.wsUrl);
    panel.send({ type: 'hello', token: 'forged.token' });
    expect(await panel.next(ofType('error'))).toMatchObject({ error: { code: 'TOKEN_SIGNATURE' } });
    await new Promise((resolve) => panel.ws.once('close', resolve));
  });

  it('refuses commands before hello', async () => {
    const panel = await Panel.open(connector.wsUrl);
    panel.send({ type: 'command', id: 'cmd-00000001', command: 'goAvailable' });
    expect(await panel.next(ofType('error'))).toMatchObject({ error: { code: 'NOT_AUTHENTICATED' } });
    panel.ws.close();
  });

  it('applies a command once, acks it, and both tabs of the agent get the same snapshot', async () => {
    const tab1 = await signedIn();
    const tab2 = await signedIn();
    tab1.send({ type: 'command', id: 'cmd-avail-0001', command: 'goAvailable' });
    const ack = await tab1.next(ofType('ack'));
    expect(ack).toMatchObject({ id: 'cmd-avail-0001', duplicate: false });
    const s1 = await tab1.next((f) => f.type === 'snapshot' && f.version === ack.version);
    const s2 = await tab2.next((f) => f.type === 'snapshot' && f.version === ack.version);
    expect(s1.snapshot).toEqual(s2.snapshot);
    expect(s1.snapshot).toMatchObject({ presence: { status: 'Available' } });
    // The same command from the other tab (a retry) is answered, not applied again.
    tab2.send({ type: 'command', id: 'cmd-avail-0001', command: 'goAvailable' });
    expect(await tab2.next(ofType('ack'))).toMatchObject({
      id: 'cmd-avail-0001',
      duplicate: true,
      version: ack.version
    });
    tab1.ws.close();
    tab2.ws.close();
  });

  it('a reconnecting panel that is up to date gets no full snapshot again', async () => {
    const panel = await Panel.open(connector.wsUrl);
    const current = await (async () => {
      const probe = await signedIn();
      probe.send({ type: 'resync', lastVersion: null });
      const s = await probe.next(ofType('snapshot'));
      probe.ws.close();
      return { version: s.version as number, revision: s.revision as string };
    })();
    panel.send({ type: 'hello', token, lastVersion: current.version, lastRevision: current.revision });
    await panel.next(ofType('welcome'));
    expect(await panel.next(ofType('snapshot'))).toEqual({ type: 'snapshot', ...current, snapshot: null });
    // The same version built with other settings is sent whole.
    panel.send({ type: 'resync', lastVersion: current.version, lastRevision: 'other-settings' });
    expect(await panel.next(ofType('snapshot'))).toMatchObject({ ...current, snapshot: { agent: expect.any(Object) } });
    panel.ws.close();
  });

  it('bad frames get typed errors and the connection stays usable', async () => {
    const panel = await signedIn();
    panel.send('{not json');
    expect(await panel.next(ofType('error'))).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    panel.send({ type: 'teleport' });
    expect(await panel.next(ofType('error'))).toMatchObject({ error: { code: 'UNKNOWN_FRAME' } });
    panel.send({ type: 'command', id: 'short', command: 'goBusy' });
    expect(await panel.next(ofType('rejected'))).toMatchObject({
      error: { code: 'INVALID_INPUT', issues: [{ path: 'id' }] }
    });
    panel.send({ type: 'command', id: 'cmd-unknown-01', command: 'teleport' });
    expect(await panel.next(ofType('rejected'))).toMatchObject({ error: { code: 'UNKNOWN_COMMAND' } });
    panel.send({ type: 'command', id: 'cmd-other-0001', interactionId: 'someone-elses', command: 'accept' });
    expect(await panel.next(ofType('rejected'))).toMatchObject({ error: { code: 'UNKNOWN_INTERACTION' } });
    panel.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(1024 * 1024 + 10) }));
    expect(await panel.next(ofType('error'))).toMatchObject({ error: { code: 'FRAME_TOO_LARGE' } });
    panel.send({ type: 'ping' });
    expect(await panel.next(ofType('pong'))).toEqual({ type: 'pong' });
    panel.ws.close();
  });

  it('a flood is rate limited with RATE_LIMITED and nothing beyond the limit is applied', async () => {
    const panel = await signedIn();
    for (let i = 0; i < 60; i++)
      panel.send({
        type: 'command',
        id: `flood-${String(i).padStart(4, '0')}`,
        command: 'goBusy',
        args: { reasonCode: 'Break' }
      });
    const answers: Record<string, unknown>[] = [];
    for (let i = 0; i < 60; i++) answers.push(await panel.next((f) => f.type === 'ack' || f.type === 'rejected'));
    const limited = answers.filter((a) => (a.error as { code?: string } | undefined)?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    panel.send({ type: 'ping' });
    expect(await panel.next(ofType('pong'))).toEqual({ type: 'pong' });
    panel.ws.close();
  });

  it('sign-out (docs/auth.md) with the dev sign-in only: the token is listed in the store, its socket closes with 4401 and hello refuses it', async () => {
    const res = await fetch(`${connector.url}/auth/dev`, {
      method: 'POST',
      body: JSON.stringify({ agentId: AGENT, name: 'Ada Agent' })
    });
    const mine = ((await res.json()) as { token: string }).token;
    const panel = await Panel.open(connector.wsUrl);
    const closed = new Promise<number>((resolve) => panel.ws.once('close', (code) => resolve(code)));
    panel.send({ type: 'hello', token: mine });
    await panel.next(ofType('welcome'));
    const forged = await fetch(`${connector.url}/auth/logout`, {
      method: 'POST',
      body: JSON.stringify({ token: `${mine}x` })
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'TOKEN_SIGNATURE' } });
    const out = await fetch(`${connector.url}/auth/logout`, { method: 'POST', body: JSON.stringify({ token: mine }) });
    expect(await out.json()).toEqual({ signedOut: true, revoked: false });
    expect(await panel.next(ofType('error'))).toMatchObject({ error: { code: 'SIGNED_OUT' } });
    expect(await closed).toBe(4401);
    const sid = JSON.parse(Buffer.from(mine.split('.')[0]!, 'base64url').toString('utf8')).sid as string;
    const rows = await connector.db.query('SELECT agent_id FROM revoked_sessions WHERE sid = $1', [sid]);
    expect(rows.rows).toEqual([{ agent_id: AGENT }]);
    const again = await Panel.open(connector.wsUrl);
    again.send({ type: 'hello', token: mine });
    expect(await again.next(ofType('error'))).toMatchObject({ error: { code: 'SIGNED_OUT' } });
    // The suite's own token (another sign-in of the agent) is untouched.
    const tab = await signedIn();
    tab.ws.close();
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${connector.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${connector.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${connector.url}/metrics`)).text();
    expect(metrics).toContain('softphone_command_duration_ms_bucket{le="+Inf"}');
    expect(metrics).toContain('softphone_websocket_sessions');
    expect(metrics).toContain('softphone_outbox_pending');
  });
});
