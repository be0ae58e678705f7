// Prometheus text exposition, written by hand: a few gauges, counters and one latency histogram.
const BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500];

export class Metrics {
  private readonly latency = { buckets: new Array<number>(BUCKETS_MS.length).fill(0), count: 0, sumMs: 0 };
  private readonly counters = new Map<string, number>();
  sessions = 0;

  observeCommandMs(ms: number): void {
    this.latency.count++;
    this.latency.sumMs += ms;
    BUCKETS_MS.forEach((le, i) => {
      if (ms <= le) this.latency.buckets[i] = (this.latency.buckets[i] ?? 0) + 1;
    });
  }

  count(name: string, labels: Record<string, string> = {}): void {
    const key = `${name}${formatLabels(labels)}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
  }

  render(gauges: {
    interactions: { channel: string; lifecycle: string; count: number }[];
    outboxPending: number;
  }): string {
    const lines: string[] = [];
    lines.push(
      '# HELP softphone_interactions Interactions by channel and lifecycle.',
      '# TYPE softphone_interactions gauge'
    );
    for (const g of gauges.interactions) {
      lines.push(`softphone_interactions${formatLabels({ channel: g.channel, lifecycle: g.lifecycle })} ${g.count}`);
    }
    lines.push(
      '# HELP softphone_websocket_sessions Open panel WebSocket sessions.',
      '# TYPE softphone_websocket_sessions gauge'
    );
    lines.push(`softphone_websocket_sessions ${this.sessions}`);
    lines.push(
      '# HELP softphone_outbox_pending Sync operations waiting to be sent.',
      '# TYPE softphone_outbox_pending gauge'
    );
    lines.push(`softphone_outbox_pending ${gauges.outboxPending}`);
    lines.push('# HELP softphone_command_duration_ms Command received to answered, milliseconds.');
    lines.push('# TYPE softphone_command_duration_ms histogram');
    BUCKETS_MS.forEach((le, i) =>
      lines.push(`softphone_command_duration_ms_bucket{le="${le}"} ${this.latency.buckets[i]}`)
    );
    lines.push(`softphone_command_duration_ms_bucket{le="+Inf"} ${this.latency.count}`);
    lines.push(
      `softphone_command_duration_ms_sum ${this.latency.sumMs}`,
      `softphone_command_duration_ms_count ${this.latency.count}`
    );
    lines.push(
      '# HELP softphone_events_total Counted events (rejections by code, frame errors).',
      '# TYPE softphone_events_total counter'
    );
    for (const [key, value] of this.counters)
      lines.push(`softphone_events_total${key.slice(key.indexOf('{'))} ${value}`);
    const memory = process.memoryUsage();
    lines.push('# HELP process_resident_memory_bytes Resident memory.', '# TYPE process_resident_memory_bytes gauge');
    lines.push(`process_resident_memory_bytes ${memory.rss}`);
    lines.push('# HELP nodejs_heap_used_bytes JavaScript heap in use.', '# TYPE nodejs_heap_used_bytes gauge');
    lines.push(`nodejs_heap_used_bytes ${memory.heapUsed}`);
    return `${lines.join('\n')}\n`;
  }
}

function formatLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '{}';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}`;
}
