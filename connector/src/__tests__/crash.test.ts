// The connector killed with SIGKILL at random moments and restarted: every acknowledged command is applied, and no
// command is applied twice, however often the panel retries.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { openStore } from '../store';
import * as store from '../store';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
const AGENT = '005000000000009AAA';
const SECRET = 'crash-test-secret-crash-test-secret-0001';

interface Running {
  child: ChildProcess;
  url: string;
}

function startConnector(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'connector/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      // The embedded store in its data folder, whatever the surrounding environment says (CI sets DATABASE_URL).
      DATABASE_URL: '',
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: dataDir,
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      CONNECTOR_SESSION_SECRET: SECRET,
      LOCALORG_EMBEDDED: 'false',
      CONNECTOR_MAX_COMMANDS_PER_SECOND: '10000',
      LOG_LEVEL: 'info'
    },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'ready' && entry.url) resolve({ child, url: entry.url });
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`connector exited early with ${code}`)));
  });
}

/** Sends commands one after another; resolves with the ids acknowledged before the socket died. */
function drive(
  url: string,
  token: string,
  ids: string[],
  onAck: (id: string, duplicate: boolean) => void,
  onReject: (id: string, code: string) => void
): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    let next = 0;
    const sendNext = () => {
      const id = ids[next++];
      if (id === undefined) return ws.close();
      // Consecutive ids alternate reasons, so whatever was applied last, the next id is a real change.
      const reason = Number(id.slice(-5)) % 2 === 0 ? 'Break' : 'Lunch';
      ws.send(JSON.stringify({ type: 'command', id, command: 'goBusy', args: { reasonCode: reason } }));
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token })));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as {
        type: string;
        id?: string;
        duplicate?: boolean;
        error?: { code: string };
      };
      if (frame.type === 'welcome') sendNext();
      if (frame.type === 'ack' && frame.id) {
        onAck(frame.id, frame.duplicate ?? false);
        sendNext();
      }
      if (frame.type === 'rejected' && frame.id) {
        onReject(frame.id, frame.error?.code ?? 'unknown');
        ws.close();
      }
    });
    ws.on('close', () => resolve());
    ws.on('error', () => resolve());
  });
}

it('SIGKILL mid-flow three times: every acknowledged command applied, none applied twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  const dataDir = join(dir, 'db');
  const ids = Array.from({ length: 300 }, (_, i) => `crash-${String(i).padStart(5, '0')}`);
  const acked = new Set<string>();
  const rejected: string[] = [];
  const killedWithWorkLeft: boolean[] = [];
  const killAt = [40, 120, 200];
  const children: ChildProcess[] = [];
  let token = '';
  try {
    for (let round = 0; round < 4; round++) {
      const running = await startConnector(dataDir);
      children.push(running.child);
      if (!token) {
        const res = await fetch(`${running.url}/auth/dev`, {
          method: 'POST',
          body: JSON.stringify({ agentId: AGENT, name: 'Crash Agent' })
        });
        token = ((await res.json()) as { token: string }).token;
      }
      // The panel resends everything not yet acknowledged, plus the last few acknowledged ones (retries after a drop).
      const pending = ids.filter((id) => !acked.has(id));
      const retries = [...acked].slice(-5);
      const driving = drive(
        running.url,
        token,
        [...retries, ...pending],
        (id) => {
          acked.add(id);
          // Kill while commands are in flight: after a set number of new acknowledgements in this round.
          if (round < 3 && acked.size >= killAt[round]! && running.child.exitCode === null)
            running.child.kill('SIGKILL');
        },
        (id, code) => rejected.push(`${id}:${code}`)
      );
      if (round < 3) {
        await driving;
        if (running.child.exitCode === null && running.child.signalCode === null) {
          await new Promise((resolve) => running.child.once('exit', resolve));
        }
        killedWithWorkLeft.push(acked.size < ids.length);
      } else {
        await driving;
        running.child.kill('SIGTERM');
        await new Promise((resolve) => running.child.once('exit', resolve));
      }
    }
    expect(killedWithWorkLeft).toEqual([true, true, true]); // each kill really landed mid-flow
    expect(rejected).toEqual([]);
    expect(acked.size).toBe(ids.length);
    const db = await openStore({ dataDir });
    const journal = await store.journal.readSince(db, 0);
    const applied = journal.filter((j) => j.kind === 'goBusy').map((j) => (j.payload as { id: string }).id);
    expect(new Set(applied).size).toBe(applied.length); // nothing applied twice
    expect(new Set(applied)).toEqual(new Set(ids)); // everything acknowledged is applied
    for (const id of ids) expect(await store.commandReceipts.get(db, AGENT, id)).not.toBeNull();
    const agent = await store.agents.get(db, AGENT);
    expect(agent?.version).toBe(ids.length);
    await db.close();
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
