import { firstError, startTestOrg, type Reply, type TestOrg } from './support';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

function q(soql: string, headers?: Record<string, string>): Promise<Reply> {
  return t.api('GET', `/query?q=${encodeURIComponent(soql)}`, undefined, undefined, headers);
}

type Result = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: Record<string, unknown>[] };
const names = (reply: Reply) => (reply.body as Result).records.map((r) => r.Name);

describe('SOQL through /query', () => {
  it('answers {totalSize, done, records} with attributes on each record', async () => {
    const reply = await q("SELECT Id, Name FROM Account WHERE Name = 'Acme Corporation'");
    expect(reply.status).toBe(200);
    const body = reply.body as Result;
    expect(body).toMatchObject({ totalSize: 1, done: true });
    expect(body.records[0]).toEqual({
      attributes: { type: 'Account', url: `/services/data/v63.0/sobjects/Account/${String(body.records[0]?.Id)}` },
      Id: body.records[0]?.Id,
      Name: 'Acme Corporation'
    });
  });

  it('S6 a caller number shared by two contacts finds both for the picker', async () => {
    const reply = await q(
      "SELECT Name, Account.Name FROM Contact WHERE Phone = '+442079460123' OR MobilePhone = '+442079460123' ORDER BY Name"
    );
    expect(names(reply)).toEqual(['Emily Wilson', 'James Wilson']);
    expect((reply.body as Result).records[0]?.Account).toMatchObject({
      attributes: { type: 'Account' },
      Name: 'Northwind Traders Ltd'
    });
  });

  it('S6 an e-mail matches a contact and a lead alike (compared without case)', async () => {
    const contacts = await q("SELECT Id FROM Contact WHERE Email = 'ALEX.TAYLOR@mail.example'");
    const leads = await q("SELECT Id FROM Lead WHERE Email = 'alex.taylor@MAIL.example'");
    expect((contacts.body as Result).totalSize).toBe(1);
    expect((leads.body as Result).totalSize).toBe(1);
  });

  it('supports IN, NOT IN, LIKE, !=, NULL, AND/OR with parentheses', async () => {
    expect(
      names(await q("SELECT Name FROM Account WHERE BillingCountry IN ('Germany', 'Spain') ORDER BY Name"))
    ).toEqual(['Müller Maschinenbau GmbH', 'Viajes Iberia S.L.']);
    expect(names(await q("SELECT Name FROM Account WHERE Name LIKE 'v%' ORDER BY Name DESC"))).toEqual([
      'Viajes Iberia S.L.',
      'Van Dijk Logistiek B.V.'
    ]);
    const notIn = names(
      await q("SELECT Name FROM Account WHERE Type NOT IN ('Customer - Direct', 'Partner') ORDER BY Name")
    );
    expect(notIn).toEqual(['Boulangerie Dupont SARL', 'Müller Maschinenbau GmbH']);
    // "!=" keeps records whose field is null, as SOQL does.
    const notSales = await q("SELECT Id FROM Contact WHERE Title != 'Buyer'");
    const nullTitles = await q('SELECT Id FROM Contact WHERE Title = null');
    const all = await q('SELECT COUNT() FROM Contact');
    expect((notSales.body as Result).totalSize + 1).toBe((all.body as Result).totalSize);
    expect((nullTitles.body as Result).totalSize).toBeGreaterThan(0);
    const grouped = await q(
      "SELECT Name FROM Contact WHERE (LastName = 'Müller' OR LastName = 'Wilson') AND (FirstName = 'Greta' OR FirstName = 'James') ORDER BY Name"
    );
    expect(names(grouped)).toEqual(['Greta Müller', 'James Wilson']);
    const notNull = await q(
      "SELECT Name FROM Contact WHERE WhatsApp_Id__c != null AND Account.BillingCountry = 'Spain'"
    );
    expect(names(notNull)).toEqual(['Carmen López']);
  });

  it('orders with ASC/DESC and NULLS FIRST/LAST, then LIMIT and OFFSET', async () => {
    const all = names(
      await q(
        "SELECT Name FROM Contact WHERE Account.Name = 'Northwind Traders Ltd' OR Account.Name = 'Acme Corporation' ORDER BY Name ASC"
      )
    );
    expect(all).toEqual(['Emily Wilson', 'James Wilson', 'Michael Chen', 'Sarah Johnson']);
    const page = names(
      await q(
        "SELECT Name FROM Contact WHERE Account.Name = 'Northwind Traders Ltd' OR Account.Name = 'Acme Corporation' ORDER BY Name ASC LIMIT 2 OFFSET 1"
      )
    );
    expect(page).toEqual(['James Wilson', 'Michael Chen']);
    const titlesFirst = (await q('SELECT Title FROM Contact ORDER BY Title ASC NULLS LAST')).body as Result;
    expect(titlesFirst.records[0]?.Title).not.toBeNull();
    expect(titlesFirst.records.at(-1)?.Title).toBeNull();
    const nullsFirst = (await q('SELECT Title FROM Contact ORDER BY Title ASC')).body as Result;
    expect(nullsFirst.records[0]?.Title).toBeNull();
  });

  it('counts with COUNT()', async () => {
    const reply = await q("SELECT COUNT() FROM QuickText WHERE Language__c = 'de'");
    expect(reply.body).toEqual({ totalSize: 4, done: true, records: [] });
  });

  it('follows polymorphic parents: Who.Name and What.Type', async () => {
    const reply = await q("SELECT Subject, Who.Name, Who.Type FROM Task WHERE Interaction_Key__c = 'seed-voice-0001'");
    const record = (reply.body as Result).records[0];
    expect(record?.Who).toMatchObject({ attributes: { type: 'Contact' }, Name: 'Sarah Johnson', Type: 'Contact' });
    const noWhat = await q("SELECT What.Name FROM Task WHERE Interaction_Key__c = 'seed-voice-0001'");
    expect((noWhat.body as Result).records[0]?.What).toBeNull();
  });

  it('accepts semi-joins and date literals', async () => {
    const reply = await q(
      "SELECT COUNT() FROM Task WHERE WhoId IN (SELECT Id FROM Contact WHERE Preferred_Language__c = 'de') AND ActivityDate < TODAY"
    );
    expect((reply.body as Result).totalSize).toBe(1);
    const today = await q('SELECT COUNT() FROM Account WHERE CreatedDate = LAST_N_DAYS:1');
    expect((today.body as Result).totalSize).toBe(6);
  });

  it('pages large results with nextRecordsUrl as the batch size asks', async () => {
    const first = await q('SELECT Id FROM QuickText', { 'Sforce-Query-Options': 'batchSize=200' });
    expect((first.body as Result).done).toBe(true);
    for (let i = 0; i < 12; i += 1) {
      await t.api('POST', '/composite/sobjects', {
        records: Array.from({ length: 20 }, (_, n) => ({
          attributes: { type: 'Lead' },
          LastName: `Bulk ${i}-${n}`,
          Company: 'Bulk'
        }))
      });
    }
    const page1 = await q("SELECT Id FROM Lead WHERE Company = 'Bulk'", { 'Sforce-Query-Options': 'batchSize=200' });
    const body1 = page1.body as Result;
    expect(body1).toMatchObject({ totalSize: 240, done: false });
    expect(body1.records).toHaveLength(200);
    const page2 = await t.api('GET', String(body1.nextRecordsUrl), undefined, undefined, {
      'Sforce-Query-Options': 'batchSize=200'
    });
    expect(page2.body).toMatchObject({ totalSize: 240, done: true });
    expect((page2.body as Result).records).toHaveLength(40);
  });
});

