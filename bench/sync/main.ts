// bench/sync: Salesforce API calls per fully handled interaction (offer, accept, notes, disposition, done), counted
// by the local org, beside the naive count of one call per operation. Interactions run through the real engine on a
// simulated clock; the flusher batches as it does in production (flushIfDue polled every 250 ms of simulated time).
// Goals: at most 1 call per interaction under steady load, at most 3 for a lone interaction.
import pino from 'pino';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET, startLocalOrg, type LocalOrg } from '../../localorg/src';
import { AgentDirectory } from '../../connector/src/engine/directory';
import { Engine } from '../../connector/src/engine/engine';
import { coreConfigSchema, InteractionCoreRuntime } from '../../connector/src/interactions/registry';
import { SalesforceClient, salesforceOptionsSchema, SyncFlusher } from '../../connector/src/salesforce';
import * as store from '../../connector/src/store';
import { openStore, type Db } from '../../connector/src/store';
import { Report, median, percentile } from '../lib/report';

const report = new Report('sync');
const POLL_MS = 250;
const STEADY_AGENTS = 40;
const STEADY_MINUTES = 15;

let seed = 11;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));

interface World {
  org: LocalOrg;
  db: Db;
  engine: Engine;
  flusher: SyncFlusher;
  clock: { now: number };
}

async function world(org: LocalOrg, agents: { id: string; name: string }[]): Promise<World> {
  const db = await openStore({ dataDir: null });
  const clock = { now: Date.parse('2026-03-02T09:00:00.000Z') };
  const core = new InteractionCoreRuntime(
    coreConfigSchema.parse({
      digital: { queues: [{ id: 'q-email', name: 'E-mail', kind: 'digital', members: agents.map((a) => a.id) }] }
    })
  );
  const directory = new AgentDirectory(
    agents.map((a) => ({ agentId: a.id, name: a.name, queueIds: ['q-voice', 'q-email'], outboundSkills: [] }))
  );
  const log = pino({ level: 'silent' });
  const engine = new Engine({ db, core, directory, log, now: () => clock.now });
  const options = salesforceOptionsSchema.parse({
    loginUrl: org.url,
    clientId: CONNECTOR_CLIENT_ID,
    clientSecret: CONNECTOR_CLIENT_SECRET,
    auth: { grant: 'client_credentials' }
  });
  const flusher = new SyncFlusher(
    { db, api: new SalesforceClient(options), serviceChannels: options.serviceChannels, clock: () => clock.now, log },
    {}
  );
  for (const agent of agents)
    await applied(engine.command(agent.id, { id: `avail-${agent.id}`, command: 'goAvailable' }));
  return { org, db, engine, flusher, clock };
}

async function applied(outcome: Promise<{ status: string } | { ok: boolean }>): Promise<void> {
  const result = await outcome;
  if (('status' in result && result.status !== 'applied') || ('ok' in result && !result.ok)) {
    throw new Error(`bench step refused: ${JSON.stringify(result)}`);
  }
}

/** Moves simulated time forward, letting the flusher look at the outbox as its loop would. */
async function advance(w: World, ms: number): Promise<void> {
  const end = w.clock.now + ms;
  while (w.clock.now < end) {
    w.clock.now = Math.min(end, w.clock.now + POLL_MS);
    await w.flusher.flushIfDue();
  }
}

async function drained(w: World): Promise<void> {
  for (let i = 0; i < 1_000; i++) {
    if ((await store.outbox.depth(w.db, w.clock.now)).pending === 0) return;
    await advance(w, 1_000);
  }
  throw new Error('the outbox did not drain');
}

/** Seconds from each write's enqueue to its delivery: what batching costs in freshness. */
async function delays(w: World): Promise<number[]> {
  const rows = await w.db.query<{ ms: number }>(
    `SELECT extract(epoch from sent_at - created_at) * 1000 AS ms FROM outbox WHERE status = 'sent'`
  );
  return rows.rows.map((r) => Number(r.ms) / 1000);
}

