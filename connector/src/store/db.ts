// One small interface over both backends, so the same SQL and the same repositories run on the embedded PGlite and
// on a shared PostgreSQL. Repositories take a Queryable: the Db itself or the tx of a transaction, so the engine
// composes state, journal, receipts and outbox rows in ONE transaction.
import { checkChannelName } from './channels';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type DbKind = 'pglite' | 'postgres';

export interface QueryResult<R> {
  rows: R[];
}

/** Something SQL runs on: the database or an open transaction. */
export interface Queryable {
  /** One statement with $1.. parameters. bigint and timestamptz come back as numbers (epoch ms), jsonb parsed. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type NotificationHandler = (payload: string) => void;

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * BEGIN, fn(tx), COMMIT; ROLLBACK and rethrow when fn throws. Inside fn use only tx: starting another transaction
   * or querying the Db directly there throws NESTED_TRANSACTION (on PGlite it would wait forever for itself).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves to the function that stops this handler. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /** NOTIFY now, outside any transaction. Inside one, use notifyIn(tx, ...) so it is sent only on commit. */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** PGlite folder (created if missing); null or absent = in memory. Ignored when databaseUrl is set. */
  dataDir?: string | null;
  /** postgres://... : use PostgreSQL through a pg Pool instead of PGlite. */
  databaseUrl?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** Errors no caller is waiting for (an idle pooled connection dropped, the LISTEN connection lost). */
  onBackgroundError?: (error: Error) => void;
}

/** PostgreSQL when a database URL is given, else PGlite in dataDir (or in memory). */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  const onBackgroundError = options.onBackgroundError ?? ((error: Error) => process.emitWarning(error));
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    return openPostgres({ databaseUrl: options.databaseUrl, poolSize: options.poolSize ?? 10, onBackgroundError });
  }
  return openPglite({ dataDir: options.dataDir ?? null, onBackgroundError });
}

/** NOTIFY as part of a transaction: PostgreSQL delivers it only if and when the transaction commits. */
export async function notifyIn(q: Queryable, channel: string, payload: string): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [checkChannelName(channel), payload]);
}
