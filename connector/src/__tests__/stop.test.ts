// Stopping `npm start` (scripts/start.mjs → connector/src/main.ts → connector and local org): one signal stops
// everything once, cleanly, with exit code 0 and no stack trace; a second signal while stopping forces the exit. The
// rules themselves (forced codes, the grace period of a stop that hangs) are checked on stopOnSignal directly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET } from '../../../localorg/src/seed/constants';
import { stopOnSignal } from '../stop';

// The first start seeds both stores (slow on a loaded machine); later starts reuse them.
jest.setTimeout(90_000);

const ROOT = join(__dirname, '..', '..', '..');
const CUSTOMER_KEY = 'stop-test-customer-key-0001';
const WAIT_MS = 60_000;

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stop-test-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface LogLine {
  msg?: string;
  url?: string;
  localOrg?: string;
}

interface Started {
  child: ChildProcess;
  /** The connector process start.mjs spawned. */
  connectorPid: number | null;
  url: string;
  localOrgUrl: string;
  stdout: () => string;
  stderr: () => string;
  lines: () => LogLine[];
  /** Resolves at the first log line with this msg. */
  logged: (msg: string) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start`'s entry point, in its own process group so a signal to the group plays a terminal's Ctrl-C. */
async function start(): Promise<Started> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // The embedded stores and the local org in a fresh folder, whatever the surrounding environment says.
      DATABASE_URL: '',
      SALESFORCE_LOGIN_URL: '',
      LOCALORG_EMBEDDED: 'true',
      SIMULATOR_SCENARIO: '',
      CONNECTOR_PORT: '0',
      LOCALORG_PORT: '0',
      CONNECTOR_DATA_DIR: join(dataDir, 'connector'),
      LOCALORG_DATA_DIR: join(dataDir, 'localorg'),
      CUSTOMER_API_KEY: CUSTOMER_KEY,
      LOG_LEVEL: 'info'
    }
  });
  let out = '';
  let err = '';
  const parsed: LogLine[] = [];
  const waiters: { msg: string; resolve: () => void }[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    out += `${line}\n`;
    try {
      const entry = JSON.parse(line) as LogLine;
      parsed.push(entry);
      for (const waiter of waiters.filter((w) => w.msg === entry.msg)) waiter.resolve();
    } catch {
      // not a log line
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  );
  const logged = (msg: string) =>
    parsed.some((l) => l.msg === msg)
      ? Promise.resolve()
      : within(
          new Promise<void>((resolve) => waiters.push({ msg, resolve })),
          `no "${msg}" log line\nstdout:\n${out}\nstderr:\n${err}`
        );
  await Promise.race([
    logged('ready'),
    exited.then(({ code }) => {
      throw new Error(`start.mjs exited early with ${code}\nstdout:\n${out}\nstderr:\n${err}`);
    })
  ]);
  const ready = parsed.find((l) => l.msg === 'ready')!;
  return {
    child,
    connectorPid: childrenOf(child.pid!)[0] ?? null,
    url: ready.url!,
    localOrgUrl: ready.localOrg!,
    stdout: () => out,
    stderr: () => err,
    lines: () => parsed,
    logged,
    exited: within(exited, 'start.mjs did not exit')
  };
}

function within<T>(promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Child processes of pid, from /proc (Linux); empty elsewhere. */
function childrenOf(pid: number): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // pid (comm) state ppid ...: comm may hold spaces, so read after its closing bracket.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === pid ? [Number(name)] : [];
      } catch {
        return [];
      }
    });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A little of everything: customers calling and writing (the engine, its store, sync to the local org), and the
 * local org's own API (OAuth, a query). Returns what is still in flight, to signal while it runs. */
async function traffic(s: Started): Promise<Promise<unknown>> {
  const customer = (path: string, body: unknown) =>
    fetch(`${s.url}/customer/${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${CUSTOMER_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    });
  const call = await customer('calls', { from: '+14155550123', queueId: 'Voice_Support' });
  expect(call.status).toBe(201);
  const mail = await customer('messages', {
    channel: 'email',
    from: 'kim@example.org',
    queueId: 'Email_Support',
    subject: 'Order',
    text: 'Where is my order?'
  });
  expect(mail.status).toBe(201);
  const token = await fetch(`${s.localOrgUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CONNECTOR_CLIENT_ID,
      client_secret: CONNECTOR_CLIENT_SECRET
    })
  });
  expect(token.status).toBe(200);
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const query = (soql: string) =>
    fetch(`${s.localOrgUrl}/services/data/v63.0/query?q=${encodeURIComponent(soql)}`, {
      headers: { Authorization: `Bearer ${accessToken}` }
    });
  expect((await query('SELECT Id FROM User')).status).toBe(200);
  // Still running when the signal comes: they may be answered or cut off, but must not break the stop.
  const inFlight = [
    ...Array.from({ length: 5 }, (_, i) => customer('calls', { from: `+1415555010${i}`, queueId: 'Voice_Support' })),
    ...Array.from({ length: 5 }, () => query('SELECT Id, Name FROM Account'))
  ];
  return Promise.allSettled(inFlight);
}

function expectCleanOutput(s: Started): void {
  expect(s.lines().filter((l) => l.msg === 'stopping')).toHaveLength(1);
  for (const text of [s.stdout(), s.stderr()]) {
    expect(text).not.toMatch(/Error/);
    expect(text).not.toMatch(/^\s+at /m);
  }
}

function expectGone(s: Started): void {
  expect(alive(s.child.pid!)).toBe(false);
  if (s.connectorPid !== null) expect(alive(s.connectorPid)).toBe(false);
}

describe('npm start stops', () => {
  it('once and cleanly on Ctrl-C in a terminal (SIGINT to the whole process group)', async () => {
    const s = await start();
    expect(s.connectorPid).not.toBeNull();
    const inFlight = await traffic(s);
    process.kill(-s.child.pid!, 'SIGINT');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    await inFlight;
    expectCleanOutput(s);
    expectGone(s);
  });

  it('once and cleanly on SIGTERM to start.mjs (a supervisor stopping it)', async () => {
    const s = await start();
    const inFlight = await traffic(s);
    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    await inFlight;
    expectCleanOutput(s);
    expectGone(s);
  });

  it('at once on a second SIGINT while stopping', async () => {
    const s = await start();
    await traffic(s);
    // A request whose body never comes keeps the connector's HTTP server, hence the stop, waiting.
    const held: Socket = await new Promise((resolve) => {
      const { port } = new URL(s.url);
      const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
    });
    held.on('error', () => undefined);
    held.write(
      `POST /customer/calls HTTP/1.1\r\nHost: connector\r\nAuthorization: Bearer ${CUSTOMER_KEY}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{'
    );
    s.child.kill('SIGINT');
    await s.logged('stopping');
    // Later than start.mjs's window for a wrapper's copy of the same signal: this is a person pressing again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    s.child.kill('SIGINT');
    const { code } = await s.exited;
    held.destroy();
    expect(code).toBe(130);
    expect(s.lines().filter((l) => l.msg?.startsWith('stop forced'))).toHaveLength(1);
    expectCleanOutput(s);
    expectGone(s);
  });
});

