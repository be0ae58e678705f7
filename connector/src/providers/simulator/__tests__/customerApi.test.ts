import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCustomerApi } from '../customerApi';
import { agent, rig, T0, type Rig } from './harness';

const KEY = 'test-customer-key';

let r: Rig;
let server: Server;
let base: string;

beforeEach(async () => {
  r = await rig(undefined, [agent('a1', ['q-voice', 'q-chat'], T0)]);
  const api = createCustomerApi(r.sim, { apiKey: KEY });
  server = createServer((req, res) => {
    void api(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(418);
        res.end('not the customer API');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await r.sim.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) })
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null
  };
}

describe('customer API over HTTP', () => {
  it('refuses a request without the API key, or with a wrong one (401)', async () => {
    const missing = await fetch(`${base}/customer/queues`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    const wrong = await call('GET', '/customer/queues', undefined, { authorization: 'Bearer not-the-key' });
    expect(wrong.status).toBe(401);
  });

  it('leaves other paths to the connector', async () => {
    const response = await fetch(`${base}/api/other`);
    expect(response.status).toBe(418);
  });

  it('V1 POST /customer/calls places a call that routing offers; digits, view and hang-up follow', async () => {
    const created = await call('POST', '/customer/calls', {
      from: '+1 (415) 555-0100',
      queueId: 'q-voice',
      name: 'Sam'
    });
    expect(created.status).toBe(201);
    const id = created.json?.interactionId as string;
    expect(created.json).toEqual({ interactionId: expect.stringMatching(/^voice-/) });
    await r.sim.idle();
    expect(r.engine.offers[0]?.event).toMatchObject({ interactionId: id, number: '+14155550100', customerName: 'Sam' });
    const digits = await call('POST', `/customer/calls/${id}/digits`, { digits: '12#' });
    expect(digits.status).toBe(200);
    expect(digits.json?.entries).toEqual(expect.arrayContaining([expect.objectContaining({ digits: '12#' })]));
    const view = await call('GET', `/customer/interactions/${id}`);
    expect(view).toMatchObject({ status: 200, json: { interactionId: id, channel: 'voice', state: 'waiting' } });
    const hungUp = await call('POST', `/customer/calls/${id}/hangup`);
    expect(hungUp).toMatchObject({ status: 200, json: { state: 'ended', endedReason: 'customer_hung_up' } });
    expect(r.engine.eventsOf('customerHungUp').map((e) => e.interactionId)).toEqual([id]);
    const again = await call('POST', `/customer/calls/${id}/hangup`, {});
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'INTERACTION_ENDED' } } });
  });

  it('answers 400 naming every wrong field', async () => {
    const bad = await call('POST', '/customer/calls', { from: '12', queueId: '', kind: 'outbound' });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: expect.any(String),
        issues: [
          { path: 'from', message: expect.any(String) },
          { path: 'queueId', message: expect.any(String) },
          { path: 'kind', message: expect.any(String) }
        ]
      }
    });
    const extra = await call('POST', '/customer/chats', { customerId: 'v1', queueId: 'q-chat', colour: 'red' });
    expect(extra.status).toBe(400);
    const digits = await call('POST', '/customer/calls/voice-x/digits', { digits: 'abc' });
    expect((digits.json?.error as { issues: unknown[] }).issues).toEqual([
      { path: 'digits', message: expect.any(String) }
    ]);
    const message = await call('POST', '/customer/messages', {
      channel: 'sms',
      from: 'jane@example.org',
      queueId: 'q-digital',
      text: 'hi',
      subject: 'no'
    });
    expect((message.json?.error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
      'from',
      'subject'
    ]);
  });

  it('answers 422 for an unknown queue or one that does not take the channel', async () => {
    const unknown = await call('POST', '/customer/calls', { from: '+14155550100', queueId: 'q-nope' });
    expect(unknown).toMatchObject({ status: 422, json: { error: { code: 'UNKNOWN_QUEUE' } } });
    const mismatch = await call('POST', '/customer/chats', { customerId: 'v1', queueId: 'q-voice' });
    expect(mismatch).toMatchObject({ status: 422, json: { error: { code: 'QUEUE_CHANNEL_MISMATCH' } } });
  });

  it('answers 404 for an unknown interaction and 409 for one on another channel', async () => {
    for (const [method, path, body] of [
      ['GET', '/customer/interactions/voice-nope', undefined],
      ['POST', '/customer/calls/voice-nope/hangup', undefined],
      ['POST', '/customer/chats/chat-nope/messages', { text: 'hi' }],
      ['POST', '/customer/messages/email-nope/replies', { text: 'hi' }]
    ] as const) {
      const response = await call(method, path, body);
      expect({ path, status: response.status, code: (response.json?.error as { code: string }).code }).toEqual({
        path,
        status: 404,
        code: 'UNKNOWN_INTERACTION'
      });
    }
    const chat = await call('POST', '/customer/chats', { customerId: 'v1', queueId: 'q-chat' });
    const wrong = await call('POST', `/customer/calls/${chat.json?.interactionId as string}/digits`, { digits: '1' });
    expect(wrong).toMatchObject({ status: 409, json: { error: { code: 'WRONG_CHANNEL' } } });
  });

  it('C2 chats: start with a bot transcript, write, leave', async () => {
    const created = await call('POST', '/customer/chats', {
      customerId: 'visitor-9',
      name: 'Chris',
      email: 'chris@example.org',
      queueId: 'q-chat',
      botTranscript: [{ from: 'bot', text: 'Hi! How can I help?' }]
    });
    expect(created.status).toBe(201);
    const id = created.json?.interactionId as string;
    await r.sim.idle();
    expect(r.engine.offers[0]?.event).toMatchObject({
      type: 'chat.offered',
      botTranscript: [{ text: 'Hi! How can I help?' }]
    });
    const written = await call('POST', `/customer/chats/${id}/messages`, {
      text: 'Here is the photo',
      attachments: [{ id: 'f1', name: 'photo.jpg', contentType: 'image/jpeg', sizeBytes: 1234 }]
    });
    expect(written.status).toBe(200);
    expect(r.engine.eventsOf('customer.message')[0]?.event).toMatchObject({ text: 'Here is the photo' });
    const empty = await call('POST', `/customer/chats/${id}/messages`, { text: '  ' });
    expect(empty.status).toBe(400);
    const left = await call('POST', `/customer/chats/${id}/leave`);
    expect(left).toMatchObject({ status: 200, json: { state: 'ended', endedReason: 'customer_left' } });
    expect(r.engine.eventsOf('customer.left')).toHaveLength(1);
  });

  it('D1 messages: a first message opens a numbered conversation, replies go to it; queues count what waits', async () => {
    const created = await call('POST', '/customer/messages', {
      channel: 'email',
      from: 'jane@example.org',
      name: 'Jane',
      queueId: 'q-digital',
      subject: 'Invoice',
      text: 'Hello'
    });
    expect(created).toEqual(
      expect.objectContaining({
        status: 201,
        json: { interactionId: expect.stringMatching(/^email-/), interactionNumber: 'D-000001' }
      })
    );
    const id = created.json?.interactionId as string;
    const reply = await call('POST', `/customer/messages/${id}/replies`, { text: 'Any news?' });
    expect(reply.status).toBe(200);
    expect(r.engine.eventsOf('customerMessage')[0]).toMatchObject({ interactionId: id, event: { text: 'Any news?' } });
    const queues = await call('GET', '/customer/queues');
    expect(queues.status).toBe(200);
    expect((queues.json?.queues as { id: string }[]).find((q) => q.id === 'q-digital')).toMatchObject({
      name: 'Digital',
      waitingMessages: 1
    });
  });

  it('acts on an interaction the engine knows from before a restart', async () => {
    r.engine.channels.set('chat-before-restart', 'chat');
    const written = await call('POST', '/customer/chats/chat-before-restart/messages', { text: 'still here' });
    expect(written.status).toBe(200);
    expect(r.engine.eventsOf('customer.message').map((e) => e.interactionId)).toEqual(['chat-before-restart']);
  });

  it('answers 404 for an unknown endpoint, 405 for a wrong method, 415 and 400 for bodies that are not JSON', async () => {
    expect((await call('GET', '/customer/nothing-here')).status).toBe(404);
    const wrongMethod = await call('GET', '/customer/calls');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const text = await call('POST', '/customer/calls', 'from=1', { 'content-type': 'text/plain' });
    expect(text).toMatchObject({ status: 415, json: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
    const broken = await call('POST', '/customer/calls', '{"from":');
    expect(broken).toMatchObject({ status: 400, json: { error: { code: 'INVALID_JSON' } } });
  });

  it('answers 413 for a body over 1 MB', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(1024 * 1024) });
    const response = await call('POST', '/customer/chats/chat-x/messages', big);
    expect(response).toMatchObject({ status: 413, json: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    // The connection still works afterwards.
    expect((await call('GET', '/customer/queues')).status).toBe(200);
  });

  it('refuses to start without a real API key', () => {
    expect(() => createCustomerApi(r.sim, { apiKey: '' })).toThrow(/API key/);
  });
});
