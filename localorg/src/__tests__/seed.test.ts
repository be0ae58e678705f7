import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalOrg } from '../index';
import { startTestOrg, type TestOrg } from './support';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

describe('seed data', () => {
  it('has eight agents in five languages plus the integration user', async () => {
    const agents = await t.org.query(
      "SELECT LanguageLocaleKey FROM User WHERE Username != 'integration@softphone.localorg'"
    );
    expect(agents).toHaveLength(8);
    expect(new Set(agents.map((a) => a.LanguageLocaleKey))).toEqual(new Set(['en_US', 'de', 'es', 'fr', 'nl_NL']));
  });

  it('has a queue per channel with members, service channels and presence statuses', async () => {
    const queues = await t.org.query("SELECT DeveloperName FROM Group WHERE Type = 'Queue' ORDER BY DeveloperName");
    expect(queues.map((q) => q.DeveloperName)).toEqual(
      expect.arrayContaining([
        'Voice_Support',
        'Chat_Support',
        'Email_Support',
        'SMS',
        'WhatsApp',
        'Messenger',
        'Instagram',
        'X_Direct_Messages'
      ])
    );
    const solo = await t.org.query(
      "SELECT UserOrGroup.Name FROM GroupMember WHERE Group.DeveloperName = 'X_Direct_Messages'"
    );
    expect(solo).toHaveLength(1);
    const statuses = (await t.org.query('SELECT DeveloperName FROM ServicePresenceStatus')).map((s) => s.DeveloperName);
    expect(statuses).toEqual(expect.arrayContaining(['Available', 'Busy', 'Break', 'Lunch']));
    expect(await t.org.query('SELECT Id FROM ServiceChannel')).toHaveLength(4);
  });

  it('has Quick Texts in en, de, es, fr and nl, and wrap-up codes', async () => {
    const texts = await t.org.query("SELECT Language__c FROM QuickText WHERE Channel INCLUDES ('Chat')");
    expect(new Set(texts.map((x) => x.Language__c))).toEqual(new Set(['en', 'de', 'es', 'fr', 'nl']));
    const codes = await t.org.query(
      'SELECT DeveloperName, MasterLabel FROM Wrap_Up_Code__mdt WHERE Active__c = true ORDER BY Sort_Order__c'
    );
    expect(codes[0]).toMatchObject({ DeveloperName: 'Resolved' });
    expect(codes.length).toBeGreaterThanOrEqual(8);
  });

  it('has contacts with E.164 numbers and digital ids, including duplicates for the screen pop', async () => {
    const contacts = await t.org.query('SELECT Phone, MobilePhone FROM Contact');
    for (const c of contacts) {
      for (const phone of [c.Phone, c.MobilePhone])
        if (phone !== null) expect(String(phone)).toMatch(/^\+[1-9]\d{6,14}$/);
    }
    const whatsapp = await t.org.query("SELECT Name FROM Contact WHERE WhatsApp_Id__c = '+447700900456'");
    const leads = await t.org.query("SELECT Name FROM Lead WHERE MobilePhone = '+447700900456'");
    expect(whatsapp.length + leads.length).toBe(2);
  });

  it('is the same org every time: a data folder keeps its records and is not seeded twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'localorg-'));
    try {
      const first = await startLocalOrg({ dataDir: dir });
      const token = await first.issueAccessToken();
      const created = await fetch(`${first.url}/services/data/v63.0/sobjects/Account`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ Name: 'Persisted Ltd' })
      });
      const { id } = (await created.json()) as { id: string };
      const firstAccounts = await first.query('SELECT Id FROM Account ORDER BY Name');
      await first.close();
      const second = await startLocalOrg({ dataDir: dir });
      const again = await second.query('SELECT Id FROM Account ORDER BY Name');
      const acmeThere = (await second.query("SELECT Id FROM Account WHERE Name = 'Acme Corporation'"))[0]?.Id;
      await second.close();
      expect(again.map((a) => a.Id)).toEqual(firstAccounts.map((a) => a.Id));
      expect(again.map((a) => a.Id)).toContain(id);
      // Same seed, same ids: Acme has one id in every freshly seeded org.
      const acmeHere = (await t.org.query("SELECT Id FROM Account WHERE Name = 'Acme Corporation'"))[0]?.Id;
      expect(acmeThere).toBe(acmeHere);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
