// The processes the benchmark measures: the local org (the Salesforce stand-in, in its own process as a real org is
// elsewhere) and the connector syncing to it, with the probe preloaded and an IPC channel to ask it for figures.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET } from '../../localorg/src/seed/constants';
import type { LoopWindow } from '../lib/loop-watch';
import type { ProbeAnswer, ProbeRequest } from './probe';

const BUILD = join(__dirname, '..', '..');

export interface Running {
  child: ChildProcess;
  url: string;
}

/** Starts a compiled entry point and waits until a stdout line gives its URL. */
function start(main: string, args: string[], env: NodeJS.ProcessEnv, urlOf: (line: string) => string | null) {
  const child = fork(main, [], {
    execArgv: args,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc']
  });
  return new Promise<Running>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = urlOf(line);
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`${main} exited with ${code}`)));
  });
}

export function startLocalOrg(dir: string): Promise<Running> {
  return start(
    join(BUILD, 'localorg', 'src', 'main.js'),
    [],
    { LOCALORG_PORT: '0', LOCALORG_DATA_DIR: join(dir, 'org') },
    (line) => /^local org listening on (\S+)/.exec(line)?.[1] ?? null
  );
}

/** The connector, syncing to the org at orgUrl (null: no sync, no Salesforce sign-in). */
export function startConnector(dir: string, orgUrl: string | null, customerKey: string): Promise<Running> {
  return start(
    join(BUILD, 'connector', 'src', 'main.js'),
    ['--max-old-space-size=8192', '--expose-gc', '--require', join(__dirname, 'probe.js')],
    {
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      CONNECTOR_MAX_COMMANDS_PER_SECOND: '1000',
      SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
      CUSTOMER_API_KEY: customerKey,
      ...(orgUrl
        ? {
            SALESFORCE_LOGIN_URL: orgUrl,
            SALESFORCE_CLIENT_ID: CONNECTOR_CLIENT_ID,
            SALESFORCE_CLIENT_SECRET: CONNECTOR_CLIENT_SECRET
          }
        : { LOCALORG_EMBEDDED: 'false' }),
      LOG_LEVEL: 'info'
    },
    (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        return entry.msg === 'ready' && entry.url ? entry.url : null;
      } catch {
        return null; // not a log line
      }
    }
  );
}

export async function stop(running: Running): Promise<void> {
  if (running.child.exitCode !== null) return;
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  await exited;
}

/** One request to the connector's probe. */
export function probe(child: ChildProcess, request: ProbeRequest): Promise<ProbeAnswer> {
  return new Promise((resolve) => {
    const onMessage = (message: ProbeAnswer) => {
      if (typeof message !== 'object' || message === null || !('probe' in message)) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

export async function connectorLoop(child: ChildProcess): Promise<LoopWindow> {
  const answer = await probe(child, { probe: 'window' });
  if (answer.probe !== 'window') throw new Error('the probe answered something else');
  return answer.window;
}

/** UNSAFE development sign-in (the benchmark's connector allows it). */
export async function devToken(url: string, agentId: string): Promise<string> {
  const res = await fetch(`${url}/auth/dev`, { method: 'POST', body: JSON.stringify({ agentId, name: agentId }) });
  return ((await res.json()) as { token: string }).token;
}

export async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

/** The connector's JavaScript heap in MiB, after asking it to collect garbage (it runs with --expose-gc). */
export async function heapMiB(url: string, pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 500));
  return Number(/^nodejs_heap_used_bytes (\d+)/m.exec(await metricsText(url))?.[1] ?? 0) / 2 ** 20;
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function outboxPending(url: string): Promise<number> {
  return Number(/^softphone_outbox_pending (\d+)/m.exec(await metricsText(url))?.[1] ?? 0);
}

/** The connector's own command-duration histogram (received -> answered), as cumulative bucket counts. */
export async function commandBuckets(url: string): Promise<Map<string, number>> {
  const buckets = new Map<string, number>();
  for (const m of (await metricsText(url)).matchAll(/^softphone_command_duration_ms_bucket\{le="([^"]+)"\} (\d+)/gm)) {
    buckets.set(m[1]!, Number(m[2]));
  }
  return buckets;
}

/** The smallest bucket bound under which `p` percent of the commands between two readings finished. */
export function bucketPercentile(before: Map<string, number>, after: Map<string, number>, p: number): number {
  const total = (after.get('+Inf') ?? 0) - (before.get('+Inf') ?? 0);
  for (const [le, count] of after) {
    if (le === '+Inf') continue;
    if (count - (before.get(le) ?? 0) >= (p / 100) * total) return Number(le);
  }
  return Infinity;
}
