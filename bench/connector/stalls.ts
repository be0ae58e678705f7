// What the connector's event loop stalls are made of: reads the CPU profiles bench/connector writes with
// BENCH_PROFILE_DIR, finds every stretch the loop was busy without a break longer than the threshold, and lists the
// functions that took the time in those stretches (inclusive: a function counts for every sample it is on the stack).
//   node dist/bench-build/bench/connector/stalls.js [--tasks] [--min-ms 10] [--show 20] <file.cpuprofile>...
// --tasks splits busy stretches where the root frame changes (a timer, a socket's data, a microtask drain, GC).
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** The sampling interval bench/connector/probe.ts asks for; a longer gap between samples is time off the CPU. */
const INTERVAL_MS = 0.25;

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url === '' ? '' : ` ${url.replace(/^.*\/(node_modules\/|dist\/bench-build\/)/, '')}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${file}`;
}

function stacksOf(profile: Profile): Map<number, string[]> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<number, string[]>();
  for (const n of profile.nodes) {
    const stack: string[] = [];
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id)!;
      if (node.callFrame.functionName !== '(root)') stack.push(frameName(node));
    }
    stacks.set(n.id, stack); // leaf first
  }
  return stacks;
}

function analyse(file: string, minMs: number, byTask: boolean, show: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const stacks = stacksOf(profile);
  type Stretch = { startMs: number; ms: number; samples: number[]; root: string };
  const stretches: Stretch[] = [];
  let at = 0;
  let current: Stretch | null = null;
  let busyMs = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    at += dt;
    const stack = stacks.get(id) ?? [];
    const leaf = stack[0] ?? '';
    // A new root frame (timers, microtasks, a socket's data, GC) starts a new task as far as samples can tell.
    const root = stack[stack.length - 1] ?? '';
    if (leaf.startsWith('(idle)') || (current && byTask && root !== current.root)) {
      if (current && current.ms >= minMs) stretches.push(current);
      current = null;
      if (leaf.startsWith('(idle)')) return;
    }
    busyMs += dt;
    current ??= { startMs: at, ms: 0, samples: [], root };
    current.ms += dt;
    current.samples.push(i);
  });
  const totalMs = at;
  console.log(
    `# ${basename(file)}: ${(totalMs / 1000).toFixed(1)} s, busy ${((100 * busyMs) / totalMs).toFixed(0)} %, ` +
      `${stretches.length} busy stretches of ${minMs} ms or more`
  );
  const overall = new Map<string, number>();
  stretches
    .sort((a, b) => b.ms - a.ms)
    .forEach((s, rank) => {
      const inclusive = new Map<string, number>();
      for (const i of s.samples) {
        const dt = (profile.timeDeltas[i] ?? 0) / 1000;
        for (const name of new Set(stacks.get(profile.samples[i]!) ?? [])) {
          inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
          overall.set(name, (overall.get(name) ?? 0) + dt);
        }
      }
      if (rank >= show) return;
      const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 14);
      console.log(`  ${byTask ? 'task' : 'stretch'} at ${(s.startMs / 1000).toFixed(3)} s: ${s.ms.toFixed(1)} ms`);
      for (const [name, ms] of top) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    });
  const stallMs = stretches.reduce((n, s) => n + s.ms, 0);
  console.log(`  in all those stretches (${stallMs.toFixed(0)} ms):`);
  for (const [name, ms] of [...overall].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  }
}

/**
 * The probe's late timer ticks (file.stalls.json): for each, what the profile shows in the time the loop was held,
 * and how much of it the process was not sampled at all (off the CPU: another process had the core).
 */
function explainStalls(file: string, show: number): void {
  const stallsFile = file.replace(/\.cpuprofile$/, '.stalls.json');
  if (!existsSync(stallsFile)) return;
  const stalls = JSON.parse(readFileSync(stallsFile, 'utf8')) as { endUs: number; ms: number }[];
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const stacks = stacksOf(profile);
  const times: number[] = [];
  let t = profile.startTime;
  for (const dt of profile.timeDeltas) times.push((t += dt));
  console.log(`# ${basename(stallsFile)}: ${stalls.length} late ticks of 15 ms or more`);
  for (const stall of [...stalls].sort((a, b) => b.ms - a.ms).slice(0, show)) {
    const from = stall.endUs - stall.ms * 1000;
    const inclusive = new Map<string, number>();
    let offCpu = 0;
    times.forEach((at, i) => {
      if (at < from || at > stall.endUs) return;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      offCpu += Math.max(0, dt - 2 * INTERVAL_MS);
      for (const name of new Set(stacks.get(profile.samples[i]!) ?? []))
        inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    });
    const at = ((from - profile.startTime) / 1e6).toFixed(3);
    console.log(
      `  ${stall.ms.toFixed(1)} ms late at ${at} s, of it ~${offCpu.toFixed(1)} ms not sampled (off the CPU)`
    );
    const top = [...inclusive]
      .sort((a, b) => b[1] - a[1])
      .filter(([name]) => !/^(processTicksAndRejections|runMicrotasks)/.test(name));
    for (const [name, ms] of top.slice(0, 10)) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  }
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  args.splice(i, 2);
  return value;
};
const minMs = option('--min-ms', 10);
const show = option('--show', 20);
const byTask = args.includes('--tasks');
for (const file of args.filter((a) => a !== '--tasks')) {
  analyse(file, minMs, byTask, show);
  explainStalls(file, show);
}
