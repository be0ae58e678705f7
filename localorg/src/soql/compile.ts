// A parsed SOQL query to one SQL statement plus a projection plan that shapes rows into API records.
import { parseQuery, type FieldType as SoqlField, type OrderByClause, type Query } from '@jetstreamapp/soql-parser-js';
import type { Schema } from '../schema/registry';
import type { FieldDef, ObjectDef } from '../schema/types';
import type { SqlParam } from '../store/db';
import { isCaseInsensitiveText, tableOf } from '../store/tables';
import { compileCondition } from './conditions';
import { SoqlError, soqlErrors } from './errors';
import { JoinPlanner, type Hop } from './joins';
import { compileTokens, tokenize } from './where';

export interface ProjectedField {
  /** Relationship names from the root (empty for the object's own fields). */
  path: string[];
  field: FieldDef;
  alias: string;
}

export interface ProjectedHop {
  path: string[];
  idAlias: string;
  typeAlias: string;
}

export interface CompiledQuery {
  root: ObjectDef;
  sql: string;
  params: SqlParam[];
  countOnly: boolean;
  fields: ProjectedField[];
  hops: ProjectedHop[];
}

const MAX_OFFSET = 2000;

export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const found = /but found: '([^']*)'/.exec(text);
    throw soqlErrors.malformed(found ? `unexpected token: '${found[1]}'` : 'unexpected token', found?.[1]);
  }
}

function splitPath(text: string): { path: string[]; name: string } {
  const parts = text.split('.');
  const name = parts.pop() ?? text;
  return { path: parts, name };
}

class Compiler {
  readonly params: SqlParam[];
  private subqueries = 0;

  constructor(
    private readonly schema: Schema,
    private readonly now: Date,
    params: SqlParam[] = []
  ) {
    this.params = params;
  }

  object(name: string | undefined): ObjectDef {
    const obj = name ? this.schema.object(name) : undefined;
    if (!obj || !obj.queryable) throw soqlErrors.unknownObject(name ?? '');
    return obj;
  }

  where(query: Query, planner: JoinPlanner): string {
    if (!query.where) return '';
    const sql = compileTokens(tokenize(query.where), (cond) =>
      compileCondition(cond, {
        params: this.params,
        now: this.now,
        resolve: (text) => {
          const { path, name } = splitPath(text);
          return planner.resolve(path, name);
        },
        subquery: (inner) => this.subquery(inner as Query)
      })
    );
    return ` WHERE ${sql}`;
  }

  subquery(query: Query): string {
    this.subqueries += 1;
    const obj = this.object(query.sObject);
    const planner = new JoinPlanner(this.schema, obj, `s${this.subqueries}`);
    const only = query.fields?.length === 1 ? query.fields[0] : undefined;
    if (!only || only.type !== 'Field') throw soqlErrors.malformed('a semi-join subquery selects exactly one field');
    const resolved = planner.resolve([], only.field);
    if (resolved.field.type !== 'id' && resolved.field.type !== 'reference') {
      throw soqlErrors.malformed('a semi-join subquery must select an Id or a reference field', only.field);
    }
    const where = this.where(query, planner);
    return `SELECT ${resolved.sql} FROM ${tableOf(obj)} ${planner.rootAlias} ${planner.joins.join(' ')}${where}`;
  }
}

function expandFields(fields: readonly SoqlField[], root: ObjectDef): { path: string[]; name: string; raw: string }[] {
  const out: { path: string[]; name: string; raw: string }[] = [];
  for (const item of fields) {
    if (item.type === 'Field') out.push({ path: [], name: item.field, raw: item.field });
    else if (item.type === 'FieldRelationship')
      out.push({ path: item.relationships, name: item.field, raw: item.rawValue ?? item.field });
    else if (item.type === 'FieldFunctionExpression' && item.functionName.toUpperCase() === 'FIELDS') {
      const which = String(item.parameters[0] ?? '').toUpperCase();
      for (const field of root.fields) {
        if (which === 'ALL' || (which === 'CUSTOM') === field.custom)
          out.push({ path: [], name: field.name, raw: field.name });
      }
    } else if (item.type === 'FieldSubquery') throw soqlErrors.unsupported('A child relationship subquery', '(SELECT');
    else if (item.type === 'FieldTypeof') throw soqlErrors.unsupported('TYPEOF', 'TYPEOF');
    else throw soqlErrors.unsupported(`Function ${item.rawValue ?? item.functionName}`, item.functionName);
  }
  return out;
}

