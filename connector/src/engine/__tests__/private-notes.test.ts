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

it('D6 a conversation the customer reopens after End shows its author the notes of the earlier round; other agents never', async () => {
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
  const reopen = async (n: number) => {
    clock.now += 60_000;
    expect(
      await engine.providerEvent('e1', {
        type: 'customerMessage',
        messageId: `m-e1-${n}`,
        text: 'It still has not arrived.',
        attachments: []
      })
    ).toEqual({ ok: true });
  };
  const opened = async (agentId: string) =>
    (await engine.snapshot(agentId)).snapshot.interactions.find((i) => i.id === 'e1');
  await engine.command(ADA, { id: 'ada-00000001', command: 'goAvailable' });
  await engine.command(BEN, { id: 'ben-00000001', command: 'goAvailable' });

  // Round 1: Ada answers and ends with a note.
  expect(await engine.receiveInbound(inbound('e1'))).toEqual({ ok: true });
  await engine.command(ADA, { id: 'ada-00000002', command: 'take', args: { interactionId: 'e1' } });
  expect((await opened(ADA))?.myEarlierNotes).toEqual([]);
  clock.now += 60_000;
  const firstNoteAt = clock.now;
  expect(
    await engine.command(ADA, {
      id: 'ada-00000003',
      interactionId: 'e1',
      command: 'end',
      args: { disposition: 'Answered', notes: 'Parcel re-sent on Monday' }
    })
  ).toMatchObject({ status: 'applied' });

  // Round 2, opened by Ben: Ada's note is hers alone; Ben ends with a note of his own.
  await reopen(2);
  await engine.command(BEN, { id: 'ben-00000002', command: 'take', args: { interactionId: 'e1' } });
  const ben = await opened(BEN);
  expect(ben).toMatchObject({ round: 2, details: { notes: '' }, myEarlierNotes: [] });
  clock.now += 60_000;
  expect(
    await engine.command(BEN, {
      id: 'ben-00000003',
      interactionId: 'e1',
      command: 'end',
      args: { disposition: 'Answered', notes: 'Asked the depot to call her' }
    })
  ).toMatchObject({ status: 'applied' });

  // Round 3, opened by Ada: her round-1 note is an earlier note; Ben's is not hers; the new round's draft is empty.
  await reopen(3);
  await engine.command(ADA, { id: 'ada-00000004', command: 'take', args: { interactionId: 'e1' } });
  expect(await opened(ADA)).toMatchObject({
    round: 3,
    details: { notes: '' },
    myEarlierNotes: [{ interactionId: 'e1', at: firstNoteAt, body: 'Parcel re-sent on Monday' }]
  });
  // A draft note of the open round is the draft, never listed as an earlier note.
  await engine.command(ADA, {
    id: 'ada-00000005',
    interactionId: 'e1',
    command: 'setDetails',
    args: { notes: 'Third time she writes' }
  });
  expect(await opened(ADA)).toMatchObject({
    details: { notes: 'Third time she writes' },
    myEarlierNotes: [{ interactionId: 'e1', at: firstNoteAt, body: 'Parcel re-sent on Monday' }]
  });
  await engine.stop();
  await db.close();
});
