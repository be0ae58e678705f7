// Runs a compiled SOQL query and shapes rows as the API does: parent records nested under relationship names.
import { formatValue, recordUrl, type ApiRecord } from '../records/format';
import type { Schema } from '../schema/registry';
import type { FieldValue } from '../schema/types';
import type { Sql } from '../store/db';
import { compileSoql, type CompiledQuery } from './compile';

export type QueryOutcome = { countOnly: true; totalSize: number } | { countOnly: false; records: ApiRecord[] };

type Row = Record<string, FieldValue>;

function shape(compiled: CompiledQuery, row: Row, version: string): ApiRecord {
  const rootId = String(row.root_id);
  const record: ApiRecord = {
    attributes: { type: compiled.root.name, url: recordUrl(version, compiled.root.name, rootId) }
  };
  const hops = new Map(compiled.hops.map((h) => [h.path.join('.'), h]));
  for (const projected of compiled.fields) {
    let target: Record<string, unknown> | null = record;
    for (let depth = 1; depth <= projected.path.length && target; depth += 1) {
      const rel = projected.path[depth - 1] ?? '';
      const hop = hops.get(projected.path.slice(0, depth).join('.'));
      const id = hop ? row[hop.idAlias] : null;
      if (id === null || id === undefined || !hop) {
        target[rel] = null;
        target = null;
        break;
      }
      const existing: unknown = target[rel];
      if (existing && typeof existing === 'object') {
        target = existing as Record<string, unknown>;
      } else {
        const type = String(row[hop.typeAlias]);
        const parent: Record<string, unknown> = { attributes: { type, url: recordUrl(version, type, String(id)) } };
        target[rel] = parent;
        target = parent;
      }
    }
    if (target) target[projected.field.name] = formatValue(projected.field, row[projected.alias]);
  }
  return record;
}

export async function runSoql(
  sql: Sql,
  schema: Schema,
  soql: string,
  now: Date,
  version: string
): Promise<QueryOutcome> {
  const compiled = compileSoql(schema, soql, now);
  const rows = await sql.query<Row>(compiled.sql, compiled.params);
  if (compiled.countOnly) return { countOnly: true, totalSize: Number(rows[0]?.n ?? 0) };
  return { countOnly: false, records: rows.map((row) => shape(compiled, row, version)) };
}
