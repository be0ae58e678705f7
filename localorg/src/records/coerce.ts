// Turns a JSON value from a request body into the stored value for one field, or the error Salesforce gives.
import { to18 } from '../ids/salesforceId';
import type { FieldDef, FieldValue } from '../schema/types';
import { errors, type SfError } from './errors';

export type Coerced = { ok: true; value: FieldValue } | { ok: false; error: SfError };

const ok = (value: FieldValue): Coerced => ({ ok: true, value });
const fail = (error: SfError): Coerced => ({ ok: false, error });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Parses the datetime forms the API accepts (Z, +0000, +00:00, no zone = UTC) to storage text. */
export function parseDateTime(text: string): string | null {
  const m = DATETIME_RE.exec(text);
  if (!m) return null;
  let zone = m[8] ?? 'Z';
  if (zone !== 'Z' && !zone.includes(':')) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${(m[7] ?? '.000').slice(0, 4).padEnd(4, '0')}${zone}`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function parseDate(text: string): string | null {
  const m = DATE_RE.exec(text) ?? DATE_RE.exec(text.slice(0, 10));
  if (!m) return null;
  const time = Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}` ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function asNumber(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return null;
}

export function coerceValue(field: FieldDef, raw: unknown): Coerced {
  if (raw === null || raw === undefined) return ok(null);
  switch (field.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return ok(raw);
      if (raw === 'true' || raw === 'false') return ok(raw === 'true');
      return fail(errors.notDeserializable(field, 'boolean', raw));
    case 'int': {
      const n = asNumber(raw);
      if (n === null || !Number.isInteger(n)) return fail(errors.notDeserializable(field, 'int', raw));
      return Math.abs(n) > 999_999_999 ? fail(errors.outOfRange(field, raw)) : ok(n);
    }
    case 'double':
    case 'currency':
    case 'percent': {
      const n = asNumber(raw);
      return n === null ? fail(errors.notDeserializable(field, 'double', raw)) : ok(n);
    }
    case 'date': {
      const d = typeof raw === 'string' ? parseDate(raw) : null;
      return d === null ? fail(errors.notDeserializable(field, 'date', raw)) : ok(d);
    }
    case 'datetime': {
      const d =
        typeof raw === 'string'
          ? (parseDateTime(raw) ?? (parseDate(raw) ? `${parseDate(raw)}T00:00:00.000Z` : null))
          : null;
      return d === null ? fail(errors.notDeserializable(field, 'datetime', raw)) : ok(d);
    }
    case 'id':
    case 'reference': {
      if (typeof raw !== 'string') return fail(errors.notDeserializable(field, 'id', raw));
      if (raw === '') return ok(null);
      const id = to18(raw);
      return id === null ? fail(errors.malformedId(field, raw)) : ok(id);
    }
    default:
      return coerceText(field, raw);
  }
}

function coerceText(field: FieldDef, raw: unknown): Coerced {
  if (typeof raw === 'object') return fail(errors.notDeserializable(field, 'String', JSON.stringify(raw)));
  const text = String(raw);
  if (text === '') return ok(null); // the API stores an empty string as null
  if (text.length > field.length) return fail(errors.tooLong(field, text));
  if (field.type === 'email' && !EMAIL_RE.test(text)) return fail(errors.badEmail(field, text));
  const picklist = field.picklist;
  if (picklist?.restricted) {
    const chosen = field.type === 'multipicklist' ? text.split(';').map((v) => v.trim()) : [text];
    const bad = chosen.find((v) => !picklist.values.includes(v));
    if (bad !== undefined) return fail(errors.badPicklist(field, bad));
  }
  return ok(text);
}
