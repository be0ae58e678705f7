// How late a process's event loop ran and how long its garbage collector paused, over a window of time. Used in the
// benchmark client and, preloaded, inside the connector: a stall shows in both numbers or in neither.
import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';

export interface LoopWindow {
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcPauses: number;
  gcTotalMs: number;
  gcMaxMs: number;
  /** The longest pause's kind: minor (scavenge), major (mark-compact), incremental, weakcb. */
  gcMaxKind: string;
  gcMajorPauses: number;
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb'
};

const RESOLUTION_MS = 1;

export class LoopWatch {
  private readonly delay: IntervalHistogram;
  private readonly observer: PerformanceObserver;
  private gc: { ms: number; kind: string }[] = [];

  constructor() {
    // 1 ms resolution: the default 10 ms would hide the stalls this is for.
    this.delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.delay.enable();
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as { detail?: { kind?: number } }).detail?.kind ?? -1;
        this.gc.push({ ms: entry.duration, kind: GC_KINDS[kind] ?? String(kind) });
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** The figures since the last call (or since the start), and a new window begins. */
  window(): LoopWindow {
    // The histogram holds the gaps between 1 ms ticks: the delay is the gap less the tick.
    const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
    const longest = this.gc.reduce<{ ms: number; kind: string } | null>((a, b) => (a && a.ms >= b.ms ? a : b), null);
    const result: LoopWindow = {
      loopDelayP50Ms: ms(this.delay.percentile(50)),
      loopDelayP99Ms: ms(this.delay.percentile(99)),
      loopDelayMaxMs: ms(this.delay.max),
      gcPauses: this.gc.length,
      gcTotalMs: this.gc.reduce((n, g) => n + g.ms, 0),
      gcMaxMs: longest?.ms ?? 0,
      gcMaxKind: longest?.kind ?? 'none',
      gcMajorPauses: this.gc.filter((g) => g.kind === 'major').length
    };
    this.delay.reset();
    this.gc = [];
    return result;
  }

  stop(): void {
    this.delay.disable();
    this.observer.disconnect();
  }
}
