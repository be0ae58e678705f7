// How recorded panel fixtures become files under fixtures/panels/: one whole frame per file, with what changes on
// every run made stable (random ids numbered in order of appearance, instants moved to a fixed morning), so a new
// recording shows as a small diff and a component test can pin the clock.
import { format, resolveConfig } from 'prettier';
import { FIXTURES_DIR, PANEL_FIXTURES, type PanelFixtures } from './fixtureFlows';

/** 2026-01-05 09:00:00 UTC, a Monday morning: the first instant of every recording. */
export const FIXTURE_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Milliseconds since the epoch between 2001 and 2100: instants, never counts or durations. */
const isInstant = (value: number) => Number.isInteger(value) && value > 1e12 && value < 4.1e12;

/** Every fixture as file path -> text, made stable and formatted as the repository's prettier does. */
export async function fixtureFiles(fixtures: PanelFixtures, root: string): Promise<Record<string, string>> {
  const ids = new Map<string, string>();
  const stableId = (uuid: string) => {
    if (!ids.has(uuid)) ids.set(uuid, `00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, '0')}`);
    return ids.get(uuid)!;
  };
  const names = Object.keys(PANEL_FIXTURES) as (keyof PanelFixtures)[];
  const instants = names.flatMap((name) => collectInstants(fixtures[name]));
  const first = instants.length > 0 ? Math.min(...instants) : FIXTURE_EPOCH;
  const stable = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(UUID, stableId);
    if (typeof value === 'number') return isInstant(value) ? value - first + FIXTURE_EPOCH : value;
    if (Array.isArray(value)) return value.map(stable);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, stable(inner)]));
    }
    return value;
  };
  const files: Record<string, string> = {};
  for (const name of names) {
    const path = `${FIXTURES_DIR}/${name}.json`;
    const options = (await resolveConfig(`${root}/${path}`)) ?? {};
    files[path] = await format(JSON.stringify(stable(fixtures[name])), { ...options, parser: 'json' });
  }
  return files;
}

function collectInstants(value: unknown): number[] {
  if (typeof value === 'number') return isInstant(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(collectInstants);
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectInstants);
  return [];
}