async function operations(w: World): Promise<number> {
  const rows = await w.db.query<{ count: number }>(`SELECT count(*) AS count FROM outbox`);
  return Number(rows.rows[0]?.count ?? 0);
}

const callOffer = (id: string, agentId: string) => ({
  channel: 'voice' as const,
  event: {
    type: 'callOffered',
    interactionId: id,
    providerCallId: `p-${id}`,
    direction: 'inbound',
    number: '+442079460123',
    agentId,
    queueId: 'q-voice'
  }
});

/** One call, start to finish, with nothing else going on. */
async function loneCall(org: LocalOrg, agent: { id: string; name: string }): Promise<{ calls: number; ops: number }> {
  const w = await world(org, [agent]);
  org.resetStats();
  await applied(w.engine.offer(callOffer('lone-call', agent.id)));
  await advance(w, 5_000);
  await applied(w.engine.command(agent.id, { id: 'c1', interactionId: 'lone-call', command: 'accept' }));
  await advance(w, 25_000);
  await applied(
    w.engine.command(agent.id, {
      id: 'c2',
      interactionId: 'lone-call',
      command: 'setDetails',
      args: { notes: 'Refund agreed', dispositions: ['Resolved', 'Refund'] }
    })
  );
  await advance(w, 60_000);
  await applied(w.engine.command(agent.id, { id: 'c3', interactionId: 'lone-call', command: 'end' }));
  await advance(w, 15_000);
  await applied(w.engine.command(agent.id, { id: 'c4', interactionId: 'lone-call', command: 'wrapUpDone' }));
  await drained(w);
  const result = { calls: org.stats().apiCalls, ops: await operations(w) };
  await w.engine.stop();
  await w.db.close();
  return result;
}

/** One e-mail conversation: taken from the queue, answered, ended with a disposition and notes. */
async function loneConversation(
  org: LocalOrg,
  agent: { id: string; name: string }
): Promise<{ calls: number; ops: number }> {
  const w = await world(org, [agent]);
  org.resetStats();
  await applied(
    w.engine.receiveInbound({
      type: 'inbound',
      interactionId: 'lone-mail',
      interactionNumber: 'N1',
      channel: 'email',
      queueId: 'q-email',
      from: { address: 'michael.chen@acme.example', name: 'Michael Chen', email: 'michael.chen@acme.example' },
      message: { id: 'm1', text: 'Where is my parcel?', attachments: [] },
      subject: 'Parcel'
    })
  );
  await advance(w, 30_000);
  await applied(w.engine.command(agent.id, { id: 'd1', command: 'take', args: { interactionId: 'lone-mail' } }));
  await advance(w, 40_000);
  await applied(
    w.engine.command(agent.id, {
      id: 'd2',
      interactionId: 'lone-mail',
      command: 'reply',
      args: { text: 'On its way.' }
    })
  );
  await advance(w, 5_000);
  await applied(
    w.engine.command(agent.id, {
      id: 'd3',
      interactionId: 'lone-mail',
      command: 'end',
      args: { disposition: 'Answered', notes: 'Tracking number sent' }
    })
  );
  await drained(w);
  const result = { calls: org.stats().apiCalls, ops: await operations(w) };
  await w.engine.stop();
  await w.db.close();
  return result;
}

type Step = { at: number; agent: string; run: () => Promise<void> };

