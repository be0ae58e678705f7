// Test helper: arbitrary Luhn-valid PANs, written plainly or grouped with spaces, dashes or dots.
import fc from 'fast-check';
import { isLuhnValid } from '../luhn';

/** Appends the check digit that makes `body` Luhn-valid. */
export function withCheckDigit(body: number[]): number[] {
  for (let d = 0; d <= 9; d++) {
    const candidate = [...body, d];
    if (isLuhnValid(candidate)) return candidate;
  }
  throw new Error('unreachable: one check digit always fits');
}

export const panDigits = fc
  .integer({ min: 13, max: 19 })
  .chain((length) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }))
  .map(withCheckDigit);

/** A PAN as a person would type it: maybe grouped, with one kind of separator or a mix. */
export const writtenPan = fc
  .tuple(panDigits, fc.array(fc.constantFrom('', ' ', '-', '.'), { minLength: 19, maxLength: 19 }))
  .map(([digits, seps]) => digits.map((d, i) => (i === 0 ? `${d}` : `${seps[i] ?? ''}${d}`)).join(''));

/** True when some 13–19 digit window of a digit run (single separators allowed) is Luhn-valid. */
export function containsLuhnPan(text: string): boolean {
  for (const run of text.match(/\d(?:[ \u00A0.-]?\d)*/g) ?? []) {
    const digits = [...run].filter((c) => c >= '0' && c <= '9').map(Number);
    for (let s = 0; s < digits.length; s++) {
      for (let len = 13; len <= 19 && s + len <= digits.length; len++) {
        if (isLuhnValid(digits, s, s + len)) return true;
      }
    }
  }
  return false;
}