describe('stopOnSignal', () => {
  function harness(close: () => Promise<void>, graceMs = 10_000) {
    const handlers = new Map<string, () => void>();
    const logs: { level: string; msg: string }[] = [];
    const logAt = (level: string) => (_fields: object, msg?: string) => void logs.push({ level, msg: msg ?? '' });
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    const exit = jest.fn((code: number) => resolveExit(code));
    const stopper = stopOnSignal({
      close,
      graceMs,
      log: { info: logAt('info'), warn: logAt('warn'), error: logAt('error') } as never,
      on: (signal, listener) => void handlers.set(signal, listener),
      exit
    });
    const signal = (name: string) => handlers.get(name)!();
    return { stopper, signal, logs, exit, exited };
  }

  it('closes once and exits 0', async () => {
    const close = jest.fn(() => Promise.resolve());
    const h = harness(close);
    h.signal('SIGTERM');
    expect(await h.exited).toBe(0);
    expect(close).toHaveBeenCalledTimes(1);
    expect(h.logs).toEqual([{ level: 'info', msg: 'stopping' }]);
  });

  it('exits 130 on a second SIGINT and 143 on a second SIGTERM while stopping', async () => {
    for (const [name, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143]
    ] as const) {
      const close = jest.fn(() => new Promise<void>(() => undefined));
      const h = harness(close);
      h.signal(name);
      h.signal(name);
      expect(await h.exited).toBe(code);
      expect(close).toHaveBeenCalledTimes(1);
      expect(h.logs.map((l) => l.level)).toEqual(['info', 'warn']);
      expect(h.logs[1]!.msg).toMatch(/^stop forced by a second/);
      h.signal(name);
      expect(h.exit).toHaveBeenCalledTimes(1);
    }
  });

  it('does not force on a stop that only may start (the parent gone) while stopping', async () => {
    let finish: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (finish = resolve));
    const h = harness(() => closed);
    h.signal('SIGINT');
    h.stopper.stop('disconnect', { force: false });
    finish();
    expect(await h.exited).toBe(0);
    expect(h.logs).toHaveLength(1);
  });

  it('exits 1 with a sentence when the stop does not finish within the grace period', async () => {
    const h = harness(() => new Promise<void>(() => undefined), 20);
    h.signal('SIGINT');
    expect(await h.exited).toBe(1);
    expect(h.logs[1]).toEqual({
      level: 'error',
      msg: 'the stop did not finish within 0.02 s: exiting without finishing it'
    });
  });

  it('exits 1 with a sentence when the stop fails', async () => {
    const h = harness(() => Promise.reject(new Error('store would not close')));
    h.signal('SIGINT');
    expect(await h.exited).toBe(1);
    expect(h.logs[1]).toEqual({ level: 'error', msg: 'the stop failed (store would not close): exiting' });
  });
});
