// End to end through the public interfaces: a customer acts through the customer API, an agent through the panels'
// WebSocket, the embedded connector (engine + store + simulator) in between.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { makeId } from '../../../localorg/src/ids/salesforceId';
import { readEnv } from '../config';
import { startEmbedded, type EmbeddedConnector } from '../embedded';
import { defaultScenario } from '../providers/simulator';
import { ofType, Panel, signIn, type Frame } from '../testing/panel';

jest.setTimeout(60_000);

type Inbox = { items: { id: string; status: string }[]; unread: number };
type Snapshot = {
  presence: { status: string };
  interactions: {
    id: string;
    channel: string;
    lifecycle: string;
    transcript: { from: string; text: string; systemEvent?: string }[];
    commands: { command: string; enabled: boolean; reason?: string; labelKey?: string }[];
    held?: boolean;
  }[];
};

describe('flows through the simulator', () => {
  let dir: string;
  let connector: EmbeddedConnector;
  let seq = 0;
  const logLines: string[] = [];
  const logStream = { write: (line: string) => void logLines.push(line) };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flows-'));
    // The default queues and settings, but no scripted customers: the test is the customer.
    const scenario = {
      ...defaultScenario(),
      customers: [],
      // D13: an agent who serves no outbound e-mail queue.
      agents: [{ agentId: makeId('005', 9), name: 'Nora Voice', queueIds: ['Voice_Support'] }],
      settings: { ...defaultScenario().settings, ringMs: 50, replyDelayMs: 50 }
    };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const env = readEnv({
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
      CUSTOMER_API_KEY: 'flows-test-customer-key',
      CONNECTOR_ADMIN_KEY: 'flows-test-admin-key-0123456789',
      LOCALORG_PORT: '0',
      LOCALORG_DATA_DIR: join(dir, 'localorg')
    });
    connector = await startEmbedded(env, { log: pino({ level: 'debug' }, logStream) });
  });
  afterAll(async () => {
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const customer = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${connector.url}/customer${path}`, {
      method,
      headers: { authorization: 'Bearer flows-test-customer-key', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const command = async (panel: Panel, command: string, interactionId?: string, args?: Record<string, unknown>) => {
    const id = `flow-cmd-${String(++seq).padStart(5, '0')}`;
    panel.send({
      type: 'command',
      id,
      command,
      ...(interactionId ? { interactionId } : {}),
      ...(args ? { args } : {})
    });
    return panel.next((f) => (f.type === 'ack' || f.type === 'rejected') && f.id === id);
  };

  const inboxWhere = async (panel: Panel, predicate: (inbox: Inbox) => boolean): Promise<Inbox> => {
    const frame: Frame = await panel.next((f) => f.type === 'inbox' && predicate(f.inbox as Inbox));
    return frame.inbox as Inbox;
  };

  const snapshotWhere = async (panel: Panel, predicate: (s: Snapshot) => boolean): Promise<Snapshot> => {
    const frame: Frame = await panel.next(
      (f) => f.type === 'snapshot' && f.snapshot !== null && predicate(f.snapshot as Snapshot)
    );
    return frame.snapshot as Snapshot;
  };

  it('V2 V3 S5 S6 a call: offered, accepted, held; End refused while held and says why; resumed, ended, wrapped up', async () => {
    const panel = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 2), name: 'Vera Voice' });
    expect(await command(panel, 'goAvailable')).toMatchObject({ type: 'ack' });
    const placed = await customer('POST', '/calls', {
      from: '+14155550100',
      queueId: 'Voice_Support',
      kind: 'inbound'
    });
    expect(placed.status).toBe(201);
    const offered = await snapshotWhere(panel, (s) =>
      s.interactions.some((i) => i.channel === 'voice' && i.lifecycle === 'offered')
    );
    const callId = offered.interactions[0]!.id;
    expect(await command(panel, 'accept', callId)).toMatchObject({ type: 'ack' });
    // S6: the caller's number is looked up in the org; the answer reaches the panel without a click.
    const pop = await panel.next((f) => f.type === 'screenPop' && f.interactionId === callId);
    const screenPop = pop.screenPop as { outcome: string; matches: { objectType: string; id: string }[] };
    const contacts = await connector.localOrg!.query(
      `SELECT Id FROM Contact WHERE Phone = '+14155550100' OR MobilePhone = '+14155550100'`
    );
    const leads = await connector.localOrg!.query(
      `SELECT Id FROM Lead WHERE Phone = '+14155550100' OR MobilePhone = '+14155550100'`
    );
    expect(screenPop.matches.map((m) => m.id).sort()).toEqual([...contacts, ...leads].map((r) => String(r.Id)).sort());
    expect(screenPop.outcome).toBe(
      screenPop.matches.length === 0 ? 'none' : screenPop.matches.length === 1 ? 'one' : 'several'
    );
    expect(await command(panel, 'hold', callId)).toMatchObject({ type: 'ack' });
    const held = await snapshotWhere(panel, (s) => s.interactions.some((i) => i.id === callId && i.held === true));
    expect(held.interactions[0]!.commands.find((c) => c.command === 'end')).toMatchObject({
      enabled: false,
      reason: 'CALL_ON_HOLD',
      labelKey: expect.any(String)
    });
    expect(await command(panel, 'end', callId)).toMatchObject({ type: 'rejected', error: { code: 'CALL_ON_HOLD' } });
    expect(await command(panel, 'resume', callId)).toMatchObject({ type: 'ack' });
    expect(await command(panel, 'end', callId)).toMatchObject({ type: 'ack' });
    expect(
      await command(panel, 'setDetails', callId, { dispositions: ['Resolved'], notes: 'Refund agreed' })
    ).toMatchObject({ type: 'ack' });
    expect(await command(panel, 'wrapUpDone', callId)).toMatchObject({ type: 'ack' });
    await snapshotWhere(panel, (s) => s.interactions.length === 0 && s.presence.status === 'Available');
    const view = await customer('GET', `/interactions/${String(placed.body.interactionId)}`);
    expect(view.status).toBe(200);
    // S5 S7: the finished call reaches the org as exactly one Task, through the outbox, without the agent waiting.
    const soql = `SELECT Id, TaskSubtype, CallDisposition, Description FROM Task WHERE Interaction_Key__c = 'task:${callId}'`;
    let tasks = await connector.localOrg!.query(soql);
    for (let i = 0; i < 100 && tasks.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      tasks = await connector.localOrg!.query(soql);
    }
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      TaskSubtype: 'Call',
      CallDisposition: 'Resolved',
      Description: 'Refund agreed'
    });
    // Signed-out agents must not be offered the next tests' work (they would miss it: A4).
    expect(await command(panel, 'goOffline')).toMatchObject({ type: 'ack' });
    panel.ws.close();
  });

  it('C2 C4 C6 C10 a chat: bot transcript with the offer, card number masked, agent message reaches the customer, agent left', async () => {
    const panel = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 3), name: 'Cleo Chat' });
    await command(panel, 'goAvailable');
    const started = await customer('POST', '/chats', {
      customerId: 'visitor-42',
      name: 'Chris',
      email: 'chris@example.org',
      queueId: 'Chat_Support',
      botTranscript: [
        { from: 'bot', text: 'Hi! What can I do for you?' },
        { from: 'customer', text: 'My order is late' }
      ]
    });
    expect(started.status).toBe(201);
    const offered = await snapshotWhere(panel, (s) => s.interactions.some((i) => i.channel === 'chat'));
    const chat = offered.interactions.find((i) => i.channel === 'chat')!;
    expect(chat.transcript.map((t) => t.from)).toEqual(['bot', 'customer']);
    await command(panel, 'accept', chat.id);
    const chatId = String(started.body.interactionId);
    expect(
      (await customer('POST', `/chats/${chatId}/messages`, { text: 'Card 4111 1111 1111 1111 please' })).status
    ).toBeLessThan(300);
    const masked = await snapshotWhere(panel, (s) =>
      s.interactions.some((i) => i.transcript.some((t) => t.text.includes('1111 please')))
    );
    const lines = JSON.stringify(masked.interactions);
    expect(lines).toContain('**** **** **** 1111 please');
    expect(lines).not.toContain('4111 1111 1111 1111');
    expect(await command(panel, 'send', chat.id, { text: 'Thanks, checking now.' })).toMatchObject({ type: 'ack' });
    expect(await command(panel, 'end', chat.id)).toMatchObject({ type: 'ack' });
    // The simulator delivers agent messages and the "agent left" notice to the customer after the engine commits.
    for (let i = 0; i < 50; i++) {
      const view = JSON.stringify((await customer('GET', `/interactions/${chatId}`)).body);
      if (view.includes('Thanks, checking now.') && view.includes('agent_left')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const view = JSON.stringify((await customer('GET', `/interactions/${chatId}`)).body);
    expect(view).toContain('Thanks, checking now.');
    expect(view).toContain('agent_left');
    await command(panel, 'setDetails', chat.id, { dispositions: ['Information_Provided'] });
    expect(await command(panel, 'done', chat.id)).toMatchObject({ type: 'ack' });
    expect(await command(panel, 'goOffline')).toMatchObject({ type: 'ack' });
    panel.ws.close();
  });

  it('C10 D10 V13 a disposition must be a wrap-up code of the channel and queue: others are refused with UNKNOWN_DISPOSITION and nothing is applied', async () => {
    type Details = { dispositions: string[]; notes: string };
    const detailsOf = (s: Snapshot, id: string) =>
      (s.interactions.find((i) => i.id === id) as unknown as { details: Details } | undefined)?.details;
    const refused = (answer: Frame, code: string) => {
      expect(answer).toMatchObject({
        type: 'rejected',
        error: { code: 'UNKNOWN_DISPOSITION', labelKey: 'Reason_UnknownDisposition' }
      });
      expect((answer.error as { message: string }).message).toContain(`"${code}"`);
    };
    const panel = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 2), name: 'Vera Voice' });
    await command(panel, 'goAvailable');

    // Chat in Chat_Support: a voice-only code, a code nobody configured, then one scoped to Chat_Support.
    await customer('POST', '/chats', { customerId: 'visitor-wrap', name: 'Wren', queueId: 'Chat_Support' });
    const chatId = (await snapshotWhere(panel, (s) => s.interactions.some((i) => i.channel === 'chat')))
      .interactions[0]!.id;
    await command(panel, 'accept', chatId);
    await command(panel, 'end', chatId);
    refused(await command(panel, 'setDetails', chatId, { dispositions: ['Callback_Requested'] }), 'Callback_Requested');
    const madeUp = await command(panel, 'setDetails', chatId, { dispositions: ['Resolved', 'Made_Up'], notes: 'x' });
    refused(madeUp, 'Made_Up');
    expect(madeUp).toMatchObject({ error: { issues: [{ path: 'args.dispositions.1' }] } });
    expect(await command(panel, 'setDetails', chatId, { dispositions: ['Sales_Opportunity'] })).toMatchObject({
      type: 'ack'
    });
    // Nothing of the refused commands was applied: neither their codes nor the notes sent with them.
    const chatAfter = await snapshotWhere(panel, (s) => detailsOf(s, chatId)?.dispositions[0] === 'Sales_Opportunity');
    expect(detailsOf(chatAfter, chatId)).toMatchObject({ dispositions: ['Sales_Opportunity'], notes: '' });
    expect(await command(panel, 'done', chatId)).toMatchObject({ type: 'ack' });
    await snapshotWhere(panel, (s) => s.interactions.length === 0);

    // A call in Voice_Support: Sales_Opportunity is for Voice_Sales and Chat_Support only.
    await customer('POST', '/calls', { from: '+14155550142', queueId: 'Voice_Support', kind: 'inbound' });
    const callId = (await snapshotWhere(panel, (s) => s.interactions.some((i) => i.channel === 'voice')))
      .interactions[0]!.id;
    await command(panel, 'accept', callId);
    refused(await command(panel, 'setDetails', callId, { dispositions: ['Sales_Opportunity'] }), 'Sales_Opportunity');
    await command(panel, 'end', callId);
    refused(await command(panel, 'setDetails', callId, { dispositions: ['Spam'] }), 'Spam');
    expect(await command(panel, 'setDetails', callId, { dispositions: ['Callback_Requested'] })).toMatchObject({
      type: 'ack'
    });
    expect(await command(panel, 'wrapUpDone', callId)).toMatchObject({ type: 'ack' });
    await snapshotWhere(panel, (s) => s.interactions.length === 0);

    // D10: a WhatsApp conversation's End with a voice-only code is refused and the conversation stays open.
    const sent = await customer('POST', '/messages', {
      channel: 'whatsapp',
      from: '+447700900188',
      name: 'Wyn',
      queueId: 'WhatsApp',
      text: 'Wrong parcel delivered'
    });
    const id = String(sent.body.interactionId);
    await inboxWhere(panel, (inbox) => inbox.items.some((i) => i.id === id));
    await command(panel, 'take', undefined, { interactionId: id });
    const end = await command(panel, 'end', id, { disposition: 'Wrong_Number', notes: 'kept?' });
    refused(end, 'Wrong_Number');
    expect(end).toMatchObject({ error: { issues: [{ path: 'args.disposition' }] } });
    const open = await snapshotWhere(panel, (s) => s.interactions.some((i) => i.id === id));
    expect(open.interactions.find((i) => i.id === id)).toMatchObject({ lifecycle: 'active' });
    expect(detailsOf(open, id)).toMatchObject({ dispositions: [], notes: '' });
    expect(await command(panel, 'end', id, { disposition: 'Spam' })).toMatchObject({ type: 'ack' });
    await command(panel, 'goOffline');
    panel.ws.close();
  });

  it('C9 an invited supervisor has the chat on their desk: writes to the customer, may not end it, leaves', async () => {
    const owner = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 3), name: 'Cleo Chat' });
    // Seeded users of the local org only: sync writes their AgentWork and Tasks.
    const guestId = makeId('005', 8);
    const guest = await signIn(connector.url, connector.wsUrl, { agentId: guestId, name: 'Sue Supervisor' });
    // Busy: not offered the chat, still reachable for a conference (only Offline declines).
    await command(guest, 'goBusy', undefined, { reasonCode: 'Meeting' });
    await command(owner, 'goAvailable');
    const started = await customer('POST', '/chats', {
      customerId: 'visitor-c9',
      name: 'Casey',
      queueId: 'Chat_Support'
    });
    const offered = await snapshotWhere(owner, (s) => s.interactions.some((i) => i.channel === 'chat'));
    const chatId = offered.interactions.find((i) => i.channel === 'chat')!.id;
    await command(owner, 'accept', chatId);
    expect(await command(owner, 'conferenceInvite', chatId, { agentId: guestId })).toMatchObject({ type: 'ack' });
    const joined = await snapshotWhere(guest, (s) => s.interactions.some((i) => i.id === chatId));
    const commands = joined.interactions.find((i) => i.id === chatId)!.commands;
    const state = (name: string) => commands.find((c) => c.command === name);
    expect(state('send')).toMatchObject({ enabled: true });
    expect(state('conferenceLeave')).toMatchObject({ enabled: true });
    expect(state('end')).toMatchObject({ enabled: false, reason: 'NOT_OWNER' });
    expect(await command(guest, 'end', chatId)).toMatchObject({ type: 'rejected', error: { code: 'NOT_OWNER' } });
    expect(await command(guest, 'send', chatId, { text: 'A supervisor here, I can help.' })).toMatchObject({
      type: 'ack'
    });
    // The owner sees the guest's message with the guest's name; so does the customer.
    await snapshotWhere(owner, (s) =>
      s.interactions.some(
        (i) => i.id === chatId && i.transcript.some((t) => t.text === 'A supervisor here, I can help.')
      )
    );
    const customerChat = String(started.body.interactionId);
    for (let i = 0; i < 50; i++) {
      if (JSON.stringify((await customer('GET', `/interactions/${customerChat}`)).body).includes('A supervisor here'))
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(JSON.stringify((await customer('GET', `/interactions/${customerChat}`)).body)).toContain(
      'A supervisor here'
    );
    expect(await command(guest, 'conferenceLeave', chatId)).toMatchObject({ type: 'ack' });
    await snapshotWhere(guest, (s) => s.interactions.length === 0);
    const after = await snapshotWhere(owner, (s) =>
      s.interactions.some((i) => i.id === chatId && JSON.stringify(i).includes('"conference":[]'))
    );
    expect(after.interactions.find((i) => i.id === chatId)).toMatchObject({ lifecycle: 'active' });
    await command(owner, 'end', chatId);
    await command(owner, 'setDetails', chatId, { dispositions: ['Information_Provided'] });
    expect(await command(owner, 'done', chatId)).toMatchObject({ type: 'ack' });
    await command(owner, 'goOffline');
    await command(guest, 'goOffline');
    owner.ws.close();
    guest.ws.close();
  });

  it('C8 C9 notices: a declined chat transfer and a declined conference reach the owner after the change, with their label; the other agent never gets them', async () => {
    const owner = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 3), name: 'Cleo Chat' });
    const otherId = makeId('005', 8);
    const other = await signIn(connector.url, connector.wsUrl, { agentId: otherId, name: 'Sue Supervisor' });
    await command(owner, 'goAvailable');
    await customer('POST', '/chats', { customerId: 'visitor-notice', name: 'Noa', queueId: 'Chat_Support' });
    const offered = await snapshotWhere(owner, (s) => s.interactions.some((i) => i.channel === 'chat'));
    const chatId = offered.interactions.find((i) => i.channel === 'chat')!.id;
    await command(owner, 'accept', chatId);
    await command(other, 'goAvailable');
    // C8: the chat is transferred to the colleague, who declines; it stays with the owner.
    expect(await command(owner, 'transfer', chatId, { target: { kind: 'agent', agentId: otherId } })).toMatchObject({
      type: 'ack'
    });
    const transferred = owner.received.length;
    const offer = await snapshotWhere(other, (s) => s.interactions.some((i) => i.lifecycle === 'offered'));
    await command(other, 'decline', offer.interactions.find((i) => i.lifecycle === 'offered')!.id);
    const declined = await owner.next((f) => f.type === 'notice');
    expect(declined.notice).toMatchObject({
      kind: 'chatTransferDeclined',
      interactionId: chatId,
      labelKey: 'Notice_ChatTransferDeclined',
      id: expect.any(String),
      at: expect.any(Number)
    });
    // No provider reason in it (free text stays out of params).
    expect(declined.notice).not.toHaveProperty('params');
    // Sent after the commit: the snapshot without the pending transfer came first.
    const noticeAt = owner.received.indexOf(declined);
    const stateAt = owner.received.findIndex(
      (f, i) =>
        i >= transferred && f.type === 'snapshot' && JSON.stringify(f.snapshot).includes('"pendingTransfer":null')
    );
    expect(stateAt).toBeGreaterThan(-1);
    expect(stateAt).toBeLessThan(noticeAt);
    // C9: the colleague signs out and is invited: the invitation is declined, the owner is told who declined.
    await command(other, 'goOffline');
    expect(await command(owner, 'conferenceInvite', chatId, { agentId: otherId })).toMatchObject({ type: 'ack' });
    const conference = await owner.next((f) => f.type === 'notice');
    expect(conference.notice).toMatchObject({
      kind: 'chatConferenceDeclined',
      interactionId: chatId,
      labelKey: 'Notice_ChatConferenceDeclined',
      params: ['Sue Supervisor']
    });
    expect(other.received.filter((f) => f.type === 'notice')).toEqual([]);
    await command(owner, 'end', chatId);
    await command(owner, 'setDetails', chatId, { dispositions: ['Information_Provided'] });
    await command(owner, 'done', chatId);
    await command(owner, 'goOffline');
    owner.ws.close();
    other.ws.close();
  });

  it('D1 D2 D4 D8 a WhatsApp message: in the inbox as New, opened, replied (Resolved), the customer writes again (Open)', async () => {
    const panel = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 4), name: 'Dani Digital' });
    await command(panel, 'goAvailable');
    const sent = await customer('POST', '/messages', {
      channel: 'whatsapp',
      from: '+447700900123',
      name: 'Dana',
      queueId: 'WhatsApp',
      text: 'Open on Sunday?'
    });
    expect(sent.status).toBe(201);
    const id = String(sent.body.interactionId);
    // The inbox is pushed when the conversation arrives (D2).
    const listed = await inboxWhere(panel, (inbox) => inbox.items.some((i) => i.id === id));
    expect(listed.items.find((i) => i.id === id)).toMatchObject({ status: 'New' });
    expect(listed.unread).toBeGreaterThan(0);
    const took = await command(panel, 'take', undefined, { interactionId: id });
    expect(JSON.stringify(took)).toContain('"ack"');
    expect(await command(panel, 'reply', id, { text: 'Yes, 10 to 4.' })).toMatchObject({ type: 'ack' });
    await inboxWhere(panel, (inbox) => inbox.items.some((i) => i.id === id && i.status === 'Resolved'));
    expect((await customer('POST', `/messages/${id}/replies`, { text: 'Great, and Monday?' })).status).toBeLessThan(
      300
    );
    await inboxWhere(panel, (inbox) => inbox.items.some((i) => i.id === id && i.status === 'Open'));
    panel.ws.close();
  });

  const tasksFor = async (key: string, expected: number) => {
    const soql = `SELECT Id, Subject, TaskSubtype, Description, OwnerId FROM Task WHERE Interaction_Key__c = '${key}'`;
    let tasks = await connector.localOrg!.query(soql);
    for (let i = 0; i < 150 && tasks.length < expected; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      tasks = await connector.localOrg!.query(soql);
    }
    return tasks;
  };

  it('D13 D14 S5 outbound e-mail and SMS over the WebSocket: sent, logged once as a Task, refused with a code when not allowed', async () => {
    const agentId = makeId('005', 5);
    const panel = await signIn(connector.url, connector.wsUrl, { agentId, name: 'Olga Outbound' });
    const email = {
      channel: 'email',
      senderId: 'support-email',
      to: 'pat.customer@example.org',
      subject: 'Your replacement order',
      body: 'Hello Pat, the replacement ships today.',
      details: { notes: 'Promised delivery by Friday', tags: ['replacement'] }
    };
    // A3: outbound work is allowed in every status but Offline.
    expect(await command(panel, 'sendOutbound', undefined, email)).toMatchObject({
      type: 'rejected',
      error: { code: 'OFFLINE', labelKey: expect.any(String) }
    });
    expect(await command(panel, 'goBusy', undefined, { reasonCode: 'Meeting' })).toMatchObject({ type: 'ack' });
    const id = `flow-cmd-outbound-email-${agentId}`;
    panel.send({ type: 'command', id, command: 'sendOutbound', args: email });
    const sent = await panel.next((f) => (f.type === 'ack' || f.type === 'rejected') && f.id === id);
    expect(sent).toMatchObject({
      type: 'ack',
      duplicate: false,
      created: {
        interactionId: expect.stringMatching(/^email-/),
        interactionNumber: expect.stringMatching(/^O-\d{6}$/)
      }
    });
    const created = sent.created as { interactionId: string; interactionNumber: string };
    // A retry of the same command id answers the first outcome and sends nothing twice.
    panel.send({ type: 'command', id, command: 'sendOutbound', args: email });
    expect(await panel.next((f) => f.type === 'ack' && f.id === id)).toMatchObject({ duplicate: true, created });
    const tasks = await tasksFor(`task:${created.interactionId}`, 1);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      TaskSubtype: 'Email',
      Description: 'Promised delivery by Friday',
      OwnerId: agentId
    });
    // The customer received it from the sender channel's address.
    const view = JSON.stringify((await customer('GET', `/interactions/${created.interactionId}`)).body);
    expect(view).toContain('the replacement ships today');

    const sms = await command(panel, 'sendOutbound', undefined, {
      channel: 'sms',
      senderId: 'support-sms',
      to: '+1 (415) 555-0199',
      text: 'Your technician arrives at 10:00.'
    });
    expect(sms).toMatchObject({ type: 'ack', created: { interactionId: expect.stringMatching(/^sms-/) } });
    const smsId = (sms.created as { interactionId: string }).interactionId;
    expect(await tasksFor(`task:${smsId}`, 1)).toHaveLength(1);
    expect(JSON.stringify((await customer('GET', `/interactions/${smsId}`)).body)).toContain('+14155550199');

    const bad = await command(panel, 'sendOutbound', undefined, { ...email, to: 'not-an-address' });
    expect(bad).toMatchObject({ type: 'rejected', error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(bad)).toContain('not a valid e-mail address');
    const unknownSender = await command(panel, 'sendOutbound', undefined, { ...email, senderId: 'support-sms' });
    expect(unknownSender).toMatchObject({ type: 'rejected', error: { code: 'DIGITAL_UNKNOWN_SENDER' } });
    await command(panel, 'goOffline');
    panel.ws.close();

    // D13: only members of an outbound e-mail queue may send e-mail; SMS stays open to them (D14).
    const nora = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 9), name: 'Nora Voice' });
    await command(nora, 'goAvailable');
    expect(await command(nora, 'sendOutbound', undefined, email)).toMatchObject({
      type: 'rejected',
      error: { code: 'DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER', labelKey: expect.any(String) }
    });
    await command(nora, 'goOffline');
    nora.ws.close();
  });

  it('A3 D13 D14 the snapshot says per channel whether an outbound message may be sent, and why not, as the command answers', async () => {
    type Outbound = Record<'email' | 'sms', { command: string; enabled: boolean; reason?: string; labelKey?: string }>;
    const outboundOf = (s: Snapshot) =>
      (s as unknown as { commands: { sendOutbound: Outbound } }).commands.sendOutbound;
    const sms = { channel: 'sms', senderId: 'support-sms', to: '+14155550123', text: 'Your order shipped.' };
    const email = {
      channel: 'email',
      senderId: 'support-email',
      to: 'pat.customer@example.org',
      subject: 'Your order',
      body: 'It shipped.'
    };
    const offline = { command: 'sendOutbound', enabled: false, reason: 'OFFLINE', labelKey: 'Reason_Offline' };
    // A3: Offline disables both, with the reason the command is refused with.
    const panel = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 10), name: 'Otto Outbound' });
    const atHello = panel.received.find((f) => f.type === 'snapshot')?.snapshot as Snapshot;
    expect(atHello.presence.status).toBe('Offline');
    expect(outboundOf(atHello)).toEqual({
      email: offline,
      sms: offline
    });
    expect(await command(panel, 'sendOutbound', undefined, sms)).toMatchObject({
      type: 'rejected',
      error: { code: 'OFFLINE', labelKey: 'Reason_Offline' }
    });
    // Every other status allows both to a member of an outbound e-mail queue.
    expect(await command(panel, 'goBusy', undefined, { reasonCode: 'Meeting' })).toMatchObject({ type: 'ack' });
    expect(outboundOf(await snapshotWhere(panel, (s) => s.presence.status === 'Busy'))).toEqual({
      email: { command: 'sendOutbound', enabled: true },
      sms: { command: 'sendOutbound', enabled: true }
    });
    await command(panel, 'goOffline');
    panel.ws.close();

    // D13: e-mail is disabled for an agent in no outbound e-mail queue, and refused the same way; SMS is not (D14).
    const nora = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 9), name: 'Nora Voice' });
    expect(await command(nora, 'goAvailable')).toMatchObject({ type: 'ack' });
    const notMember = {
      command: 'sendOutbound',
      enabled: false,
      reason: 'DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER',
      labelKey: 'Reason_DigitalNotOutboundEmailMember'
    };
    expect(outboundOf(await snapshotWhere(nora, (s) => s.presence.status === 'Available'))).toEqual({
      email: notMember,
      sms: { command: 'sendOutbound', enabled: true }
    });
    expect(await command(nora, 'sendOutbound', undefined, email)).toMatchObject({
      type: 'rejected',
      error: { code: notMember.reason, labelKey: notMember.labelKey }
    });
    await command(nora, 'goOffline');
    nora.ws.close();
  });

  it("C7 C8 V4 V10 D13 directories: every one at hello, a colleague's presence as an agentsDelta, Quick Texts in the agent's language", async () => {
    const lukas = await signIn(connector.url, connector.wsUrl, {
      agentId: makeId('005', 6),
      name: 'Lukas Directory',
      language: 'de'
    });
    const names = [
      'agents',
      'queues',
      'addressBook',
      'reasonCodes',
      'wrapUpCodes',
      'emergencyNumbers',
      'outboundSkills',
      'senders',
      'channelSettings',
      'quickTexts'
    ];
    const directories = new Map<string, Frame>();
    for (const name of names) {
      directories.set(name, await lukas.next((f) => f.type === 'directory' && f.name === name));
    }
    const doc = (name: string) => directories.get(name)!.document as Record<string, unknown>;
    expect((doc('queues').queues as { id: string }[]).map((q) => q.id)).toContain('WhatsApp');
    expect((doc('addressBook').entries as { name: string }[]).map((e) => e.name)).toContain('Billing department');
    expect((doc('reasonCodes').busyReasons as { code: string }[]).map((r) => r.code)).toEqual(
      expect.arrayContaining(['Break', 'Lunch'])
    );
    expect(doc('emergencyNumbers')).toMatchObject({ country: 'US', numbers: ['911', '933'] });
    expect((doc('senders').senders as { id: string }[]).map((s) => s.id).sort()).toEqual([
      'support-email',
      'support-sms'
    ]);
    expect(doc('channelSettings')).toMatchObject({
      pciMode: 'redact',
      digital: { sms: { attachments: { allowed: false } } }
    });
    // C7: the local org's German Quick Texts, each with the channels it is for.
    const quickTexts = doc('quickTexts') as { language: string; texts: { name: string; channels: string[] }[] };
    expect(quickTexts.language).toBe('de');
    expect(quickTexts.texts.length).toBeGreaterThan(0);
    expect(quickTexts.texts.every((t) => t.name.endsWith('(de)'))).toBe(true);
    expect(quickTexts.texts[0]!.channels).toEqual(expect.arrayContaining(['chat', 'email', 'whatsapp']));
    // C8: a colleague going Available reaches this panel as a change, not as a new list.
    const colleague = await signIn(connector.url, connector.wsUrl, {
      agentId: makeId('005', 7),
      name: 'Ada Colleague'
    });
    await command(colleague, 'goAvailable');
    const delta = await lukas.next(
      (f) =>
        f.type === 'agentsDelta' &&
        (f.upserts as { agentId: string; status: string }[]).some(
          (u) => u.agentId === makeId('005', 7) && u.status === 'Available'
        )
    );
    expect((delta.upserts as unknown[]).length).toBeLessThan(10);
    await command(colleague, 'goOffline');
    colleague.ws.close();
    lukas.ws.close();
  });

  it('sign-out (docs/auth.md, no SPEC rule) a signed-out token is refused everywhere: its open sockets close with 4401, hello and refresh refuse it', async () => {
    const agent = { agentId: makeId('005', 6), name: 'Lukas Directory' };
    const devToken = async () => {
      const res = await fetch(`${connector.url}/auth/dev`, { method: 'POST', body: JSON.stringify(agent) });
      return ((await res.json()) as { token: string }).token;
    };
    const hello = async (token: string) => {
      const panel = await Panel.open(connector.wsUrl);
      const closed = new Promise<number>((resolve) => panel.ws.once('close', (code) => resolve(code)));
      panel.send({ type: 'hello', token });
      return { panel, closed };
    };
    const token = await devToken();
    const other = await devToken(); // another sign-in of the same agent (another browser): not signed out
    const first = await hello(token);
    await first.panel.next(ofType('welcome'));
    const second = await hello(token);
    await second.panel.next(ofType('welcome'));
    const kept = await hello(other);
    await kept.panel.next(ofType('welcome'));

    const out = await fetch(`${connector.url}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` }
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toMatchObject({ signedOut: true });
    // Both sockets of that sign-in are told and closed, as for any token that is no longer valid.
    for (const tab of [first, second]) {
      expect(await tab.panel.next((f) => f.type === 'error')).toMatchObject({ error: { code: 'SIGNED_OUT' } });
      expect(await tab.closed).toBe(4401);
    }
    // A new hello with the same token is refused.
    const again = await hello(token);
    expect(await again.panel.next(ofType('error'))).toMatchObject({ error: { code: 'SIGNED_OUT' } });
    expect(await again.closed).toBe(4401);
    expect(again.panel.received.some((f) => f.type === 'welcome')).toBe(false);
    // So is a refresh over HTTP.
    const refresh = await fetch(`${connector.url}/auth/session/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` }
    });
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toMatchObject({ error: { code: 'SIGN_IN_AGAIN' } });
    // The agent's other sign-in still works.
    kept.panel.send({ type: 'ping' });
    expect(await kept.panel.next(ofType('pong'))).toEqual({ type: 'pong' });
    kept.panel.ws.close();
  });

  it('S7 an admin sees sync health and parked operations with the admin key, nobody else does', async () => {
    expect((await fetch(`${connector.url}/admin/sync/parked`)).status).toBe(401);
    const headers = { authorization: 'Bearer flows-test-admin-key-0123456789' };
    const parked = await fetch(`${connector.url}/admin/sync/parked`, { headers });
    expect(parked.status).toBe(200);
    expect(await parked.json()).toEqual({ parked: [] });
    const status = await fetch(`${connector.url}/admin/sync/status`, { headers });
    expect(await status.json()).toMatchObject({ state: 'ok', parked: 0 });
    const retry = await fetch(`${connector.url}/admin/sync/parked/999/retry`, { method: 'POST', headers });
    expect(retry.status).toBe(404);
  });

  it('logs carry ids and codes, never what customers wrote or card numbers', () => {
    // pino's own fields are numbers that may hold any digits ("time":1796324111204 holds 4111): checked without them.
    const logs = logLines.map((line) => line.replace(/"(time|pid)":\d+,/g, '')).join('');
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of [
      '4111',
      'My order is late',
      'Open on Sunday',
      'Great, and Monday',
      'Refund agreed',
      'Thanks, checking'
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
