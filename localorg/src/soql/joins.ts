// Resolves field paths (Who.Name, Account.Owner.Name) to SQL expressions, adding one LEFT JOIN per parent hop.
// A polymorphic hop (Who, What, Owner) joins every possible parent; only one matches a given id.
import type { Schema } from '../schema/registry';
import { f } from '../schema/fields';
import type { FieldDef, ObjectDef } from '../schema/types';
import { col, tableOf } from '../store/tables';
import { soqlErrors } from './errors';

export interface Hop {
  /** Canonical relationship names from the root, e.g. ["Account", "Owner"]. */
  path: string[];
  targets: { obj: ObjectDef; alias: string }[];
  idSql: string;
  typeSql: string;
}

export interface ResolvedField {
  sql: string;
  field: FieldDef;
  hops: Hop[];
}

const OBJECT_TYPE_FIELD = f.text('Type', 255, { readOnly: true });

export class JoinPlanner {
  readonly joins: string[] = [];
  private readonly hops = new Map<string, Hop>();
  private count = 0;

  constructor(
    private readonly schema: Schema,
    readonly root: ObjectDef,
    readonly rootAlias: string
  ) {}

  /** Resolves "Name" or "Who.Name" (already split) against the root object. */
  resolve(path: readonly string[], fieldName: string): ResolvedField {
    let current: { obj: ObjectDef; alias: string }[] = [{ obj: this.root, alias: this.rootAlias }];
    const hops: Hop[] = [];
    for (const relName of path) {
      const from = current[0];
      if (!from || current.length > 1) throw soqlErrors.badRelationship(relName);
      const rel = this.schema.relationship(from.obj, relName);
      if (!rel || rel.targets.length === 0 || rel.field.relationshipName === null)
        throw soqlErrors.badRelationship(relName);
      const hopPath = [...(hops.at(-1)?.path ?? []), rel.field.relationshipName];
      const hop = this.hop(hopPath, `${from.alias}.${col(rel.field)}`, rel.targets);
      hops.push(hop);
      current = hop.targets;
    }
    return { ...this.fieldOn(current, fieldName, path.length > 0), hops };
  }

  private hop(path: string[], fkSql: string, targets: readonly ObjectDef[]): Hop {
    const key = path.join('.').toLowerCase();
    const existing = this.hops.get(key);
    if (existing) return existing;
    const joined = targets.map((obj) => {
      this.count += 1;
      const alias = `${this.rootAlias}_j${this.count}`;
      this.joins.push(`LEFT JOIN ${tableOf(obj)} ${alias} ON ${alias}."Id" = ${fkSql}`);
      return { obj, alias };
    });
    const idSql =
      joined.length === 1 ? `${joined[0]?.alias}."Id"` : `COALESCE(${joined.map((j) => `${j.alias}."Id"`).join(', ')})`;
    const typeSql = `CASE ${joined.map((j) => `WHEN ${j.alias}."Id" IS NOT NULL THEN '${j.obj.name}'`).join(' ')} END`;
    const hop = { path, targets: joined, idSql, typeSql };
    this.hops.set(key, hop);
    return hop;
  }

  private fieldOn(
    targets: { obj: ObjectDef; alias: string }[],
    fieldName: string,
    viaRelationship: boolean
  ): { sql: string; field: FieldDef } {
    const only = targets.length === 1 ? targets[0] : undefined;
    if (only) {
      const field = this.schema.field(only.obj, fieldName);
      if (!field) throw soqlErrors.noSuchColumn(fieldName, only.obj.name);
      return { sql: `${only.alias}.${col(field)}`, field };
    }
    // Polymorphic parent: the "Name" entity offers Type, Name (each object's name field) and shared fields.
    if (fieldName.toLowerCase() === 'type') {
      const hopType = `CASE ${targets.map((t) => `WHEN ${t.alias}."Id" IS NOT NULL THEN '${t.obj.name}'`).join(' ')} END`;
      return { sql: hopType, field: OBJECT_TYPE_FIELD };
    }
    const perTarget = targets.map((t) => {
      const field =
        fieldName.toLowerCase() === 'name'
          ? t.obj.fields.find((x) => x.nameField)
          : this.schema.field(t.obj, fieldName);
      return field ? { alias: t.alias, field } : null;
    });
    const first = perTarget[0];
    if (!viaRelationship || !first || perTarget.some((p) => p === null))
      throw soqlErrors.noSuchColumn(fieldName, 'Name');
    const parts = perTarget.map((p) => `${p?.alias}.${col(p?.field ?? first.field)}`);
    const field = fieldName.toLowerCase() === 'name' ? { ...first.field, name: 'Name' } : first.field;
    return { sql: `COALESCE(${parts.join(', ')})`, field };
  }
}
