// One engine step = one transaction: state, journal, receipt, timer and outbox rows are saved together or not at all.
import type { Queryable } from '../../db';
import * as agents from '../../repositories/agents';
import * as commandReceipts from '../../repositories/commandReceipts';
import * as interactions from '../../repositories/interactions';
import * as journal from '../../repositories/journal';
import * as outbox from '../../repositories/outbox';
import * as timers from '../../repositories/timers';
import type { Backend } from '../backends';
import { at, uid, type useFixture } from './fixture';

type Shared = ReturnType<typeof useFixture>;

/** What the engine writes when an agent accepts a chat offer. */
async function acceptStep(tx: Queryable, interactionId: string, key: string): Promise<number> {
  await interactions.upsert(tx, {
    id: interactionId,
    channel: 'chat',
    ownerAgentId: 'agent-a',
    queueId: 'q-chat',
    lifecycle: 'active',
    state: { accepted: true },
    expectedVersion: 0,
    at: at(1)
  });
  await journal.append(tx, [
    { at: at(1), agentId: 'agent-a', interactionId, source: 'agent', kind: 'accept', payload: {} }
  ]);
  await commandReceipts.put(tx, { agentId: 'agent-a', idempotencyKey: key, outcome: { ok: true }, at: at(1) });
  await timers.set(tx, { interactionId, timer: 'wrapUp', fireAt: at(30), agentId: 'agent-a' });
  return outbox.enqueue(tx, {
    dedupeKey: `workItem:${interactionId}:Opened`,
    interactionId,
    operation: { op: 'workItem.update', interactionId, status: 'Opened' },
    at: at(1)
  });
}

async function stepLeftovers(q: Queryable, interactionId: string, key: string, outboxId: number) {
  return {
    interaction: await interactions.get(q, interactionId),
    journal: await journal.readByInteraction(q, interactionId),
    receipt: await commandReceipts.get(q, 'agent-a', key),
    timers: await timers.listForInteraction(q, interactionId),
    outbox: await outbox.get(q, outboxId)
  };
}

export function atomicityCases(backend: Backend, shared: Shared): void {
  describe('one transaction per engine step', () => {
    it('saves state, journal, receipt, timer and outbox row together', async () => {
      const interactionId = uid('atomic');
      const key = uid('key');
      const outboxId = await shared.db.transaction((tx) => acceptStep(tx, interactionId, key));
      const saved = await stepLeftovers(shared.db, interactionId, key, outboxId);
      expect(saved.interaction?.lifecycle).toBe('active');
      expect(saved.journal.map((entry) => entry.kind)).toEqual(['accept']);
      expect(saved.receipt?.outcome).toEqual({ ok: true });
      expect(saved.timers).toHaveLength(1);
      expect(saved.outbox?.status).toBe('pending');
    });

    it('saves nothing of a step whose transaction throws: no state, journal, receipt, timer or outbox row', async () => {
      const interactionId = uid('atomic');
      const key = uid('key');
      let outboxId = -1;
      await expect(
        shared.db.transaction(async (tx) => {
          outboxId = await acceptStep(tx, interactionId, key);
          throw new Error('provider refused the accept');
        })
      ).rejects.toThrow('provider refused the accept');
      expect(outboxId).toBeGreaterThan(0);
      expect(await stepLeftovers(shared.db, interactionId, key, outboxId)).toEqual({
        interaction: null,
        journal: [],
        receipt: null,
        timers: [],
        outbox: null
      });
    });

    it('saves nothing when a stale version makes the engine give up mid-step', async () => {
      const agentId = uid('agent');
      const base = { agentId, displayName: 'A', profile: {}, desk: { status: 'Available' }, at: at() };
      await agents.upsert(shared.db, { ...base, expectedVersion: 0 });
      const interactionId = uid('stale');
      await expect(
        shared.db.transaction(async (tx) => {
          await journal.append(tx, [{ at: at(), agentId, interactionId, source: 'desk', kind: 'status', payload: {} }]);
          const written = await agents.upsert(tx, { ...base, desk: { status: 'Busy' }, expectedVersion: 7 });
          if (!written) throw new Error('stale agent version: retry the step');
        })
      ).rejects.toThrow('stale agent version');
      expect(await journal.readByInteraction(shared.db, interactionId)).toEqual([]);
      expect((await agents.get(shared.db, agentId))?.desk).toEqual({ status: 'Available' });
    });

    if (backend.durable) {
      it('S7 keeps committed state and unsent outbox rows across a restart', async () => {
        const interactionId = uid('durable');
        const key = uid('key');
        const outboxId = await shared.db.transaction((tx) => acceptStep(tx, interactionId, key));
        await shared.fixture().reopen();
        const after = await stepLeftovers(shared.db, interactionId, key, outboxId);
        expect(after.interaction?.state).toEqual({ accepted: true });
        expect(after.journal).toHaveLength(1);
        expect(after.receipt).not.toBeNull();
        expect(after.timers).toHaveLength(1);
        expect(after.outbox).toMatchObject({ status: 'pending', dedupeKey: `workItem:${interactionId}:Opened` });
      });
    }
  });
}
