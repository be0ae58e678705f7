// What the embedded store's statements cost, per statement text: PGlite runs each protocol message synchronously in
// WASM (execProtocolRawSync), so timing that call measures exactly the time a statement holds the connector's event
// loop. Bench only: patched in by probe.ts when the profile of a round starts.
import { PGlite } from '@electric-sql/pglite';

interface Times {
  calls: number;
  totalMs: number;
  maxMs: number;
}

/** The SQL text of a Parse ('P') or simple Query ('Q') message; null for Bind/Execute/Sync messages. */
function sqlOf(message: Uint8Array): string | null {
  const kind = message[0];
  if (kind !== 0x50 && kind !== 0x51) return null;
  let start = 5;
  if (kind === 0x50) start = message.indexOf(0, start) + 1; // skip the statement name
  const end = message.indexOf(0, start);
  return Buffer.from(message.subarray(start, end)).toString('utf8').replace(/\s+/g, ' ').slice(0, 160);
}

export class SqlTimes {
  private readonly bySql = new Map<string, Times>();
  private last = '(unknown)';

  constructor() {
    const proto = PGlite.prototype as unknown as { execProtocolRawSync: (m: Uint8Array) => Uint8Array };
    const original = proto.execProtocolRawSync;
    const record = (message: Uint8Array, ms: number) => {
      const sql = sqlOf(message);
      if (sql !== null) this.last = sql;
      this.add(this.last, ms);
    };
    proto.execProtocolRawSync = function (this: unknown, message: Uint8Array) {
      const started = performance.now();
      try {
        return original.call(this, message);
      } finally {
        record(message, performance.now() - started);
      }
    };
  }

  private add(sql: string, ms: number): void {
    const t = this.bySql.get(sql) ?? { calls: 0, totalMs: 0, maxMs: 0 };
    t.calls++;
    t.totalMs += ms;
    t.maxMs = Math.max(t.maxMs, ms);
    this.bySql.set(sql, t);
  }

  reset(): void {
    this.bySql.clear();
  }

  figures(): ({ sql: string } & Times)[] {
    return [...this.bySql.entries()]
      .map(([sql, t]) => ({
        sql,
        ...t,
        totalMs: Math.round(t.totalMs * 10) / 10,
        maxMs: Math.round(t.maxMs * 10) / 10
      }))
      .sort((a, b) => b.totalMs - a.totalMs);
  }
}
