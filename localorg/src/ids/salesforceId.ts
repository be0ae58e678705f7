// Salesforce record ids: 3-char key prefix + 12 chars, plus a 3-char case-safe checksum for the 18-char form.
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{18}$/;

/** The 3-char suffix that makes a 15-char id unique case-insensitively. */
export function checksumOf(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** The 18-char form of a 15- or 18-char id, or null when the text is no id at all. */
export function to18(id: string): string | null {
  if (ID15.test(id)) return id + checksumOf(id);
  if (ID18.test(id)) {
    const base = id.slice(0, 15);
    // Salesforce accepts any casing of the suffix; the canonical form is the computed one.
    return checksumOf(base).toLowerCase() === id.slice(15).toLowerCase() ? base + checksumOf(base) : null;
  }
  return null;
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/** Builds the n-th id for a key prefix: prefix + instance "8d" + zero-padded base62 counter. */
export function makeId(prefix: string, n: number): string {
  let digits = '';
  let rest = n;
  do {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${prefix}8d${digits.padStart(10, '0')}`;
  return id15 + checksumOf(id15);
}
