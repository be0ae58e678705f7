// Durable timers: set / move / clear, due lists, and taking a timer exactly once.
import * as timers from '../../repositories/timers';
import { at, uid, type useFixture } from './fixture';

type Shared = ReturnType<typeof useFixture>;

export function timerCases(shared: Shared): void {
  describe('timers', () => {
    it('sets, moves and clears a timer per interaction and name', async () => {
      const interactionId = uid('timer');
      await timers.set(shared.db, { interactionId, timer: 'offer', fireAt: at(1), agentId: 'agent-t' });
      await timers.set(shared.db, { interactionId, timer: 'wrapUp', fireAt: at(5), agentId: 'agent-t' });
      await timers.set(shared.db, { interactionId, timer: 'offer', fireAt: at(2), agentId: 'agent-t' });
      expect(await timers.listForInteraction(shared.db, interactionId)).toEqual([
        { interactionId, timer: 'offer', fireAt: at(2), agentId: 'agent-t' },
        { interactionId, timer: 'wrapUp', fireAt: at(5), agentId: 'agent-t' }
      ]);
      expect(await timers.clear(shared.db, interactionId, 'offer')).toBe(true);
      expect(await timers.clear(shared.db, interactionId, 'offer')).toBe(false);
      expect(await timers.clearAll(shared.db, interactionId)).toBe(1);
      expect(await timers.listForInteraction(shared.db, interactionId)).toEqual([]);
    });

    it('lists due timers earliest first and says when the next one fires', async () => {
      const interactionId = uid('due');
      // Far in the past, so they sort before whatever other cases left behind.
      await timers.set(shared.db, { interactionId, timer: 'b', fireAt: at(-100_000), agentId: null });
      await timers.set(shared.db, { interactionId, timer: 'a', fireAt: at(-100_001), agentId: null });
      const due = await timers.listDue(shared.db, at(-99_999), 2);
      expect(due.map((timer) => timer.timer)).toEqual(['a', 'b']);
      expect(await timers.nextFireAt(shared.db)).toBe(at(-100_001));
      await timers.clearAll(shared.db, interactionId);
    });

    it('takes a due timer once; a timer that was moved meanwhile is not taken', async () => {
      const interactionId = uid('take');
      const offer = { interactionId, timer: 'offer', fireAt: at(1), agentId: null };
      await timers.set(shared.db, offer);
      expect(await timers.take(shared.db, offer)).toBe(true);
      expect(await timers.take(shared.db, offer)).toBe(false);
      await timers.set(shared.db, offer);
      await timers.set(shared.db, { ...offer, fireAt: at(9) }); // re-armed by a newer event
      expect(await timers.take(shared.db, offer)).toBe(false);
      expect(await timers.listForInteraction(shared.db, interactionId)).toEqual([{ ...offer, fireAt: at(9) }]);
    });
  });
}
