// SOQL literal values: quoted strings with escapes, and date literals (TODAY, LAST_N_DAYS:n ...) as UTC ranges.
import { soqlErrors } from './errors';

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** 'O\'Brien' -> O'Brien. LIKE wildcards keep their backslash (\_ and \%), which Postgres LIKE also honours. */
export function unquote(raw: string, keepLikeEscapes = false): string {
  const body = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  return body.replace(/\\(.)/g, (_m, c: string) => {
    if (keepLikeEscapes && (c === '_' || c === '%')) return `\\${c}`;
    return ESCAPES[c] ?? c;
  });
}

export interface DayRange {
  /** Inclusive start and exclusive end, as UTC midnights. */
  start: Date;
  end: Date;
}

const DAY = 86_400_000;

function midnight(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function days(from: number, count: number): DayRange {
  return { start: new Date(from), end: new Date(from + count * DAY) };
}

function monthRange(year: number, month: number, months: number): DayRange {
  return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + months, 1)) };
}

/** Range of a date literal at `now` (weeks start on Sunday, as for en_US users; all in UTC). */
export function dateLiteralRange(literal: string, n: number | null, now: Date): DayRange {
  const today = midnight(now);
  const weekStart = today - now.getUTCDay() * DAY;
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const q = Math.floor(m / 3) * 3;
  const count = n ?? 0;
  switch (literal.toUpperCase()) {
    case 'TODAY':
      return days(today, 1);
    case 'YESTERDAY':
      return days(today - DAY, 1);
    case 'TOMORROW':
      return days(today + DAY, 1);
    case 'THIS_WEEK':
      return days(weekStart, 7);
    case 'LAST_WEEK':
      return days(weekStart - 7 * DAY, 7);
    case 'NEXT_WEEK':
      return days(weekStart + 7 * DAY, 7);
    case 'THIS_MONTH':
      return monthRange(y, m, 1);
    case 'LAST_MONTH':
      return monthRange(y, m - 1, 1);
    case 'NEXT_MONTH':
      return monthRange(y, m + 1, 1);
    case 'THIS_QUARTER':
      return monthRange(y, q, 3);
    case 'LAST_QUARTER':
      return monthRange(y, q - 3, 3);
    case 'NEXT_QUARTER':
      return monthRange(y, q + 3, 3);
    case 'THIS_YEAR':
      return monthRange(y, 0, 12);
    case 'LAST_YEAR':
      return monthRange(y - 1, 0, 12);
    case 'NEXT_YEAR':
      return monthRange(y + 1, 0, 12);
    case 'LAST_90_DAYS':
      return days(today - 90 * DAY, 91);
    case 'NEXT_90_DAYS':
      return days(today + DAY, 90);
    case 'LAST_N_DAYS':
      return days(today - count * DAY, count + 1);
    case 'NEXT_N_DAYS':
      return days(today + DAY, count);
    case 'N_DAYS_AGO':
      return days(today - count * DAY, 1);
    default:
      throw soqlErrors.unsupported(`Date literal ${literal}`, literal);
  }
}
