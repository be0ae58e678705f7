// The pure mapping from SyncOperation to Salesforce REST: Task fields, work item writes, screen pop queries, and how
// a Composite answer is read back.
import { dedupeKey } from '../../engine/persist';
import { backoffDelay } from '../backoff';
import { addUnits, buildRequest, emptyDraft, overflowDrafts, type DraftOp } from '../drafts';
import { failure, failureFromThrown, kindOfCode } from '../failures';
import { acceptGuardQueries, readAcceptGuard, routedKey } from '../mapping/acceptGuard';
import { externalKey } from '../mapping/keys';
import { planOperation, serviceChannelQuery, type PlanContext } from '../mapping/plan';
import { readOperation } from '../mapping/results';
import { readScreenPop, screenPopOutcome, screenPopQueries } from '../mapping/screenPop';
import { soqlString, toE164 } from '../mapping/soql';
import { taskFields } from '../mapping/task';
import type { SyncOperation, TaskLogOperation } from '../operation';
import { parseSalesforceOptions } from '../options';
import { T0, screenPopOp, taskOp, workItemOp } from './support';

const AGENT = '0058d0000000002AAA';
const DATA = '/services/data/v63.0';

const context = (op: SyncOperation, overrides: Partial<PlanContext> = {}): PlanContext => ({
  dataPath: DATA,
  dedupeKey: dedupeKey(op),
  ref: (role) => `o1_${role}`,
  serviceChannel: (kind) => `@{ch_${kind}.records[0].Id}`,
  taskWithSubtype: true,
  alreadyRouted: null,
  ...overrides
});

describe('S5 Task mapping', () => {
  it('S5 a voice call becomes one Call Task with every disposition, notes, duration, call type, Who/What and tags', () => {
    const op = taskOp('c1', AGENT, {
      details: {
        whoId: '0038d0000000003AAA',
        whatId: '5008d0000000001AAA',
        dispositions: ['Resolved', 'Upsell', 'Callback requested'],
        tags: ['vip', 'billing'],
        notes: 'Refund agreed'
      }
    });
    expect(taskFields(op, { withSubtype: true })).toEqual({
      Subject: 'Inbound call',
      Status: 'Completed',
      ActivityDate: '2026-03-02',
      OwnerId: AGENT,
      WhoId: '0038d0000000003AAA',
      WhatId: '5008d0000000001AAA',
      Type: 'Call',
      Channel__c: 'voice',
      TaskSubtype: 'Call',
      CallType: 'Inbound',
      CallDurationInSeconds: 125,
      CallDisposition: 'Resolved;Upsell;Callback requested',
      CallObject: 'call-c1',
      Description: 'Refund agreed',
      Tags__c: 'vip;billing'
    });
  });

  it('S5 outbound and callback calls are Outbound, internal calls Internal', () => {
    expect(taskFields(taskOp('c1', AGENT, { direction: 'outbound' }), { withSubtype: true }).CallType).toBe('Outbound');
    expect(taskFields(taskOp('c1', AGENT, { direction: 'callback' }), { withSubtype: true }).CallType).toBe('Outbound');
    expect(taskFields(taskOp('c1', AGENT, { direction: 'internal' }), { withSubtype: true }).CallType).toBe('Internal');
  });

  it('S5 e-mail is an Email Task, other digital channels a plain Task without call type', () => {
    const email = taskFields(taskOp('e1', AGENT, { channel: 'email', subject: 'Parcel' }), { withSubtype: true });
    expect(email).toMatchObject({ TaskSubtype: 'Email', Type: 'Email', Channel__c: 'email', Subject: 'Parcel' });
    expect(email).not.toHaveProperty('CallType');
    const whatsapp = taskFields(taskOp('w1', AGENT, { channel: 'whatsapp' }), { withSubtype: true });
    expect(whatsapp).toMatchObject({ TaskSubtype: 'Task', Type: 'Other', Channel__c: 'whatsapp' });
  });

  it('S5 a retried Task leaves out the create-only TaskSubtype', () => {
    expect(taskFields(taskOp('c1', AGENT), { withSubtype: false })).not.toHaveProperty('TaskSubtype');
  });

  it('S5 dispositions that do not fit CallDisposition are all kept in the Description', () => {
    const many = Array.from({ length: 20 }, (_, i) => `Disposition number ${i}`);
    const fields = taskFields(
      taskOp('c1', AGENT, { details: { whoId: null, whatId: null, dispositions: many, tags: [], notes: 'n' } }),
      { withSubtype: true }
    );
    expect(String(fields.CallDisposition)).toHaveLength(255);
    expect(String(fields.Description)).toBe(`n\n\nDispositions: ${many.join(';')}`);
  });

  it('S5 empty details are written as nulls, and a negative duration never reaches the validation rule', () => {
    const fields = taskFields(
      taskOp('c1', AGENT, {
        durationSeconds: -3,
        providerCallId: null,
        details: { whoId: null, whatId: null, dispositions: [], tags: [], notes: '' }
      }),
      { withSubtype: true }
    );
    expect(fields).toMatchObject({
      CallDurationInSeconds: 0,
      CallDisposition: null,
      CallObject: null,
      Description: null,
      Tags__c: null
    });
  });

  it('S5 the Task is upserted by Interaction_Key__c = the outbox dedupe key, one key per handling round', () => {
    const first = planOperation(taskOp('d1', AGENT), context(taskOp('d1', AGENT)));
    const second = planOperation(taskOp('d1', AGENT, { round: 2 }), context(taskOp('d1', AGENT, { round: 2 })));
    expect(first.read === 'task' && first.subrequests[0]).toMatchObject({
      method: 'PATCH',
      url: `${DATA}/sobjects/Task/Interaction_Key__c/task%3Ad1`
    });
    expect(second.read === 'task' && second.subrequests[0]?.url).toBe(
      `${DATA}/sobjects/Task/Interaction_Key__c/task%3Ad1%232`
    );
  });

  it('S5 a key longer than the 80-character external id is replaced by a stable hash', () => {
    const long = `task:${'x'.repeat(120)}`;
    expect(externalKey(long)).toHaveLength(66);
    expect(externalKey(long)).toBe(externalKey(long));
    expect(externalKey('task:short')).toBe('task:short');
  });
});

