import { firstError, startTestOrg, type TestOrg } from './support';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

async function contactId(lastName: string): Promise<string> {
  const [record] = await t.org.query(`SELECT Id FROM Contact WHERE LastName = '${lastName}' LIMIT 1`);
  return String(record?.Id);
}

describe('versions, resources and describe', () => {
  it('lists API versions without a session and serves 55.0 to 66.0', async () => {
    const list = await t.api('GET', '/services/data/', undefined, null);
    expect(list.status).toBe(200);
    const versions = (list.body as { version: string }[]).map((v) => v.version);
    for (let v = 55; v <= 66; v += 1) expect(versions).toContain(`${v}.0`);
    expect((await t.api('GET', '/services/data/v66.0/limits')).status).toBe(200);
    expect((await t.api('GET', '/services/data/v99.0/limits')).status).toBe(404);
  });

  it('describes Task with the custom external id and the restricted Status picklist', async () => {
    const reply = await t.api('GET', '/sobjects/Task/describe');
    expect(reply.status).toBe(200);
    const body = reply.body as { keyPrefix: string; fields: Record<string, unknown>[] };
    expect(body.keyPrefix).toBe('00T');
    const field = (name: string) => body.fields.find((f) => f.name === name);
    expect(field('Interaction_Key__c')).toMatchObject({ externalId: true, unique: true, custom: true, type: 'string' });
    expect(field('Status')).toMatchObject({ restrictedPicklist: true, nillable: false, defaultedOnCreate: true });
    expect(field('TaskSubtype')).toMatchObject({ createable: true, updateable: false });
    expect(field('WhoId')).toMatchObject({
      referenceTo: ['Contact', 'Lead'],
      relationshipName: 'Who',
      polymorphicForeignKey: true
    });
    expect(field('IsClosed')).toMatchObject({ createable: false, updateable: false, calculated: true });
    const contact = (await t.api('GET', '/sobjects/Contact/describe')).body as { fields: Record<string, unknown>[] };
    expect(contact.fields.find((f) => f.name === 'LastName')).toMatchObject({
      nillable: false,
      createable: true,
      defaultedOnCreate: false
    });
  });

  it('lists every modelled object in the global describe, UserServicePresence read-only', async () => {
    const reply = await t.api('GET', '/sobjects');
    const objects = (reply.body as { sobjects: { name: string; createable: boolean; keyPrefix: string }[] }).sobjects;
    const names = objects.map((o) => o.name);
    for (const name of [
      'Task',
      'AgentWork',
      'PendingServiceRouting',
      'UserServicePresence',
      'ServicePresenceStatus',
      'ServiceChannel',
      'Contact',
      'Lead',
      'Account',
      'Case',
      'QuickText',
      'User',
      'Group'
    ]) {
      expect(names).toContain(name);
    }
    expect(objects.find((o) => o.name === 'UserServicePresence')).toMatchObject({
      createable: false,
      keyPrefix: '0Hn'
    });
    expect(objects.find((o) => o.name === 'AgentWork')?.keyPrefix).toBe('0Bz');
  });
});

