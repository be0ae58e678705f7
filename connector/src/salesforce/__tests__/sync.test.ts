// The flusher against the local org over real HTTP: what each S rule leaves in Salesforce, how writes are batched,
// and what happens on refusals, the API limit, time-outs and a 20% 5xx fault rate.
import * as store from '../../store';
import { SalesforceClient } from '../client';
import { salesforceOptionsSchema } from '../options';
import { clientFor, drain, records, screenPopOp, startRig, taskOp, workItemOp, type Rig } from './support';

jest.setTimeout(90_000);

let rig: Rig;
let emma: string;
let oliver: string;
beforeAll(async () => {
  rig = await startRig({ flusher: { limitProbeMs: 10_000, limitProbeMaxMs: 40_000 } });
  emma = rig.agents.emma as string;
  oliver = rig.agents.oliver as string;
  await rig.org.omni.setPresence(emma, 'Available');
  await rig.org.omni.setPresence(oliver, 'Available');
}, 60_000);
afterAll(async () => rig?.close());
beforeEach(async () => rig.reset());

const workOf = (key: string) =>
  records(
    rig.org,
    `SELECT Id, UserId, Status, PendingServiceRoutingId FROM AgentWork WHERE WorkItemId IN (SELECT Id FROM Interaction__c WHERE Interaction_Key__c = '${key}') ORDER BY CreatedDate`
  );
const itemOf = async (key: string) =>
  (
    await records(rig.org, `SELECT Id, Status__c, Channel__c FROM Interaction__c WHERE Interaction_Key__c = '${key}'`)
  )[0];
const tasksOf = (key: string) =>
  records(
    rig.org,
    `SELECT Id, Subject, Status, TaskSubtype, CallType, CallDurationInSeconds, CallDisposition, CallObject, Description, Tags__c, OwnerId, ActivityDate FROM Task WHERE Interaction_Key__c = '${key}'`
  );

describe('S2 S3 S4 work items', () => {
  it('S2 accepting creates the work item and routes it to the agent (PendingServiceRouting + AgentWork), in one call with the screen pop', async () => {
    await rig.enqueue(workItemOp('s2-call', emma, 'Opened'));
    await rig.enqueue(screenPopOp('s2-call', '+442079460123'));
    const report = await rig.flusher.flushOnce();
    expect(report).toMatchObject({ calls: 1, sent: 2, retried: 0, parked: 0 });
    expect(rig.org.stats().apiCalls).toBe(1);
    expect(await itemOf('s2-call')).toMatchObject({ Status__c: 'Active', Channel__c: 'voice' });
    const [work] = await workOf('s2-call');
    expect(work).toMatchObject({ UserId: emma, Status: 'Assigned' });
    expect(
      await records(
        rig.org,
        `SELECT Id FROM PendingServiceRouting WHERE Id = '${String(work?.PendingServiceRoutingId)}'`
      )
    ).toHaveLength(1);
    // The console's Omni relay accepts the pushed work: Opened, and Omni deletes the routing request.
    expect(await rig.org.omni.accept(String(work?.Id))).toMatchObject({ ok: true, work: { Status: 'Opened' } });
  });

  it('S3 ending the interaction ends its work item', async () => {
    await rig.enqueue(workItemOp('s3-chat', emma, 'Opened', 'chat'));
    await drain(rig);
    await rig.enqueue(workItemOp('s3-chat', emma, 'Closed', 'chat'));
    await drain(rig);
    expect(await itemOf('s3-chat')).toMatchObject({ Status__c: 'Ended', Channel__c: 'chat' });
    expect(await workOf('s3-chat')).toHaveLength(1);
  });

  it('S4 a transfer accepted by another agent closes the first agent’s work item as Transferred', async () => {
    await rig.enqueue(workItemOp('s4-chat', emma, 'Opened', 'chat'));
    await drain(rig);
    const [first] = await workOf('s4-chat');
    await rig.org.omni.accept(String(first?.Id));
    // The transfer: Emma's machine reports Transferred, Oliver accepts in his softphone.
    await rig.enqueue(workItemOp('s4-chat', emma, 'Transferred', 'chat'));
    await rig.enqueue(workItemOp('s4-chat', oliver, 'Opened', 'chat'));
    await drain(rig);
    const second = (await workOf('s4-chat')).find((w) => w.UserId === oliver);
    expect(second).toMatchObject({ Status: 'Assigned' });
    await rig.org.omni.accept(String(second?.Id));
    const after = await workOf('s4-chat');
    expect(after.map((w) => [w.UserId, w.Status])).toEqual([
      [emma, 'Transferred'],
      [oliver, 'Opened']
    ]);
    expect(await itemOf('s4-chat')).toMatchObject({ Status__c: 'Active' });
  });

  it('S2 a declined offer puts the work item back in its queue', async () => {
    await rig.enqueue(workItemOp('s2-declined', emma, 'Declined'));
    await drain(rig);
    expect(await itemOf('s2-declined')).toMatchObject({ Status__c: 'Queued' });
    expect(await workOf('s2-declined')).toHaveLength(0);
  });
});

