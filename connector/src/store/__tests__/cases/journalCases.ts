// The journal: appended in order, read by interaction or since a seq, never changed.
import * as journal from '../../repositories/journal';
import type { JournalEntry } from '../../repositories/journal';
import { at, uid, type useFixture } from './fixture';

type Shared = ReturnType<typeof useFixture>;

function entry(interactionId: string | null, kind: string, minute = 0): JournalEntry {
  return { at: at(minute), agentId: 'agent-j', interactionId, source: 'agent', kind, payload: { kind, n: minute } };
}

export function journalCases(shared: Shared): void {
  describe('journal', () => {
    it('appends entries in order and returns increasing seqs', async () => {
      const interactionId = uid('journal');
      const seqs = await journal.append(shared.db, [
        entry(interactionId, 'offered', 1),
        entry(interactionId, 'accept', 2),
        entry(null, 'presence', 3)
      ]);
      expect(seqs).toHaveLength(3);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const history = await journal.readByInteraction(shared.db, interactionId);
      expect(history.map((record) => [record.seq, record.kind, record.at, record.payload])).toEqual([
        [seqs[0], 'offered', at(1), { kind: 'offered', n: 1 }],
        [seqs[1], 'accept', at(2), { kind: 'accept', n: 2 }]
      ]);
      expect(await journal.append(shared.db, [])).toEqual([]);
    });

    it('reads everything after a seq, in order, with a limit', async () => {
      const interactionId = uid('since');
      const [first, second, third] = await journal.append(shared.db, [
        entry(interactionId, 'a'),
        entry(interactionId, 'b'),
        entry(interactionId, 'c')
      ]);
      const after = await journal.readSince(shared.db, first ?? 0, 2);
      expect(after.map((record) => record.seq)).toEqual([second, third]);
      const page = await journal.readByInteraction(shared.db, interactionId, { afterSeq: second, limit: 10 });
      expect(page.map((record) => record.kind)).toEqual(['c']);
    });

    it('appends more entries than one statement can carry', async () => {
      const interactionId = uid('bulk');
      const entries = Array.from({ length: 1203 }, (_, index) => entry(interactionId, `e${index}`));
      const seqs = await journal.append(shared.db, entries);
      expect(seqs).toHaveLength(1203);
      const stored = await journal.readByInteraction(shared.db, interactionId, { limit: 2000 });
      expect(stored.map((record) => record.kind)).toEqual(entries.map((e) => e.kind));
    });

    it('refuses UPDATE, DELETE and TRUNCATE: the journal is append-only', async () => {
      const interactionId = uid('immutable');
      await journal.append(shared.db, [entry(interactionId, 'original')]);
      await expect(
        shared.db.query(`UPDATE journal SET kind = 'rewritten' WHERE interaction_id = $1`, [interactionId])
      ).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(shared.db.query('DELETE FROM journal WHERE interaction_id = $1', [interactionId])).rejects.toThrow(
        /append-only: DELETE refused/
      );
      await expect(shared.db.query('TRUNCATE journal')).rejects.toThrow(/append-only: TRUNCATE refused/);
      expect((await journal.readByInteraction(shared.db, interactionId)).map((record) => record.kind)).toEqual([
        'original'
      ]);
    });

    it('refuses a row limit that is not a whole number from 1 to 10,000 (INVALID_ARGUMENT)', async () => {
      for (const limit of [0, -1, 1.5, 10_001, Number.NaN]) {
        await expect(journal.readSince(shared.db, 0, limit)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      }
      await expect(journal.readSince(shared.db, 0, 10_000)).resolves.toBeInstanceOf(Array);
    });

    it('refuses an entry without a source or kind (INVALID_ARGUMENT)', async () => {
      await expect(journal.append(shared.db, [{ ...entry(null, 'x'), source: '' }])).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT'
      });
    });
  });
}
