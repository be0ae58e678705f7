// The backends the store suite runs on: PGlite in memory, PGlite in a temp folder (reopened to prove durability),
// and PostgreSQL when DATABASE_URL is set (each fixture gets a database of its own, dropped afterwards).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDb, type Db, type DbKind } from '../db';
import { migrate } from '../migrate';

export interface Fixture {
  db: Db;
  /** What the Db reported through onBackgroundError (a dropped LISTEN connection ...). */
  backgroundErrors: Error[];
  /** Opens another connection set to the same database (a second connector instance). PostgreSQL only. */
  openSecond(): Promise<Db>;
  /** Closes and opens again on the same data; `db` is the new handle afterwards. */
  reopen(): Promise<void>;
  dispose(): Promise<void>;
}

export interface Backend {
  name: string;
  kind: DbKind;
  /** Data survives close + open (folder, PostgreSQL). */
  durable: boolean;
  /** Several connections at once (PostgreSQL): a second instance can act while a transaction is open. */
  concurrent: boolean;
  /** A fresh database; migrated unless asked not to be. */
  open(options?: { migrated?: boolean }): Promise<Fixture>;
}

const DATABASE_URL = process.env.DATABASE_URL ?? '';

const pgliteInMemory: Backend = {
  name: 'PGlite in memory',
  kind: 'pglite',
  durable: false,
  concurrent: false,
  async open(options) {
    const backgroundErrors: Error[] = [];
    const onBackgroundError = (error: Error) => backgroundErrors.push(error);
    const fixture: Fixture = {
      db: await openDb({ dataDir: null, onBackgroundError }),
      backgroundErrors,
      openSecond: () => Promise.reject(new Error('PGlite is one connection')),
      reopen: () => Promise.reject(new Error('an in-memory database does not survive closing')),
      dispose: () => fixture.db.close()
    };
    if (options?.migrated !== false) await migrate(fixture.db);
    return fixture;
  }
};

const pgliteInFolder: Backend = {
  name: 'PGlite in a folder',
  kind: 'pglite',
  durable: true,
  concurrent: false,
  async open(options) {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
    const dataDir = path.join(parent, 'data');
    const backgroundErrors: Error[] = [];
    const onBackgroundError = (error: Error) => backgroundErrors.push(error);
    const fixture: Fixture = {
      db: await openDb({ dataDir, onBackgroundError }),
      backgroundErrors,
      openSecond: () => Promise.reject(new Error('PGlite is one connection')),
      async reopen() {
        await fixture.db.close();
        fixture.db = await openDb({ dataDir, onBackgroundError });
      },
      async dispose() {
        await fixture.db.close();
        fs.rmSync(parent, { recursive: true, force: true });
      }
    };
    if (options?.migrated !== false) await migrate(fixture.db);
    return fixture;
  }
};

let databaseCounter = 0;

const postgres: Backend = {
  name: 'PostgreSQL',
  kind: 'postgres',
  durable: true,
  concurrent: true,
  async open(options) {
    databaseCounter += 1;
    const name = `store_test_${process.pid}_${databaseCounter}_${Math.floor(Math.random() * 1e6)}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const extra: Db[] = [];
    const backgroundErrors: Error[] = [];
    const onBackgroundError = (error: Error) => backgroundErrors.push(error);
    const fixture: Fixture = {
      db: await openDb({ databaseUrl, onBackgroundError }),
      backgroundErrors,
      async openSecond() {
        const second = await openDb({ databaseUrl, onBackgroundError });
        extra.push(second);
        return second;
      },
      async reopen() {
        await fixture.db.close();
        fixture.db = await openDb({ databaseUrl, onBackgroundError });
      },
      async dispose() {
        await Promise.all([fixture.db, ...extra].map((db) => db.close()));
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    };
    if (options?.migrated !== false) await migrate(fixture.db);
    return fixture;
  }
};

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const postgresAvailable = DATABASE_URL !== '';

export const backends: Backend[] = postgresAvailable
  ? [pgliteInMemory, pgliteInFolder, postgres]
  : [pgliteInMemory, pgliteInFolder];
