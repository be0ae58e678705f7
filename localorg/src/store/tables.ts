// One table per sObject, one column per field (names quoted as in the schema), plus bookkeeping tables.
import type { FieldDef, FieldType, ObjectDef } from '../schema/types';
import type { Database } from './db';

export function tableOf(obj: ObjectDef): string {
  return `"so_${obj.name.toLowerCase()}"`;
}

export function col(field: FieldDef | string): string {
  return `"${typeof field === 'string' ? field : field.name}"`;
}

/** Dates and datetimes are ISO text (UTC, fixed width), so text order is time order. */
function sqlType(type: FieldType): string {
  switch (type) {
    case 'boolean':
      return 'boolean NOT NULL DEFAULT false';
    case 'int':
      return 'integer';
    case 'double':
    case 'currency':
    case 'percent':
      return 'double precision';
    default:
      return 'text';
  }
}

/** True when text values compare without regard to case (everything but ids and case-sensitive keys). */
export function isCaseInsensitiveText(field: FieldDef): boolean {
  return (
    sqlType(field.type) === 'text' &&
    !['id', 'reference', 'date', 'datetime'].includes(field.type) &&
    !field.caseSensitive
  );
}

export async function createTables(db: Database, objects: readonly ObjectDef[]): Promise<void> {
  await db.exec(`
    CREATE TABLE IF NOT EXISTS localorg_counters (prefix text PRIMARY KEY, n integer NOT NULL);
    CREATE TABLE IF NOT EXISTS localorg_deleted (id text PRIMARY KEY, sobject text NOT NULL);
    CREATE TABLE IF NOT EXISTS localorg_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE IF NOT EXISTS localorg_status_channels (status_id text NOT NULL, channel_id text NOT NULL,
      PRIMARY KEY (status_id, channel_id));
  `);
  for (const obj of objects) {
    const table = tableOf(obj);
    await db.exec(`CREATE TABLE IF NOT EXISTS ${table} (_seq bigserial, "Id" text PRIMARY KEY)`);
    for (const field of obj.fields) {
      if (field.name === 'Id') continue;
      // ADD COLUMN IF NOT EXISTS lets a persisted data folder pick up fields added in later versions.
      await db.exec(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${col(field)} ${sqlType(field.type)}`);
      if (field.unique) {
        const expr = isCaseInsensitiveText(field) ? `lower(${col(field)})` : col(field);
        const index = `"ux_${obj.name.toLowerCase()}_${field.name.toLowerCase()}"`;
        await db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${index} ON ${table} (${expr})`);
      }
    }
  }
}

export async function nextNumber(db: Pick<Database, 'query'>, prefix: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `INSERT INTO localorg_counters (prefix, n) VALUES ($1, 1)
     ON CONFLICT (prefix) DO UPDATE SET n = localorg_counters.n + 1 RETURNING n`,
    [prefix]
  );
  return rows[0]?.n ?? 1;
}
