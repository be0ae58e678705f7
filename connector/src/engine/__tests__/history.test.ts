import pino from 'pino';
import { coreConfigSchema, InteractionCoreRuntime } from '../../interactions/registry';
import { openStore } from '../../store';
import { AgentDirectory } from '../directory';
import { Engine } from '../engine';

jest.setTimeout(30_000);

const ADA = '005000000000001AAA';
const JANE = '003000000000001AAA';
const T0 = 1_700_000_000_000;

const email = (id: string) => ({
  type: 'inbound',
  interactionId: id,
  interactionNumber: `N-${id}`,
  channel: 'email',
  queueId: 'q-email',
  from: { address: 'jane@example.org', name: 'Jane', email: 'jane@example.org' },
  message: { id: `m-${id}`, text: 'Question', attachments: [] },
  subject: 'Question'
});

async function setUp() {
  const db = await openStore({ dataDir: null });
  const core = new InteractionCoreRuntime(
    coreConfigSchema.parse({
      digital: { queues: [{ id: 'q-email', name: 'E-mail', kind: 'digital', members: [ADA] }] }
    })
  );
  const directory = new AgentDirectory([
    { agentId: ADA, name: 'Ada', queueIds: ['q-email', 'q-voice'], outboundSkills: [] }
  ]);
  const clock = { now: T0 };
  const engine = new Engine({ db, core, directory, log: pino({ level: 'silent' }), now: () => clock.now });
  await engine.command(ADA, { id: 'ada-00000001', command: 'goAvailable' });
  return { db, engine, clock };
}

it('C16 contact history lists the customer’s earlier interactions on every channel, newest first', async () => {
  const { db, engine, clock } = await setUp();
  // Two finished e-mails from Jane, the second linked to her contact record.
  for (const [n, id] of ['e1', 'e2'].entries()) {
    await engine.receiveInbound(email(id));
    await engine.command(ADA, { id: `take-${id}-0001`, command: 'take', args: { interactionId: id } });
    clock.now += 60_000;
    const args = n === 1 ? { disposition: 'Answered', whoId: JANE } : { disposition: 'Answered' };
    await engine.command(ADA, { id: `end-${id}-00001`, interactionId: id, command: 'end', args });
  }
  // A third e-mail: both earlier ones show, newest first, with their dispositions and Task keys.
  await engine.receiveInbound(email('e3'));
  await engine.command(ADA, { id: 'take-e3-0001', command: 'take', args: { interactionId: 'e3' } });
  const e3 = (await engine.snapshot(ADA)).snapshot.interactions.find((i) => i.id === 'e3');
  expect(e3?.history.map((h) => h.interactionId)).toEqual(['e2', 'e1']);
  expect(e3?.history[0]).toMatchObject({ channel: 'email', dispositions: ['Answered'], taskKey: 'task:e2' });
  await engine.command(ADA, {
    id: 'end-e3-00001',
    interactionId: 'e3',
    command: 'end',
    args: { disposition: 'Answered' }
  });

  // Jane calls: nothing matches her number, until the agent picks her contact as Name; then her e-mail shows.
  await engine.offer({
    channel: 'voice',
    event: {
      type: 'callOffered',
      interactionId: 'c1',
      providerCallId: 'p1',
      direction: 'inbound',
      number: '+14155550100',
      agentId: ADA,
      queueId: 'q-voice'
    }
  });
  await engine.command(ADA, { id: 'accept-c1-01', interactionId: 'c1', command: 'accept' });
  let call = (await engine.snapshot(ADA)).snapshot.interactions.find((i) => i.id === 'c1');
  expect(call?.history).toEqual([]);
  await engine.command(ADA, { id: 'details-c1-1', interactionId: 'c1', command: 'setDetails', args: { whoId: JANE } });
  call = (await engine.snapshot(ADA)).snapshot.interactions.find((i) => i.id === 'c1');
  expect(call?.history.map((h) => h.interactionId)).toEqual(['e2']);
  await engine.stop();
  await db.close();
});

it('S1 presence is mirrored to Omni-Channel through the snapshot the Omni relay applies (A2)', async () => {
  const { db, engine } = await setUp();
  expect((await engine.snapshot(ADA)).snapshot.presence).toMatchObject({
    status: 'Available',
    omniStatus: 'Available'
  });
  await engine.command(ADA, { id: 'busy-000001', command: 'goBusy', args: { reasonCode: 'Lunch' } });
  expect((await engine.snapshot(ADA)).snapshot.presence).toMatchObject({
    status: 'Busy',
    reasonCode: 'Lunch',
    omniStatus: 'Busy'
  });
  await engine.stop();
  await db.close();
});
