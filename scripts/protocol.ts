// `npm run protocol`: writes the JSON Schema and the panels' TypeScript types from the zod contract.
// `npm run protocol -- --check` (part of `npm test`): fails when a checked-in file differs from what the schema gives.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { protocolFiles } from '../connector/src/api/schema/generate';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const check = process.argv.includes('--check');
  const files = await protocolFiles(root);
  let stale = 0;
  for (const [file, text] of Object.entries(files)) {
    const path = join(root, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(`protocol: ${file} is out of date with connector/src/api/schema; run \`npm run protocol\`.`);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`protocol: wrote ${file}`);
  }
  if (stale > 0) process.exit(1);
  if (check) console.log("protocol: the JSON Schema and the panels' types are current.");
}

void main();
