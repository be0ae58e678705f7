import { firstError, manualClock, send, startTestOrg, type TestOrg } from './support';

const clock = manualClock('2026-03-02T09:00:00.000Z');
let t: TestOrg;
const ids: Record<string, string> = {};

async function idOf(soql: string): Promise<string> {
  const [record] = await t.org.query(soql);
  if (!record) throw new Error(`nothing for ${soql}`);
  return String(record.Id);
}

beforeAll(async () => {
  t = await startTestOrg({ clock: clock.now });
  ids.emma = await idOf("SELECT Id FROM User WHERE Username = 'emma.clarke@softphone.localorg'");
  ids.lukas = await idOf("SELECT Id FROM User WHERE Username = 'lukas.weber@softphone.localorg'");
  ids.voice = await idOf("SELECT Id FROM ServiceChannel WHERE DeveloperName = 'Softphone_Voice'");
  ids.queue = await idOf("SELECT Id FROM Group WHERE DeveloperName = 'Voice_Support' AND Type = 'Queue'");
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

async function presence(userId: string, status: string | null) {
  const reply = await send(`${t.org.url}/__localorg/omni/presence`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId, status })
  });
  expect(reply.status).toBe(200);
  return reply.body as Record<string, unknown> | null;
}

async function toolkit(workId: string, action: string, body: unknown = {}) {
  return send(`${t.org.url}/__localorg/omni/work/${workId}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  });
}

async function newWorkItem(): Promise<{ item: string; psr: string }> {
  const item = await t.api('POST', '/sobjects/Interaction__c', {
    Channel__c: 'voice',
    Customer_Address__c: '+14155550123'
  });
  const psr = await t.api('POST', '/sobjects/PendingServiceRouting', {
    WorkItemId: (item.body as { id: string }).id,
    ServiceChannelId: ids.voice,
    RoutingType: 'ExternalRouting',
    RoutingModel: 'ExternalRouting',
    RoutingPriority: 1,
    CapacityWeight: 10,
    QueueId: ids.queue,
    IsReadyForRouting: true
  });
  expect(psr.status).toBe(201);
  return { item: (item.body as { id: string }).id, psr: (psr.body as { id: string }).id };
}

async function offer(userId: string, w: { item: string; psr: string }) {
  const reply = await t.api('POST', '/sobjects/AgentWork', {
    UserId: userId,
    WorkItemId: w.item,
    ServiceChannelId: ids.voice,
    PendingServiceRoutingId: w.psr
  });
  expect(reply.status).toBe(201);
  const id = (reply.body as { id: string }).id;
  return (await t.api('GET', `/sobjects/AgentWork/${id}`)).body as Record<string, unknown>;
}

describe('Omni-Channel external routing', () => {
  it('marks work Unavailable for an agent who is not online for the channel', async () => {
    const w = await newWorkItem();
    const work = await offer(ids.emma ?? '', w);
    expect(work).toMatchObject({ Status: 'Unavailable', AssignedDateTime: null });
    expect((await t.api('GET', `/sobjects/PendingServiceRouting/${w.psr}`)).body).toMatchObject({
      IsPushed: false,
      IsPushAttempted: true
    });
    await presence(ids.emma ?? '', 'Break');
    expect((await offer(ids.emma ?? '', w)).Status).toBe('Unavailable');
  });

  it('keeps presence in UserServicePresence, readable but not writable through the API', async () => {
    const current = await presence(ids.emma ?? '', 'Available');
    expect(current).toMatchObject({ UserId: ids.emma, IsCurrentState: true, IsAway: false, ConfiguredCapacity: 10 });
    const reply = await t.api(
      'GET',
      `/query?q=${encodeURIComponent(`SELECT ServicePresenceStatus.DeveloperName, IsCurrentState FROM UserServicePresence WHERE UserId = '${ids.emma}' ORDER BY CreatedDate`)}`
    );
    const rows = (
      reply.body as { records: { IsCurrentState: boolean; ServicePresenceStatus: { DeveloperName: string } }[] }
    ).records;
    expect(rows.map((r) => [r.ServicePresenceStatus.DeveloperName, r.IsCurrentState])).toEqual([
      ['Break', false],
      ['Available', true]
    ]);
    const update = await t.api('PATCH', `/sobjects/UserServicePresence/${String(current?.Id)}`, { IsAway: true });
    expect(firstError(update)).toEqual({
      errorCode: 'INVALID_TYPE_FOR_OPERATION',
      message: 'entity type UserServicePresence does not support update'
    });
  });

  it('S2 accepting opens the work item, stamps the times and removes the PendingServiceRouting', async () => {
    const w = await newWorkItem();
    const work = await offer(ids.emma ?? '', w);
    expect(work).toMatchObject({
      Status: 'Assigned',
      AssignedDateTime: '2026-03-02T09:00:00.000+0000',
      PushTimeout: 30,
      RoutingType: 'ExternalRouting',
      OriginalQueueId: ids.queue,
      OwnerId: ids.emma
    });
    expect((await t.api('GET', `/sobjects/PendingServiceRouting/${w.psr}`)).body).toMatchObject({ IsPushed: true });
    clock.advance(8_000);
    const accepted = await toolkit(String(work.Id), 'accept');
    expect((accepted.body as { work: Record<string, unknown> }).work).toMatchObject({
      Status: 'Opened',
      AcceptDateTime: '2026-03-02T09:00:08.000+0000',
      SpeedToAnswer: 8
    });
    expect((await t.api('GET', `/sobjects/PendingServiceRouting/${w.psr}`)).status).toBe(404);
    clock.advance(120_000);
    const closed = (await t.org.omni.close(String(work.Id))) as { ok: true; work: Record<string, unknown> };
    expect(closed.work).toMatchObject({
      Status: 'Closed',
      CloseDateTime: '2026-03-02T09:02:08.000Z',
      HandleTime: 120,
      ActiveTime: 120
    });
  });

  it('keeps the PendingServiceRouting for re-routing after a decline or a push time-out', async () => {
    await presence(ids.lukas ?? '', 'Available_Voice');
    const w = await newWorkItem();
    const first = await offer(ids.emma ?? '', w);
    const declined = await toolkit(String(first.Id), 'decline', { reason: 'Wrong language' });
    expect((declined.body as { work: Record<string, unknown> }).work).toMatchObject({
      Status: 'Declined',
      DeclineReason: 'Wrong language'
    });
    const psr = (await t.api('GET', `/sobjects/PendingServiceRouting/${w.psr}`)).body as Record<string, unknown>;
    expect(psr).toMatchObject({ IsPushed: false, LastDeclinedAgentSession: `omni-session-${ids.emma}` });
    const second = await offer(ids.lukas ?? '', w);
    expect(second.Status).toBe('Assigned');
    const timedOut = await t.org.omni.pushTimeout(String(second.Id));
    expect(timedOut.ok && timedOut.work.Status).toBe('DeclinedOnPushTimeout');
    const again = await toolkit(String(second.Id), 'accept');
    expect(again.status).toBe(400);
    expect(firstError(again).errorCode).toBe('INVALID_STATUS');
  });

  it('S4 a transfer accepted by another agent closes the first agent’s work as Transferred', async () => {
    const w = await newWorkItem();
    const mine = await offer(ids.emma ?? '', w);
    await t.org.omni.accept(String(mine.Id));
    const transfer = await toolkit(String(mine.Id), 'transfer', { queueId: ids.queue });
    const psrId = String((transfer.body as { pendingServiceRoutingId: string }).pendingServiceRoutingId);
    expect((await t.api('GET', `/sobjects/PendingServiceRouting/${psrId}`)).body).toMatchObject({
      IsTransfer: true,
      QueueId: ids.queue
    });
    const theirs = await offer(ids.lukas ?? '', { item: w.item, psr: psrId });
    await t.org.omni.accept(String(theirs.Id));
    const [first] = await t.org.query(`SELECT Status, CloseDateTime FROM AgentWork WHERE Id = '${String(mine.Id)}'`);
    expect(first?.Status).toBe('Transferred');
    expect(first?.CloseDateTime).not.toBeNull();
    await t.org.omni.close(String(theirs.Id));
  });

  it('cancels work still waiting for an answer when its PendingServiceRouting is deleted (customer left)', async () => {
    const w = await newWorkItem();
    const work = await offer(ids.emma ?? '', w);
    expect((await t.api('DELETE', `/sobjects/PendingServiceRouting/${w.psr}`)).status).toBe(204);
    const [after] = await t.org.query(`SELECT Status, CancelDateTime FROM AgentWork WHERE Id = '${String(work.Id)}'`);
    expect(after?.Status).toBe('Canceled');
  });

  it('respects capacity: a second voice call for a busy agent is Unavailable', async () => {
    const w1 = await newWorkItem();
    const held = await offer(ids.emma ?? '', w1);
    await t.org.omni.accept(String(held.Id));
    const w2 = await newWorkItem();
    expect((await offer(ids.emma ?? '', w2)).Status).toBe('Unavailable');
    await t.org.omni.close(String(held.Id));
  });

  it('refuses a work item of another object than the channel routes, and writes to Status', async () => {
    const caseId = await idOf('SELECT Id FROM Case LIMIT 1');
    const wrong = await t.api('POST', '/sobjects/AgentWork', {
      UserId: ids.emma,
      WorkItemId: caseId,
      ServiceChannelId: ids.voice
    });
    expect(firstError(wrong)).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['WorkItemId'] });
    const status = await t.api('POST', '/sobjects/AgentWork', {
      UserId: ids.emma,
      WorkItemId: caseId,
      ServiceChannelId: ids.voice,
      Status: 'Opened'
    });
    expect(firstError(status)).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Status'] });
  });

  it('logs an agent out of Omni with a null status', async () => {
    expect(await presence(ids.lukas ?? '', null)).toBeNull();
    const rows = await t.org.query(
      `SELECT Id FROM UserServicePresence WHERE UserId = '${ids.lukas}' AND IsCurrentState = true`
    );
    expect(rows).toHaveLength(0);
  });
});