function orderBy(query: Query, planner: JoinPlanner): string {
  const clauses: OrderByClause[] = query.orderBy
    ? Array.isArray(query.orderBy)
      ? query.orderBy
      : [query.orderBy]
    : [];
  const parts = clauses.map((clause) => {
    if (!('field' in clause)) throw soqlErrors.unsupported('ORDER BY a function');
    const { path, name } = splitPath(clause.field);
    const resolved = planner.resolve(path, name);
    const expr = isCaseInsensitiveText(resolved.field) ? `lower(${resolved.sql})` : resolved.sql;
    const desc = clause.order === 'DESC';
    // SOQL sorts nulls as the smallest value: first ascending, last descending, unless NULLS says otherwise.
    const nulls = clause.nulls ?? (desc ? 'LAST' : 'FIRST');
    return `${expr} ${desc ? 'DESC' : 'ASC'} NULLS ${nulls}`;
  });
  parts.push(`${planner.rootAlias}._seq ASC`);
  return ` ORDER BY ${parts.join(', ')}`;
}

export function compileSoql(schema: Schema, soql: string, now: Date): CompiledQuery {
  const query = parseSoql(soql);
  if (query.groupBy || query.having) throw soqlErrors.unsupported('GROUP BY', 'GROUP BY');
  const compiler = new Compiler(schema, now);
  const root = compiler.object(query.sObject);
  const planner = new JoinPlanner(schema, root, 't');
  const items = query.fields ?? [];
  const first = items[0];
  const countOnly =
    items.length === 1 && first?.type === 'FieldFunctionExpression' && first.functionName.toUpperCase() === 'COUNT';
  if (countOnly && first.parameters.length > 0) throw soqlErrors.unsupported('COUNT(field) without GROUP BY', 'COUNT(');
  const usesFieldsFn = items.some((i) => i.type === 'FieldFunctionExpression');
  if (!countOnly && usesFieldsFn && (query.limit ?? Infinity) > 200) {
    throw soqlErrors.malformed('The SOQL FIELDS function must have a LIMIT of at most 200', 'FIELDS(');
  }
  const fields: ProjectedField[] = [];
  const columns: string[] = [];
  const hops = new Map<string, Hop>();
  const seen = new Set<string>();
  for (const item of countOnly ? [] : expandFields(items, root)) {
    const resolved = planner.resolve(item.path, item.name);
    const path = resolved.hops.at(-1)?.path ?? [];
    const key = [...path, resolved.field.name].join('.').toLowerCase();
    if (seen.has(key)) {
      if (usesFieldsFn) continue;
      throw soqlErrors.malformed(`duplicate field selected: ${item.raw}`, item.raw);
    }
    seen.add(key);
    for (const hop of resolved.hops) hops.set(hop.path.join('.'), hop);
    const alias = `c${fields.length}`;
    fields.push({ path, field: resolved.field, alias });
    columns.push(`${resolved.sql} AS ${alias}`);
  }
  const where = compiler.where(query, planner);
  const order = countOnly ? '' : orderBy(query, planner);
  if ((query.offset ?? 0) > MAX_OFFSET) {
    throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`, 'OFFSET');
  }
  // Joins are complete only now: WHERE and ORDER BY may add parent hops of their own.
  const from = ` FROM ${tableOf(root)} t ${planner.joins.join(' ')}`;
  const page = `${query.limit !== undefined ? ` LIMIT ${query.limit}` : ''}${query.offset ? ` OFFSET ${query.offset}` : ''}`;
  if (countOnly) {
    const sql = `SELECT count(*)::int AS n FROM (SELECT 1${from}${where}${page}) q`;
    return { root, sql, params: compiler.params, countOnly, fields: [], hops: [] };
  }
  const projectedHops: ProjectedHop[] = [...hops.values()].map((hop, i) => {
    columns.push(`${hop.idSql} AS h${i}_id`, `${hop.typeSql} AS h${i}_type`);
    return { path: hop.path, idAlias: `h${i}_id`, typeAlias: `h${i}_type` };
  });
  const sql = `SELECT t."Id" AS root_id, ${columns.join(', ')}${from}${where}${order}${page}`;
  return { root, sql, params: compiler.params, countOnly, fields, hops: projectedHops };
}
