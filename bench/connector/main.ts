// bench/connector: simulated agents over real WebSockets on loopback against the connector in its own process.
// Goal on this machine kind: 2,000 connected agents with 10,000 active interactions, p99 command-to-snapshot latency
// at most 25 ms, and the memory per active interaction printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { Report, median, percentile } from '../lib/report';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 2000);
const PER_AGENT = Number(process.env.BENCH_PER_AGENT ?? 5);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const KEY = 'bench-customer-api-key-0001';
const QUEUES = [
  { id: 'Email_Support', channel: 'email', from: (i: number) => `customer${i}@example.org` },
  { id: 'SMS', channel: 'sms', from: (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}` },
  { id: 'WhatsApp', channel: 'whatsapp', from: (i: number) => `+4477009${String(i).padStart(5, '0')}` },
  { id: 'Messenger', channel: 'messenger', from: (i: number) => `psid-${i}` },
  { id: 'Instagram', channel: 'instagram', from: (i: number) => `igsid-${i}` },
  { id: 'X_Direct_Messages', channel: 'x', from: (i: number) => `x-${i}` }
] as const;

type Frame = { type: string; id?: string; version?: number; snapshot?: unknown; error?: { code: string } };

class Agent {
  ws!: WebSocket;
  version = 0;
  private seq = 0;
  private pending = new Map<string, (f: Frame) => void>();
  private versionWaiters: { version: number; resolve: () => void }[] = [];
  constructor(
    readonly agentId: string,
    readonly queue: (typeof QUEUES)[number]
  ) {}

  async connect(url: string, token: string): Promise<void> {
    this.ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    await new Promise((resolve, reject) => this.ws.once('open', resolve).once('error', reject));
    const welcomed = new Promise<void>((resolve) => {
      this.ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as Frame;
        if (frame.type === 'welcome') resolve();
        if ((frame.type === 'ack' || frame.type === 'rejected') && frame.id) this.pending.get(frame.id)?.(frame);
        if (frame.type === 'snapshot' && typeof frame.version === 'number') {
          this.version = Math.max(this.version, frame.version);
          this.versionWaiters = this.versionWaiters.filter((w) =>
            w.version <= this.version ? (w.resolve(), false) : true
          );
        }
      });
    });
    this.ws.send(JSON.stringify({ type: 'hello', token }));
    await welcomed;
  }

  command(command: string, interactionId?: string, args?: Record<string, unknown>): Promise<Frame> {
    const id = `${this.agentId}-${String(++this.seq).padStart(6, '0')}`;
    return new Promise((resolve) => {
      this.pending.set(id, (f) => {
        this.pending.delete(id);
        resolve(f);
      });
      this.ws.send(
        JSON.stringify({
          type: 'command',
          id,
          command,
          ...(interactionId ? { interactionId } : {}),
          ...(args ? { args } : {})
        })
      );
    });
  }

  /** Command sent -> the snapshot that shows it received: what an agent waits for after a click. */
  async timedCommand(command: string, interactionId: string, args: Record<string, unknown>): Promise<number> {
    const started = process.hrtime.bigint();
    const answer = await this.command(command, interactionId, args);
    if (answer.type !== 'ack') throw new Error(`bench command refused: ${answer.error?.code}`);
    const version = answer.version ?? 0;
    if (this.version < version) await new Promise<void>((resolve) => this.versionWaiters.push({ version, resolve }));
    return Number(process.hrtime.bigint() - started) / 1e6;
  }
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const index = next++;
        if (index >= items.length) return;
        await fn(items[index] as T, index);
      }
    })
  );
}

/** The connector's JavaScript heap in MiB, after asking it to collect garbage (it runs with --expose-gc). */
async function heapMiB(url: string, pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return Number(/^nodejs_heap_used_bytes (\d+)/m.exec(metrics)?.[1] ?? 0) / 2 ** 20;
}

/** The connector's own command-duration histogram (received -> answered), as cumulative bucket counts. */
async function commandBuckets(url: string): Promise<Map<string, number>> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<string, number>();
  for (const m of metrics.matchAll(/^softphone_command_duration_ms_bucket\{le="([^"]+)"\} (\d+)/gm)) {
    buckets.set(m[1]!, Number(m[2]));
  }
  return buckets;
}

/** The smallest bucket bound under which `p` percent of the commands between two readings finished. */
function bucketPercentile(before: Map<string, number>, after: Map<string, number>, p: number): number {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  for (const [le, count] of after) {
    if (le === '+Inf') continue;
    if (count - (before.get(le) ?? 0) >= (p / 100) * total) return Number(le);
  }
  return Infinity;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function startConnector(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const main = join(__dirname, '..', '..', 'connector', 'src', 'main.js');
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '--expose-gc', main], {
    env: {
      ...process.env,
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      CONNECTOR_MAX_COMMANDS_PER_SECOND: '1000',
      SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
      CUSTOMER_API_KEY: KEY,
      LOCALORG_EMBEDDED: 'false',
      LOG_LEVEL: 'info'
    },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'ready' && entry.url) resolve({ child, url: entry.url });
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`connector exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const report = new Report('connector');
  const dir = mkdtempSync(join(tmpdir(), 'bench-connector-'));
  const agents = Array.from(
    { length: AGENTS },
    (_, i) => new Agent(`005BENCH${String(i).padStart(9, '0')}`, QUEUES[i % QUEUES.length]!)
  );
  const scenario = {
    version: 1,
    name: 'bench',
    queues: QUEUES.map((q) => ({ id: q.id, name: q.id, channels: [q.channel], skills: [] })),
    agents: agents.map((a) => ({ agentId: a.agentId, name: a.agentId, queueIds: [a.queue.id] })),
    customers: []
  };
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  const { child, url } = await startConnector(dir);
  // The agent log line goes to the connector; here the level is warn, so nothing customer-side is printed either way.
  try {
    const connectStarted = Date.now();
    await pool(agents, 50, async (agent) => {
      const res = await fetch(`${url}/auth/dev`, {
        method: 'POST',
        body: JSON.stringify({ agentId: agent.agentId, name: agent.agentId })
      });
      const { token } = (await res.json()) as { token: string };
      await agent.connect(url, token);
      const r = await agent.command('goAvailable');
      if (r.type !== 'ack') throw new Error(`goAvailable refused: ${r.error?.code}`);
    });
    report.add('agents_connected', agents.length, 'agents');
    report.add('connect_and_sign_in_seconds', (Date.now() - connectStarted) / 1000, 's');
    const rssIdle = rssMiB(child.pid!);
    const heapIdle = await heapMiB(url, child.pid!);

    // Customers write; each agent takes PER_AGENT conversations of its queue.
    const total = AGENTS * PER_AGENT;
    const byQueue = new Map<string, string[]>();
    await pool(
      Array.from({ length: total }, (_, i) => i),
      20,
      async (i) => {
        const queue = agents[i % AGENTS]!.queue;
        const res = await fetch(`${url}/customer/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            channel: queue.channel,
            from: queue.from(i),
            queueId: queue.id,
            text: 'Hello, a question about my order',
            name: `Customer ${i}`
          })
        });
        if (res.status !== 201) throw new Error(`customer message refused: ${res.status} ${await res.text()}`);
        const { interactionId } = (await res.json()) as { interactionId: string };
        byQueue.set(queue.id, [...(byQueue.get(queue.id) ?? []), interactionId]);
      }
    );
    const held = new Map<Agent, string[]>();
    const takeStarted = Date.now();
    await pool(agents, 50, async (agent) => {
      const mine: string[] = [];
      for (let k = 0; k < PER_AGENT; k++) {
        const id = byQueue.get(agent.queue.id)?.pop();
        if (!id) break;
        const r = await agent.command('take', undefined, { interactionId: id });
        if (r.type !== 'ack') throw new Error(`take refused: ${r.error?.code}`);
        mine.push(id);
      }
      held.set(agent, mine);
    });
    const active = [...held.values()].reduce((n, ids) => n + ids.length, 0);
    report.add('active_interactions', active, 'interactions');
    report.add('take_commands_per_second', active / ((Date.now() - takeStarted) / 1000), 'commands/s');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let inbox pushes settle
    const rssLoaded = rssMiB(child.pid!);
    const heapLoaded = await heapMiB(url, child.pid!);

    // Command-to-snapshot latency under a steady load: commands arrive at RATE per second from random agents (an agent
    // in a busy contact centre clicks every few seconds; 2,000 agents at 200/s is one click per agent every 10 s).
    const samples: number[] = [];
    const running: Promise<void>[] = [];
    const bucketsBefore = await commandBuckets(url);
    const interval = 1000 / RATE;
    const loadStarted = Date.now();
    for (let i = 0; i < SAMPLES; i++) {
      const due = loadStarted + i * interval;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const agent = agents[(i * 7919) % agents.length]!;
      const ids = held.get(agent) ?? [];
      const id = ids[i % ids.length];
      if (!id) continue;
      running.push(agent.timedCommand('setDetails', id, { notes: `note ${i}` }).then((ms) => void samples.push(ms)));
    }
    await Promise.all(running);
    const achieved = samples.length / ((Date.now() - loadStarted) / 1000);
    const bucketsAfter = await commandBuckets(url);
    report.add('command_to_snapshot_p50', median(samples), 'ms');
    report.add('command_to_snapshot_p99', percentile(samples, 99), 'ms');
    report.add('command_to_snapshot_max', Math.max(...samples), 'ms');
    report.add('server_command_p99_bucket', bucketPercentile(bucketsBefore, bucketsAfter, 99), 'ms');
    report.add('command_rate_offered', RATE, 'commands/s');
    report.add('command_rate_achieved', achieved, 'commands/s');
    report.add('connector_rss_idle_agents', rssIdle, 'MiB');
    report.add('connector_rss_with_interactions', rssLoaded, 'MiB');
    report.add('connector_heap_idle_agents', heapIdle, 'MiB');
    report.add('connector_heap_with_interactions', heapLoaded, 'MiB');
    report.add('heap_per_active_interaction', ((heapLoaded - heapIdle) * 1024) / Math.max(1, active), 'KiB');
    report.write();
  } finally {
    for (const agent of agents) agent.ws?.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
