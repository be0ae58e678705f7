// Checks a request body against the object's fields before any write: unknown, read-only and malformed values.
import type { Schema } from '../schema/registry';
import type { ObjectDef, RecordValues } from '../schema/types';
import { coerceValue } from './coerce';
import { errors, type SfError } from './errors';

export type Prepared = { ok: true; values: RecordValues } | { ok: false; errors: SfError[] };

/** Keys the API tolerates in a body without treating them as fields. */
const IGNORED_KEYS = new Set(['attributes']);

export function prepareWrite(
  schema: Schema,
  obj: ObjectDef,
  body: Record<string, unknown>,
  mode: 'insert' | 'update'
): Prepared {
  const values: RecordValues = {};
  const readOnly: string[] = [];
  const valueErrors: SfError[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (IGNORED_KEYS.has(key)) continue;
    const field = schema.field(obj, key);
    if (!field) return { ok: false, errors: [errors.unknownField(key, obj.name)] };
    const writable = mode === 'insert' ? field.createable : field.updateable;
    if (!writable) {
      readOnly.push(field.name);
      continue;
    }
    const coerced = coerceValue(field, raw);
    if (coerced.ok) values[field.name] = coerced.value;
    else valueErrors.push(coerced.error);
  }
  if (readOnly.length > 0) return { ok: false, errors: [errors.readOnly(readOnly)] };
  if (valueErrors.length > 0) return { ok: false, errors: valueErrors };
  return { ok: true, values };
}
