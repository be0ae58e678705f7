// The embedded backend: PostgreSQL compiled to WASM, in this process, in memory or in a folder under .data/.
// PGlite is one connection: statements and transactions from concurrent callers run one after another.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { checkChannelName } from './channels';
import { lockDataDir } from './dataDirLock';
import type { Db, NotificationHandler, Queryable, QueryResult } from './db';
import { asError, StoreError } from './errors';
import { parseInt8, parseTimestamptz, TYPE_OIDS } from './sqlValues';
import { assertOutsideTransaction, runTransactionCallback } from './transactionScope';

export interface PgliteOptions {
  /** Folder to keep the database in (created if missing); null = in memory, gone on close. */
  dataDir: string | null;
  onBackgroundError: (error: Error) => void;
}

export async function openPglite(options: PgliteOptions): Promise<Db> {
  let release: (() => void) | null = null;
  let dataDir: string | undefined;
  if (options.dataDir !== null) {
    dataDir = path.resolve(options.dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const pg = await PGlite.create(dataDir, {
      parsers: { [TYPE_OIDS.INT8]: parseInt8, [TYPE_OIDS.TIMESTAMPTZ]: parseTimestamptz }
    });
    return new PgliteDb(pg, release, options.onBackgroundError);
  } catch (error) {
    release?.();
    throw error;
  }
}

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  private closed = false;

  constructor(
    private readonly pg: PGlite,
    private readonly release: (() => void) | null,
    private readonly onBackgroundError: (error: Error) => void
  ) {}

  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    this.assertUsable();
    const result = await this.pg.query<R>(sql, params === undefined ? undefined : [...params]);
    return { rows: result.rows };
  }

  async exec(sql: string): Promise<void> {
    this.assertUsable();
    await this.pg.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    this.assertUsable();
    // PGlite's own transaction() sends BEGIN/COMMIT and rolls back when the callback throws.
    return this.pg.transaction((pgTx) => {
      const inner: Queryable = {
        query: async <R>(sql: string, params?: readonly unknown[]) => ({
          rows: (await pgTx.query<R>(sql, params === undefined ? undefined : [...params])).rows
        }),
        exec: async (sql: string) => {
          await pgTx.exec(sql);
        }
      };
      return runTransactionCallback(this, inner, fn);
    });
  }

  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    this.assertUsable();
    const stop = await this.pg.listen(checkChannelName(channel), (payload) => {
      try {
        handler(payload);
      } catch (error) {
        this.onBackgroundError(asError(error));
      }
    });
    return async () => {
      if (!this.closed) await stop();
    };
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [checkChannelName(channel), payload]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.pg.close();
    } finally {
      this.release?.();
    }
  }

  private assertUsable(): void {
    if (this.closed) throw new StoreError('DB_CLOSED');
    assertOutsideTransaction(this);
  }
}
