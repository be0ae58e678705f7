import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS } from '../../../interactions/kernel/types';
import { defaultScenario, loadScenarioFile, parseScenario } from '../scenario';
import { agent, rig, T0, testScenario } from './harness';

const minimal = {
  version: 1,
  queues: [{ id: 'q1', name: 'Support', channels: ['voice', 'chat', 'email'] }],
  customers: [{ kind: 'call', at: 0, from: '+14155550100', queueId: 'q1' }]
};

describe('scenario files', () => {
  it('the shipped default scenario parses and has customers on every channel, a PCI chat and both call kinds', () => {
    const scenario = defaultScenario();
    const channels = new Set(
      scenario.customers.map((c) => (c.kind === 'call' ? 'voice' : c.kind === 'chat' ? 'chat' : c.channel))
    );
    expect([...channels].sort()).toEqual([...CHANNELS].sort());
    const calls = scenario.customers.flatMap((c) => (c.kind === 'call' ? [c] : []));
    expect(new Set(calls.map((c) => c.callKind))).toEqual(new Set(['inbound', 'callback']));
    expect(calls.some((c) => c.patienceMs !== undefined)).toBe(true);
    expect(calls.some((c) => c.digits.length > 0)).toBe(true);
    const chats = scenario.customers.flatMap((c) => (c.kind === 'chat' ? [c] : []));
    expect(chats.some((c) => c.replies.some((reply) => /4111 1111 1111 1111/.test(reply)))).toBe(true);
    expect(chats.some((c) => c.botTranscript.length > 0 && c.leavesWhenDone)).toBe(true);
  });

  it('a good file gets every default filled in', () => {
    const result = parseScenario(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.settings).toMatchObject({ ringMs: 2_000, replyDelayMs: 4_000, repeatEveryMs: null });
    expect(result.scenario.customers[0]).toMatchObject({ callKind: 'inbound', answers: true, digits: [], says: [] });
  });

  it('a bad file is refused with every wrong path named', () => {
    const result = parseScenario(
      {
        ...minimal,
        customers: [
          { kind: 'call', at: 0, from: '12', queueId: 'q1' },
          { kind: 'message', at: 0, channel: 'sms', from: 'not-a-number', queueId: 'q1', text: 'hi' },
          { kind: 'chat', at: 0, customerId: 'v', queueId: 'nope' },
          { kind: 'message', at: 0, channel: 'email', from: 'a@example.org', queueId: 'q1', text: 'hi', subject: 'S' },
          { kind: 'message', at: 0, channel: 'x', from: 'someone', queueId: 'q1', text: 'hi', subject: 'S' }
        ]
      },
      'my.json'
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('SCENARIO_INVALID');
    expect(result.error.message).toMatch(/^my\.json is not a valid scenario: customers\.0\.from: /);
    expect(result.error.issues).toEqual([
      { path: 'customers.0.from', message: 'an E.164 number such as +14155550100' },
      { path: 'customers.1.queueId', message: 'queue q1 does not serve sms' },
      { path: 'customers.1.from', message: 'not a valid sms address' },
      { path: 'customers.2.queueId', message: 'no queue nope' },
      { path: 'customers.4.queueId', message: 'queue q1 does not serve x' },
      { path: 'customers.4.subject', message: 'only e-mail has a subject' }
    ]);
  });

  it('unknown fields and duplicate queues are errors, not ignored', () => {
    const result = parseScenario({ ...minimal, queues: [...minimal.queues, minimal.queues[0]], extra: true });
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.path)).toEqual(['(root)', 'queues.1.id']);
    const dup = parseScenario({ ...minimal, queues: [...minimal.queues, minimal.queues[0]] });
    expect(dup.ok ? [] : dup.error.issues.map((issue) => issue.path)).toEqual(['queues.1.id']);
  });

  it('files: a good one loads; a broken one names the file and why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-scenario-'));
    const good = join(dir, 'good.json');
    const broken = join(dir, 'broken.json');
    const wrong = join(dir, 'wrong.json');
    await writeFile(good, JSON.stringify(minimal));
    await writeFile(broken, '{ "version": 1,');
    await writeFile(wrong, JSON.stringify({ ...minimal, version: 2 }));
    expect((await loadScenarioFile(good)).ok).toBe(true);
    expect(await loadScenarioFile(broken)).toMatchObject({ ok: false, error: { code: 'SCENARIO_NOT_JSON' } });
    expect(await loadScenarioFile(wrong)).toMatchObject({
      ok: false,
      error: { code: 'SCENARIO_INVALID', message: expect.stringContaining(`${wrong} is not a valid scenario: version`) }
    });
    expect(await loadScenarioFile(join(dir, 'missing.json'))).toMatchObject({
      ok: false,
      error: { code: 'SCENARIO_UNREADABLE', message: expect.stringContaining('ENOENT') }
    });
  });

  it('scripted customers appear at their time on the injected clock, and again when the script repeats', async () => {
    const r = await rig(
      testScenario({
        settings: { repeatEveryMs: 60_000 },
        customers: [
          { kind: 'call', at: 10_000, from: '+14155550100', queueId: 'q-voice' },
          { kind: 'message', at: 20_000, channel: 'email', from: 'jane@example.org', queueId: 'q-digital', text: 'Hi' }
        ]
      }),
      [agent('a1', ['q-voice'], T0)]
    );
    await r.clock.advance(9_999, r.sim);
    expect(r.engine.offers).toHaveLength(0);
    await r.clock.advance(1, r.sim);
    expect(r.engine.offers).toHaveLength(1);
    await r.clock.advance(10_000, r.sim);
    expect(r.engine.inbound).toHaveLength(1);
    await r.clock.advance(60_000, r.sim);
    expect(r.engine.inbound).toHaveLength(2);
    await r.sim.stop();
  });
});