describe('S2 S4 work item mapping', () => {
  it('S2 an accept upserts the Interaction__c and routes a PendingServiceRouting and an AgentWork to the agent', () => {
    const op = workItemOp('c1', AGENT, 'Opened', 'chat');
    const plan = planOperation(op, context(op));
    expect(plan).toEqual({
      read: 'route',
      known: null,
      refs: { item: 'o1_item', work: 'o1_work' },
      subrequests: [
        {
          method: 'PATCH',
          url: `${DATA}/sobjects/Interaction__c/Interaction_Key__c/c1`,
          referenceId: 'o1_item',
          body: { Channel__c: 'chat', Status__c: 'Active' }
        },
        {
          method: 'POST',
          url: `${DATA}/sobjects/PendingServiceRouting`,
          referenceId: 'o1_psr',
          body: {
            WorkItemId: '@{o1_item.id}',
            ServiceChannelId: '@{ch_chat.records[0].Id}',
            RoutingType: 'ExternalRouting',
            RoutingModel: 'ExternalRouting',
            RoutingPriority: 1,
            IsReadyForRouting: true
          }
        },
        {
          method: 'POST',
          url: `${DATA}/sobjects/AgentWork`,
          referenceId: 'o1_work',
          body: {
            UserId: AGENT,
            WorkItemId: '@{o1_item.id}',
            ServiceChannelId: '@{ch_chat.records[0].Id}',
            PendingServiceRoutingId: '@{o1_psr.id}',
            ShouldSkipCapacityCheck: true
          }
        }
      ]
    });
  });

  it('S2 a retried accept whose AgentWork exists writes only the Interaction__c', () => {
    const op = workItemOp('c1', AGENT, 'Opened');
    const known = { workId: '0Bz8d0000000001AAA', workItemId: 'a018d0000000001AAA' };
    const plan = planOperation(op, context(op, { alreadyRouted: known }));
    expect(plan.read === 'route' && plan.subrequests.map((s) => s.referenceId)).toEqual(['o1_item']);
    expect(plan).toMatchObject({ known });
  });

  it.each([
    ['Closed', 'Ended'],
    ['Canceled', 'Ended'],
    ['Declined', 'Queued'],
    ['DeclinedOnPushTimeout', 'Queued']
  ] as const)('S3 %s moves the Interaction__c to %s', (status, interactionStatus) => {
    const op = workItemOp('c1', AGENT, status, 'sms');
    const plan = planOperation(op, context(op));
    expect(plan.read === 'write' && plan.subrequests).toEqual([
      {
        method: 'PATCH',
        url: `${DATA}/sobjects/Interaction__c/Interaction_Key__c/c1`,
        referenceId: 'o1_item',
        body: { Channel__c: 'sms', Status__c: interactionStatus }
      }
    ]);
  });

  it('S4 Transferred writes nothing: Omni closes the sender’s work as Transferred when the receiver accepts', () => {
    const op = workItemOp('c1', AGENT, 'Transferred');
    expect(planOperation(op, context(op))).toEqual({ read: 'write', subrequests: [] });
  });

  it('presence cannot be written through the API and is refused by code', () => {
    const op: SyncOperation = { op: 'presence.mirror', agentId: AGENT, status: 'Available', reasonCode: null };
    expect(planOperation(op, context(op))).toMatchObject({ read: 'unsupported', code: 'PRESENCE_NOT_WRITABLE' });
  });

  it('the service channel lookup names the channel and nothing else', () => {
    const lookup = serviceChannelQuery(DATA, "Softphone_Voice' OR Name != '", 'ch_voice');
    expect(decodeURIComponent(lookup.url)).toBe(
      `${DATA}/query?q=SELECT Id FROM ServiceChannel WHERE DeveloperName = 'Softphone_VoiceORName'`
    );
  });
});

