import { tagKey } from '../inbox/item';

/** Tags compare as the inbox filter compares them (trimmed, case-insensitive); the first spelling is kept. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
