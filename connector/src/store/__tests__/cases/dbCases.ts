// The Db contract both backends fulfil: values, transactions and their guards, LISTEN/NOTIFY.
import { notifyIn, type Db, type Queryable } from '../../db';
import { isStoreError } from '../../errors';
import type { Backend } from '../backends';
import { collect, uid, type useFixture } from './fixture';

type Shared = ReturnType<typeof useFixture>;

async function countItems(db: Db, id: string): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*) AS n FROM scratch_items WHERE id = $1', [id]);
  return result.rows[0]?.n ?? -1;
}

export function dbCases(backend: Backend, shared: Shared): void {
  describe('Db', () => {
    beforeAll(async () => {
      await shared.db.exec(
        'CREATE TABLE scratch_items (id text PRIMARY KEY, n integer NOT NULL DEFAULT 0); CREATE TABLE scratch_two (x int)'
      );
    });

    it(`reports its kind (${backend.kind})`, () => {
      expect(shared.db.kind).toBe(backend.kind);
    });

    it('returns the same value types on both backends: bigint and timestamptz as numbers, jsonb parsed', async () => {
      const result = await shared.db.query<{ big: number; ts: number; obj: unknown; arr: unknown; str: unknown }>(
        `SELECT 9007199254740991::bigint AS big, $1::timestamptz AS ts, $2::jsonb AS obj, $3::jsonb AS arr,
                $4::jsonb AS str`,
        ['2025-01-06T09:00:00.123Z', JSON.stringify({ a: [1, 'x'] }), JSON.stringify([1, 2]), JSON.stringify('s')]
      );
      const [first] = result.rows;
      expect(first?.big).toBe(Number.MAX_SAFE_INTEGER);
      expect(first?.ts).toBe(Date.UTC(2025, 0, 6, 9, 0, 0, 123));
      expect(first?.obj).toEqual({ a: [1, 'x'] });
      expect(first?.arr).toEqual([1, 2]);
      expect(first?.str).toBe('s');
    });

    it('exec runs several statements', async () => {
      const id = uid('exec');
      await shared.db.exec(
        `INSERT INTO scratch_items (id) VALUES ('${id}'); UPDATE scratch_items SET n = 7 WHERE id = '${id}'`
      );
      const result = await shared.db.query<{ n: number }>('SELECT n FROM scratch_items WHERE id = $1', [id]);
      expect(result.rows).toEqual([{ n: 7 }]);
    });

    it('commits a transaction and returns what its callback returned', async () => {
      const id = uid('commit');
      const returned = await shared.db.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch_items (id) VALUES ($1)', [id]);
        return 'done';
      });
      expect(returned).toBe('done');
      expect(await countItems(shared.db, id)).toBe(1);
    });

    it('rolls a transaction back when its callback throws, and rethrows', async () => {
      const id = uid('rollback');
      await expect(
        shared.db.transaction(async (tx) => {
          await tx.query('INSERT INTO scratch_items (id) VALUES ($1)', [id]);
          throw new Error('refused after the insert');
        })
      ).rejects.toThrow('refused after the insert');
      expect(await countItems(shared.db, id)).toBe(0);
    });

    it('ends a transaction whose failed statement the callback swallowed as TRANSACTION_ABORTED, saving nothing', async () => {
      const id = uid('aborted');
      const outcome = shared.db.transaction(async (tx) => {
        await tx.query('INSERT INTO scratch_items (id) VALUES ($1)', [id]);
        await tx.query('INSERT INTO scratch_items (id) VALUES ($1)', [id]).catch(() => 'duplicate swallowed');
        return 'looks fine';
      });
      await expect(outcome).rejects.toMatchObject({ code: 'TRANSACTION_ABORTED' });
      expect(await countItems(shared.db, id)).toBe(0);
    });

    it('refuses a transaction inside a transaction (NESTED_TRANSACTION) and rolls the outer one back', async () => {
      const id = uid('nested');
      await expect(
        shared.db.transaction(async (tx) => {
          await tx.query('INSERT INTO scratch_items (id) VALUES ($1)', [id]);
          return shared.db.transaction(async (inner) => inner.query('SELECT 1'));
        })
      ).rejects.toMatchObject({ code: 'NESTED_TRANSACTION' });
      expect(await countItems(shared.db, id)).toBe(0);
    });

    it('refuses the Db itself inside a transaction callback (use tx)', async () => {
      await expect(shared.db.transaction(async () => shared.db.query('SELECT 1'))).rejects.toMatchObject({
        code: 'NESTED_TRANSACTION'
      });
      // Outside the callback the Db works again.
      expect((await shared.db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('refuses a tx used after its transaction ended (TRANSACTION_FINISHED)', async () => {
      let leaked: Queryable | undefined;
      await shared.db.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked?.query('SELECT 1')).rejects.toMatchObject({ code: 'TRANSACTION_FINISHED' });
    });

    it('lets work started inside a transaction use the Db once the transaction has ended', async () => {
      let later: Promise<unknown> | undefined;
      await shared.db.transaction(async () => {
        later = new Promise((resolve) => setTimeout(resolve, 0)).then(() => shared.db.query('SELECT 1 AS one'));
      });
      await expect(later).resolves.toEqual({ rows: [{ one: 1 }] });
    });

    it('runs transactions of independent callers one after another without losing an update', async () => {
      const id = uid('counter');
      await shared.db.query('INSERT INTO scratch_items (id) VALUES ($1)', [id]);
      await Promise.all(
        Array.from({ length: 8 }, () =>
          shared.db.transaction(async (tx) => {
            await tx.query('UPDATE scratch_items SET n = n + 1 WHERE id = $1', [id]);
          })
        )
      );
      const result = await shared.db.query<{ n: number }>('SELECT n FROM scratch_items WHERE id = $1', [id]);
      expect(result.rows).toEqual([{ n: 8 }]);
    });

    it('delivers NOTIFY to listeners, and stops delivering to a handler once stopped', async () => {
      const first = collect(1);
      const second = collect(2);
      const seenByFirst: string[] = [];
      const stopFirst = await shared.db.listen('store_test_fanout', (payload) => {
        seenByFirst.push(payload);
        first.handler(payload);
      });
      const stopSecond = await shared.db.listen('store_test_fanout', second.handler);
      await shared.db.notify('store_test_fanout', 'agent-1 changed');
      expect(await first.received).toEqual(['agent-1 changed']);
      await stopFirst();
      await shared.db.notify('store_test_fanout', 'agent-2 changed');
      expect(await second.received).toEqual(['agent-1 changed', 'agent-2 changed']);
      expect(seenByFirst).toEqual(['agent-1 changed']);
      await stopSecond();
    });

    it('sends a NOTIFY made in a transaction only when it commits', async () => {
      const listener = collect(1);
      const stop = await shared.db.listen('store_test_commit', listener.handler);
      await shared.db
        .transaction(async (tx) => {
          await notifyIn(tx, 'store_test_commit', 'rolled back');
          throw new Error('abandon');
        })
        .catch(() => undefined);
      await shared.db.transaction((tx) => notifyIn(tx, 'store_test_commit', 'committed'));
      // Notifications arrive in commit order, so had the first been sent it would be here first.
      expect(await listener.received).toEqual(['committed']);
      await stop();
    });

    if (backend.kind === 'postgres') {
      it('reports a lost LISTEN connection, reconnects and listens again', async () => {
        const received: string[] = [];
        const stop = await shared.db.listen('store_test_reconnect', (payload) => received.push(payload));
        const errorsBefore = shared.fixture().backgroundErrors.length;
        await shared.db.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'softphone-connector-listen' AND datname = current_database()`
        );
        // Notifications sent while it reconnects are lost by design; keep sending until one arrives.
        for (let attempt = 0; attempt < 100 && received.length === 0; attempt += 1) {
          await shared.db.notify('store_test_reconnect', `ping ${attempt}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(received.length).toBeGreaterThan(0);
        expect(shared.fixture().backgroundErrors.length).toBeGreaterThan(errorsBefore);
        await stop();
      });
    }

    it('refuses channel names that are not plain identifiers (BAD_CHANNEL_NAME)', async () => {
      const refusal = await shared.db.listen('x; DROP TABLE agents', () => undefined).catch((error: unknown) => error);
      expect(isStoreError(refusal, 'BAD_CHANNEL_NAME')).toBe(true);
      await expect(shared.db.notify('Upper', 'p')).rejects.toMatchObject({ code: 'BAD_CHANNEL_NAME' });
    });
  });
}
