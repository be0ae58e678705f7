// One SOQL comparison to SQL, with SOQL's rules: text compares without case, "!=" and NOT IN keep nulls,
// ids accept 15 or 18 characters, date literals are ranges, and each field type takes only its literal type.
import { parseDateTime, parseDate } from '../records/coerce';
import { to18 } from '../ids/salesforceId';
import type { FieldDef } from '../schema/types';
import type { SqlParam } from '../store/db';
import { isCaseInsensitiveText } from '../store/tables';
import { soqlErrors } from './errors';
import type { ResolvedField } from './joins';
import { dateLiteralRange, unquote } from './literals';
import type { ConditionNode } from './where';

export interface ConditionEnv {
  params: SqlParam[];
  now: Date;
  resolve(path: string): ResolvedField;
  /** Compiles `field IN (SELECT ...)` semi-joins to a SQL subquery returning one column. */
  subquery(query: unknown): string;
}

type Literal = { kind: 'null' } | { kind: 'value'; value: SqlParam } | { kind: 'range'; start: string; end: string };

const NUMERIC = new Set(['int', 'double', 'currency', 'percent']);

function literalFor(
  field: FieldDef,
  fieldText: string,
  type: string,
  raw: string,
  n: number | null,
  now: Date
): Literal {
  if (type === 'NULL') return { kind: 'null' };
  const isText = !['boolean', 'date', 'datetime', 'id', 'reference'].includes(field.type) && !NUMERIC.has(field.type);
  if (type === 'DATE_LITERAL' || type === 'DATE_N_LITERAL') {
    if (field.type !== 'date' && field.type !== 'datetime')
      throw soqlErrors.filterType(fieldText, typeName(field), isText);
    const range = dateLiteralRange(raw.split(':')[0] ?? raw, n, now);
    const fmt = (d: Date) => (field.type === 'date' ? d.toISOString().slice(0, 10) : d.toISOString());
    return { kind: 'range', start: fmt(range.start), end: fmt(range.end) };
  }
  if (field.type === 'boolean') {
    if (type !== 'BOOLEAN') throw soqlErrors.filterType(fieldText, 'boolean', false);
    return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
  }
  if (NUMERIC.has(field.type)) {
    if (type !== 'INTEGER' && type !== 'DECIMAL') throw soqlErrors.filterType(fieldText, typeName(field), false);
    return { kind: 'value', value: Number(raw) };
  }
  if (field.type === 'date') {
    const d = type === 'DATE' ? parseDate(raw) : null;
    if (d === null) throw soqlErrors.filterType(fieldText, 'date', false);
    return { kind: 'value', value: d };
  }
  if (field.type === 'datetime') {
    const d = type === 'DATETIME' ? parseDateTime(raw) : null;
    if (d === null) throw soqlErrors.filterType(fieldText, 'dateTime', false);
    return { kind: 'value', value: d };
  }
  if (type !== 'STRING') throw soqlErrors.filterType(fieldText, 'string', true);
  const text = unquote(raw);
  if (field.type === 'id' || field.type === 'reference') {
    const id = to18(text);
    if (id === null) throw soqlErrors.invalidId(text);
    return { kind: 'value', value: id };
  }
  return { kind: 'value', value: text };
}

function typeName(field: FieldDef): string {
  if (field.type === 'datetime') return 'dateTime';
  if (field.type === 'int') return 'int';
  if (NUMERIC.has(field.type)) return 'double';
  return field.type === 'boolean' || field.type === 'date' ? field.type : 'string';
}