describe('S6 screen pop queries', () => {
  it('S6 a caller is matched on E.164 phone fields of Contacts and open Leads', () => {
    const queries = screenPopQueries({ address: '+44 20 7946 0123', channel: 'voice' });
    expect(queries).toEqual({
      contacts:
        "SELECT Id, Name, AccountId, Account.Name, Email, Phone FROM Contact WHERE Phone = '+442079460123' OR " +
        "MobilePhone = '+442079460123' OR HomePhone = '+442079460123' ORDER BY LastModifiedDate DESC LIMIT 20",
      leads:
        "SELECT Id, Name, Company, Email, Phone FROM Lead WHERE (Phone = '+442079460123' OR MobilePhone = " +
        "'+442079460123') AND IsConverted = false ORDER BY LastModifiedDate DESC LIMIT 20"
    });
  });

  it.each([
    ['email', 'jane@example.org', 'Email'],
    ['chat', 'jane@example.org', 'Email'],
    ['whatsapp', '+447700900123', 'WhatsApp_Id__c'],
    ['messenger', 'sarah.johnson.acme', 'Messenger_Id__c'],
    ['instagram', 'sarah.insta', 'Instagram_Id__c'],
    ['x', 'sarahj', 'X_Id__c'],
    ['sms', '+447700900123', 'MobilePhone']
  ] as const)('S6 on %s the address %s is matched on %s', (channel, address, field) => {
    const queries = screenPopQueries({ address, channel });
    expect(queries?.contacts).toContain(`${field} = '${address}'`);
    expect(queries?.leads).toContain(`${field} = '${address}'`);
  });

  it('S6 a chat visitor without an e-mail address matches nothing, without a query', () => {
    expect(screenPopQueries({ address: 'visitor-42', channel: 'chat' })).toBeNull();
    const op = screenPopOp('c1', 'visitor-42', 'chat');
    expect(planOperation(op, context(op))).toEqual({ read: 'screenPop', subrequests: [] });
    expect(readOperation({ read: 'screenPop', subrequests: [] }, new Map())).toEqual({ status: 'done', screenPop: [] });
  });

  it('S6 an address cannot break out of its SOQL literal', () => {
    const queries = screenPopQueries({ address: "x' OR Name != '", channel: 'messenger' });
    expect(queries?.contacts).toContain("Messenger_Id__c = 'x\\' OR Name != \\''");
    expect(soqlString('a\\b\n')).toBe("'a\\\\b\\n'");
  });

  it('S6 phone numbers are normalised to E.164, anything else is left as typed', () => {
    expect(toE164('0049 30 1234500')).toBe('+49301234500');
    expect(toE164('+1 (415) 555-0100')).toBe('+14155550100');
    expect(toE164(' 911 ')).toBe('911');
  });

  it('S6 none, one or several matches: the outcome says whether to offer creating, open, or pick', () => {
    const contacts = {
      records: [
        {
          Id: '003A',
          Name: 'James Wilson',
          AccountId: '001A',
          Account: { Name: 'Northwind' },
          Email: null,
          Phone: '+1'
        }
      ]
    };
    const leads = { records: [{ Id: '00QA', Name: 'Alex Taylor', Company: 'Acme', Email: 'a@x.org', Phone: null }] };
    const matches = readScreenPop(contacts, leads);
    expect(matches).toEqual([
      {
        objectType: 'Contact',
        id: '003A',
        name: 'James Wilson',
        accountId: '001A',
        accountName: 'Northwind',
        company: null,
        email: null,
        phone: '+1'
      },
      {
        objectType: 'Lead',
        id: '00QA',
        name: 'Alex Taylor',
        accountId: null,
        accountName: null,
        company: 'Acme',
        email: 'a@x.org',
        phone: null
      }
    ]);
    expect(screenPopOutcome([])).toBe('none');
    expect(screenPopOutcome(matches?.slice(0, 1) ?? [])).toBe('one');
    expect(screenPopOutcome(matches ?? [])).toBe('several');
    expect(readScreenPop({ nope: true }, leads)).toBeNull();
  });
});

