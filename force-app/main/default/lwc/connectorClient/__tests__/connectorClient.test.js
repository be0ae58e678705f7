// connectorClient against a scripted socket that plays frames recorded from the running connector
// (fixtures/panels/): what it keeps, how it reconnects and resumes, and that a retried command keeps its key.
// The same client against the real connector over a real socket: connector/src/__tests__/connectorClient.test.ts.
import { ConnectorClient } from 'c/connectorClient';
import welcome from 'fixtures/panels/welcome.json';
import offline from 'fixtures/panels/presence-offline.json';
import available from 'fixtures/panels/presence-available.json';
import inboxFrame from 'fixtures/panels/inbox.json';
import agentsDirectory from 'fixtures/panels/directory-agents.json';
import agentsDelta from 'fixtures/panels/agents-delta.json';
import ack from 'fixtures/panels/ack.json';
import syncDelayed from 'fixtures/panels/sync-delayed.json';
import noticeFrame from 'fixtures/panels/notice-digital-transfer-returned.json';

class ScriptedSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.onopen = null;
    this.onmessage = null;
    this.onclose = null;
    this.onerror = null;
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close(code = 1000) {
    this.readyState = 3;
    this.closedWith = code;
  }
  // The server's side.
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  deliver(frame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function setUp(options = {}) {
  const sockets = [];
  const timers = [];
  let now = 1_000_000;
  const client = new ConnectorClient({
    url: 'wss://connector.example/ws',
    token: () => 'session-token',
    socket: (url) => {
      const socket = new ScriptedSocket(url);
      sockets.push(socket);
      return socket;
    },
    random: () => 1,
    now: () => now,
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      timer.cancelled = true;
    },
    ...options
  });
  const events = [];
  client.subscribe((event) => events.push(event));
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Runs the newest live timer (reconnect or keep-alive) as if its time had come. */
  const fire = (predicate = () => true) => {
    const timer = timers.filter((t) => !t.cancelled && !t.fired && predicate(t)).pop();
    if (!timer) throw new Error('no timer due');
    timer.fired = true;
    now += timer.ms;
    timer.fn();
    return timer;
  };
  const last = () => sockets[sockets.length - 1];
  const welcomeOn = async (socket, frames = [offline, inboxFrame, agentsDirectory]) => {
    socket.accept();
    await flush();
    socket.deliver(welcome);
    for (const frame of frames) socket.deliver(frame);
  };
  return { client, sockets, timers, events, flush, fire, last, welcomeOn, advance: (ms) => (now += ms) };
}

