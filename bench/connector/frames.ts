// What the panels received: the size of every frame type, and how each agentsDelta push spread over the agents.
import { median, percentile } from '../lib/report';
import type { FrameSeen } from './agent';

/** Frames that are the same for every panel are sized at one panel; the others at all of them. */
const BROADCAST = /^(agentsDelta|directory\.|sync$)/;

export class FrameSizes {
  private readonly sizes = new Map<string, number[]>();

  record(frame: FrameSeen, agentIndex: number): void {
    if (BROADCAST.test(frame.type) && agentIndex !== 0) return;
    let list = this.sizes.get(frame.type);
    if (!list) this.sizes.set(frame.type, (list = []));
    list.push(frame.bytes);
  }

  /** Drops what was seen of one type (snapshots at hello have no interactions yet). */
  forget(type: string): void {
    this.sizes.delete(type);
  }

  has(type: string): boolean {
    return (this.sizes.get(type)?.length ?? 0) > 0;
  }

  /** `frame.<type>.bytes` (the median), and `frame.<type>.max.bytes` where sizes vary. */
  figures(): { figure: string; bytes: number }[] {
    const out: { figure: string; bytes: number }[] = [];
    for (const [type, list] of [...this.sizes].sort(([a], [b]) => a.localeCompare(b))) {
      out.push({ figure: `frame.${type}.bytes`, bytes: Math.round(median(list)) });
      const max = list.reduce((a, b) => Math.max(a, b), 0);
      if (max !== list.reduce((a, b) => Math.min(a, b), Infinity))
        out.push({ figure: `frame.${type}.max.bytes`, bytes: max });
    }
    return out;
  }
}

/** Per agentsDelta version: how many panels got it, first and last receipt. */
export class DeltaSpread {
  private readonly byVersion = new Map<number, { first: number; last: number; panels: number }>();

  record(frame: FrameSeen): void {
    if (frame.type !== 'agentsDelta' || frame.version === null) return;
    const seen = this.byVersion.get(frame.version);
    if (!seen) this.byVersion.set(frame.version, { first: frame.at, last: frame.at, panels: 1 });
    else {
      seen.last = Math.max(seen.last, frame.at);
      seen.first = Math.min(seen.first, frame.at);
      seen.panels++;
    }
  }

  /** The deltas since the last call: how many, the fewest panels one reached, and the spread of receipts in ms. */
  window(): { deltas: number; fewestPanels: number; spreadP50Ms: number; spreadMaxMs: number } {
    const all = [...this.byVersion.values()];
    this.byVersion.clear();
    const spreads = all.map((d) => d.last - d.first);
    return {
      deltas: all.length,
      fewestPanels: all.length > 0 ? Math.min(...all.map((d) => d.panels)) : 0,
      spreadP50Ms: spreads.length > 0 ? median(spreads) : 0,
      spreadMaxMs: spreads.length > 0 ? percentile(spreads, 100) : 0
    };
  }
}
