// A2, S1–S4, C15 through the protocol alone: the panel's Omni relay (played against the local org's Omni controls)
// reports what Omni does and applies what the connector asks; the local org's UserServicePresence and AgentWork show
// the outcome.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { makeId } from '../../../../localorg/src/ids/salesforceId';
import { readEnv } from '../../config';
import { startEmbedded, type EmbeddedConnector } from '../../embedded';
import { defaultScenario } from '../../providers/simulator';
import { OmniRelayStandIn } from '../../testing/omniRelay';
import { signIn, type Panel } from '../../testing/panel';

jest.setTimeout(120_000);

const CUSTOMER = 'omni-test-customer-key';

describe('Omni-Channel through the relay frames', () => {
  let dir: string;
  let connector: EmbeddedConnector;
  let seq = 0;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'omni-'));
    const scenario = {
      ...defaultScenario(),
      customers: [],
      settings: { ...defaultScenario().settings, ringMs: 50, replyDelayMs: 50 }
    };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const env = readEnv({
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
      CUSTOMER_API_KEY: CUSTOMER,
      LOCALORG_PORT: '0',
      LOCALORG_DATA_DIR: join(dir, 'localorg')
    });
    connector = await startEmbedded(env, {
      log: pino({ level: 'warn' }, { write: (line: string) => logs.push(line) })
    });
  });
  afterAll(async () => {
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const org = () => connector.localOrg!;
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const omniStatusOf = async (userId: string) => {
    const rows = await org().query(
      `SELECT ServicePresenceStatus.DeveloperName FROM UserServicePresence WHERE UserId = '${userId}' AND IsCurrentState = true`
    );
    const status = rows[0]?.ServicePresenceStatus as { DeveloperName?: string } | undefined;
    return status?.DeveloperName ?? null;
  };
  const statusIdOf = async (developerName: string) => {
    const rows = await org().query(`SELECT Id FROM ServicePresenceStatus WHERE DeveloperName = '${developerName}'`);
    expect(rows).toHaveLength(1);
    return String(rows[0]?.Id);
  };
  const workOf = async (userId: string) =>
    org().query(`SELECT Id, Status, WorkItemId FROM AgentWork WHERE UserId = '${userId}' ORDER BY CreatedDate`);
  const customer = async (path: string, body: unknown) => {
    const res = await fetch(`${connector.url}/customer${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CUSTOMER}`, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const command = async (panel: Panel, name: string, interactionId?: string, args?: Record<string, unknown>) => {
    const id = `omni-cmd-${String(++seq).padStart(5, '0')}`;
    panel.send({
      type: 'command',
      id,
      command: name,
      ...(interactionId ? { interactionId } : {}),
      ...(args ? { args } : {})
    });
    return panel.next((f) => (f.type === 'ack' || f.type === 'rejected') && f.id === id);
  };
  type Item = { id: string; channel: string; lifecycle: string };
  const offered = (panel: Panel, channel: string) =>
    panel
      .next(
        (f) =>
          f.type === 'snapshot' &&
          ((f.snapshot as { interactions?: Item[] } | null)?.interactions ?? []).some(
            (i) => i.channel === channel && i.lifecycle === 'offered'
          )
      )
      .then((f) => (f.snapshot as { interactions: Item[] }).interactions.find((i) => i.channel === channel)!);
  const agent = async (n: number, name: string) => {
    const userId = makeId('005', n);
    let relay: OmniRelayStandIn | null = null;
    const panel = await signIn(
      connector.url,
      connector.wsUrl,
      { agentId: userId, name },
      { omniRelay: true, before: (p) => (relay = new OmniRelayStandIn(p, org().url, userId)) }
    );
    return { userId, panel, relay: relay as unknown as OmniRelayStandIn };
  };

  it('A2 S1 softphone status shows in Omni; a status chosen in Omni comes back to the softphone', async () => {
    const { userId, panel, relay } = await agent(2, 'Emma Omni');
    await command(panel, 'goAvailable');
    expect(
      await until(
        () => omniStatusOf(userId),
        (s) => s === 'Available',
        'Omni Available'
      )
    ).toBe('Available');
    await command(panel, 'goBusy', undefined, { reasonCode: 'Lunch' });
    expect(
      await until(
        () => omniStatusOf(userId),
        (s) => s === 'Lunch',
        'Omni Lunch'
      )
    ).toBe('Lunch');
    // The agent picks Break in the Omni widget: the newer change wins (lastChange policy).
    await relay.chooseInOmni('Break');
    const busy = await panel.next(
      (f) =>
        f.type === 'snapshot' &&
        (f.snapshot as { presence?: { reasonCode?: string } } | null)?.presence?.reasonCode === 'Break'
    );
    expect(busy.snapshot).toMatchObject({ presence: { status: 'Busy', reasonCode: 'Break' } });
    await command(panel, 'goOffline');
    expect(
      await until(
        () => omniStatusOf(userId),
        (s) => s === null,
        'Omni logged out'
      )
    ).toBeNull();
    panel.ws.close();
  });

  it('A2 the late echo of a status the softphone asked for is not taken as a choice made in Omni', async () => {
    // A relay that answers slowly: Omni reports "Lunch" (our own earlier action) after the agent already went
    // Available again in the softphone. With lastChange, taking that echo as the agent's choice would flip them back.
    const userId = makeId('005', 7);
    const panel = await signIn(
      connector.url,
      connector.wsUrl,
      { agentId: userId, name: 'Eli Echo' },
      { omniRelay: true }
    );
    const action = () =>
      panel.next((f) => f.type === 'omniAction').then((f) => f.action as { id: string; statusApiName?: string });
    await command(panel, 'goBusy', undefined, { reasonCode: 'Lunch' });
    const lunch = await action();
    // The console's setServicePresenceStatus takes the status's Id: the connector read it from the org.
    expect(lunch).toEqual({
      id: lunch.id,
      kind: 'setStatus',
      statusId: await statusIdOf('Lunch'),
      statusApiName: 'Lunch'
    });
    const back = await command(panel, 'goAvailable');
    const available = await action();
    expect(available).toMatchObject({ statusId: await statusIdOf('Available'), statusApiName: 'Available' });
    const report = (event: Record<string, unknown>) => panel.send({ type: 'omni', event });
    const status = (statusApiName: string, online: boolean) =>
      report({ kind: 'status', statusApiName, online, changedAt: Date.now() });
    report({ kind: 'actionResult', actionId: lunch.id, ok: true });
    status('Lunch', false);
    report({ kind: 'actionResult', actionId: available.id, ok: true });
    status('Available', true);
    // Every report is handled in order; a ping answered after them shows they were (frames are read in order).
    panel.send({ type: 'ping' });
    await panel.next((f) => f.type === 'pong');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = panel.frames.filter((f) => f.type === 'snapshot' && (f.version as number) > (back.version as number));
    expect(after.map((f) => (f.snapshot as { presence: { status: string } }).presence.status)).not.toContain('Busy');
    // A change the agent really makes in Omni still counts.
    status('Break', false);
    const busy = await panel.next(
      (f) =>
        f.type === 'snapshot' && (f.snapshot as { presence: { reasonCode: string } }).presence.reasonCode === 'Break'
    );
    expect(busy.snapshot).toMatchObject({ presence: { status: 'Busy', reasonCode: 'Break' } });
    await command(panel, 'goOffline');
    panel.ws.close();
  });

  it('S2 S3 a handled call: its AgentWork is accepted by the relay and ends Closed', async () => {
    const { userId, panel } = await agent(3, 'Oscar Omni');
    await command(panel, 'goAvailable');
    await until(
      () => omniStatusOf(userId),
      (s) => s === 'Available',
      'Omni Available'
    );
    await customer('/calls', { from: '+14155550177', queueId: 'Voice_Support', kind: 'inbound' });
    const call = await offered(panel, 'voice');
    expect(await command(panel, 'accept', call.id)).toMatchObject({ type: 'ack' });
    const opened = await until(
      () => workOf(userId),
      (w) => w.some((x) => x.Status === 'Opened'),
      'AgentWork Opened'
    );
    expect(opened).toHaveLength(1);
    await command(panel, 'end', call.id);
    await command(panel, 'setDetails', call.id, { dispositions: ['Resolved'] });
    expect(await command(panel, 'wrapUpDone', call.id)).toMatchObject({ type: 'ack' });
    const closed = await until(
      () => workOf(userId),
      (w) => w[0]?.Status === 'Closed',
      'AgentWork Closed'
    );
    expect(closed.map((w) => w.Status)).toEqual(['Closed']);
    await command(panel, 'goOffline');
    panel.ws.close();
  });

  it('S4 a chat transferred to a colleague: the receiver accepts and the first AgentWork ends Transferred', async () => {
    const first = await agent(4, 'Tara Transfer');
    const second = await agent(5, 'Rui Receiver');
    await command(first.panel, 'goAvailable');
    await until(
      () => omniStatusOf(first.userId),
      (s) => s === 'Available',
      'first agent online'
    );
    await customer('/chats', { customerId: 'visitor-omni', name: 'Vic', queueId: 'Chat_Support' });
    const chat = await offered(first.panel, 'chat');
    await command(first.panel, 'accept', chat.id);
    await until(
      () => workOf(first.userId),
      (w) => w.some((x) => x.Status === 'Opened'),
      'first AgentWork Opened'
    );
    await command(second.panel, 'goAvailable');
    await until(
      () => omniStatusOf(second.userId),
      (s) => s === 'Available',
      'second agent online'
    );
    expect(
      await command(first.panel, 'transfer', chat.id, { target: { kind: 'agent', agentId: second.userId } })
    ).toMatchObject({ type: 'ack' });
    const handed = await offered(second.panel, 'chat');
    expect(await command(second.panel, 'accept', handed.id)).toMatchObject({ type: 'ack' });
    await until(
      () => workOf(second.userId),
      (w) => w.some((x) => x.Status === 'Opened'),
      'receiver AgentWork Opened'
    );
    const firstWork = await until(
      () => workOf(first.userId),
      (w) => w[0]?.Status === 'Transferred',
      'first AgentWork Transferred'
    );
    expect(firstWork.map((w) => w.Status)).toEqual(['Transferred']);
    const [receiverWork] = await workOf(second.userId);
    expect(receiverWork?.WorkItemId).toBe(firstWork[0]?.WorkItemId);
    await command(second.panel, 'end', handed.id);
    await command(second.panel, 'done', handed.id);
    await until(
      () => workOf(second.userId),
      (w) => w[0]?.Status === 'Closed',
      'receiver AgentWork Closed'
    );
    await command(first.panel, 'goOffline');
    await command(second.panel, 'goOffline');
    first.panel.ws.close();
    second.panel.ws.close();
  });

  it('C15 S3 closing the work item in Salesforce ends the chat on the softphone', async () => {
    const { userId, panel, relay } = await agent(6, 'Cleo Closer');
    await command(panel, 'goAvailable');
    await until(
      () => omniStatusOf(userId),
      (s) => s === 'Available',
      'Omni Available'
    );
    await customer('/chats', { customerId: 'visitor-c15', name: 'Cas', queueId: 'Chat_Support' });
    const chat = await offered(panel, 'chat');
    await command(panel, 'accept', chat.id);
    const [work] = await until(
      () => workOf(userId),
      (w) => w.some((x) => x.Status === 'Opened'),
      'AgentWork Opened'
    );
    await relay.closeInSalesforce(String(work?.Id));
    const ended = await panel.next(
      (f) =>
        f.type === 'snapshot' &&
        ((f.snapshot as { interactions?: Item[] } | null)?.interactions ?? []).some(
          (i) => i.id === chat.id && i.lifecycle === 'wrapUp'
        )
    );
    expect(JSON.stringify(ended.snapshot)).toContain('"endedBy":"salesforce"');
    panel.ws.close();
  });
  it('A2 a Busy reason mapped to an Omni status the org does not have: no omniAction is sent, the problem is logged with a code', async () => {
    const res = await fetch(`${org().url}/__localorg/metadata/Softphone_Busy_Reason__mdt/Coaching`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ MasterLabel: 'Coaching', Sort_Order__c: 50, Active__c: true, Omni_Status__c: 'No_Such' })
    });
    expect(res.status).toBeLessThan(300);
    expect(await connector.settings!.load()).toMatchObject({ status: 'applied' });
    const userId = makeId('005', 8);
    const panel = await signIn(
      connector.url,
      connector.wsUrl,
      { agentId: userId, name: 'Una Unknown' },
      { omniRelay: true }
    );
    await command(panel, 'goAvailable');
    const available = await panel.next((f) => f.type === 'omniAction');
    expect(available.action).toMatchObject({ statusId: await statusIdOf('Available') });
    panel.send({
      type: 'omni',
      event: { kind: 'actionResult', actionId: (available.action as { id: string }).id, ok: true }
    });
    expect(await command(panel, 'goBusy', undefined, { reasonCode: 'Coaching' })).toMatchObject({ type: 'ack' });
    await panel.next(
      (f) =>
        f.type === 'snapshot' &&
        (f.snapshot as { presence?: { reasonCode?: string } } | null)?.presence?.reasonCode === 'Coaching'
    );
    for (let i = 0; i < 50 && !logs.some((l) => l.includes('OMNI_UNKNOWN_STATUS')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const line = logs.find((l) => l.includes('"code":"OMNI_UNKNOWN_STATUS"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ agentId: userId, statusApiName: 'No_Such' });
    panel.send({ type: 'ping' });
    await panel.next((f) => f.type === 'pong');
    expect(panel.received.filter((f) => f.type === 'omniAction')).toHaveLength(1);
    await command(panel, 'goOffline');
    panel.ws.close();
  });
});