describe('connectorClient', () => {
  it('says hello with the token and keeps the snapshot, inbox and directories the connector sends', async () => {
    const { client, last, welcomeOn, events } = setUp();
    client.connect();
    expect(client.state).toBe('connecting');
    await welcomeOn(last());
    expect(last().sent[0]).toEqual({ type: 'hello', token: 'session-token', lastVersion: null, lastRevision: null });
    expect(client.state).toBe('open');
    expect(client.snapshot).toEqual(offline.snapshot);
    expect(client.version).toBe(offline.version);
    expect(client.inbox).toEqual(inboxFrame.inbox);
    expect(client.directories.agents).toEqual(agentsDirectory.document);
    expect(events.map((e) => e.type)).toEqual(['state', 'state', 'welcome', 'snapshot', 'inbox', 'directory']);
  });

  it('D12 passes a notice on as a notice event, once, and keeps nothing of it', async () => {
    const { client, last, welcomeOn, events } = setUp();
    client.connect();
    await welcomeOn(last());
    const before = client.snapshot;
    last().deliver(noticeFrame);
    expect(events.filter((e) => e.type === 'notice')).toEqual([{ type: 'notice', notice: noticeFrame.notice }]);
    expect(noticeFrame.notice.labelKey).toBe('Notice_DigitalTransferReturned');
    expect(client.snapshot).toBe(before);
  });

  it('C8 C9 applies an agentsDelta to the agents directory: a colleague’s presence without a new document', async () => {
    const { client, last, welcomeOn } = setUp();
    client.connect();
    await welcomeOn(last());
    last().deliver(agentsDelta);
    for (const upsert of agentsDelta.upserts) {
      expect(client.directories.agents.agents.find((a) => a.agentId === upsert.agentId)).toEqual(upsert);
    }
    // An older delta (already in the document) changes nothing.
    const before = client.directories.agents;
    last().deliver({ ...agentsDelta, version: 0, upserts: [{ ...agentsDelta.upserts[0], status: 'Offline' }] });
    expect(client.directories.agents).toBe(before);
  });

  it('reconnects after a drop with growing waits and resumes from the version it had', async () => {
    const { client, sockets, last, welcomeOn, fire, flush } = setUp();
    client.connect();
    await welcomeOn(last(), [available]);
    last().drop();
    expect(client.state).toBe('reconnecting');
    expect(fire().ms).toBe(500);
    last().drop(); // the connector is still away
    expect(fire().ms).toBe(1000);
    last().drop();
    expect(fire().ms).toBe(2000);
    expect(sockets).toHaveLength(4);
    last().accept();
    await flush();
    expect(last().sent[0]).toEqual({
      type: 'hello',
      token: 'session-token',
      lastVersion: available.version,
      lastRevision: available.revision
    });
    // Nothing changed meanwhile: the connector says so, and the panel keeps what it shows.
    last().deliver(welcome);
    last().deliver({ type: 'snapshot', version: available.version, revision: available.revision, snapshot: null });
    expect(client.state).toBe('open');
    expect(client.snapshot).toEqual(available.snapshot);
    // A later drop starts from the shortest wait again.
    last().drop();
    expect(fire().ms).toBe(500);
  });

  it('waits up to half as long again at random, so a thousand panels do not come back at once', () => {
    const { client, last, fire } = setUp({ random: () => 0 });
    client.connect();
    last().drop();
    expect(fire().ms).toBe(250);
  });

  it('sends a command whose answer was lost again with the same key, and resolves it once', async () => {
    const { client, last, welcomeOn, fire } = setUp();
    client.connect();
    await welcomeOn(last());
    const answered = jest.fn();
    client.command('goAvailable').then(answered);
    const first = last().sent.find((f) => f.type === 'command');
    expect(first).toMatchObject({ type: 'command', command: 'goAvailable', id: expect.stringMatching(/^[\w.:-]{8,128}$/) });
    last().drop();
    fire();
    await welcomeOn(last(), []);
    const again = last().sent.find((f) => f.type === 'command');
    expect(again).toEqual(first);
    last().deliver({ ...ack, id: first.id, duplicate: true });
    last().deliver({ ...ack, id: first.id, duplicate: true });
    await Promise.resolve();
    expect(answered).toHaveBeenCalledTimes(1);
    expect(answered).toHaveBeenCalledWith(expect.objectContaining({ type: 'ack', id: first.id }));
  });

  it('keeps a command made while disconnected until the connection is back', async () => {
    const { client, last, welcomeOn, fire } = setUp();
    client.connect();
    await welcomeOn(last());
    last().drop();
    const answer = client.command('accept', { interactionId: 'voice-1' });
    fire();
    expect(last().sent).toEqual([]);
    await welcomeOn(last(), []);
    const sent = last().sent.find((f) => f.type === 'command');
    expect(sent).toMatchObject({ command: 'accept', interactionId: 'voice-1' });
    last().deliver({ type: 'rejected', id: sent.id, duplicate: false, error: { code: 'UNKNOWN_INTERACTION', message: 'x' } });
    await expect(answer).resolves.toMatchObject({ type: 'rejected', error: { code: 'UNKNOWN_INTERACTION' } });
  });

  it('a refused token signs the panel out instead of reconnecting; signing in again connects', async () => {
    const { client, last, sockets, welcomeOn, timers } = setUp();
    client.connect();
    await welcomeOn(last());
    last().deliver({ type: 'error', error: { code: 'TOKEN_EXPIRED', message: 'The session expired.' } });
    expect(client.state).toBe('signedOut');
    last().drop(4401);
    expect(timers.filter((t) => !t.cancelled && t.ms === 500)).toEqual([]);
    expect(sockets).toHaveLength(1);
    client.reauthenticated();
    expect(sockets).toHaveLength(2);
    await welcomeOn(last(), []);
    expect(client.state).toBe('open');
  });

  it('replaces a connection that went silent (no pong) and asks for the inbox window again', async () => {
    const { client, last, sockets, welcomeOn, fire, advance } = setUp({ keepAliveMs: 1000 });
    client.connect();
    client.setInboxView({ sort: 'waitingSince', tags: ['vip'] });
    await welcomeOn(last());
    expect(last().sent).toContainEqual({ type: 'inboxView', sort: 'waitingSince', tags: ['vip'] });
    fire((t) => t.ms === 1000);
    expect(last().sent).toContainEqual({ type: 'ping' });
    advance(2000);
    fire((t) => t.ms === 1000);
    expect(last().closedWith).toBe(4000);
    expect(client.state).toBe('reconnecting');
    fire((t) => t.ms === 500);
    await welcomeOn(last(), []);
    expect(sockets).toHaveLength(2);
    expect(last().sent).toContainEqual({ type: 'inboxView', sort: 'waitingSince', tags: ['vip'] });
  });

  it('S7 keeps the sync state it is told', async () => {
    const { client, last, welcomeOn, events } = setUp();
    client.connect();
    await welcomeOn(last(), [syncDelayed]);
    expect(client.sync).toEqual({ state: 'delayed', reason: 'SERVER_UNAVAILABLE' });
    expect(events.at(-1)).toEqual({ type: 'sync', sync: syncDelayed.sync });
  });
});
