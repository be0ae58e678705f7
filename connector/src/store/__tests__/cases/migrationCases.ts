// Versioned migrations: applied once each, recorded, refused when the database is newer than the code.
import type { Db } from '../../db';
import { migrate, schemaVersion } from '../../migrate';
import { migrations, type Migration } from '../../migrations';
import type { Backend } from '../backends';
import { useFixture } from './fixture';

/** The newest version the code knows; the test migrations come after it. */
const latest = migrations.length;
const extra: Migration = { version: latest + 1, name: 'test_extra', up: 'CREATE TABLE test_extra (x integer)' };

async function tableExists(db: Db, table: string): Promise<boolean> {
  const result = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  return result.rows[0]?.present === true;
}

export function migrationCases(backend: Backend): void {
  describe('migrations', () => {
    const shared = useFixture(backend, { migrated: false });

    it('reports version 0 on a database no migration has touched', async () => {
      expect(await schemaVersion(shared.db)).toBe(0);
    });

    it('applies each migration exactly once when two instances start at the same time', async () => {
      // On PostgreSQL the second instance is a second pool; PGlite has one connection, so both run on it.
      const other = backend.concurrent ? await shared.fixture().openSecond() : shared.db;
      const reports = await Promise.all([migrate(shared.db), migrate(other)]);
      expect(reports.map((report) => report.version)).toEqual([latest, latest]);
      // Each step is its own locked transaction, so the two may take turns: every version once, in either's report.
      const applied = reports.flatMap((report) => report.applied).sort((a, b) => a - b);
      expect(applied).toEqual(migrations.map((m) => m.version));
      const recorded = await shared.db.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(recorded.rows).toEqual(migrations.map(({ version, name }) => ({ version, name })));
    });

    it('creates the tables of every migration', async () => {
      const result = await shared.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
      );
      expect(result.rows.map((row) => row.table_name)).toEqual([
        'agents',
        'command_receipts',
        'contact_identities',
        'interactions',
        'journal',
        'omni_work',
        'outbox',
        'private_notes',
        'revoked_sessions',
        'schema_migrations',
        'timers'
      ]);
    });

    it('is idempotent: running again applies nothing', async () => {
      expect(await migrate(shared.db)).toEqual({ applied: [], version: latest });
      expect(await schemaVersion(shared.db)).toBe(latest);
    });

    it('applies only the migrations the database lacks', async () => {
      expect(await migrate(shared.db, [...migrations, extra])).toEqual({ applied: [latest + 1], version: latest + 1 });
      expect(await tableExists(shared.db, 'test_extra')).toBe(true);
    });

    it('leaves nothing of a migration that fails, and keeps the version before it', async () => {
      const broken: Migration = {
        version: latest + 2,
        name: 'broken',
        up: 'CREATE TABLE half_done (x integer); SELECT * FROM no_such_table'
      };
      await expect(migrate(shared.db, [...migrations, extra, broken])).rejects.toThrow(/no_such_table/);
      expect(await schemaVersion(shared.db)).toBe(latest + 1);
      expect(await tableExists(shared.db, 'half_done')).toBe(false);
    });

    it('refuses to start on a database migrated by newer code (SCHEMA_TOO_NEW)', async () => {
      const refusal = migrate(shared.db, migrations);
      await expect(refusal).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
      await expect(migrate(shared.db, migrations)).rejects.toThrow(
        new RegExp(`at version ${latest + 1}; this code knows up to ${latest}`)
      );
    });

    it('refuses a database whose applied migration differs from the code (MIGRATION_MISMATCH)', async () => {
      const renamed: Migration = { ...extra, name: 'renamed_later' };
      await expect(migrate(shared.db, [...migrations, renamed])).rejects.toMatchObject({ code: 'MIGRATION_MISMATCH' });
    });

    it('refuses a migration list with a gap (MIGRATIONS_INVALID) before touching the database', async () => {
      const gap: Migration = { ...extra, version: latest + 3 };
      await expect(migrate(shared.db, [...migrations, gap])).rejects.toMatchObject({ code: 'MIGRATIONS_INVALID' });
    });

    it('refuses every use once closed (DB_CLOSED); closing twice is harmless', async () => {
      await shared.db.close();
      await expect(shared.db.query('SELECT 1')).rejects.toMatchObject({ code: 'DB_CLOSED' });
      await expect(shared.db.transaction(async () => 1)).rejects.toMatchObject({ code: 'DB_CLOSED' });
      await shared.db.close();
    });
  });
}