function listOf<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function compileCondition(cond: ConditionNode, env: ConditionEnv): string {
  if (!cond.field)
    throw soqlErrors.unsupported(`Function ${cond.fn?.functionName ?? ''} in WHERE`, cond.fn?.functionName);
  const resolved = env.resolve(cond.field);
  const { field } = resolved;
  const op = cond.operator.toUpperCase();
  const ci = isCaseInsensitiveText(field);
  const colSql = ci ? `lower(${resolved.sql})` : resolved.sql;
  const bind = (value: SqlParam): string => {
    env.params.push(value);
    return ci ? `lower($${env.params.length})` : `$${env.params.length}`;
  };
  if (cond.valueQuery !== undefined) {
    if (op !== 'IN' && op !== 'NOT IN') throw soqlErrors.malformed(`unexpected token: '${cond.operator}'`);
    const sub = env.subquery(cond.valueQuery);
    return op === 'IN' ? `${resolved.sql} IN (${sub})` : `(${resolved.sql} IS NULL OR ${resolved.sql} NOT IN (${sub}))`;
  }
  const types = listOf(cond.literalType);
  const raws = listOf(cond.value);
  const ns = listOf(cond.dateLiteralVariable);
  const literals = raws.map((raw, i) =>
    literalFor(field, cond.field ?? '', types[i] ?? types[0] ?? 'STRING', raw, ns[i] ?? ns[0] ?? null, env.now)
  );
  if (op === 'IN' || op === 'NOT IN' || op === 'INCLUDES' || op === 'EXCLUDES') {
    return compileList(op, resolved.sql, colSql, literals, bind, raws);
  }
  const lit = literals[0];
  if (!lit) throw soqlErrors.malformed(`unexpected token: '${cond.operator}'`);
  if (lit.kind === 'null') {
    if (op === '=') return `${resolved.sql} IS NULL`;
    if (op === '!=' || op === '<>') return `${resolved.sql} IS NOT NULL`;
    return 'false';
  }
  if (lit.kind === 'range') return compileRange(op, resolved.sql, lit.start, lit.end, bind);
  if (op === 'LIKE') {
    env.params.push(unquote(raws[0] ?? "''", true));
    return `${resolved.sql} ILIKE $${env.params.length}`;
  }
  const p = bind(lit.value);
  switch (op) {
    case '=':
      return `${colSql} = ${p}`;
    case '!=':
    case '<>':
      return `${colSql} IS DISTINCT FROM ${p}`;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return `${colSql} ${op} ${p}`;
    default:
      throw soqlErrors.malformed(`unexpected token: '${cond.operator}'`, cond.operator);
  }
}

function compileRange(op: string, sql: string, start: string, end: string, bind: (v: SqlParam) => string): string {
  // Bind only the bounds the operator uses: Postgres refuses parameters the statement never reads.
  switch (op) {
    case '=':
      return `(${sql} >= ${bind(start)} AND ${sql} < ${bind(end)})`;
    case '!=':
    case '<>':
      return `(${sql} IS NULL OR ${sql} < ${bind(start)} OR ${sql} >= ${bind(end)})`;
    case '<':
      return `${sql} < ${bind(start)}`;
    case '<=':
      return `${sql} < ${bind(end)}`;
    case '>':
      return `${sql} >= ${bind(end)}`;
    case '>=':
      return `${sql} >= ${bind(start)}`;
    default:
      throw soqlErrors.malformed(`unexpected token: '${op}'`, op);
  }
}

function compileList(
  op: string,
  sql: string,
  colSql: string,
  literals: Literal[],
  bind: (v: SqlParam) => string,
  raws: string[]
): string {
  if (op === 'INCLUDES' || op === 'EXCLUDES') {
    // Multi-select picklists: 'a;b' means both a and b; the list means any of them.
    const normalized = `(';' || regexp_replace(lower(${sql}), '\\s*;\\s*', ';', 'g') || ';')`;
    const groups = raws.map((raw) =>
      unquote(raw)
        .split(';')
        .map((v) => `${normalized} LIKE ${bind(`%;${v.trim().toLowerCase()};%`)}`)
        .join(' AND ')
    );
    const any = `(${groups.map((g) => `(${g})`).join(' OR ')})`;
    return op === 'INCLUDES' ? `(${sql} IS NOT NULL AND ${any})` : `(${sql} IS NULL OR NOT ${any})`;
  }
  const values = literals.flatMap((l) => (l.kind === 'value' ? [bind(l.value)] : []));
  const hasNull = literals.some((l) => l.kind === 'null');
  const inList = values.length > 0 ? `${colSql} IN (${values.join(', ')})` : 'false';
  if (op === 'IN') return hasNull ? `(${inList} OR ${sql} IS NULL)` : inList;
  const notIn = values.length > 0 ? `${colSql} NOT IN (${values.join(', ')})` : 'true';
  return hasNull ? `(${sql} IS NOT NULL AND ${notIn})` : `(${sql} IS NULL OR ${notIn})`;
}
