// bench/connector: simulated agents over real WebSockets on loopback against the connector in its own process, which
// syncs to the local org in a third process. Goal on this machine kind: 2,000 connected agents with 10,000 active
// interactions, p99 command-to-snapshot latency at most 25 ms in every round while presence changes are pushed to all
// of them; the spread over rounds, the stall figures of both processes, memory and every frame's size are printed.
// Environment: BENCH_AGENTS, BENCH_PER_AGENT, BENCH_ROUNDS, BENCH_SAMPLES (per round), BENCH_RATE,
// BENCH_PRESENCE_RATE, BENCH_PROFILE_DIR (per round: a CPU profile of the connector for stalls.ts, and
// round-N.sql.json: the time each SQL statement held the connector's loop, from sql-times.ts), BENCH_SYNC=false
// (no local org: quicker, for trying changes; sync and screenPop frames are then not measured).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CpuShares } from '../lib/cpu-shares';
import { LoopWatch } from '../lib/loop-watch';
import { Report } from '../lib/report';
import { Agent, type FrameSeen } from './agent';
import { DeltaSpread, FrameSizes } from './frames';
import { provokeRareFrames } from './rare-frames';
import {
  connectorLoop,
  devToken,
  heapMiB,
  outboxPending,
  probe,
  rssMiB,
  startConnector,
  startLocalOrg,
  stop,
  type Running
} from './processes';
import { reportRounds, runRounds } from './rounds';
import { QUEUES, scenarioFor } from './scenario';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 2000);
const PER_AGENT = Number(process.env.BENCH_PER_AGENT ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const PRESENCE_RATE = Number(process.env.BENCH_PRESENCE_RATE ?? 20);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const SYNC = process.env.BENCH_SYNC !== 'false';
const KEY = 'bench-customer-api-key-0001';

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

/** The console's Omni relay, as little as it can be: every action succeeds and Omni shows what was asked. */
function relay(agent: Agent, frame: FrameSeen): void {
  if (frame.type !== 'omniAction') return;
  const { action } = JSON.parse(frame.data.toString()) as {
    action: { id: string; kind: string; statusApiName?: string };
  };
  agent.send({ type: 'omni', event: { kind: 'actionResult', actionId: action.id, ok: true } });
  if (action.kind === 'setStatus' || action.kind === 'logout') {
    const statusApiName = action.kind === 'setStatus' ? (action.statusApiName ?? null) : null;
    agent.send({
      type: 'omni',
      event: { kind: 'status', statusApiName, online: statusApiName !== null, changedAt: Date.now() }
    });
  }
}

async function until(what: string, seconds: number, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`bench: ${what} did not happen within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  const report = new Report('connector');
  const dir = mkdtempSync(join(tmpdir(), 'bench-connector-'));
  const sizes = new FrameSizes();
  const deltas = new DeltaSpread();
  const onFrame = (agent: Agent, frame: FrameSeen) => {
    sizes.record(frame, agent.index);
    deltas.record(frame);
    relay(agent, frame);
  };
  const agents = Array.from(
    { length: AGENTS },
    (_, i) => new Agent(`005BENCH${String(i).padStart(9, '0')}`, i, onFrame)
  );
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenarioFor(agents.map((a) => a.agentId))));
  let org: Running | null = null;
  let connector: Running | null = null;
  try {
    org = SYNC ? await startLocalOrg(dir) : null;
    connector = await startConnector(dir, org?.url ?? null, KEY);
    const { url, child } = connector;
    const connectStarted = Date.now();
    await pool(agents, 50, async (agent) => {
      await agent.connect(url, await devToken(url, agent.agentId), { omniRelay: true });
      const r = await agent.command('goAvailable');
      if (r.answer.type !== 'ack') throw new Error(`goAvailable refused: ${r.answer.error?.code}`);
    });
    report.add('agents_connected', agents.length, 'agents');
    report.add('connect_and_sign_in_seconds', (Date.now() - connectStarted) / 1000, 's');
    const rssIdle = rssMiB(child.pid!);
    const heapIdle = await heapMiB(url, child.pid!);

    // Customers write; each agent takes PER_AGENT conversations of its queue.
    const byQueue = new Map<string, string[]>();
    await pool(
      Array.from({ length: AGENTS * PER_AGENT }, (_, i) => i),
      20,
      async (i) => {
        const queue = QUEUES[(i % AGENTS) % QUEUES.length]!;
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
      const queue = QUEUES[agent.index % QUEUES.length]!;
      for (let k = 0; k < PER_AGENT; k++) {
        const id = byQueue.get(queue.id)?.pop();
        if (!id) break;
        const r = await agent.command('take', undefined, { interactionId: id });
        if (r.answer.type !== 'ack') throw new Error(`take refused: ${r.answer.error?.code}`);
        mine.push(id);
      }
      held.set(agent, mine);
    });
    const active = [...held.values()].reduce((n, ids) => n + ids.length, 0);
    report.add('active_interactions', active, 'interactions');
    report.add('take_commands_per_second', active / ((Date.now() - takeStarted) / 1000), 'commands/s');
    // The takes' Salesforce writes (work routing, screen-pop lookups) go out before the rounds are measured.
    if (org) {
      const syncStarted = Date.now();
      await until('the outbox draining', 600, async () => (await outboxPending(url)) === 0);
      report.add('sync_drain_seconds', (Date.now() - syncStarted) / 1000, 's');
    }
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let inbox pushes settle
    const rssLoaded = rssMiB(child.pid!);
    const heapLoaded = await heapMiB(url, child.pid!);

    sizes.forget('snapshot'); // from here on every agent's snapshot holds its PER_AGENT interactions
    if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
    const client = new LoopWatch();
    const pids = { connector: child.pid!, client: process.pid, ...(org ? { org: org.child.pid! } : {}) };
    const cpu = new CpuShares(() => pids);
    const rounds = await runRounds({
      rounds: ROUNDS,
      agents,
      held,
      load: { commands: SAMPLES, rate: RATE, presenceRate: PRESENCE_RATE },
      url,
      deltas,
      client,
      cpu,
      connectorLoop: () => connectorLoop(child),
      ...(PROFILE_DIR
        ? {
            profile: {
              start: async () => void (await probe(child, { probe: 'profileStart' })),
              stop: async (round: number) =>
                void (await probe(child, {
                  probe: 'profileStop',
                  file: join(PROFILE_DIR, `round-${round}.cpuprofile`)
                }))
            }
          }
        : {})
    });
    reportRounds(report, rounds, RATE, PRESENCE_RATE);
    report.add('connector_rss_idle_agents', rssIdle, 'MiB');
    report.add('connector_rss_with_interactions', rssLoaded, 'MiB');
    report.add('connector_heap_idle_agents', heapIdle, 'MiB');
    report.add('connector_heap_with_interactions', heapLoaded, 'MiB');
    report.add('heap_per_active_interaction', ((heapLoaded - heapIdle) * 1024) / Math.max(1, active), 'KiB');

    await provokeRareFrames({ url, orgUrl: org?.url ?? null, agents, held, sizes, onFrame });
    for (const { figure, bytes } of sizes.figures()) report.add(figure, bytes, 'B');
    report.write();
  } finally {
    for (const agent of agents) agent.close();
    if (connector) await stop(connector);
    if (org) await stop(org);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