describe('S5 one Task per finished interaction', () => {
  it('S5 a finished call is logged as exactly one Call Task with dispositions, notes, duration, call type and tags; a repeat updates it', async () => {
    const op = taskOp('s5-call', emma);
    await rig.enqueue(op);
    await rig.enqueue(op); // the same write enqueued twice (a retried step): still one Task
    await drain(rig);
    const tasks = await tasksOf('task:s5-call');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      Subject: 'Inbound call',
      Status: 'Completed',
      TaskSubtype: 'Call',
      CallType: 'Inbound',
      CallDurationInSeconds: 125,
      CallDisposition: 'Resolved;Upsell',
      CallObject: 'call-s5-call',
      Description: 'Refund agreed',
      Tags__c: 'vip',
      OwnerId: emma,
      ActivityDate: '2026-03-02'
    });
  });

  it('S5 each handling round of a digital conversation is its own Task', async () => {
    await rig.enqueue(taskOp('s5-dm', emma, { channel: 'whatsapp', subject: 'WhatsApp N1' }));
    await rig.enqueue(taskOp('s5-dm', emma, { channel: 'whatsapp', subject: 'WhatsApp N1', round: 2 }));
    await drain(rig);
    expect(await tasksOf('task:s5-dm')).toHaveLength(1);
    expect(await tasksOf('task:s5-dm#2')).toHaveLength(1);
  });

  it('S5 a Task whose first attempt timed out but landed later is updated, not duplicated, and keeps its subtype', async () => {
    const impatient = rig.flusherWith({}, { api: impatientClient() });
    await rig.enqueue(
      taskOp('s5-late', emma, {
        details: { whoId: null, whatId: null, dispositions: ['Sale'], tags: [], notes: 'late' }
      })
    );
    rig.org.faults.set({ timeoutRate: 1 });
    expect(await impatient.flushOnce()).toMatchObject({ sent: 0, retried: 1 });
    rig.org.faults.set({ timeoutRate: 0 }); // releases the held call: it runs now, after the client gave up
    await waitFor(async () => (await tasksOf('task:s5-late')).length === 1);
    rig.clock.now += 60_000;
    await drain(rig, 5, impatient);
    const tasks = await tasksOf('task:s5-late');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ TaskSubtype: 'Call', CallDisposition: 'Sale', Description: 'late' });
    expect(await store.outbox.depth(rig.db, rig.clock.now)).toMatchObject({ pending: 0, parked: 0 });
  });

  it('S2 an accept whose first attempt timed out but landed later does not route the work twice', async () => {
    const impatient = rig.flusherWith({}, { api: impatientClient() });
    await rig.enqueue(workItemOp('s2-late', emma, 'Opened'));
    await drain(rig, 1, impatient); // looks up the service channel ids first
    await rig.reset();
    await rig.enqueue(workItemOp('s2-late-2', emma, 'Opened'));
    rig.org.faults.set({ timeoutRate: 1 });
    await impatient.flushOnce();
    rig.org.faults.set({ timeoutRate: 0 });
    await waitFor(async () => (await workOf('s2-late-2')).length === 1);
    rig.clock.now += 60_000;
    await drain(rig, 5, impatient);
    expect(await workOf('s2-late-2')).toHaveLength(1);
    expect(await store.outbox.depth(rig.db, rig.clock.now)).toMatchObject({ pending: 0, parked: 0 });
  });
});

