// `npm run fixtures`: records the panels' JSON fixtures from the running connector (connector/src/testing/
// fixtureFlows.ts) into fixtures/panels/, replacing the files there. The LWC tests render these; a jest test fails
// when a checked-in fixture no longer fits the protocol's schema.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureFiles } from '../connector/src/testing/fixtureFiles';
import { FIXTURES_DIR, recordPanelFixtures } from '../connector/src/testing/fixtureFlows';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const started = Date.now();
  const files = await fixtureFiles(await recordPanelFixtures(), root);
  const dir = join(root, FIXTURES_DIR);
  mkdirSync(dir, { recursive: true });
  // A fixture no longer recorded is removed: a test still reading it fails, instead of rendering a stale frame.
  for (const name of readdirSync(dir)) if (name.endsWith('.json')) rmSync(join(dir, name));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  console.log(
    `fixtures: recorded ${Object.keys(files).length} frames into ${FIXTURES_DIR}/ in ${Date.now() - started} ms`
  );
}

main().catch((error: unknown) => {
  console.error(`fixtures: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
