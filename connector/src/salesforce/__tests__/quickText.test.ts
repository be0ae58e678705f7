// C7 canned responses: Quick Texts per language and channel, fetched once and cached for their TTL.
import { startLocalOrg, type LocalOrg } from '../../../../localorg/src';
import { QuickTextCatalog } from '../quickText';
import { clientFor } from './support';

jest.setTimeout(60_000);

let org: LocalOrg;
beforeAll(async () => {
  org = await startLocalOrg({ port: 0, dataDir: null });
}, 60_000);
afterAll(async () => {
  await org?.close();
});
beforeEach(() => {
  org.faults.reset();
  org.resetStats();
});

describe('Quick Text catalog', () => {
  it('C7 fetches the Quick Texts of a language and channel once, then serves them from the cache until the TTL ends', async () => {
    const clock = { now: 0 };
    const catalog = new QuickTextCatalog(clientFor(org), { ttlMs: 60_000, clock: () => clock.now });
    const german = await catalog.get('de_DE', 'chat');
    expect(german.ok && german.items.map((q) => q.category).sort()).toEqual(
      ['Apologies', 'Closings', 'Greetings', 'FAQ'].sort()
    );
    expect(german.ok && german.items.every((q) => q.message.length > 0)).toBe(true);
    expect(org.stats().apiCalls).toBe(1);
    // WhatsApp is "Messaging", a different list; chat again comes from the cache.
    await catalog.get('de', 'whatsapp');
    await catalog.get('de', 'chat');
    expect(org.stats().apiCalls).toBe(2);
    clock.now += 60_001;
    await catalog.get('de', 'chat');
    expect(org.stats().apiCalls).toBe(3);
  });

  it('C7 a language or channel without Quick Texts gives an empty list', async () => {
    const catalog = new QuickTextCatalog(clientFor(org));
    expect(await catalog.get('fr', 'voice')).toMatchObject({ ok: true, items: [], stale: false });
  });

  it('C7 asks Salesforce once for callers that arrive together', async () => {
    const catalog = new QuickTextCatalog(clientFor(org));
    const lists = await Promise.all([catalog.get('es', 'chat'), catalog.get('es', 'chat'), catalog.get('es', 'email')]);
    expect(lists.every((l) => l.ok && l.items.length > 0)).toBe(true);
    expect(org.stats().apiCalls).toBe(2); // one per list: chat and e-mail
  });

  it('C7 when Salesforce fails, the last list is served marked stale; without one the failure has a code', async () => {
    const clock = { now: 0 };
    const catalog = new QuickTextCatalog(clientFor(org), { ttlMs: 1_000, clock: () => clock.now });
    expect(await catalog.get('nl', 'email')).toMatchObject({ ok: true, stale: false });
    org.faults.set({ errorRates: { '503': 1 } });
    clock.now += 2_000;
    expect(await catalog.get('nl', 'email')).toMatchObject({ ok: true, stale: true, fetchedAt: 0 });
    expect(await catalog.get('en', 'email')).toMatchObject({ ok: false, code: 'SERVER_UNAVAILABLE' });
  });

  it('C7 a language or channel it does not know is a typed refusal', async () => {
    const catalog = new QuickTextCatalog(clientFor(org));
    expect(await catalog.get('German', 'chat')).toMatchObject({ ok: false, code: 'INVALID_LANGUAGE' });
    expect(await catalog.get('de', 'fax')).toMatchObject({ ok: false, code: 'INVALID_CHANNEL' });
    expect(org.stats().apiCalls).toBe(0);
  });
});
