import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { coreConfigSchema, InteractionCoreRuntime } from '../../interactions/registry';
import { openStore, type Db } from '../../store';
import * as store from '../../store';
import { AgentDirectory } from '../directory';
import { Engine } from '../engine';

jest.setTimeout(30_000);

const AGENT = '005000000000001AAA';
const T0 = 1_700_000_000_000;

function makeEngine(db: Db, clock: { now: number }) {
  const core = new InteractionCoreRuntime(coreConfigSchema.parse({}));
  const directory = new AgentDirectory([
    { agentId: AGENT, name: 'Ada Agent', queueIds: ['q-voice'], outboundSkills: [] }
  ]);
  return new Engine({ db, core, directory, log: pino({ level: 'silent' }), now: () => clock.now });
}

const callOffer = (id: string) => ({
  channel: 'voice' as const,
  event: {
    type: 'callOffered',
    interactionId: id,
    providerCallId: `p-${id}`,
    direction: 'inbound',
    number: '+14155550100',
    agentId: AGENT,
    queueId: 'q-voice'
  }
});

describe('engine over the store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a command once however often it is retried, and the snapshot version grows', async () => {
    const db = await openStore({ dataDir: null });
    const engine = makeEngine(db, { now: T0 });
    const first = await engine.command(AGENT, { id: 'cmd-0001', command: 'goAvailable' });
    expect(first).toEqual({ status: 'applied', duplicate: false, version: 1 });
    const again = await engine.command(AGENT, { id: 'cmd-0001', command: 'goAvailable' });
    expect(again).toEqual({ status: 'applied', duplicate: true, version: 1 });
    const other = await engine.command(AGENT, { id: 'cmd-0002', command: 'goAvailable' });
    expect(other).toMatchObject({ status: 'rejected', rejection: { code: 'ALREADY_IN_STATUS' } });
    const { version, snapshot } = await engine.snapshot(AGENT);
    expect(version).toBe(1);
    expect(snapshot.presence).toMatchObject({ status: 'Available', activity: 'Idle', omniStatus: 'Available' });
    await engine.stop();
    await db.close();
  });

  it('A3 offers, accepts and journals a call; the work item and screen pop go to the outbox in the same transaction', async () => {
    const db = await openStore({ dataDir: null });
    const clock = { now: T0 };
    const engine = makeEngine(db, clock);
    expect(await engine.offer(callOffer('c1'))).toMatchObject({ ok: false, code: 'OFFLINE' });
    await engine.command(AGENT, { id: 'cmd-0001', command: 'goAvailable' });
    expect(await engine.offer(callOffer('c1'))).toEqual({ ok: true });
    clock.now += 1000;
    expect(await engine.command(AGENT, { id: 'cmd-0002', interactionId: 'c1', command: 'accept' })).toMatchObject({
      status: 'applied'
    });
    const { snapshot } = await engine.snapshot(AGENT);
    expect(snapshot.interactions).toHaveLength(1);
    expect(snapshot.interactions[0]).toMatchObject({ id: 'c1', lifecycle: 'active' });
    expect(snapshot.interactions[0]?.commands.find((c) => c.command === 'hold')).toMatchObject({ enabled: true });
    const journal = await store.journal.readByInteraction(db, 'c1');
    expect(journal.map((j) => j.kind)).toEqual(['voice.offered', 'accept']);
    const depth = await store.outbox.depth(db, clock.now + 1);
    expect(depth.pending).toBeGreaterThanOrEqual(2);
    await engine.stop();
    await db.close();
  });

  it('A4 an offer timer survives a restart and puts the agent in RONA when it fires', async () => {
    const clock = { now: T0 };
    let db = await openStore({ dataDir: dir });
    let engine = makeEngine(db, clock);
    await engine.command(AGENT, { id: 'cmd-0001', command: 'goAvailable' });
    await engine.offer(callOffer('c1'));
    await engine.stop();
    await db.close();
    // Restarted later, past the offer timeout.
    clock.now += 60_000;
    db = await openStore({ dataDir: dir });
    engine = makeEngine(db, clock);
    expect(await engine.fireDueTimers()).toBe(1);
    const { snapshot } = await engine.snapshot(AGENT);
    expect(snapshot.presence.status).toBe('RONA');
    expect(snapshot.interactions).toHaveLength(0);
    await engine.stop();
    await engine.stop();
    await db.close();
  });

  it('V14 the live transcript is never stored', async () => {
    const db = await openStore({ dataDir: null });
    const engine = makeEngine(db, { now: T0 });
    await engine.command(AGENT, { id: 'cmd-0001', command: 'goAvailable' });
    await engine.offer(callOffer('c1'));
    await engine.command(AGENT, { id: 'cmd-0002', interactionId: 'c1', command: 'accept' });
    const r = await engine.providerEvent('c1', {
      type: 'transcriptSegment',
      interactionId: 'c1',
      segmentId: 's1',
      side: 'customer',
      text: 'my order number is 42'
    });
    expect(r).toEqual({ ok: true });
    const row = await store.interactions.get(db, 'c1');
    expect(JSON.stringify(row?.state)).not.toContain('order number');
    await engine.stop();
    await db.close();
  });

  it('an unknown agent-level command is refused with UNKNOWN_COMMAND', async () => {
    const db = await openStore({ dataDir: null });
    const engine = makeEngine(db, { now: T0 });
    expect(await engine.command(AGENT, { id: 'cmd-0001', command: 'fly' })).toMatchObject({
      status: 'rejected',
      rejection: { code: 'UNKNOWN_COMMAND' }
    });
    await engine.stop();
    await db.close();
  });
});
