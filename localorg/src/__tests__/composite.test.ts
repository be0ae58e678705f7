import { firstError, startTestOrg, type TestOrg } from './support';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

interface Sub {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}
const V = '/services/data/v63.0';

describe('composite', () => {
  it('runs subrequests with @{ref.id} and @{ref.records[0].Id} references as one API call', async () => {
    const before = t.org.stats().apiCalls;
    const reply = await t.api('POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'NewAccount', body: { Name: 'Composite Ltd' } },
        {
          method: 'POST',
          url: `${V}/sobjects/Contact`,
          referenceId: 'NewContact',
          body: { LastName: 'Ref', AccountId: '@{NewAccount.id}' }
        },
        {
          method: 'GET',
          url: `${V}/query?q=SELECT+Id,Name+FROM+Contact+WHERE+AccountId='@{NewAccount.id}'`,
          referenceId: 'Found'
        },
        {
          method: 'PATCH',
          url: `${V}/sobjects/Task/Interaction_Key__c/composite-1`,
          referenceId: 'LogCall',
          body: { Subject: 'Call', WhoId: '@{Found.records[0].Id}', TaskSubtype: 'Call' }
        },
        { method: 'GET', url: `${V}/sobjects/Contact/@{NewContact.id}?fields=Name,AccountId`, referenceId: 'ReadBack' }
      ]
    });
    expect(reply.status).toBe(200);
    expect(t.org.stats().apiCalls).toBe(before + 1);
    const subs = (reply.body as { compositeResponse: Sub[] }).compositeResponse;
    expect(subs.map((s) => [s.referenceId, s.httpStatusCode])).toEqual([
      ['NewAccount', 201],
      ['NewContact', 201],
      ['Found', 200],
      ['LogCall', 201],
      ['ReadBack', 200]
    ]);
    const accountId = (subs[0]?.body as { id: string }).id;
    expect(subs[0]?.httpHeaders).toEqual({ Location: `${V}/sobjects/Account/${accountId}` });
    expect((subs[4]?.body as { AccountId: string }).AccountId).toBe(accountId);
    const [task] = await t.org.query("SELECT Who.Name FROM Task WHERE Interaction_Key__c = 'composite-1'");
    expect(task?.Who).toMatchObject({ Name: 'Ref' });
  });

  it('rolls everything back under allOrNone and answers PROCESSING_HALTED for the others', async () => {
    const reply = await t.api('POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'A', body: { Name: 'Rolled Back Inc' } },
        {
          method: 'POST',
          url: `${V}/sobjects/Contact`,
          referenceId: 'C',
          body: { FirstName: 'No last name', AccountId: '@{A.id}' }
        },
        { method: 'POST', url: `${V}/sobjects/Lead`, referenceId: 'L', body: { LastName: 'Never', Company: 'Never' } }
      ]
    });
    const subs = (reply.body as { compositeResponse: Sub[] }).compositeResponse;
    expect(subs[1]).toMatchObject({ httpStatusCode: 400, referenceId: 'C' });
    expect((subs[1]?.body as { errorCode: string }[])[0]?.errorCode).toBe('REQUIRED_FIELD_MISSING');
    for (const i of [0, 2]) {
      expect(subs[i]).toEqual({
        body: [
          {
            errorCode: 'PROCESSING_HALTED',
            message: 'The transaction was rolled back since another operation in the same transaction failed.'
          }
        ],
        httpHeaders: {},
        httpStatusCode: 400,
        referenceId: subs[i]?.referenceId
      });
    }
    expect(await t.org.query("SELECT Id FROM Account WHERE Name = 'Rolled Back Inc'")).toHaveLength(0);
    expect(await t.org.query("SELECT Id FROM Lead WHERE LastName = 'Never'")).toHaveLength(0);
  });

  it('without allOrNone keeps what succeeded and halts only what referenced a failure', async () => {
    const reply = await t.api('POST', '/composite', {
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'Bad', body: { Website: 'x' } },
        {
          method: 'POST',
          url: `${V}/sobjects/Contact`,
          referenceId: 'Dep',
          body: { LastName: 'Dep', AccountId: '@{Bad.id}' }
        },
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'Good', body: { Name: 'Kept Ltd' } }
      ]
    });
    const subs = (reply.body as { compositeResponse: Sub[] }).compositeResponse;
    expect(subs.map((s) => s.httpStatusCode)).toEqual([400, 400, 201]);
    expect((subs[1]?.body as { errorCode: string; message: string }[])[0]).toMatchObject({
      errorCode: 'PROCESSING_HALTED'
    });
    expect((subs[1]?.body as { message: string }[])[0]?.message).toContain('refers to a failed request');
    expect(await t.org.query("SELECT Id FROM Account WHERE Name = 'Kept Ltd'")).toHaveLength(1);
  });

  it('refuses more than 25 subrequests', async () => {
    const reply = await t.api('POST', '/composite', {
      compositeRequest: Array.from({ length: 26 }, (_, i) => ({
        method: 'GET',
        url: `${V}/limits`,
        referenceId: `r${i}`
      }))
    });
    expect(reply.status).toBe(400);
    expect(firstError(reply).errorCode).toBe('LIMIT_EXCEEDED');
  });

  it('refuses a malformed body', async () => {
    const reply = await t.api('POST', '/composite', { compositeRequest: [{ method: 'GET', url: `${V}/sobjects` }] });
    expect(reply.status).toBe(400);
    expect(firstError(reply).errorCode).toBe('JSON_PARSER_ERROR');
  });
});

