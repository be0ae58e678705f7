// Command receipts (never overwritten) and contact identities (latest wins).
import * as commandReceipts from '../../repositories/commandReceipts';
import * as contactIdentities from '../../repositories/contactIdentities';
import { at, uid, type useFixture } from './fixture';

type Shared = ReturnType<typeof useFixture>;

export function keyedCases(shared: Shared): void {
  describe('command receipts', () => {
    it('stores a receipt and returns it for the same agent and key', async () => {
      const key = uid('key');
      const receipt = { agentId: 'agent-r', idempotencyKey: key, outcome: { ok: true, version: 3 }, at: at(1) };
      expect(await commandReceipts.put(shared.db, receipt)).toEqual({ stored: true, receipt });
      expect(await commandReceipts.get(shared.db, 'agent-r', key)).toEqual(receipt);
      expect(await commandReceipts.get(shared.db, 'agent-other', key)).toBeNull();
    });

    it('never overwrites a receipt: a second put returns the first outcome unchanged', async () => {
      const key = uid('key');
      const first = { agentId: 'agent-r', idempotencyKey: key, outcome: { ok: true }, at: at(1) };
      await commandReceipts.put(shared.db, first);
      const retry = { ...first, outcome: { ok: false, rejection: { code: 'WRONG_STATE' } }, at: at(2) };
      expect(await commandReceipts.put(shared.db, retry)).toEqual({ stored: false, receipt: first });
      expect(await commandReceipts.get(shared.db, 'agent-r', key)).toEqual(first);
    });

    it('keeps exactly one receipt when the same key is put concurrently', async () => {
      const key = uid('race');
      const puts = await Promise.all(
        [1, 2, 3].map((n) =>
          commandReceipts.put(shared.db, { agentId: 'agent-r', idempotencyKey: key, outcome: { n }, at: at(n) })
        )
      );
      expect(puts.filter((put) => put.stored)).toHaveLength(1);
      const winner = puts.find((put) => put.stored)?.receipt;
      for (const put of puts) expect(put.receipt).toEqual(winner);
    });

    it('prunes receipts older than a cut-off', async () => {
      const old = { agentId: uid('pruned'), idempotencyKey: 'k', outcome: null, at: at(-60 * 24 * 30) };
      await commandReceipts.put(shared.db, old);
      expect(await commandReceipts.pruneBefore(shared.db, at(-60 * 24 * 29))).toBeGreaterThanOrEqual(1);
      expect(await commandReceipts.get(shared.db, old.agentId, 'k')).toBeNull();
    });
  });

  describe('contact identities', () => {
    it('maps a channel address to a contact, and a later put moves it (contacts merged)', async () => {
      const address = `+4930${Math.floor(Math.random() * 1e7)}`;
      expect(await contactIdentities.get(shared.db, 'sms', address)).toBeNull();
      await contactIdentities.put(shared.db, { channel: 'sms', address, contactId: '003A' });
      expect(await contactIdentities.get(shared.db, 'sms', address)).toBe('003A');
      expect(await contactIdentities.get(shared.db, 'whatsapp', address)).toBeNull();
      await contactIdentities.put(shared.db, { channel: 'sms', address, contactId: '003B' });
      expect(await contactIdentities.get(shared.db, 'sms', address)).toBe('003B');
    });

    it('lists every address of a contact', async () => {
      const contactId = uid('003');
      await contactIdentities.put(shared.db, { channel: 'email', address: `${contactId}@example.com`, contactId });
      await contactIdentities.put(shared.db, { channel: 'voice', address: '+15550100', contactId });
      expect(await contactIdentities.listByContact(shared.db, contactId)).toEqual([
        { channel: 'email', address: `${contactId}@example.com`, contactId },
        { channel: 'voice', address: '+15550100', contactId }
      ]);
    });
  });
}