describe('record create, read, update, delete', () => {
  it('creates, reads with ?fields=, updates and deletes a contact', async () => {
    const created = await t.api('POST', '/sobjects/Contact', {
      FirstName: 'Nora',
      LastName: 'Test',
      Email: 'nora@test.example'
    });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string; success: boolean; errors: unknown[] };
    expect(created.body).toEqual({ id, success: true, errors: [] });
    expect(id.startsWith('003')).toBe(true);

    const read = await t.api('GET', `/sobjects/Contact/${id}?fields=Name,Email`);
    expect(read.body).toEqual({
      attributes: { type: 'Contact', url: `/services/data/v63.0/sobjects/Contact/${id}` },
      Name: 'Nora Test',
      Email: 'nora@test.example'
    });
    expect((await t.api('PATCH', `/sobjects/Contact/${id}`, { LastName: 'Tested' })).status).toBe(204);
    // A 15-character id works as well as the 18-character one.
    const again = await t.api('GET', `/sobjects/Contact/${id.slice(0, 15)}?fields=Name`);
    expect((again.body as { Name: string }).Name).toBe('Nora Tested');

    expect((await t.api('DELETE', `/sobjects/Contact/${id}`)).status).toBe(204);
    const gone = await t.api('GET', `/sobjects/Contact/${id}`);
    expect(gone.status).toBe(404);
    expect(firstError(gone).errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('answers NOT_FOUND for an unknown record and an unknown object', async () => {
    const missing = await t.api('GET', '/sobjects/Contact/0038d00000zzzzzAAA');
    expect(missing.status).toBe(404);
    expect(firstError(missing)).toEqual({ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' });
    const unknown = await t.api('POST', '/sobjects/Nope__c', { Name: 'x' });
    expect(unknown.status).toBe(404);
    expect(firstError(unknown).errorCode).toBe('NOT_FOUND');
  });
});

describe('upsert by external id', () => {
  it('S5 an upsert retried with the same interaction key updates the one Task instead of creating a second', async () => {
    const path = '/sobjects/Task/Interaction_Key__c/call-2026-0001';
    const first = await t.api('PATCH', path, {
      Subject: 'Inbound call',
      TaskSubtype: 'Call',
      CallType: 'Inbound',
      CallDurationInSeconds: 95
    });
    expect(first.status).toBe(201);
    const { id } = first.body as { id: string };
    expect(first.body).toEqual({ id, success: true, errors: [], created: true });

    const retry = await t.api('PATCH', path, {
      Subject: 'Inbound call',
      CallDisposition: 'Resolved',
      Status: 'Completed'
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ id, success: true, errors: [], created: false });

    const tasks = await t.org.query(
      "SELECT Id, CallDisposition, IsClosed FROM Task WHERE Interaction_Key__c = 'call-2026-0001'"
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ Id: id, CallDisposition: 'Resolved', IsClosed: true });
  });

  it('answers 204 for an update through an API version before 46.0, as documented', async () => {
    await t.api('PATCH', '/sobjects/Task/Interaction_Key__c/old-api', { Subject: 'x' });
    const old = await t.api('PATCH', '/services/data/v45.0/sobjects/Task/Interaction_Key__c/old-api', { Subject: 'y' });
    expect(old.status).toBe(204);
    expect(old.text).toBe('');
  });

  it('reads and refuses by external id field as the API does', async () => {
    const read = await t.api('GET', '/sobjects/Task/Interaction_Key__c/call-2026-0001');
    expect((read.body as { Subject: string }).Subject).toBe('Inbound call');
    const notExternal = await t.api('PATCH', '/sobjects/Task/Subject/abc', { Subject: 'x' });
    expect(notExternal.status).toBe(404);
    expect(firstError(notExternal).message).toBe(
      'Provided external ID field does not exist or is not accessible: Subject'
    );
  });
});

describe('refusals with Salesforce error bodies', () => {
  it('INVALID_FIELD for an unknown field', async () => {
    const reply = await t.api('POST', '/sobjects/Task', { Subject: 'x', Mood__c: 'happy' });
    expect(reply.status).toBe(400);
    expect(firstError(reply)).toEqual({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Mood__c' on sobject of type Task"
    });
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE for a read-only field, naming it', async () => {
    const reply = await t.api('POST', '/sobjects/Task', { Subject: 'x', IsClosed: true });
    expect(reply.status).toBe(400);
    const error = firstError(reply);
    expect(error.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(error.fields).toEqual(['IsClosed']);
    expect(error.message).toMatch(/^Unable to create\/update fields: IsClosed\./);
    const subtype = await t.api(
      'PATCH',
      `/sobjects/Task/${(await t.org.query('SELECT Id FROM Task LIMIT 1'))[0]?.Id}`,
      { TaskSubtype: 'Email' }
    );
    expect(firstError(subtype).errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('REQUIRED_FIELD_MISSING lists the missing fields', async () => {
    const reply = await t.api('POST', '/sobjects/Lead', { FirstName: 'No' });
    expect(reply.status).toBe(400);
    expect(firstError(reply)).toEqual({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [LastName, Company]',
      fields: ['LastName', 'Company']
    });
  });

  it('DUPLICATE_VALUE when a second Task takes an interaction key in use', async () => {
    const reply = await t.api('POST', '/sobjects/Task', { Subject: 'dup', Interaction_Key__c: 'call-2026-0001' });
    expect(reply.status).toBe(400);
    const error = firstError(reply);
    expect(error.errorCode).toBe('DUPLICATE_VALUE');
    expect(error.message).toMatch(/^duplicate value found: Interaction_Key__c duplicates value on record with id: 00T/);
  });

  it('STRING_TOO_LONG for a Subject over 255 characters', async () => {
    const reply = await t.api('POST', '/sobjects/Task', { Subject: 'x'.repeat(256) });
    expect(firstError(reply)).toMatchObject({ errorCode: 'STRING_TOO_LONG', fields: ['Subject'] });
    expect(firstError(reply).message).toMatch(/\(max length=255\)$/);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for an unknown Status', async () => {
    const reply = await t.api('POST', '/sobjects/Task', { Subject: 'x', Status: 'Done-ish' });
    expect(firstError(reply)).toEqual({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Status: bad value for restricted picklist field: Done-ish',
      fields: ['Status']
    });
  });

  it('FIELD_CUSTOM_VALIDATION_EXCEPTION from the Task validation rule', async () => {
    const reply = await t.api('POST', '/sobjects/Task', { Subject: 'x', CallDurationInSeconds: -5 });
    expect(firstError(reply)).toEqual({
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Call duration cannot be negative.',
      fields: ['CallDurationInSeconds']
    });
  });

  it('refuses a reference of the wrong object type and a malformed id', async () => {
    const account = (await t.org.query('SELECT Id FROM Account LIMIT 1'))[0]?.Id;
    const wrongType = await t.api('POST', '/sobjects/Task', { Subject: 'x', WhoId: account });
    expect(firstError(wrongType)).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['WhoId'] });
    const malformed = await t.api('POST', '/sobjects/Task', { Subject: 'x', WhoId: 'abc' });
    expect(firstError(malformed)).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['WhoId'] });
  });

  it('cannot insert UserServicePresence: Omni writes presence, the API only reads it', async () => {
    const agent = (await t.org.query("SELECT Id FROM User WHERE Alias = 'emmaclar'"))[0]?.Id;
    const reply = await t.api('POST', '/sobjects/UserServicePresence', { UserId: agent });
    expect(reply.status).toBe(400);
    expect(firstError(reply)).toEqual({
      errorCode: 'INVALID_TYPE_FOR_OPERATION',
      message: 'entity type UserServicePresence does not support insert'
    });
  });

  it('JSON_PARSER_ERROR for a body that is not JSON', async () => {
    const reply = await fetch(`${t.org.url}/services/data/v63.0/sobjects/Task`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' },
      body: '{"Subject":'
    });
    expect(reply.status).toBe(400);
    expect(((await reply.json()) as { errorCode: string }[])[0]?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('computes Task.AccountId from the contact it is about', async () => {
    const who = await contactId('Johnson');
    const created = await t.api('POST', '/sobjects/Task', { Subject: 'Account link', WhoId: who });
    const id = (created.body as { id: string }).id;
    const [task] = await t.org.query(`SELECT Account.Name FROM Task WHERE Id = '${id}'`);
    expect(task?.Account).toMatchObject({ Name: 'Acme Corporation' });
  });
});
