// The whole store suite, once per backend: PGlite in memory, PGlite in a folder, and PostgreSQL when DATABASE_URL
// is set (scripts/postgres.sh starts a throwaway one). The same cases run on every backend.
import { backends, postgresAvailable } from './backends';
import { atomicityCases } from './cases/atomicityCases';
import { dbCases } from './cases/dbCases';
import { useFixture } from './cases/fixture';
import { journalCases } from './cases/journalCases';
import { keyedCases } from './cases/keyedCases';
import { migrationCases } from './cases/migrationCases';
import { notesCases } from './cases/notesCases';
import { outboxCases } from './cases/outboxCases';
import { stateCases } from './cases/stateCases';
import { timerCases } from './cases/timerCases';

// Starting PGlite (WASM) takes a second or more on a busy machine.
jest.setTimeout(60_000);

if (!postgresAvailable) {
  console.log(
    'store suite: DATABASE_URL is not set, so the PostgreSQL leg is not run (eval "$(scripts/postgres.sh)").'
  );
}

describe.each(backends)('store on $name', (backend) => {
  migrationCases(backend);

  describe('repositories', () => {
    const shared = useFixture(backend);
    dbCases(backend, shared);
    stateCases(shared);
    journalCases(shared);
    keyedCases(shared);
    notesCases(shared);
    timerCases(shared);
    atomicityCases(backend, shared);
  });

  outboxCases(backend);
});
