// Agents and interactions: reads, lists for the live views, optimistic versions.
import * as agents from '../../repositories/agents';
import * as interactions from '../../repositories/interactions';
import type { InteractionWrite } from '../../repositories/interactions';
import { at, uid, type useFixture } from './fixture';

type Shared = ReturnType<typeof useFixture>;

function newInteraction(overrides: Partial<InteractionWrite> = {}): InteractionWrite {
  return {
    id: uid('int'),
    channel: 'chat',
    ownerAgentId: null,
    queueId: null,
    lifecycle: 'offered',
    state: { opaque: true, transcript: [{ from: 'customer', text: 'hello' }] },
    expectedVersion: 0,
    at: at(),
    ...overrides
  };
}

export function stateCases(shared: Shared): void {
  describe('agents', () => {
    it('creates an agent at version 1 and reads it back as written', async () => {
      const agentId = uid('agent');
      const created = await agents.upsert(shared.db, {
        agentId,
        displayName: 'Ada Agent',
        profile: { queues: ['q-support'], capacity: { chat: 3 } },
        desk: { status: 'Offline' },
        expectedVersion: 0,
        at: at(1)
      });
      expect(created).toBe(true);
      expect(await agents.get(shared.db, agentId)).toEqual({
        agentId,
        displayName: 'Ada Agent',
        profile: { queues: ['q-support'], capacity: { chat: 3 } },
        desk: { status: 'Offline' },
        version: 1,
        updatedAt: at(1)
      });
    });

    it('updates only from the current version; a stale version changes nothing and returns false', async () => {
      const agentId = uid('agent');
      const base = { agentId, displayName: 'Bo', profile: {}, desk: { status: 'Offline' }, at: at() };
      expect(await agents.upsert(shared.db, { ...base, expectedVersion: 0 })).toBe(true);
      expect(await agents.upsert(shared.db, { ...base, desk: { status: 'Available' }, expectedVersion: 1 })).toBe(true);
      // A second writer that read version 1 too is now stale.
      expect(await agents.upsert(shared.db, { ...base, desk: { status: 'Busy' }, expectedVersion: 1 })).toBe(false);
      // Creating again is stale as well: the agent exists.
      expect(await agents.upsert(shared.db, { ...base, desk: { status: 'Busy' }, expectedVersion: 0 })).toBe(false);
      const stored = await agents.get(shared.db, agentId);
      expect(stored?.desk).toEqual({ status: 'Available' });
      expect(stored?.version).toBe(2);
    });

    it('refuses to update an agent that does not exist', async () => {
      const write = { agentId: uid('ghost'), displayName: 'G', profile: {}, desk: {}, expectedVersion: 4, at: at() };
      expect(await agents.upsert(shared.db, write)).toBe(false);
      expect(await agents.get(shared.db, write.agentId)).toBeNull();
    });

    it('reads several agents at once, ordered by id, skipping unknown ids', async () => {
      const ids = [uid('many-b'), uid('many-a')];
      for (const agentId of ids) {
        await agents.upsert(shared.db, {
          agentId,
          displayName: agentId,
          profile: {},
          desk: {},
          expectedVersion: 0,
          at: at()
        });
      }
      const found = await agents.getMany(shared.db, [...ids, uid('unknown')]);
      expect(found.map((agent) => agent.agentId)).toEqual([...ids].sort());
      expect(await agents.getMany(shared.db, [])).toEqual([]);
    });

    it('refuses an empty agent id (INVALID_ARGUMENT)', async () => {
      const write = { agentId: '', displayName: 'x', profile: {}, desk: {}, expectedVersion: 0, at: at() };
      await expect(agents.upsert(shared.db, write)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });
  });

  describe('interactions', () => {
    it('creates, reads and versions an interaction; its state JSON is stored as given', async () => {
      const write = newInteraction({ at: at(2) });
      expect(await interactions.upsert(shared.db, write)).toBe(true);
      const accepted = {
        ...write,
        ownerAgentId: 'agent-x',
        lifecycle: 'active' as const,
        expectedVersion: 1,
        at: at(3)
      };
      expect(await interactions.upsert(shared.db, accepted)).toBe(true);
      expect(await interactions.get(shared.db, write.id)).toEqual({
        id: write.id,
        channel: 'chat',
        ownerAgentId: 'agent-x',
        queueId: null,
        lifecycle: 'active',
        state: write.state,
        version: 2,
        createdAt: at(2),
        updatedAt: at(3)
      });
    });

    it('refuses a stale version: two writers that read the same version, only the first wins', async () => {
      const write = newInteraction();
      await interactions.upsert(shared.db, write);
      const first = interactions.upsert(shared.db, { ...write, lifecycle: 'active', expectedVersion: 1 });
      const second = interactions.upsert(shared.db, { ...write, lifecycle: 'closed', expectedVersion: 1 });
      expect((await Promise.all([first, second])).sort()).toEqual([false, true]);
      expect((await interactions.get(shared.db, write.id))?.version).toBe(2);
    });

    it('lists the open interactions of an owner and of queues, never closed ones', async () => {
      const owner = uid('owner');
      const queue = uid('queue');
      const open = newInteraction({ ownerAgentId: owner, lifecycle: 'active', at: at(1) });
      const wrapUp = newInteraction({ ownerAgentId: owner, lifecycle: 'wrapUp', at: at(2) });
      const closed = newInteraction({ ownerAgentId: owner, lifecycle: 'closed', at: at(3) });
      const queued = newInteraction({ queueId: queue, channel: 'email', at: at(4) });
      const queuedClosed = newInteraction({ queueId: queue, lifecycle: 'closed', at: at(5) });
      for (const write of [open, wrapUp, closed, queued, queuedClosed]) await interactions.upsert(shared.db, write);
      const byOwner = await interactions.listOpenByOwner(shared.db, owner);
      expect(byOwner.map((record) => record.id)).toEqual([open.id, wrapUp.id]);
      const byQueues = await interactions.listOpenByQueues(shared.db, [queue, uid('other-queue')]);
      expect(byQueues.map((record) => record.id)).toEqual([queued.id]);
      expect(await interactions.listOpenByQueues(shared.db, [])).toEqual([]);
    });

    it('counts interactions by channel and lifecycle, closed ones only when asked', async () => {
      const before = await interactions.countByChannelAndLifecycle(shared.db, { includeClosed: true });
      const countOf = (list: interactions.InteractionCount[], channel: string, lifecycle: string): number =>
        list.find((entry) => entry.channel === channel && entry.lifecycle === lifecycle)?.count ?? 0;
      await interactions.upsert(shared.db, newInteraction({ channel: 'whatsapp', lifecycle: 'offered' }));
      await interactions.upsert(shared.db, newInteraction({ channel: 'whatsapp', lifecycle: 'offered' }));
      await interactions.upsert(shared.db, newInteraction({ channel: 'whatsapp', lifecycle: 'closed' }));
      const open = await interactions.countByChannelAndLifecycle(shared.db);
      const all = await interactions.countByChannelAndLifecycle(shared.db, { includeClosed: true });
      expect(countOf(open, 'whatsapp', 'offered')).toBe(countOf(before, 'whatsapp', 'offered') + 2);
      expect(open.some((entry) => entry.lifecycle === 'closed')).toBe(false);
      expect(countOf(all, 'whatsapp', 'closed')).toBe(countOf(before, 'whatsapp', 'closed') + 1);
    });

    it('reads several interactions at once', async () => {
      const a = newInteraction();
      const b = newInteraction();
      await interactions.upsert(shared.db, a);
      await interactions.upsert(shared.db, b);
      const found = await interactions.getMany(shared.db, [b.id, a.id, uid('missing')]);
      expect(found.map((record) => record.id).sort()).toEqual([a.id, b.id].sort());
    });
  });
}