describe('S6 screen pop', () => {
  it('S6 the number, e-mail or digital id is matched: one, several or none; two screen pops per call (five queries at most)', async () => {
    await rig.enqueue(screenPopOp('pop-several', '+44 20 7946 0123'));
    await rig.enqueue(screenPopOp('pop-one', 'michael.chen@acme.example', 'email'));
    await rig.enqueue(screenPopOp('pop-contact-and-lead', '+447700900456', 'whatsapp'));
    await rig.enqueue(screenPopOp('pop-messenger', 'lea.dubois.lyon', 'messenger'));
    await rig.enqueue(screenPopOp('pop-none', 'nobody_here', 'x'));
    expect(await rig.flusher.flushOnce()).toMatchObject({ calls: 3, sent: 5 });
    const names = Object.fromEntries(
      rig.pops.map((p) => [
        p.interactionId,
        (p.matches as { name: string; objectType: string }[]).map((m) => `${m.objectType} ${m.name}`).sort()
      ])
    );
    expect(names).toEqual({
      'pop-several': ['Contact Emily Wilson', 'Contact James Wilson'],
      'pop-one': ['Contact Michael Chen'],
      'pop-contact-and-lead': ['Contact Alex Taylor', 'Lead Alex Taylor'],
      'pop-messenger': ['Contact Léa Dubois'],
      'pop-none': []
    });
  });
});

