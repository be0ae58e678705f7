// THE CHAOS TEST (S5, S7): 1,000 digital conversations finished through the real engine, then their outbox flushed
// by a child process that is killed with SIGKILL three times mid-flush, while the org fails 20% of calls with 5xx,
// holds 5% until the client times out, expires every session once and refuses everything for a while (API limit).
// In the end: exactly 1,000 Tasks, each with its dispositions and notes, none twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET, startLocalOrg, type LocalOrg } from '../../../../localorg/src';
import { AgentDirectory } from '../../engine/directory';
import { Engine } from '../../engine/engine';
import { coreConfigSchema, InteractionCoreRuntime } from '../../interactions/registry';
import * as store from '../../store';
import { openStore } from '../../store';

jest.setTimeout(150_000);

const ROOT = join(__dirname, '..', '..', '..', '..');
const INTERACTIONS = 1_000;
const QUEUE = 'q-email';

/** Builds the finished conversations with the engine in-process, on a PGlite folder, then closes it. */
async function finishConversations(dataDir: string, agentId: string): Promise<void> {
  const db = await openStore({ dataDir });
  const core = new InteractionCoreRuntime(
    coreConfigSchema.parse({
      digital: { queues: [{ id: QUEUE, name: 'E-mail', kind: 'digital', members: [agentId] }] }
    })
  );
  const directory = new AgentDirectory([{ agentId, name: 'Emma Clarke', queueIds: [QUEUE], outboundSkills: [] }]);
  let now = Date.parse('2026-03-02T08:00:00.000Z');
  const engine = new Engine({ db, core, directory, log: pino({ level: 'silent' }), now: () => now });
  const applied = (outcome: { status: string }) => {
    if (outcome.status !== 'applied') throw new Error(`engine refused: ${JSON.stringify(outcome)}`);
  };
  applied(await engine.command(agentId, { id: 'avail-0001', command: 'goAvailable' }));
  for (let i = 0; i < INTERACTIONS; i++) {
    const id = `conv-${String(i).padStart(4, '0')}`;
    const received = await engine.receiveInbound({
      type: 'inbound',
      interactionId: id,
      interactionNumber: `N${i}`,
      channel: 'email',
      queueId: QUEUE,
      from: { address: `customer${i}@example.org`, name: `Customer ${i}`, email: `customer${i}@example.org` },
      message: { id: `m-${id}`, text: 'Where is my parcel?', attachments: [] },
      subject: `Parcel ${i}`
    });
    if (!received.ok) throw new Error(`inbound refused: ${received.code}`);
    now += 1_000;
    applied(await engine.command(agentId, { id: `take-${id}`, command: 'take', args: { interactionId: id } }));
    applied(
      await engine.command(agentId, {
        id: `details-${id}`,
        interactionId: id,
        command: 'setDetails',
        args: { dispositions: ['Answered', `Refund-${i % 7}`], tags: ['parcel'] }
      })
    );
    applied(
      await engine.command(agentId, {
        id: `reply-${id}`,
        interactionId: id,
        command: 'reply',
        args: { text: 'On its way.' }
      })
    );
    now += 30_000;
    applied(
      await engine.command(agentId, {
        id: `end-${id}`,
        interactionId: id,
        command: 'end',
        args: { notes: `notes for ${id}` }
      })
    );
  }
  await engine.stop();
  await db.close();
}

