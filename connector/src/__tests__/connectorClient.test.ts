// The panels' connectorClient (force-app/.../connectorClient) against the real connector over a real socket, through
// a TCP proxy the test can cut and silence as a network would: it resumes without a new snapshot when nothing changed,
// and a command whose answer was lost is applied once.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import WebSocket from 'ws';
import { ConnectorClient, type ClientEvent, type SocketLike } from 'c/connectorClient';
import { makeId } from '../../../localorg/src/ids/salesforceId';
import { readEnv } from '../config';
import { startEmbedded, type EmbeddedConnector } from '../embedded';
import { defaultScenario } from '../providers/simulator';

jest.setTimeout(60_000);

/** Forwards TCP both ways; `cut()` drops every connection, `silence()` stops what the server sends from arriving. */
class FlakyNetwork {
  private readonly pairs = new Set<[Socket, Socket]>();
  private silent = false;
  readonly server: Server;
  constructor(private readonly target: number) {
    this.server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      client.on('data', (data) => upstream.write(data));
      upstream.on('data', (data) => {
        if (!this.silent) client.write(data);
      });
      const end = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }
  silence(): void {
    this.silent = true;
  }
  cut(): void {
    this.silent = false;
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
  }
  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('connectorClient against the running connector', () => {
  let dir: string;
  let connector: EmbeddedConnector;
  let network: FlakyNetwork;
  let proxyPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'client-'));
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ...defaultScenario(), customers: [] }));
    const env = readEnv({
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
      CUSTOMER_API_KEY: 'client-test-customer-key',
      LOCALORG_PORT: '0',
      LOCALORG_DATA_DIR: join(dir, 'localorg')
    });
    connector = await startEmbedded(env, { log: pino({ level: 'silent' }) });
    network = new FlakyNetwork(Number(new URL(connector.url).port));
    proxyPort = await network.listen();
  });
  afterAll(async () => {
    await network.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signedInClient = async (agentId: string, name: string) => {
    const res = await fetch(`${connector.url}/auth/dev`, { method: 'POST', body: JSON.stringify({ agentId, name }) });
    const { token } = (await res.json()) as { token: string };
    const client = new ConnectorClient({
      url: `ws://127.0.0.1:${proxyPort}/ws`,
      token: () => token,
      socket: (url) => new WebSocket(url) as unknown as SocketLike,
      backoff: { baseMs: 50, maxMs: 500 }
    });
    const events: ClientEvent[] = [];
    client.subscribe((event) => events.push(event));
    return { client, events };
  };
  const until = async (what: string, done: () => boolean) => {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    if (!done()) throw new Error(`timed out waiting for ${what}`);
  };

  it('resumes after the network drops: the same version, no snapshot sent again', async () => {
    const { client, events } = await signedInClient(makeId('005', 2), 'Emma Clarke');
    client.connect();
    await until('the first snapshot and directories', () => client.snapshot !== null && !!client.directories.agents);
    expect(await client.command('goAvailable')).toMatchObject({ type: 'ack', duplicate: false });
    await until('Available', () => client.snapshot?.presence.status === 'Available');
    const version = client.version;
    const snapshots = events.filter((e) => e.type === 'snapshot').length;
    network.cut();
    await until('reconnecting', () => client.state === 'reconnecting');
    await until('open again', () => client.state === 'open');
    await until('the directories again', () => events.filter((e) => e.type === 'directory').length >= 20);
    expect(client.version).toBe(version);
    expect(events.filter((e) => e.type === 'snapshot')).toHaveLength(snapshots);
    expect(client.snapshot?.presence.status).toBe('Available');
    expect(await client.command('goOffline')).toMatchObject({ type: 'ack' });
    client.close();
  });

  it('a command whose answer was lost is sent again with its key and applied once', async () => {
    const { client } = await signedInClient(makeId('005', 3), 'Oliver Bennett');
    client.connect();
    await until('the first snapshot', () => client.snapshot !== null);
    network.silence();
    const answer = client.command('goBusy', { args: { reasonCode: 'Lunch' } });
    // The connector applies it; the ack never arrives. Then the connection goes.
    await until('Busy in the connector', () => connector.engine.cachedPresence(makeId('005', 3))?.status === 'Busy');
    network.cut();
    expect(await answer).toMatchObject({ type: 'ack', duplicate: true });
    await until('the snapshot', () => client.snapshot?.presence.status === 'Busy');
    expect(client.snapshot?.presence).toMatchObject({ status: 'Busy', reasonCode: 'Lunch' });
    client.close();
  });
});
