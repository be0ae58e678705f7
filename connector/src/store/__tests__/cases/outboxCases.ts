// The sync outbox (S7): claim with a lease, mark sent / retry / park, order per interaction, disjoint claims.
import type { Db } from '../../db';
import * as outbox from '../../repositories/outbox';
import type { Backend } from '../backends';
import { at, uid, useFixture } from './fixture';

const LEASE = 60_000;

async function enqueueMany(db: Db, count: number, options: { interactionId?: (index: number) => string | null } = {}) {
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    ids.push(
      await outbox.enqueue(db, {
        dedupeKey: uid('op'),
        interactionId: options.interactionId?.(index) ?? null,
        operation: { op: 'presence.mirror', index },
        at: at()
      })
    );
  }
  return ids;
}

/** Marks everything due as sent, so each case starts from an empty queue. */
async function drain(db: Db, now: number): Promise<void> {
  for (;;) {
    const claimed = await outbox.claimDue(db, { now, limit: 500, leaseMs: LEASE });
    if (claimed.length === 0) return;
    await outbox.markSent(
      db,
      claimed.map((record) => record.id),
      now
    );
  }
}

export function outboxCases(backend: Backend): void {
  describe('outbox', () => {
    const shared = useFixture(backend);
    let now = at(0);
    beforeEach(async () => {
      now += 24 * 60 * 60_000; // a day later per case: leases and retries of earlier cases are all due
      await drain(shared.db, now);
    });

    it('S7 enqueues in the caller’s transaction: a rolled-back step leaves no row', async () => {
      let id = 0;
      await shared.db
        .transaction(async (tx) => {
          id = await outbox.enqueue(tx, { dedupeKey: 'k', interactionId: null, operation: { op: 'x' }, at: now });
          throw new Error('step failed');
        })
        .catch(() => undefined);
      expect(await outbox.get(shared.db, id)).toBeNull();
      expect((await outbox.depth(shared.db, now)).pending).toBe(0);
    });

    it('claims due rows oldest first, up to the limit, and counts the attempt', async () => {
      const ids = await enqueueMany(shared.db, 5);
      const claimed = await outbox.claimDue(shared.db, { now, limit: 3, leaseMs: LEASE });
      expect(claimed.map((record) => record.id)).toEqual(ids.slice(0, 3));
      expect(claimed.every((record) => record.attempts === 1 && record.nextAttemptAt === now + LEASE)).toBe(true);
      expect(claimed[0]?.operation).toEqual({ op: 'presence.mirror', index: 0 });
    });

    it('does not hand out leased rows again until the lease runs out', async () => {
      const [id] = await enqueueMany(shared.db, 1);
      expect((await outbox.claimDue(shared.db, { now, limit: 10, leaseMs: LEASE })).map((r) => r.id)).toEqual([id]);
      expect(await outbox.claimDue(shared.db, { now: now + LEASE - 1, limit: 10, leaseMs: LEASE })).toEqual([]);
      const again = await outbox.claimDue(shared.db, { now: now + LEASE, limit: 10, leaseMs: LEASE });
      expect(again.map((record) => [record.id, record.attempts])).toEqual([[id, 2]]);
    });

    it('marks rows sent: they leave the queue and are never claimed again', async () => {
      const ids = await enqueueMany(shared.db, 2);
      const claimed = await outbox.claimDue(shared.db, { now, limit: 10, leaseMs: LEASE });
      expect(
        await outbox.markSent(
          shared.db,
          claimed.map((record) => record.id),
          now + 5
        )
      ).toBe(2);
      const sent = await outbox.get(shared.db, ids[0] ?? 0);
      expect(sent).toMatchObject({ status: 'sent', sentAt: now + 5, lastError: null });
      expect(await outbox.claimDue(shared.db, { now: now + 10 * LEASE, limit: 10, leaseMs: LEASE })).toEqual([]);
      expect(await outbox.markSent(shared.db, ids, now + 6)).toBe(0);
    });

    it('retries a failed row at the time given, keeping the error', async () => {
      const [id = 0] = await enqueueMany(shared.db, 1);
      await outbox.claimDue(shared.db, { now, limit: 10, leaseMs: LEASE });
      const error = { code: 'REQUEST_LIMIT_EXCEEDED', message: 'API limit', httpStatus: 403 };
      expect(await outbox.retry(shared.db, id, { nextAttemptAt: now + 1000, error })).toBe(true);
      expect(await outbox.claimDue(shared.db, { now: now + 999, limit: 10, leaseMs: LEASE })).toEqual([]);
      const again = await outbox.claimDue(shared.db, { now: now + 1000, limit: 10, leaseMs: LEASE });
      expect(again).toMatchObject([{ id, attempts: 2, lastError: error }]);
    });

    it('parks a row with a permanent error: never claimed, listed for a person, requeued on demand', async () => {
      const [id = 0] = await enqueueMany(shared.db, 1);
      await outbox.claimDue(shared.db, { now, limit: 10, leaseMs: LEASE });
      const error = { code: 'INVALID_FIELD', message: 'No such column WhoId' };
      expect(await outbox.park(shared.db, id, error)).toBe(true);
      expect(await outbox.retry(shared.db, id, { nextAttemptAt: now, error })).toBe(false);
      expect(await outbox.markSent(shared.db, [id], now)).toBe(0);
      expect(await outbox.claimDue(shared.db, { now: now + 10 * LEASE, limit: 10, leaseMs: LEASE })).toEqual([]);
      expect((await outbox.listParked(shared.db)).map((record) => [record.id, record.lastError])).toContainEqual([
        id,
        error
      ]);
      const depth = await outbox.depth(shared.db, now);
      expect(depth.parked).toBeGreaterThanOrEqual(1);
      expect(await outbox.requeueParked(shared.db, id, now + 1)).toBe(true);
      expect((await outbox.claimDue(shared.db, { now: now + 1, limit: 10, leaseMs: LEASE })).map((r) => r.id)).toEqual([
        id
      ]);
    });

    it('refuses an error without a code (INVALID_ARGUMENT)', async () => {
      const [id = 0] = await enqueueMany(shared.db, 1);
      await expect(outbox.park(shared.db, id, { code: '', message: 'x' })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT'
      });
    });

    it('sends the rows of one interaction in order: a row waits while an older one is pending', async () => {
      const interactionId = uid('int');
      const [opened = 0, closed = 0, other = 0] = await enqueueMany(shared.db, 3, {
        interactionId: (index) => (index < 2 ? interactionId : null)
      });
      const first = await outbox.claimDue(shared.db, { now, limit: 10, leaseMs: LEASE });
      expect(first.map((record) => record.id)).toEqual([opened, other]);
      // Opened fails and is retried later: Closed must still wait for it.
      await outbox.retry(shared.db, opened, { nextAttemptAt: now + 1000, error: { code: 'TIMEOUT', message: 't' } });
      expect(await outbox.claimDue(shared.db, { now: now + 10, limit: 10, leaseMs: LEASE })).toEqual([]);
      const second = await outbox.claimDue(shared.db, { now: now + 1000, limit: 10, leaseMs: LEASE });
      expect(second.map((record) => record.id)).toEqual([opened]);
      await outbox.markSent(shared.db, [opened], now + 1001);
      const third = await outbox.claimDue(shared.db, { now: now + 1001, limit: 10, leaseMs: LEASE });
      expect(third.map((record) => record.id)).toEqual([closed]);
    });

    it('reports depth: pending, due, parked and the oldest pending row', async () => {
      await enqueueMany(shared.db, 2);
      const [later = 0] = await enqueueMany(shared.db, 1);
      await outbox.claimDue(shared.db, { now, limit: 2, leaseMs: LEASE }); // leased: pending, not due
      const depth = await outbox.depth(shared.db, now);
      expect(depth).toMatchObject({ pending: 3, due: 1, oldestPendingAt: at() });
      expect(later).toBeGreaterThan(0);
    });

    it('prunes rows sent before a cut-off', async () => {
      const [id = 0] = await enqueueMany(shared.db, 1);
      await outbox.claimDue(shared.db, { now, limit: 10, leaseMs: LEASE });
      await outbox.markSent(shared.db, [id], now);
      expect(await outbox.pruneSent(shared.db, now + 1)).toBeGreaterThanOrEqual(1);
      expect(await outbox.get(shared.db, id)).toBeNull();
    });

    it('S7 never hands the same row to two flushers claiming at the same time', async () => {
      const ids = await enqueueMany(shared.db, 40);
      const claimedBy = await Promise.all(
        [0, 1, 2, 3].map(async () => {
          const mine: number[] = [];
          for (;;) {
            const batch = await outbox.claimDue(shared.db, { now, limit: 3, leaseMs: LEASE });
            if (batch.length === 0) return mine;
            mine.push(...batch.map((record) => record.id));
            await outbox.markSent(
              shared.db,
              batch.map((record) => record.id),
              now
            );
          }
        })
      );
      const all = claimedBy.flat();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort((a, b) => a - b)).toEqual(ids);
    });

    if (backend.concurrent) {
      it('S7 skips rows another instance has locked (FOR UPDATE SKIP LOCKED) instead of waiting for them', async () => {
        const ids = await enqueueMany(shared.db, 6);
        const second = await shared.fixture().openSecond();
        let otherClaim: number[] = [];
        const firstClaim = await shared.db.transaction(async (tx) => {
          const mine = await outbox.claimDue(tx, { now, limit: 3, leaseMs: LEASE });
          // Our three rows stay locked until this transaction ends; the other instance claims meanwhile.
          otherClaim = await second.transaction(async (otherTx) =>
            (await outbox.claimDue(otherTx, { now, limit: 10, leaseMs: LEASE })).map((record) => record.id)
          );
          return mine.map((record) => record.id);
        });
        expect(firstClaim).toEqual(ids.slice(0, 3));
        expect(otherClaim).toEqual(ids.slice(3));
      });
    }
  });
}
