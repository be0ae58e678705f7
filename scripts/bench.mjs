// Runs every benchmark in bench/ (or the ones named on the command line). Benchmarks run as tsc output, not through a
// TypeScript loader: loaders add per-function overhead (esbuild's keepNames) that production code does not have.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const all = readdirSync(join(root, 'bench'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'results' && e.name !== 'lib')
  .map((e) => e.name);
const names = wanted.length > 0 ? wanted : all;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`bench: no benchmark called "${name}" (have: ${all.join(', ')})`);
    process.exit(2);
  }
}
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bench.json'], {
  cwd: root,
  stdio: 'inherit'
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
let failed = 0;
for (const name of names) {
  console.log(`# bench/${name}`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(root, 'dist/bench-build/bench', name, 'main.js')], {
    cwd: root,
    stdio: 'inherit'
  });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
