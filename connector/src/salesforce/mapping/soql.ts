// Safe SOQL literals and the customer addresses screen pops match on.

/** A SOQL string literal: backslash and quote escaped, control characters spelled out. */
export function soqlString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/**
 * E.164 as the org stores phones: spaces, dashes, dots and brackets dropped, a 00 prefix read as +. Anything that
 * still is not +<7..15 digits> is returned trimmed, unchanged (it then simply matches nothing).
 */
export function toE164(raw: string): string {
  const trimmed = raw.trim();
  let compact = trimmed.replace(/[\s\-.()]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : trimmed;
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Cuts text to a field's length, marking the cut with an ellipsis. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
