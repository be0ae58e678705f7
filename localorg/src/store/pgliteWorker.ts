// PGlite runs in a worker thread. Two reasons: its CommonJS build still loads Node modules with dynamic import(),
// which jest's sandbox refuses, and queries then never block the event loop of the process embedding the org.
import { Worker } from 'node:worker_threads';

export type WorkerParam = string | number | boolean | null;

/** Thrown by every call made once close() has begun: nothing reaches PGlite after its close. */
export class StoreClosedError extends Error {
  constructor() {
    super('The local org store is closed');
    this.name = 'StoreClosedError';
  }
}

/**
 * Plain CommonJS run with eval in the worker: open PGlite, then answer {id, op, sql, params} messages strictly one
 * after another, so a 'close' only runs once every message sent before it has been answered.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglitePath);
const ready = (async () => {
  const db = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
  await db.waitReady;
  return db;
})();
let queue = Promise.resolve();
parentPort.on('message', (msg) => {
  queue = queue.then(() => answer(msg));
});
async function answer(msg) {
  try {
    const db = await ready;
    if (msg.op === 'query') {
      const result = await db.query(msg.sql, msg.params);
      parentPort.postMessage({ id: msg.id, ok: true, rows: result.rows });
    } else if (msg.op === 'exec') {
      await db.exec(msg.sql);
      parentPort.postMessage({ id: msg.id, ok: true, rows: [] });
    } else if (msg.op === 'close') {
      await db.close();
      parentPort.postMessage({ id: msg.id, ok: true, rows: [] });
    }
  } catch (error) {
    parentPort.postMessage({ id: msg.id, ok: false, message: error && error.message ? error.message : String(error) });
  }
}
`;

interface Reply {
  id: number;
  ok: boolean;
  rows?: unknown[];
  message?: string;
}

export class PgliteWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  private closing: Promise<void> | null = null;

  constructor(dataDir: string | null) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { dataDir, pglitePath: require.resolve('@electric-sql/pglite') }
    });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.rows ?? []);
      else waiter.reject(new Error(reply.message ?? 'PGlite error'));
    });
    this.worker.on('error', (error) => this.rejectPending(error));
    // A worker that is gone answers nothing more: whatever still waits fails instead of waiting for ever.
    this.worker.on('exit', () => this.rejectPending(new StoreClosedError()));
  }

  private rejectPending(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  private call(op: 'query' | 'exec' | 'close', sql = '', params: readonly WorkerParam[] = []): Promise<unknown[]> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, sql, params });
    });
  }

  async query<T>(sql: string, params: readonly WorkerParam[]): Promise<T[]> {
    if (this.closing) throw new StoreClosedError();
    return (await this.call('query', sql, params)) as T[];
  }

  async exec(sql: string): Promise<void> {
    if (this.closing) throw new StoreClosedError();
    await this.call('exec', sql);
  }

  /** Closes PGlite after every call already sent, then ends the worker. Calling it again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.call('close');
      } finally {
        await this.worker.terminate();
      }
    })();
    return this.closing;
  }
}
