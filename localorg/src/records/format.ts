// Stored values to the JSON the API returns: attributes first, datetimes as 2024-05-01T10:00:00.000+0000.
import type { FieldDef, FieldValue, ObjectDef, RecordValues } from '../schema/types';

export type ApiRecord = { attributes: { type: string; url: string } } & Record<string, unknown>;

export function recordUrl(version: string, objectName: string, id: string): string {
  return `/services/data/v${version}/sobjects/${objectName}/${id}`;
}

export function formatValue(field: FieldDef, value: FieldValue | undefined): FieldValue {
  if (value === undefined || value === null) return field.type === 'boolean' ? false : null;
  if (field.type === 'datetime' && typeof value === 'string') return value.replace(/Z$/, '+0000');
  return value;
}

export function toApiRecord(
  version: string,
  obj: ObjectDef,
  record: RecordValues,
  fields: readonly FieldDef[] = obj.fields
): ApiRecord {
  const out: ApiRecord = { attributes: { type: obj.name, url: recordUrl(version, obj.name, String(record.Id)) } };
  for (const field of fields) out[field.name] = formatValue(field, record[field.name]);
  return out;
}
