// `npm run labels`: writes the Custom Labels and their translations from labels/*.json (see scripts/lib/labels.ts).
// scripts/__tests__/labels.test.ts fails when the checked-in metadata differs from what the sources give.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelFiles, readLabels } from './lib/labels';

const root = join(__dirname, '..');
try {
  const labels = readLabels(root);
  for (const [file, text] of Object.entries(labelFiles(labels))) {
    const path = join(root, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    console.log(`labels: wrote ${file}`);
  }
  console.log(`labels: ${labels.length} labels in English, German, Spanish, French and Dutch.`);
} catch (error) {
  console.error(`labels: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
