// `npm start`: the connector with its simulator on the embedded store (PGlite under .data/), against the local org.
// Runs the TypeScript sources through tsx so a fresh clone needs no build step.
//
// Signals reach the connector only through this script, exactly once each: the child runs in its own process group
// (detached), so Ctrl-C in a terminal — sent to the whole foreground group — does not reach it a second time. The first
// SIGINT/SIGTERM stops it cleanly, a second one forces the exit (see connector/src/stop.ts). The IPC channel lets the
// child notice when this script is gone (killed, terminal closed) and stop instead of running on alone. The exit code
// is the child's.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// A wrapper that also forwards (npm, when its script shell execs this script) doubles each key press: the same
// signal again this soon is that copy, not a person pressing Ctrl-C a second time.
const SAME_SIGNAL_MS = 200;

const root = join(import.meta.dirname, '..');
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'connector/src/main.ts')], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: process.env,
  detached: true
});
let last = { signal: '', at: 0 };
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    const now = performance.now();
    const copy = last.signal === signal && now - last.at < SAME_SIGNAL_MS;
    last = { signal, at: now };
    if (!copy) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
