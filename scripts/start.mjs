// `npm start`: the connector with its simulator on the embedded store (PGlite under .data/), against the local org.
// Runs the TypeScript sources through tsx so a fresh clone needs no build step.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'connector/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
