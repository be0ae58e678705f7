// Values crossing the SQL boundary, written the same way for both backends: JSON as text cast to jsonb (pg would
// turn a JS array into a PostgreSQL array), instants as ISO text cast to timestamptz, rows checked with zod.
import { types as pgTypes } from 'pg';
import { z } from 'zod';
import type { Instant } from '../interactions/kernel/types';
import { StoreError } from './errors';

/** PostgreSQL type ids whose text form both backends parse with the functions below. */
export const TYPE_OIDS = { INT8: 20, TIMESTAMPTZ: 1184 } as const;

/** int8 (bigint, bigserial, count) as a JS number on both backends; row schemas' int() reject anything past 2^53. */
export function parseInt8(text: string): number {
  return Number(text);
}

const pgTimestamptz: (text: string) => unknown = pgTypes.getTypeParser(TYPE_OIDS.TIMESTAMPTZ, 'text');

/**
 * timestamptz as epoch milliseconds (an Instant) on both backends. A number, not a Date: inside the connector
 * instants are numbers, and a Date made by PGlite's copy of the runtime would fail `instanceof Date` checks.
 */
export function parseTimestamptz(text: string): number {
  const value = pgTimestamptz(text);
  return value instanceof Date ? value.getTime() : Number.NaN; // NaN ('infinity') fails every row schema
}

/** A value for a `$n::jsonb` parameter. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new StoreError('INVALID_ARGUMENT', 'A JSON column cannot hold undefined.');
  return text;
}

/** A value for a `$n::timestamptz` parameter. */
export function toTimestamp(at: Instant): string {
  if (!Number.isFinite(at)) throw new StoreError('INVALID_ARGUMENT', `Not an instant: ${String(at)}.`);
  return new Date(at).toISOString();
}

/** timestamptz columns arrive as epoch milliseconds on both backends (parseTimestamptz). */
export const instantColumn = z.int();
export const countColumn = z.int().nonnegative();
/** `SELECT count(*) AS count ...` */
export const countRow = z.object({ count: countColumn });

/** Parses every row or throws ROW_INVALID naming the table: a wrong row means a broken database, not bad input. */
export function parseRows<S extends z.ZodType>(table: string, schema: S, rows: readonly unknown[]): z.infer<S>[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new StoreError('ROW_INVALID', `Table ${table}: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  });
}

/** The one row an INSERT ... RETURNING gives back. */
export function singleRow<S extends z.ZodType>(table: string, schema: S, rows: readonly unknown[]): z.infer<S> {
  const [first] = parseRows(table, schema, rows);
  if (first === undefined || rows.length !== 1) {
    throw new StoreError('ROW_INVALID', `Table ${table}: expected one row, got ${rows.length}.`);
  }
  return first;
}

/** Non-empty text argument (ids, keys). */
export const idText = z.string().min(1);

/** Arguments a caller could get wrong at run time (an empty author id) are checked, not trusted: INVALID_ARGUMENT. */
export function checkArgs<S extends z.ZodType>(what: string, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoreError('INVALID_ARGUMENT', `${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Optional row limits: a positive integer, capped so one call cannot pull a whole table into memory. */
export function rowLimit(limit: number | undefined, fallback: number, max = 10_000): number {
  const value = limit ?? fallback;
  // A plain check, not a zod schema built per call: timers and notes are read on every turn of the engine.
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new StoreError('INVALID_ARGUMENT', `limit: expected a whole number from 1 to ${max}, got ${String(value)}.`);
  }
  return value;
}