describe('reading a Composite answer', () => {
  const op = taskOp('c1', AGENT) as TaskLogOperation;
  const plan = planOperation(op, context(op));
  const answer = (httpStatusCode: number, body: unknown) =>
    new Map([['o1_task', { referenceId: 'o1_task', httpStatusCode, body }]]);

  it('S5 a Task an earlier attempt created is recognised and sent again without TaskSubtype', () => {
    if (plan.read !== 'task') throw new Error('expected a task plan');
    const refused = answer(400, [
      {
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: 'Unable to create/update fields: TaskSubtype.',
        fields: ['TaskSubtype']
      }
    ]);
    expect(readOperation(plan, refused)).toEqual({ status: 'taskExists' });
    expect(readOperation({ ...plan, withSubtype: false }, refused)).toMatchObject({
      status: 'failed',
      failure: { kind: 'permanent', code: 'INVALID_FIELD_FOR_INSERT_UPDATE' }
    });
    expect(readOperation(plan, answer(201, { id: '00T', success: true, created: true }))).toEqual({ status: 'done' });
  });

  it('S7 a refusal for good is permanent, a 5xx transient, the API limit a pause', () => {
    if (plan.read !== 'task') throw new Error('expected a task plan');
    const failed = (status: number, errorCode: string) =>
      readOperation(plan, answer(status, [{ errorCode, message: errorCode }]));
    expect(failed(400, 'REQUIRED_FIELD_MISSING')).toMatchObject({ failure: { kind: 'permanent' } });
    expect(failed(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION')).toMatchObject({ failure: { kind: 'permanent' } });
    expect(failed(400, 'INVALID_FIELD')).toMatchObject({ failure: { kind: 'permanent' } });
    expect(failed(500, 'UNKNOWN_EXCEPTION')).toMatchObject({ failure: { kind: 'transient' } });
    expect(failed(503, 'SERVER_UNAVAILABLE')).toMatchObject({ failure: { kind: 'transient' } });
    expect(failed(403, 'REQUEST_LIMIT_EXCEEDED')).toMatchObject({ failure: { kind: 'limit' } });
    expect(kindOfCode('UNABLE_TO_LOCK_ROW', 400)).toBe('transient');
    expect(kindOfCode('INVALID_SESSION_ID', 401)).toBe('auth');
  });

  it('S2 a routed accept reads back the work item and AgentWork ids for the Omni relay', () => {
    const accept = workItemOp('c1', AGENT, 'Opened');
    const plan = planOperation(accept, context(accept));
    if (plan.read !== 'route') throw new Error('expected a route plan');
    const ok = (referenceId: string, body: unknown) =>
      [referenceId, { referenceId, httpStatusCode: 201, body }] as const;
    const answers = new Map([
      ok('o1_item', { id: 'a018d0000000001AAA', created: true }),
      ok('o1_psr', { id: '0JR8d0000000001AAA', success: true }),
      ok('o1_work', { id: '0Bz8d0000000001AAA', success: true })
    ]);
    expect(readOperation(plan, answers)).toEqual({
      status: 'done',
      routed: { workItemId: 'a018d0000000001AAA', workId: '0Bz8d0000000001AAA' }
    });
  });

  it('a subrequest halted by an earlier failure reports the earlier failure', () => {
    const accept = workItemOp('c1', AGENT, 'Opened');
    const acceptPlan = planOperation(accept, context(accept));
    if (acceptPlan.read !== 'route') throw new Error('expected a route plan');
    const answers = new Map([
      ['o1_item', { referenceId: 'o1_item', httpStatusCode: 200, body: { id: 'a01', created: false } }],
      [
        'o1_psr',
        {
          referenceId: 'o1_psr',
          httpStatusCode: 400,
          body: [{ errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'bad' }]
        }
      ],
      [
        'o1_work',
        { referenceId: 'o1_work', httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED', message: 'halted' }] }
      ]
    ]);
    expect(readOperation(acceptPlan, answers)).toMatchObject({
      status: 'failed',
      failure: { code: 'FIELD_INTEGRITY_EXCEPTION', kind: 'permanent' }
    });
  });

  it('errors jsforce throws become failures: time-out, network, Salesforce codes', () => {
    expect(failureFromThrown(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toMatchObject({
      code: 'TIMEOUT',
      kind: 'transient'
    });
    expect(
      failureFromThrown(Object.assign(new Error('refused'), { name: 'FetchError', code: 'ECONNREFUSED' }))
    ).toMatchObject({ code: 'NETWORK', kind: 'transient' });
    expect(
      failureFromThrown(
        Object.assign(new Error('limit'), { name: 'REQUEST_LIMIT_EXCEEDED', errorCode: 'REQUEST_LIMIT_EXCEEDED' })
      )
    ).toMatchObject({ code: 'REQUEST_LIMIT_EXCEEDED', kind: 'limit', httpStatus: 403 });
    expect(failure('ERROR_HTTP_502', 'bad gateway', 502).kind).toBe('transient');
  });
});

describe('the accept guard', () => {
  it('S2 finds the (interaction, agent) pairs whose AgentWork is still live', () => {
    const queries = acceptGuardQueries(['c1', "c'2"]);
    expect(queries.items).toBe(
      "SELECT Id, Interaction_Key__c FROM Interaction__c WHERE Interaction_Key__c IN ('c1', 'c\\'2')"
    );
    expect(queries.works).toContain("Status IN ('Assigned', 'Opened', 'Unavailable')");
    const routed = readAcceptGuard(
      { records: [{ Id: 'a018d0000000001AAA', Interaction_Key__c: 'c1' }] },
      { records: [{ Id: '0Bz8d0000000009AAA', UserId: AGENT, WorkItemId: 'a018d0000000001' }] }
    );
    expect(routed).toEqual(
      new Map([[routedKey('c1', AGENT), { workId: '0Bz8d0000000009AAA', workItemId: 'a018d0000000001' }]])
    );
    expect(routed?.has(routedKey('c1', AGENT.slice(0, 15)))).toBe(true);
    expect(readAcceptGuard({}, {})).toBeNull();
  });
});

describe('S7 batching into Composite requests', () => {
  const draftOp = (id: number, op: SyncOperation): DraftOp => ({
    row: {
      id,
      dedupeKey: dedupeKey(op),
      interactionId: 'interactionId' in op ? op.interactionId : null,
      operation: op,
      status: 'pending',
      attempts: 1,
      nextAttemptAt: T0,
      lastError: null,
      createdAt: T0,
      sentAt: null
    },
    op
  });
  const costOf = (d: DraftOp) => {
    if (!d.op) return { subrequests: 0, queries: 0, channel: null };
    const plan = planOperation(d.op, context(d.op));
    const subs = plan.read === 'unsupported' ? [] : plan.subrequests;
    const channel = d.op.op === 'workItem.update' && d.op.status === 'Opened' ? ('voice' as const) : null;
    return { subrequests: subs.length, queries: subs.filter((q) => q.method === 'GET').length, channel };
  };

  it('S7 keeps each interaction’s writes together and in order, and never exceeds 25 subrequests', () => {
    const draft = emptyDraft();
    const runs = Array.from({ length: 6 }, (_, i) => ({
      head: draftOp(i * 10 + 1, workItemOp(`c${i}`, AGENT, 'Opened')),
      followers: [
        draftOp(i * 10 + 2, screenPopOp(`c${i}`, '+14155550100')),
        draftOp(i * 10 + 3, workItemOp(`c${i}`, AGENT, 'Closed')),
        draftOp(i * 10 + 4, taskOp(`c${i}`, AGENT))
      ]
    }));
    addUnits(draft, runs, costOf);
    // 6 accepts (3 each) + one voice channel lookup = 19; then followers in order while they fit (2 + 1 + 1, then 2):
    // 25 subrequests, and 5 queries (the lookup and two screen pops), Salesforce's two limits.
    expect(draft.size).toBe(25);
    expect(draft.queries).toBe(5);
    expect(draft.units).toHaveLength(6);
    expect(draft.units[0]?.ops.map((o) => o.row.id)).toEqual([1, 2, 3, 4]);
    expect(draft.units[1]?.ops.map((o) => o.row.id)).toEqual([11, 12]);
    expect(draft.units[2]?.ops.map((o) => o.row.id)).toEqual([21]);
    const built = buildRequest(
      draft,
      (d) =>
        planOperation(d.op as SyncOperation, { ...context(d.op as SyncOperation), ref: (r) => `o${d.row.id}_${r}` }),
      (kind) => serviceChannelQuery(DATA, 'Softphone_Voice', `ch_${kind}`)
    );
    expect(built.subrequests).toHaveLength(draft.size);
    expect(built.subrequests[0]?.referenceId).toBe('ch_voice');
    expect(new Set(built.subrequests.map((s) => s.referenceId)).size).toBe(built.subrequests.length);
  });

  it('S7 at most five queries per request: screen pops beyond that open requests of their own', () => {
    const draft = emptyDraft();
    const runs = Array.from({ length: 8 }, (_, i) => ({
      head: draftOp(i + 1, screenPopOp(`p${i}`, '+14155550100')),
      followers: []
    }));
    const left = addUnits(draft, runs, costOf);
    expect(draft.units).toHaveLength(2);
    expect(left.map((r) => r.head.row.id)).toEqual([3, 4, 5, 6, 7, 8]);
    const more = overflowDrafts(left, costOf);
    expect(more.map((d) => [d.units.length, d.queries])).toEqual([
      [2, 4],
      [2, 4],
      [2, 4]
    ]);
  });
});

describe('backoff and options', () => {
  it('S7 waits grow exponentially with jitter and stop growing at the cap', () => {
    const policy = { baseMs: 1_000, maxMs: 10_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4_000);
    expect(backoffDelay(30, policy, () => 0.5)).toBe(7_500);
  });

  it('the connection options are checked: an API version jsforce cannot use is refused by field', () => {
    const good = parseSalesforceOptions({
      loginUrl: 'https://acme.my.salesforce.com/',
      clientId: 'id',
      clientSecret: 'secret',
      auth: { grant: 'client_credentials' }
    });
    expect(good).toMatchObject({ ok: true, value: { loginUrl: 'https://acme.my.salesforce.com', apiVersion: '63.0' } });
    const bad = parseSalesforceOptions({
      loginUrl: 'ftp://acme',
      clientId: '',
      clientSecret: 'secret',
      auth: { grant: 'password' },
      apiVersion: '61.0'
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.rejection.code).toBe('INVALID_INPUT');
    expect(bad.rejection.issues?.map((i) => i.path).sort()).toEqual([
      'apiVersion',
      'auth.grant',
      'clientId',
      'loginUrl'
    ]);
  });
});
