// Shared pieces of the store suite: one fixture per describe block, unique ids, fixed instants.
import type { Db } from '../../db';
import type { Backend, Fixture } from '../backends';

/** Opens a fresh database for the enclosing describe block; read `.db` inside tests (reopen replaces it). */
export function useFixture(
  backend: Backend,
  options?: { migrated?: boolean }
): { readonly db: Db; fixture(): Fixture } {
  let current: Fixture | undefined;
  beforeAll(async () => {
    current = await backend.open(options);
  });
  afterAll(async () => {
    await current?.dispose();
  });
  const fixture = (): Fixture => {
    if (current === undefined) throw new Error('fixture used before beforeAll');
    return current;
  };
  return {
    get db() {
      return fixture().db;
    },
    fixture
  };
}

let counter = 0;
/** An id no other test uses, so cases can share a database. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

/** Monday 6 January 2025, 09:00 UTC, plus minutes. */
export function at(minutes = 0): number {
  return Date.UTC(2025, 0, 6, 9, 0, 0) + minutes * 60_000;
}

/** Resolves with the first `count` payloads a listener receives. */
export function collect(count: number): { handler: (payload: string) => void; received: Promise<string[]> } {
  const payloads: string[] = [];
  let done: (value: string[]) => void = () => undefined;
  const received = new Promise<string[]>((resolve) => {
    done = resolve;
  });
  return {
    handler: (payload) => {
      payloads.push(payload);
      if (payloads.length === count) done([...payloads]);
    },
    received
  };
}