/** Agents taking calls back to back for a while: offer, accept, notes and dispositions, end, wrap-up done. */
async function steadyLoad(
  org: LocalOrg,
  agents: { id: string; name: string }[]
): Promise<{ calls: number; ops: number; interactions: number; delays: number[] }> {
  const w = await world(org, agents);
  org.resetStats();
  const start = w.clock.now;
  const stopOffersAt = start + STEADY_MINUTES * 60_000;
  const steps: Step[] = [];
  let interactions = 0;
  const schedule = (agentId: string, at: number) => {
    if (at > stopOffersAt) return;
    const id = `call-${++interactions}`;
    const accept = at + between(2_000, 8_000);
    const notes = accept + between(10_000, 40_000);
    const end = notes + between(20_000, 120_000);
    const done = end + between(3_000, 25_000);
    const cmd = (n: string, command: string, args?: Record<string, unknown>) => () =>
      applied(w.engine.command(agentId, { id: `${id}-${n}`, interactionId: id, command, ...(args ? { args } : {}) }));
    steps.push(
      { at, agent: agentId, run: () => applied(w.engine.offer(callOffer(id, agentId))) },
      { at: accept, agent: agentId, run: cmd('a', 'accept') },
      {
        at: notes,
        agent: agentId,
        run: cmd('n', 'setDetails', { notes: `notes ${id}`, dispositions: ['Resolved', `Reason-${interactions % 5}`] })
      },
      { at: end, agent: agentId, run: cmd('e', 'end') },
      {
        at: done,
        agent: agentId,
        run: async () => {
          await cmd('d', 'wrapUpDone')();
          schedule(agentId, done + between(1_000, 10_000));
        }
      }
    );
  };
  for (const agent of agents) schedule(agent.id, start + between(0, 60_000));
  while (steps.length > 0) {
    steps.sort((a, b) => a.at - b.at);
    const step = steps.shift() as Step;
    if (step.at > w.clock.now) await advance(w, step.at - w.clock.now);
    await step.run();
  }
  await drained(w);
  const result = { calls: org.stats().apiCalls, ops: await operations(w), interactions, delays: await delays(w) };
  await w.engine.stop();
  await w.db.close();
  return result;
}

/** The seeded org has eight agents; a busier contact centre gets more users (not counted: stats reset after). */
async function agentsOf(org: LocalOrg, count: number): Promise<{ id: string; name: string }[]> {
  const token = await org.issueAccessToken();
  for (let i = 0; i < count; i++) {
    await fetch(`${org.url}/services/data/v63.0/sobjects/User`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        Username: `bench.agent${i}@softphone.localorg`,
        LastName: `Agent ${i}`,
        Alias: `bench${i}`,
        Email: `bench.agent${i}@softphone.localorg`,
        LanguageLocaleKey: 'en_US',
        LocaleSidKey: 'en_GB',
        TimeZoneSidKey: 'Europe/London'
      })
    });
  }
  const users = await org.query("SELECT Id, Name FROM User WHERE Username LIKE 'bench.agent%'");
  return users.map((u) => ({ id: String(u.Id), name: String(u.Name) }));
}

async function main(): Promise<void> {
  const org = await startLocalOrg({ port: 0, dataDir: null, apiLimit: 10_000_000 });
  try {
    const [emma] = await org.query("SELECT Id, Name FROM User WHERE Username = 'emma.clarke@softphone.localorg'");
    const agent = { id: String(emma?.Id), name: String(emma?.Name) };

    const call = await loneCall(org, agent);
    report.add('lone_call_api_calls', call.calls, 'calls');
    report.add('lone_call_naive_calls', call.ops, 'calls');
    report.add('lone_call_naive_to_actual_ratio', call.ops / call.calls, 'x');

    const mail = await loneConversation(org, agent);
    report.add('lone_email_api_calls', mail.calls, 'calls');
    report.add('lone_email_naive_calls', mail.ops, 'calls');

    const steady = await steadyLoad(org, await agentsOf(org, STEADY_AGENTS));
    report.add('steady_interactions', steady.interactions, 'interactions');
    report.add('steady_api_calls_per_interaction', steady.calls / steady.interactions, 'calls/interaction');
    report.add('steady_naive_calls_per_interaction', steady.ops / steady.interactions, 'calls/interaction');
    report.add('steady_naive_to_actual_ratio', steady.ops / steady.calls, 'x');
    report.add('steady_sync_delay_median', median(steady.delays), 's');
    report.add('steady_sync_delay_p95', percentile(steady.delays, 95), 's');
    report.write();
  } finally {
    await org.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
