// Preloaded into the connector by the benchmark (node --require): measures the connector's own event loop delay and
// garbage-collection pauses per round, and records a CPU profile on request, answering over the IPC channel. The
// connector's code does not know it is there.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { LoopWatch } from '../lib/loop-watch';
import { SqlTimes } from './sql-times';

export type ProbeRequest = { probe: 'window' } | { probe: 'profileStart' } | { probe: 'profileStop'; file: string };
export type ProbeAnswer = { probe: 'window'; window: ReturnType<LoopWatch['window']> } | { probe: 'profiled' };

const watch = new LoopWatch();
const sql = new SqlTimes();
let session: Session | null = null;

/** Late ticks of a 5 ms timer: when (µs on the monotonic clock CPU profiles use too) and how late, in ms. */
const TICK_MS = 5;
const STALL_MS = 15;
let stalls: { endUs: number; ms: number }[] = [];
let lastTick = process.hrtime.bigint();
setInterval(() => {
  const now = process.hrtime.bigint();
  const late = Number(now - lastTick) / 1e6 - TICK_MS;
  lastTick = now;
  if (late >= STALL_MS) stalls.push({ endUs: Number(now / 1000n), ms: late });
}, TICK_MS).unref();

function post(method: string, params: object = {}): Promise<unknown> {
  return new Promise((resolve, reject) =>
    session?.post(method, params, (error, result) => (error ? reject(error) : resolve(result)))
  );
}

async function answer(request: ProbeRequest): Promise<ProbeAnswer> {
  if (request.probe === 'window') return { probe: 'window', window: watch.window() };
  if (request.probe === 'profileStart') {
    session = new Session();
    session.connect();
    await post('Profiler.enable');
    // 250 µs: fine enough to see what a 10 ms stall is made of.
    await post('Profiler.setSamplingInterval', { interval: 250 });
    await post('Profiler.start');
    stalls = [];
    sql.reset();
    return { probe: 'profiled' };
  }
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(request.file, JSON.stringify(profile));
  writeFileSync(request.file.replace(/\.cpuprofile$/, '.stalls.json'), JSON.stringify(stalls));
  writeFileSync(request.file.replace(/\.cpuprofile$/, '.sql.json'), JSON.stringify(sql.figures(), null, 1));
  session?.disconnect();
  session = null;
  return { probe: 'profiled' };
}

if (process.send) {
  process.on('message', (message: ProbeRequest) => {
    if (typeof message !== 'object' || message === null || !('probe' in message)) return;
    void answer(message).then((a) => process.send?.(a));
  });
}
