// The shared backend: a real PostgreSQL (DATABASE_URL) through a pg Pool, so several connector instances can run
// against one database. Same SQL as PGlite; LISTEN runs on one dedicated connection that reconnects by itself.
import { Client, Pool, TypeOverrides } from 'pg';
import { checkChannelName } from './channels';
import type { Db, NotificationHandler, Queryable, QueryResult } from './db';
import { asError, StoreError } from './errors';
import { parseInt8, parseTimestamptz, TYPE_OIDS } from './sqlValues';
import { assertOutsideTransaction, runTransactionCallback } from './transactionScope';

export interface PostgresOptions {
  databaseUrl: string;
  poolSize: number;
  onBackgroundError: (error: Error) => void;
}

const APPLICATION_NAME = 'softphone-connector';
const RECONNECT_DELAY_MS = 1000;

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const typeOverrides = new TypeOverrides();
  typeOverrides.setTypeParser(TYPE_OIDS.INT8, parseInt8);
  typeOverrides.setTypeParser(TYPE_OIDS.TIMESTAMPTZ, parseTimestamptz);
  const pool = new Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize,
    types: typeOverrides,
    application_name: APPLICATION_NAME
  });
  // An idle pooled connection that drops must not crash the process; the pool replaces it.
  pool.on('error', options.onBackgroundError);
  try {
    await pool.query('SELECT 1'); // a wrong URL fails here, at start-up, not on the first agent command
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresDb(pool, new Listener(options.databaseUrl, options.onBackgroundError));
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly listener: Listener
  ) {}

  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    this.assertUsable();
    const result = await this.pool.query(sql, params === undefined ? undefined : [...params]);
    return { rows: result.rows };
  }

  async exec(sql: string): Promise<void> {
    this.assertUsable();
    await this.pool.query(sql); // no parameters: the simple protocol, which takes several statements
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    this.assertUsable();
    const client = await this.pool.connect();
    // A failure of BEGIN/COMMIT/ROLLBACK themselves leaves the connection in an unknown state: destroy it.
    let broken: Error | undefined;
    try {
      await client.query('BEGIN').catch((error: unknown) => {
        broken = asError(error);
        throw error;
      });
      const inner: Queryable = {
        query: async <R>(sql: string, params?: readonly unknown[]) => {
          const result = await client.query(sql, params === undefined ? undefined : [...params]);
          const rows: R[] = result.rows;
          return { rows };
        },
        exec: async (sql: string) => {
          await client.query(sql);
        }
      };
      let result: T;
      try {
        result = await runTransactionCallback(this, inner, fn);
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = asError(rollbackError);
        });
        throw error;
      }
      const commit = await client.query('COMMIT').catch((error: unknown) => {
        broken = asError(error);
        throw error;
      });
      // PostgreSQL answers COMMIT of an aborted transaction with ROLLBACK instead of an error.
      if (commit.command === 'ROLLBACK') throw new StoreError('TRANSACTION_ABORTED');
      return result;
    } finally {
      client.release(broken);
    }
  }

  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    this.assertUsable();
    return this.listener.add(checkChannelName(channel), handler);
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [checkChannelName(channel), payload]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener.close();
    await this.pool.end();
  }

  private assertUsable(): void {
    if (this.closed) throw new StoreError('DB_CLOSED');
    assertOutsideTransaction(this);
  }
}

/**
 * One connection that holds every LISTEN of this process. When it drops, it reconnects and listens again; the
 * notifications sent meanwhile are lost, which is why they are only wake-up hints: the tables hold the truth.
 */
class Listener {
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();

  constructor(
    private readonly databaseUrl: string,
    private readonly onBackgroundError: (error: Error) => void
  ) {}

  async add(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    let channelHandlers = this.handlers.get(channel);
    const firstForChannel = channelHandlers === undefined;
    if (channelHandlers === undefined) {
      channelHandlers = new Set();
      this.handlers.set(channel, channelHandlers);
    }
    // Wrapped so the same function can be added twice and removed once per add.
    const entry: NotificationHandler = (payload) => handler(payload);
    channelHandlers.add(entry);
    try {
      const client = await this.connected();
      if (firstForChannel) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.remove(channel, entry);
      throw error;
    }
    return async () => {
      if (this.remove(channel, entry) && this.client !== null && !this.closed) {
        await this.client.query(`UNLISTEN ${channel}`);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    if (client !== null) await client.end().catch(() => undefined);
  }

  /** Removes one handler; true when it was the channel's last. */
  private remove(channel: string, entry: NotificationHandler): boolean {
    const channelHandlers = this.handlers.get(channel);
    if (channelHandlers === undefined || !channelHandlers.delete(entry)) return false;
    if (channelHandlers.size > 0) return false;
    this.handlers.delete(channel);
    return true;
  }

  private connected(): Promise<Client> {
    if (this.closed) return Promise.reject(new StoreError('DB_CLOSED'));
    if (this.client !== null) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: `${APPLICATION_NAME}-listen` });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.onBackgroundError(asError(error));
        }
      }
    });
    client.on('error', (error) => {
      this.onBackgroundError(error);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    await client.connect();
    try {
      // After a reconnect: listen again on every channel that still has handlers.
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new StoreError('DB_CLOSED');
    }
    this.client = client;
    return client;
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.handlers.size === 0 || this.reconnectTimer !== null) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connected().catch((error: unknown) => {
        this.onBackgroundError(asError(error));
        this.scheduleReconnect();
      });
    }, RECONNECT_DELAY_MS);
  }
}