describe('S7 batching, refusals, limits and faults', () => {
  it('S7 writes of many interactions share one Composite call', async () => {
    for (let i = 0; i < 20; i++) await rig.enqueue(taskOp(`batch-${i}`, emma));
    expect(await rig.flusher.flushOnce()).toMatchObject({ calls: 1, sent: 20 });
    expect(rig.org.stats().apiCalls).toBe(1);
    expect(await records(rig.org, "SELECT Id FROM Task WHERE Interaction_Key__c LIKE 'task:batch-%'")).toHaveLength(20);
  });

  it('S7 full lifecycles of 12 interactions (48 writes) take 6 calls instead of 48 (each call: two screen pops, 25 subrequests)', async () => {
    for (let i = 0; i < 12; i++) {
      const id = `life-${i}`;
      await rig.enqueue(workItemOp(id, emma, 'Opened'));
      await rig.enqueue(screenPopOp(id, '+14155550123'));
      await rig.enqueue(workItemOp(id, emma, 'Closed'));
      await rig.enqueue(taskOp(id, emma));
    }
    const calls = await drain(rig);
    expect(calls).toBe(6);
    expect(rig.org.stats().apiCalls).toBe(calls);
    expect(await store.outbox.depth(rig.db, rig.clock.now)).toMatchObject({ pending: 0, parked: 0 });
    expect(await records(rig.org, "SELECT Id FROM Task WHERE Interaction_Key__c LIKE 'task:life-%'")).toHaveLength(12);
  });

  it('S7 a write Salesforce refuses for good is parked with its error for an admin; the others in the call go through', async () => {
    const [account] = await records(rig.org, 'SELECT Id FROM Account LIMIT 1');
    await rig.enqueue(taskOp('park-ok', emma));
    const badWho = await rig.enqueue(
      taskOp('park-who', emma, {
        details: { whoId: String(account?.Id), whatId: null, dispositions: [], tags: [], notes: '' }
      })
    );
    const badOwner = await rig.enqueue(taskOp('park-owner', '005000000000999AAA'));
    expect(await rig.flusher.flushOnce()).toMatchObject({ calls: 1, sent: 1, parked: 2 });
    const parked = await rig.flusher.listParked();
    expect(parked.map((p) => [p.id, p.operation, p.error?.code])).toEqual([
      [badWho, 'task.log', 'FIELD_INTEGRITY_EXCEPTION'],
      [badOwner, 'task.log', expect.stringMatching(/^(INVALID_CROSS_REFERENCE_KEY|MALFORMED_ID)$/)]
    ]);
    expect(await rig.flusher.status()).toMatchObject({ state: 'ok', pending: 0, parked: 2 });
    // Parked writes are never retried on their own, and never dropped: an admin sends one again.
    rig.clock.now += 3_600_000;
    expect(await rig.flusher.flushOnce()).toMatchObject({ calls: 0 });
    expect(await rig.flusher.retryParked(badWho)).toEqual({ ok: true });
    expect(await rig.flusher.flushOnce()).toMatchObject({ calls: 1, parked: 1 });
    expect(await rig.flusher.retryParked(999_999)).toMatchObject({ ok: false, code: 'NOT_PARKED' });
  });

  it('S7 REQUEST_LIMIT_EXCEEDED pauses the whole flusher until /limits says the limit has reset; nothing is lost', async () => {
    const flusher = rig.flusherWith({ limitProbeMs: 10_000, limitProbeMaxMs: 40_000 });
    const states: string[] = [];
    flusher.onStatusChange((state, reason) => states.push(`${state}:${reason ?? ''}`));
    for (let i = 0; i < 5; i++) await rig.enqueue(taskOp(`limit-${i}`, emma));
    rig.org.faults.set({ limitAfterCalls: 0 });
    expect(await flusher.flushOnce()).toMatchObject({ paused: true, sent: 0, retried: 5 });
    expect(await flusher.status()).toMatchObject({
      state: 'paused',
      reason: 'REQUEST_LIMIT_EXCEEDED',
      pending: 5,
      parked: 0
    });
    // Paused: no calls at all until the probe is due.
    rig.clock.now += 5_000;
    expect(await flusher.flushOnce()).toMatchObject({ calls: 0, paused: true });
    rig.clock.now += 5_000;
    expect(await flusher.flushOnce()).toMatchObject({ calls: 1, paused: true, sent: 0 }); // the probe, still refused
    rig.org.faults.set({ limitAfterCalls: null });
    rig.clock.now += 10_000;
    expect(await flusher.flushOnce()).toMatchObject({ calls: 0, paused: true }); // probes back off: 10 s, then 20 s
    rig.clock.now += 10_000;
    expect(await flusher.flushOnce()).toMatchObject({ calls: 2, paused: false, sent: 5 }); // probe + the writes
    expect(await flusher.status()).toMatchObject({ state: 'ok', pending: 0, parked: 0 });
    expect(states).toEqual(['paused:REQUEST_LIMIT_EXCEEDED', 'ok:']);
    expect(await records(rig.org, "SELECT Id FROM Task WHERE Interaction_Key__c LIKE 'task:limit-%'")).toHaveLength(5);
  });

  it('S7 with 20% of calls failing with 5xx everything is delivered exactly once, and the status says delayed meanwhile', async () => {
    const flusher = rig.flusherWith({ backoffBaseMs: 1_000, backoffMaxMs: 8_000 });
    const states: string[] = [];
    flusher.onStatusChange((state) => states.push(state));
    const n = 30;
    for (let i = 0; i < n; i++) {
      const id = `fault-${i}`;
      await rig.enqueue(workItemOp(id, emma, 'Opened', 'sms'));
      await rig.enqueue(screenPopOp(id, '+34612345678', 'sms'));
      await rig.enqueue(workItemOp(id, emma, 'Closed', 'sms'));
      await rig.enqueue(taskOp(id, emma, { channel: 'sms', subject: `SMS ${i}` }));
    }
    rig.org.faults.set({ seed: 3, errorRates: { '500': 0.1, '503': 0.1 } });
    for (let round = 0; round < 200; round++) {
      await flusher.flushOnce();
      if ((await store.outbox.depth(rig.db, rig.clock.now + 3_600_000)).pending === 0) break;
      rig.clock.now += 5_000;
    }
    const injected = rig.org.stats().injectedFaults;
    expect(injected.error500 + injected.error503).toBeGreaterThan(0);
    expect(await store.outbox.depth(rig.db, rig.clock.now)).toMatchObject({ pending: 0, parked: 0 });
    const tasks = await records(
      rig.org,
      "SELECT Interaction_Key__c FROM Task WHERE Interaction_Key__c LIKE 'task:fault-%'"
    );
    expect(tasks).toHaveLength(n);
    expect(new Set(tasks.map((t) => t.Interaction_Key__c)).size).toBe(n);
    const work = await records(
      rig.org,
      "SELECT Id FROM AgentWork WHERE WorkItemId IN (SELECT Id FROM Interaction__c WHERE Interaction_Key__c LIKE 'fault-%')"
    );
    expect(work).toHaveLength(n);
    expect(new Set(rig.pops.map((p) => p.interactionId)).size).toBe(n);
    expect(states).toContain('delayed');
    expect(states[states.length - 1]).toBe('ok');
  });

  it('S7 when Salesforce cannot be reached nothing is claimed or lost, and the status is delayed', async () => {
    const offline = new SalesforceClient(
      salesforceOptionsSchema.parse({
        loginUrl: 'http://127.0.0.1:9',
        clientId: 'id',
        clientSecret: 'secret',
        auth: { grant: 'client_credentials' },
        requestTimeoutMs: 1_000
      })
    );
    const flusher = rig.flusherWith({}, { api: offline });
    const id = await rig.enqueue(taskOp('offline', emma));
    expect(await flusher.flushOnce()).toMatchObject({ calls: 0, sent: 0 });
    expect(await flusher.status()).toMatchObject({ state: 'delayed', reason: 'NETWORK', pending: 1 });
    expect(await store.outbox.get(rig.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('S7 a write waiting longer than delayedAfterMs makes the status delayed (BACKLOG) even without failures', async () => {
    const flusher = rig.flusherWith({ delayedAfterMs: 30_000 });
    await rig.enqueue(taskOp('backlog', emma));
    expect(await flusher.status()).toMatchObject({ state: 'ok', pending: 1 });
    rig.clock.now += 31_000;
    expect(await flusher.status()).toMatchObject({ state: 'delayed', reason: 'BACKLOG', pending: 1 });
    await drain(rig, 3, flusher);
    expect(await flusher.status()).toMatchObject({ state: 'ok', pending: 0 });
  });

  it('S7 start() batches by deadline: a lone write waits batchDelayMs for company, an accept’s screen pop only urgentDelayMs', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    const scheduler = {
      setTimeout: (fn: () => void, ms: number) => {
        const timer = { fn, ms };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (handle: unknown) => {
        const at = timers.indexOf(handle as { fn: () => void; ms: number });
        if (at >= 0) timers.splice(at, 1);
      }
    };
    const flushed: number[] = [];
    const flusher = rig.flusherWith(
      { intervalMs: 1_000, lingerMs: 200, urgentDelayMs: 500, batchDelayMs: 10_000 },
      { scheduler, onFlush: (r) => flushed.push(r.sent) }
    );
    const run = async () => {
      const timer = timers.shift();
      timer?.fn();
      await waitFor(async () => timers.length > 0);
    };
    flusher.start();
    expect(timers.map((t) => t.ms)).toEqual([0]);
    await rig.enqueue(taskOp('loop', emma));
    await run(); // the Task may wait 10 s for company: look again in a second
    expect(flushed).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([1_000]);
    await rig.enqueue(screenPopOp('loop', '+14155550123'));
    flusher.kick(); // a new write: look soon
    expect(timers.map((t) => t.ms)).toEqual([200]);
    await run(); // the screen pop waits at most 500 ms: wake up exactly then
    expect(timers.map((t) => t.ms)).toEqual([500]);
    rig.clock.now += 500;
    await run();
    expect(flushed).toEqual([2]); // both in one call
    expect(rig.org.stats().apiCalls).toBe(1);
    expect(timers.map((t) => t.ms)).toEqual([1_000]);
    await flusher.stop();
    expect(timers).toEqual([]);
  });
});

/** A client that gives up after 300 ms: its calls time out while the org holds them. */
function impatientClient(): SalesforceClient {
  return clientFor(rig.org, { requestTimeoutMs: 300 });
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met in time');
}
