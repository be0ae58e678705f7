// API versions the local org answers (31.0 to 66.0) and their release names, as /services/data/ lists them.
export const MIN_VERSION = 31;
export const MAX_VERSION = 66;

const SEASONS = ['Winter', 'Spring', 'Summer'];

/** v62.0 is Winter '25; each version is the next release, three a year. */
export function releaseLabel(major: number): string {
  const offset = major - 62;
  const season = SEASONS[((offset % 3) + 3) % 3] ?? 'Winter';
  const year = 25 + Math.floor(offset / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function versionList() {
  const list = [];
  for (let v = MIN_VERSION; v <= MAX_VERSION; v += 1) {
    list.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return list;
}

/** "63.0" for a path segment "v63.0" the org serves; null otherwise. */
export function supportedVersion(segment: string): string | null {
  const m = /^v(\d+)\.0$/.exec(segment);
  const major = m ? Number(m[1]) : NaN;
  return major >= MIN_VERSION && major <= MAX_VERSION ? `${major}.0` : null;
}
