// Several measured rounds in one run, and their spread: one round can be lucky, the goal holds in every round.
import type { CpuShares, CpuWindow } from '../lib/cpu-shares';
import type { LoopWatch, LoopWindow } from '../lib/loop-watch';
import { median, percentile, type Report } from '../lib/report';
import type { Agent } from './agent';
import type { DeltaSpread } from './frames';
import { bucketPercentile, commandBuckets } from './processes';
import { runRound, type RoundLoad } from './round';

export interface RoundFigures {
  p50: number;
  p99: number;
  max: number;
  presenceP99: number;
  achievedRate: number;
  serverP99Bucket: number;
  connector: LoopWindow;
  client: LoopWindow;
  deltas: ReturnType<DeltaSpread['window']>;
  /** Cores used meanwhile, ours and others' (a round with foreign above ~0.1 was disturbed: run it again). */
  cpu: CpuWindow;
}

export interface RoundsSetup {
  rounds: number;
  agents: Agent[];
  held: Map<Agent, string[]>;
  load: RoundLoad;
  url: string;
  deltas: DeltaSpread;
  client: LoopWatch;
  cpu: CpuShares;
  connectorLoop: () => Promise<LoopWindow>;
  profile?: { start: () => Promise<void>; stop: (round: number) => Promise<void> };
}

/** How long after a round its last pushes (an agentsDelta is up to a second behind) are waited for. */
const SETTLE_MS = 1500;

export async function runRounds(setup: RoundsSetup): Promise<RoundFigures[]> {
  const busy = new Set<Agent>();
  const figures: RoundFigures[] = [];
  for (let round = 1; round <= setup.rounds; round++) {
    const before = await commandBuckets(setup.url);
    await setup.profile?.start();
    setup.deltas.window();
    setup.client.window();
    await setup.connectorLoop();
    setup.cpu.window();
    const result = await runRound(round, setup.agents, setup.held, busy, setup.load);
    const cpu = setup.cpu.window();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const connector = await setup.connectorLoop();
    const client = setup.client.window();
    const deltas = setup.deltas.window();
    await setup.profile?.stop(round);
    const after = await commandBuckets(setup.url);
    figures.push({
      p50: median(result.samples),
      p99: percentile(result.samples, 99),
      max: percentile(result.samples, 100),
      presenceP99: percentile(result.presenceSamples, 99),
      achievedRate: result.samples.length / result.seconds,
      serverP99Bucket: bucketPercentile(before, after, 99),
      connector,
      client,
      deltas,
      cpu
    });
  }
  return figures;
}

export function reportRounds(report: Report, rounds: RoundFigures[], rate: number, presenceRate: number): void {
  report.add('command_rate_offered', rate + presenceRate, 'commands/s');
  report.add('presence_changes_offered', presenceRate, 'changes/s');
  rounds.forEach((r, i) => {
    const n = `round${i + 1}`;
    report.add(`${n}.foreign_cpu`, r.cpu.foreign, 'cores');
    for (const [name, cores] of Object.entries(r.cpu.processes)) report.add(`${n}.${name}_cpu`, cores, 'cores');
    report.add(`${n}.interrupt_cpu`, r.cpu.interrupts, 'cores');
    report.add(`${n}.steal_cpu`, r.cpu.steal, 'cores');
    report.add(`${n}.command_to_snapshot_p50`, r.p50, 'ms');
    report.add(`${n}.command_to_snapshot_p99`, r.p99, 'ms');
    report.add(`${n}.command_to_snapshot_max`, r.max, 'ms');
    report.add(`${n}.presence_to_snapshot_p99`, r.presenceP99, 'ms');
    report.add(`${n}.command_rate_achieved`, r.achievedRate, 'commands/s');
    report.add(`${n}.server_command_p99_bucket`, r.serverP99Bucket, 'ms');
    report.add(`${n}.connector_loop_delay_p99`, r.connector.loopDelayP99Ms, 'ms');
    report.add(`${n}.connector_loop_delay_max`, r.connector.loopDelayMaxMs, 'ms');
    report.add(`${n}.connector_gc_pause_max`, r.connector.gcMaxMs, 'ms');
    report.add(`${n}.connector_gc_pause_total`, r.connector.gcTotalMs, 'ms');
    report.add(`${n}.connector_gc_major_pauses`, r.connector.gcMajorPauses, 'pauses');
    report.add(`${n}.client_loop_delay_p99`, r.client.loopDelayP99Ms, 'ms');
    report.add(`${n}.client_loop_delay_max`, r.client.loopDelayMaxMs, 'ms');
    report.add(`${n}.client_gc_pause_max`, r.client.gcMaxMs, 'ms');
    report.add(`${n}.agents_delta_frames`, r.deltas.deltas, 'frames');
    report.add(`${n}.agents_delta_fewest_panels`, r.deltas.fewestPanels, 'panels');
    report.add(`${n}.agents_delta_spread_p50`, r.deltas.spreadP50Ms, 'ms');
    report.add(`${n}.agents_delta_spread_max`, r.deltas.spreadMaxMs, 'ms');
  });
  const p99s = rounds.map((r) => r.p99);
  report.add('command_to_snapshot_p50_median', median(rounds.map((r) => r.p50)), 'ms');
  report.add('command_to_snapshot_p99_median', median(p99s), 'ms');
  report.add('command_to_snapshot_p99_worst', Math.max(...p99s), 'ms');
  report.add('command_to_snapshot_max_worst', Math.max(...rounds.map((r) => r.max)), 'ms');
  report.add('connector_loop_delay_max_worst', Math.max(...rounds.map((r) => r.connector.loopDelayMaxMs)), 'ms');
  report.add('foreign_cpu_max', Math.max(...rounds.map((r) => r.cpu.foreign)), 'cores');
  report.add('client_loop_delay_max_worst', Math.max(...rounds.map((r) => r.client.loopDelayMaxMs)), 'ms');
}
