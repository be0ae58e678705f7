// The connector's durable store: one Db over PGlite or PostgreSQL, versioned migrations, and repositories that all
// take a Queryable (the Db or a transaction's tx) so the engine writes state, journal, receipts and outbox together.
import { openDb, type Db, type OpenDbOptions } from './db';
import { migrate } from './migrate';

export { openDb, notifyIn } from './db';
export type { Db, DbKind, NotificationHandler, OpenDbOptions, Queryable, QueryResult } from './db';
export { StoreError, isStoreError, storeErrorCodes } from './errors';
export type { StoreErrorCode } from './errors';
export { migrate, schemaVersion } from './migrate';
export type { MigrationReport } from './migrate';
export { migrations } from './migrations';
export type { Migration } from './migrations';

export * as agents from './repositories/agents';
export * as interactions from './repositories/interactions';
export * as journal from './repositories/journal';
export * as commandReceipts from './repositories/commandReceipts';
export * as privateNotes from './repositories/privateNotes';
export * as contactIdentities from './repositories/contactIdentities';
export * as outbox from './repositories/outbox';
export * as timers from './repositories/timers';
export * as omniWork from './repositories/omniWork';
export * as revokedSessions from './repositories/revokedSessions';

/** Opens the database and brings its schema up to date; closes it again when migrating fails. */
export async function openStore(options: OpenDbOptions = {}): Promise<Db> {
  const db = await openDb(options);
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
