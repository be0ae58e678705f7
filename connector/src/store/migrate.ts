// Brings the schema up to date: one transaction per migration, each recorded in schema_migrations. Safe when
// several connector instances start at once on PostgreSQL: every step first takes a transaction-scoped advisory
// lock, then re-reads what is applied, so the second instance waits and finds the work done.
import { z } from 'zod';
import type { Db, Queryable } from './db';
import { StoreError } from './errors';
import { migrations as knownMigrations, type Migration } from './migrations';
import { parseRows } from './sqlValues';

/** Any constant shared by every instance; it only has to differ from other advisory locks in the same database. */
const MIGRATION_LOCK_KEY = 4_172_095_311;

const appliedRow = z.object({ version: z.int().positive(), name: z.string() });

export interface MigrationReport {
  /** Versions this call applied, in order (empty when the schema was already current). */
  applied: number[];
  /** The schema version now. */
  version: number;
}

export async function migrate(db: Db, migrations: readonly Migration[] = knownMigrations): Promise<MigrationReport> {
  checkNumbering(migrations);
  const known = migrations.at(-1)?.version ?? 0;
  const applied: number[] = [];
  for (;;) {
    const step = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await tx.exec(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version    integer PRIMARY KEY,
           name       text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`
      );
      const done = await readApplied(tx);
      const newest = done.at(-1)?.version ?? 0;
      if (newest > known) {
        throw new StoreError('SCHEMA_TOO_NEW', `The database is at version ${newest}; this code knows up to ${known}.`);
      }
      done.forEach((row, index) => {
        const expected = migrations[index];
        if (expected === undefined || expected.version !== row.version || expected.name !== row.name) {
          const code = expected === undefined ? 'none' : `${expected.version} ${expected.name}`;
          throw new StoreError('MIGRATION_MISMATCH', `Database has ${row.version} ${row.name}, code has ${code}.`);
        }
      });
      const next = migrations[done.length];
      if (next === undefined) return null;
      await tx.exec(next.up);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [next.version, next.name]);
      return next.version;
    });
    if (step === null) return { applied, version: known };
    applied.push(step);
  }
}

/** The version recorded in the database; 0 when no migration ever ran. */
export async function schemaVersion(q: Queryable): Promise<number> {
  const exists = await q.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  if (exists.rows[0]?.present !== true) return 0;
  return (await readApplied(q)).at(-1)?.version ?? 0;
}

async function readApplied(q: Queryable): Promise<{ version: number; name: string }[]> {
  const result = await q.query('SELECT version, name FROM schema_migrations ORDER BY version');
  return parseRows('schema_migrations', appliedRow, result.rows);
}

function checkNumbering(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new StoreError('MIGRATIONS_INVALID', `Position ${index + 1} holds version ${migration.version}.`);
    }
  });
}