describe('SOQL refusals', () => {
  it('MALFORMED_QUERY for bad syntax', async () => {
    const reply = await q('SELECT FROM Contact');
    expect(reply.status).toBe(400);
    expect(firstError(reply).errorCode).toBe('MALFORMED_QUERY');
  });

  it('MALFORMED_QUERY when AND and OR mix without parentheses', async () => {
    const reply = await q("SELECT Id FROM Contact WHERE LastName = 'a' AND FirstName = 'b' OR Title = 'c'");
    expect(firstError(reply)).toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    expect(firstError(reply).message).toContain("unexpected token: 'OR'");
  });

  it('INVALID_FIELD names the column and points at it', async () => {
    const reply = await q('SELECT Id, Shoe_Size__c FROM Contact');
    expect(reply.status).toBe(400);
    const error = firstError(reply);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe(
      "\nSELECT Id, Shoe_Size__c FROM Contact\n           ^\nERROR at Row:1:Column:12\nNo such column 'Shoe_Size__c' on entity 'Contact'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
    );
    const rel = await q('SELECT Boss.Name FROM Contact');
    expect(firstError(rel).message).toContain("Didn't understand relationship 'Boss' in field path.");
  });

  it('INVALID_TYPE for an unknown object', async () => {
    const reply = await q('SELECT Id FROM Spaceship__c');
    expect(firstError(reply).errorCode).toBe('INVALID_TYPE');
    expect(firstError(reply).message).toContain("sObject type 'Spaceship__c' is not supported.");
  });

  it('INVALID_QUERY_FILTER_OPERATOR for a literal of the wrong type or a bad id', async () => {
    expect(firstError(await q('SELECT Id FROM Contact WHERE LastName = 5')).message).toContain(
      "value of filter criterion for field 'LastName' must be of type string and should be enclosed in quotes"
    );
    expect(firstError(await q("SELECT Id FROM Contact WHERE AccountId = 'nope'")).errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR'
    );
  });
});
