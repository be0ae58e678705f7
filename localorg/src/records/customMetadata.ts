// Custom metadata records as a deploy (or an admin's Setup edit) writes them: the type-level checks Salesforce makes
// (known field, value of the field's type, text within its length, number within its precision, restricted picklist
// value) and nothing semantic, so the org can hold the records a connector must refuse. Shared by the seed, which
// reads force-app's customMetadata files, and the /__localorg/metadata control.
import type { Schema } from '../schema/registry';
import type { FieldDef, ObjectDef, RecordValues } from '../schema/types';
import { selectByField } from '../store/rows';
import { col, tableOf } from '../store/tables';
import { coerceValue } from './coerce';
import type { DataContext } from './context';
import { errors, sfError, type SfError } from './errors';
import { systemInsert, systemUpdate } from './system';

export type MetadataValues = { ok: true; values: RecordValues } | { ok: false; errors: SfError[] };

const DEVELOPER_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** The custom metadata type (…__mdt) of that name, or undefined for an unknown name or any other object. */
export function metadataType(schema: Schema, name: string): ObjectDef | undefined {
  const obj = schema.object(name);
  return obj && obj.name.endsWith('__mdt') ? obj : undefined;
}

/** The fields a record file or the control may set: the label and the type's own fields. */
function settable(field: FieldDef): boolean {
  return field.custom || field.name === 'MasterLabel';
}

/** Salesforce's rule for a record name: letters, digits and single underscores, a letter first, no trailing _. */
export function checkDeveloperName(name: string): SfError[] {
  if (name.length <= 40 && DEVELOPER_NAME.test(name) && !name.endsWith('_')) return [];
  return [
    sfError(
      'FIELD_INTEGRITY_EXCEPTION',
      `The Custom Metadata Record Name can only contain underscores and alphanumeric characters, must be unique, begin with a letter, not include spaces, not end with an underscore, not contain two consecutive underscores, and be at most 40 characters: ${name}`,
      ['DeveloperName']
    )
  ];
}

/** Numbers are stored rounded to the field's scale; more integer digits than precision - scale allows is refused. */
function checkNumber(field: FieldDef, value: number): { ok: true; value: number } | { ok: false; error: SfError } {
  const factor = 10 ** field.scale;
  const rounded = Math.round(value * factor) / factor;
  if (Math.abs(rounded) >= 10 ** (field.precision - field.scale))
    return { ok: false, error: errors.outOfRange(field, value) };
  return { ok: true, value: rounded };
}

/** Checks a body of field values (API names, any case) against the type; keys it does not know are refused. */
export function prepareMetadataValues(schema: Schema, obj: ObjectDef, body: Record<string, unknown>): MetadataValues {
  const values: RecordValues = {};
  const readOnly: string[] = [];
  const valueErrors: SfError[] = [];
  for (const [key, raw] of Object.entries(body)) {
    const field = schema.field(obj, key);
    if (!field) return { ok: false, errors: [errors.unknownField(key, obj.name)] };
    if (!settable(field)) {
      readOnly.push(field.name);
      continue;
    }
    const coerced = coerceValue(field, raw);
    if (!coerced.ok) {
      valueErrors.push(coerced.error);
      continue;
    }
    if (typeof coerced.value === 'number' && field.type === 'double') {
      const checked = checkNumber(field, coerced.value);
      if (checked.ok) values[field.name] = checked.value;
      else valueErrors.push(checked.error);
      continue;
    }
    values[field.name] = coerced.value;
  }
  if (readOnly.length > 0) return { ok: false, errors: [errors.readOnly(readOnly)] };
  if (valueErrors.length > 0) return { ok: false, errors: valueErrors };
  if ('MasterLabel' in values && values.MasterLabel === null)
    return { ok: false, errors: [errors.required(['MasterLabel'])] };
  return { ok: true, values };
}

export async function findMetadataRecord(ctx: DataContext, obj: ObjectDef, developerName: string) {
  const field = ctx.schema.field(obj, 'DeveloperName');
  if (!field) return null;
  return (await selectByField(ctx.sql, obj, field, developerName, 1))[0] ?? null;
}

export async function listMetadataRecords(ctx: DataContext, obj: ObjectDef): Promise<RecordValues[]> {
  const select = obj.fields.map((f) => col(f)).join(', ');
  return ctx.sql.query<RecordValues>(`SELECT ${select} FROM ${tableOf(obj)} ORDER BY "DeveloperName", _seq`);
}

export type PutResult = { ok: true; created: boolean; record: RecordValues } | { ok: false; errors: SfError[] };

/**
 * Creates the record, or replaces the values the body names (the others keep theirs), as a deploy of the record
 * does. A new record needs a MasterLabel; fields the body leaves out take their defaults.
 */
export async function putMetadataRecord(
  ctx: DataContext,
  obj: ObjectDef,
  developerName: string,
  body: Record<string, unknown>
): Promise<PutResult> {
  const badName = checkDeveloperName(developerName);
  if (badName.length > 0) return { ok: false, errors: badName };
  const { DeveloperName: named, ...rest } = body;
  if (named !== undefined && (typeof named !== 'string' || named.toLowerCase() !== developerName.toLowerCase())) {
    return { ok: false, errors: [errors.readOnly(['DeveloperName'])] };
  }
  const prepared = prepareMetadataValues(ctx.schema, obj, rest);
  if (!prepared.ok) return prepared;
  const before = await findMetadataRecord(ctx, obj, developerName);
  if (before) return { ok: true, created: false, record: await systemUpdate(ctx, obj, before, prepared.values) };
  if (prepared.values.MasterLabel === undefined) return { ok: false, errors: [errors.required(['MasterLabel'])] };
  const record = await systemInsert(ctx, obj, {
    ...prepared.values,
    DeveloperName: developerName,
    NamespacePrefix: null,
    Language: 'en_US'
  });
  return { ok: true, created: true, record };
}

/** Removes the record; false when there is none of that name. */
export async function deleteMetadataRecord(ctx: DataContext, obj: ObjectDef, developerName: string): Promise<boolean> {
  const record = await findMetadataRecord(ctx, obj, developerName);
  if (!record) return false;
  // Not through deleteRow: a deleted metadata record leaves nothing behind (no ENTITY_IS_DELETED, no recycle bin).
  await ctx.sql.query(`DELETE FROM ${tableOf(obj)} WHERE "Id" = $1`, [String(record.Id)]);
  return true;
}
