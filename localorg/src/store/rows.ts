// Plain row access for one sObject table; no validation here (see records/).
import type { FieldDef, ObjectDef, RecordValues } from '../schema/types';
import type { Sql, SqlParam } from './db';
import { col, isCaseInsensitiveText, tableOf } from './tables';

function selectList(obj: ObjectDef): string {
  return obj.fields.map((f) => col(f)).join(', ');
}

export async function insertRow(sql: Sql, obj: ObjectDef, values: RecordValues): Promise<void> {
  const names = Object.keys(values);
  const params: SqlParam[] = names.map((n) => values[n] ?? null);
  const placeholders = names.map((_, i) => `$${i + 1}`).join(', ');
  await sql.query(
    `INSERT INTO ${tableOf(obj)} (${names.map((n) => col(n)).join(', ')}) VALUES (${placeholders})`,
    params
  );
}

export async function updateRow(sql: Sql, obj: ObjectDef, id: string, values: RecordValues): Promise<void> {
  const names = Object.keys(values).filter((n) => n !== 'Id');
  if (names.length === 0) return;
  const sets = names.map((n, i) => `${col(n)} = $${i + 2}`).join(', ');
  await sql.query(`UPDATE ${tableOf(obj)} SET ${sets} WHERE "Id" = $1`, [id, ...names.map((n) => values[n] ?? null)]);
}

export async function deleteRow(sql: Sql, obj: ObjectDef, id: string): Promise<void> {
  await sql.query(`DELETE FROM ${tableOf(obj)} WHERE "Id" = $1`, [id]);
  await sql.query(`INSERT INTO localorg_deleted (id, sobject) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, obj.name]);
}

export async function selectById(sql: Sql, obj: ObjectDef, id: string): Promise<RecordValues | null> {
  const rows = await sql.query<RecordValues>(`SELECT ${selectList(obj)} FROM ${tableOf(obj)} WHERE "Id" = $1`, [id]);
  return rows[0] ?? null;
}

/** Rows whose field equals value, compared as the API compares it (text case-insensitively unless caseSensitive). */
export async function selectByField(
  sql: Sql,
  obj: ObjectDef,
  field: FieldDef,
  value: SqlParam,
  limit = 10
): Promise<RecordValues[]> {
  const where = isCaseInsensitiveText(field) ? `lower(${col(field)}) = lower($1)` : `${col(field)} = $1`;
  return sql.query<RecordValues>(
    `SELECT ${selectList(obj)} FROM ${tableOf(obj)} WHERE ${where} ORDER BY _seq LIMIT ${limit}`,
    [value]
  );
}

export async function wasDeleted(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query<{ id: string }>(`SELECT id FROM localorg_deleted WHERE id = $1`, [id]);
  return rows.length > 0;
}