function startFlusher(dataDir: string, org: LocalOrg): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'connector/src/salesforce/flushMain.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      // The PGlite folder the engine phase wrote, whatever the surrounding environment says (CI sets DATABASE_URL).
      DATABASE_URL: '',
      SYNC_DATA_DIR: dataDir,
      SALESFORCE_LOGIN_URL: org.url,
      SALESFORCE_CLIENT_ID: CONNECTOR_CLIENT_ID,
      SALESFORCE_CLIENT_SECRET: CONNECTOR_CLIENT_SECRET,
      SYNC_REQUEST_TIMEOUT_MS: '800',
      SYNC_LEASE_MS: '2000',
      SYNC_INTERVAL_MS: '50',
      SYNC_URGENT_DELAY_MS: '0',
      SYNC_BATCH_DELAY_MS: '0',
      SYNC_BACKOFF_BASE_MS: '50',
      SYNC_BACKOFF_MAX_MS: '800',
      SYNC_LIMIT_PROBE_MS: '250',
      SYNC_MAX_ATTEMPTS: '40',
      SYNC_UNTIL_DRAINED: 'true',
      LOG_LEVEL: 'error'
    },
    stdio: ['ignore', 'ignore', 'inherit']
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('S5 S7 chaos: 1,000 interactions, 20% 5xx, 5% time-outs, an expired session, the API limit and three SIGKILLs: exactly 1,000 Tasks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sync-chaos-'));
  const dataDir = join(dir, 'store');
  const org = await startLocalOrg({ port: 0, dataDir: null, apiLimit: 1_000_000 });
  const children: ChildProcess[] = [];
  const releaser = setInterval(() => org.faults.release(), 1_500);
  try {
    const [emma] = await org.query("SELECT Id FROM User WHERE Username = 'emma.clarke@softphone.localorg'");
    const agentId = String(emma?.Id);
    await finishConversations(dataDir, agentId);

    org.resetStats();
    org.faults.set({ seed: 7, errorRates: { '500': 0.1, '503': 0.1 }, timeoutRate: 0.05 });
    // Kill points (API calls Salesforce counted), each after some but not all work went out.
    const killAt = [40, 110, 180];
    const killedMidway: boolean[] = [];
    let expired = false;
    let limited = false;
    for (let round = 0; round < 4; round++) {
      const child = startFlusher(dataDir, org);
      children.push(child);
      if (round === 3) {
        expect(await exited(child)).toBe(0);
        break;
      }
      for (;;) {
        await sleep(20);
        const calls = org.stats().apiCalls;
        if (!expired && calls >= 70) {
          expired = true;
          org.faults.expireSessions();
        }
        if (!limited && calls >= 140) {
          limited = true;
          org.faults.set({ limitAfterCalls: 0 });
          setTimeout(() => org.faults.set({ limitAfterCalls: null }), 2_000);
        }
        if (calls >= (killAt[round] as number) || child.exitCode !== null) break;
      }
      child.kill('SIGKILL');
      await exited(child);
      const tasks = await org.query("SELECT Id FROM Task WHERE Interaction_Key__c LIKE 'task:%'");
      killedMidway.push(tasks.length < INTERACTIONS);
    }
    expect(killedMidway).toEqual([true, true, true]);
    expect(expired && limited).toBe(true);
    const injected = org.stats().injectedFaults;
    expect(injected.error500 + injected.error503).toBeGreaterThan(0);
    expect(injected.held).toBeGreaterThan(0);
    expect(injected.limited).toBeGreaterThan(0);

    const tasks = await org.query(
      "SELECT Interaction_Key__c, CallDisposition, Description, TaskSubtype, Status, Tags__c FROM Task WHERE Interaction_Key__c LIKE 'task:%'"
    );
    expect(tasks).toHaveLength(INTERACTIONS);
    const keys = new Set(tasks.map((t) => t.Interaction_Key__c));
    expect(keys.size).toBe(INTERACTIONS);
    for (let i = 0; i < INTERACTIONS; i++) {
      const id = `conv-${String(i).padStart(4, '0')}`;
      const task = tasks.find((t) => t.Interaction_Key__c === `task:${id}`);
      expect(task).toMatchObject({
        CallDisposition: `Answered;Refund-${i % 7}`,
        Description: `notes for ${id}`,
        TaskSubtype: 'Email',
        Status: 'Completed',
        Tags__c: 'parcel'
      });
    }
    const items = await org.query("SELECT Id, Status__c FROM Interaction__c WHERE Interaction_Key__c LIKE 'conv-%'");
    expect(items).toHaveLength(INTERACTIONS);

    const db = await openStore({ dataDir });
    const depth = await store.outbox.depth(db, Date.now());
    await db.close();
    expect(depth).toMatchObject({ pending: 0, parked: 0 });
  } finally {
    clearInterval(releaser);
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await org.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