describe('sObject Collections', () => {
  type Item = {
    id?: string;
    success: boolean;
    errors: { statusCode: string; message: string; fields: string[] }[];
    created?: boolean;
  };

  it('creates, updates, retrieves and deletes up to 200 records', async () => {
    const created = await t.api('POST', '/composite/sobjects', {
      records: [
        { attributes: { type: 'Account' }, Name: 'Coll One' },
        { attributes: { type: 'Contact' }, LastName: 'Coll Two' }
      ]
    });
    expect(created.status).toBe(200);
    const items = created.body as Item[];
    expect(items.map((i) => i.success)).toEqual([true, true]);
    const [acc, con] = items.map((i) => String(i.id));
    const updated = await t.api('PATCH', '/composite/sobjects', {
      records: [
        { attributes: { type: 'Account' }, id: acc, Name: 'Coll One Renamed' },
        { attributes: { type: 'Contact' }, id: con, Title: 'Tester' }
      ]
    });
    expect(updated.body).toEqual([
      { id: acc, success: true, errors: [] },
      { id: con, success: true, errors: [] }
    ]);
    const got = await t.api('GET', `/composite/sobjects/Account?ids=${acc},001000000000000AAA&fields=Name`);
    expect(got.body).toEqual([
      { attributes: { type: 'Account', url: `${V}/sobjects/Account/${acc}` }, Name: 'Coll One Renamed' },
      null
    ]);
    const deleted = await t.api('DELETE', `/composite/sobjects?ids=${acc},${con}`);
    expect((deleted.body as Item[]).every((i) => i.success)).toBe(true);
  });

  it('reports each record on its own without allOrNone', async () => {
    const reply = await t.api('POST', '/composite/sobjects', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Lead' }, LastName: 'Fine', Company: 'Fine' },
        { attributes: { type: 'Lead' }, LastName: 'Missing company' }
      ]
    });
    const items = reply.body as Item[];
    expect(items[0]?.success).toBe(true);
    expect(items[1]).toEqual({
      success: false,
      errors: [
        { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Company]', fields: ['Company'] }
      ]
    });
  });

  it('rolls back every record under allOrNone', async () => {
    const reply = await t.api('POST', '/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Lead' }, LastName: 'Rollback me', Company: 'R' },
        { attributes: { type: 'Task' }, Subject: 'x', Status: 'Nope' }
      ]
    });
    expect(reply.status).toBe(200);
    const items = reply.body as Item[];
    expect(items[0]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
          message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
          fields: []
        }
      ]
    });
    expect(items[1]?.errors[0]?.statusCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(await t.org.query("SELECT Id FROM Lead WHERE LastName = 'Rollback me'")).toHaveLength(0);
  });

  it('S5 upserts Tasks by interaction key: created true, then false on the retry', async () => {
    const body = {
      allOrNone: true,
      records: [
        { attributes: { type: 'Task' }, Interaction_Key__c: 'batch-1', Subject: 'Chat' },
        { attributes: { type: 'Task' }, Interaction_Key__c: 'batch-2', Subject: 'SMS' }
      ]
    };
    const first = (await t.api('PATCH', '/composite/sobjects/Task/Interaction_Key__c', body)).body as Item[];
    expect(first.map((i) => [i.success, i.created])).toEqual([
      [true, true],
      [true, true]
    ]);
    const retry = (await t.api('PATCH', '/composite/sobjects/Task/Interaction_Key__c', body)).body as Item[];
    expect(retry.map((i) => [i.id, i.created])).toEqual(first.map((i) => [i.id, false]));
    expect(await t.org.query("SELECT Id FROM Task WHERE Interaction_Key__c IN ('batch-1', 'batch-2')")).toHaveLength(2);
  });

  it('refuses more than 200 records', async () => {
    const reply = await t.api('POST', '/composite/sobjects', {
      records: Array.from({ length: 201 }, (_, i) => ({
        attributes: { type: 'Lead' },
        LastName: `L${i}`,
        Company: 'C'
      }))
    });
    expect(reply.status).toBe(400);
    expect(firstError(reply).errorCode).toBe('EXCEEDED_ID_LIMIT');
  });

  it('an allOrNone composite makes its collections subrequest all-or-none too', async () => {
    const reply = await t.api('POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: `${V}/composite/sobjects`,
          referenceId: 'Coll',
          body: {
            allOrNone: false,
            records: [
              { attributes: { type: 'Lead' }, LastName: 'Inner ok', Company: 'I' },
              { attributes: { type: 'Lead' }, LastName: 'Inner bad' }
            ]
          }
        },
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'After', body: { Name: 'After Coll' } }
      ]
    });
    const subs = (reply.body as { compositeResponse: Sub[] }).compositeResponse;
    expect(subs[0]?.httpStatusCode).toBe(400);
    expect(subs[1]?.httpStatusCode).toBe(400);
    expect(await t.org.query("SELECT Id FROM Lead WHERE LastName = 'Inner ok'")).toHaveLength(0);
  });
});
