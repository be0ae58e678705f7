import pino from 'pino';
import { coreConfigSchema, InteractionCoreRuntime } from '../../interactions/registry';
import { openStore } from '../../store';
import { AgentDirectory } from '../directory';
import { Engine } from '../engine';

jest.setTimeout(30_000);

const ADA = '005000000000001AAA';
const BEN = '005000000000002AAA';
const T0 = 1_700_000_000_000;

const inbound = (id: string) => ({
  type: 'inbound',
  interactionId: id,
  interactionNumber: `N-${id}`,
  channel: 'email',
  queueId: 'q-email',
  from: { address: 'Jane@Example.org', name: 'Jane', email: 'jane@example.org' },
  message: { id: `m-${id}`, text: 'Where is my parcel?', attachments: [] },
  subject: 'Parcel'
});

it('D6 notes are private to their author: the same agent sees them on the next interaction with the contact, others never', async () => {
  const db = await openStore({ dataDir: null });
  const core = new InteractionCoreRuntime(
    coreConfigSchema.parse({
      digital: { queues: [{ id: 'q-email', name: 'E-mail', kind: 'digital', members: [ADA, BEN] }] }
    })
  );
  const directory = new AgentDirectory([
    { agentId: ADA, name: 'Ada', queueIds: ['q-email'], outboundSkills: [] },
    { agentId: BEN, name: 'Ben', queueIds: ['q-email'], outboundSkills: [] }
  ]);
  const clock = { now: T0 };
  const engine = new Engine({ db, core, directory, log: pino({ level: 'silent' }), now: () => clock.now });
  await engine.command(ADA, { id: 'ada-00000001', command: 'goAvailable' });
  await engine.command(BEN, { id: 'ben-00000001', command: 'goAvailable' });

  expect(await engine.receiveInbound(inbound('e1'))).toEqual({ ok: true });
  expect(
    await engine.command(ADA, { id: 'ada-00000002', command: 'take', args: { interactionId: 'e1' } })
  ).toMatchObject({ status: 'applied' });
  clock.now += 60_000;
  expect(
    await engine.command(ADA, {
      id: 'ada-00000003',
      interactionId: 'e1',
      command: 'end',
      args: { disposition: 'Answered', notes: 'Prefers e-mail over phone' }
    })
  ).toMatchObject({ status: 'applied' });

  // The same customer writes again, twice: Ada opens one, Ben the other.
  await engine.receiveInbound(inbound('e2'));
  await engine.receiveInbound(inbound('e3'));
  await engine.command(ADA, { id: 'ada-00000004', command: 'take', args: { interactionId: 'e2' } });
  await engine.command(BEN, { id: 'ben-00000002', command: 'take', args: { interactionId: 'e3' } });

  const ada = (await engine.snapshot(ADA)).snapshot.interactions.find((i) => i.id === 'e2');
  expect(ada?.myEarlierNotes).toEqual([{ interactionId: 'e1', at: T0 + 60_000, body: 'Prefers e-mail over phone' }]);
  const ben = (await engine.snapshot(BEN)).snapshot.interactions.find((i) => i.id === 'e3');
  expect(ben?.myEarlierNotes).toEqual([]);
  // And Ben cannot act on Ada's conversation.
  expect(
    await engine.command(BEN, { id: 'ben-00000003', interactionId: 'e2', command: 'reply', args: { text: 'hi' } })
  ).toMatchObject({
    status: 'rejected',
    rejection: { code: 'UNKNOWN_INTERACTION' }
  });
  await engine.stop();
  await db.close();
});
