// connectorSession with every browser API faked: a scripted pop-up and 'message' events, a scripted fetch, and timers
// and a wall clock the test moves (the clock can run on while timers stand still, as when a laptop sleeps).
// The same module against the real connector's refresh and logout: connector/src/__tests__/connectorSession.test.ts.
import { ConnectorSession, SessionError } from 'c/connectorSession';

const CONNECTOR = 'https://connector.example';
const HOUR = 3_600_000;
const AGENT = { agentId: '005000000000001AAA', name: 'Emma Clarke', orgId: '00D000000000001AAA', language: 'en_US' };

class FakePopup {
  constructor() {
    this.closed = false;
    this.received = [];
    this.focused = 0;
  }
  postMessage(message, targetOrigin) {
    this.received.push({ message, targetOrigin });
  }
  focus() {
    this.focused++;
  }
}

function setUp(options = {}) {
  const start = 1_700_000_000_000;
  let now = start;
  const timers = [];
  const listeners = new Set();
  const opened = [];
  const calls = [];
  const answers = [];
  let respond = null;
  const popup = new FakePopup();
  let openResult = popup;
  const session = new ConnectorSession({
    connectorUrl: CONNECTOR,
    open: (url, name, features) => {
      opened.push({ url, name, features });
      return openResult;
    },
    addEventListener: (type, listener) => {
      if (type === 'message') listeners.add(listener);
    },
    removeEventListener: (type, listener) => {
      if (type === 'message') listeners.delete(listener);
    },
    fetch: (url, init) => {
      calls.push({ url, init, at: now });
      const answer = respond ? respond(url) : answers.shift();
      if (answer === undefined) return Promise.reject(new Error(`no answer scripted for ${url}`));
      if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'));
      if (answer === 'hang') return new Promise(() => undefined);
      if (typeof answer === 'function') return answer();
      return Promise.resolve({ status: answer.status, json: () => Promise.resolve(answer.body) });
    },
    now: () => now,
    setTimer: (fn, ms) => {
      const timer = { fn, ms, at: now + ms, cancelled: false, fired: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      if (timer) timer.cancelled = true;
    },
    random: () => 1,
    ...options
  });
  const events = [];
  session.subscribe((event) => events.push(event));
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const live = () => timers.filter((t) => !t.cancelled && !t.fired);
  /** Moves the clock to the earliest live timer (unless it is already later: it slept) and runs it. */
  const runNext = async () => {
    const timer = live().sort((a, b) => a.at - b.at)[0];
    if (!timer) throw new Error('no timer due');
    timer.fired = true;
    now = Math.max(now, timer.at);
    timer.fn();
    await flush();
    return timer;
  };
  /** Runs timers one after another (each may start the next) until `done`. */
  const runUntil = async (what, done, left = 500) => {
    if (done()) return;
    if (left === 0) throw new Error(`never: ${what}`);
    await runNext();
    await runUntil(what, done, left - 1);
  };
  /** A 'message' event as the browser delivers it. */
  const deliver = (data, { origin = CONNECTOR, source = popup } = {}) => {
    for (const listener of [...listeners]) listener({ origin, source, data });
  };
  const signedInMessage = (overrides = {}) => ({
    type: 'softphone:signed-in',
    token: 'token-1',
    expiresAt: now + HOUR,
    agent: AGENT,
    ...overrides
  });
  const signIn = async () => {
    const signedIn = session.signIn();
    deliver(signedInMessage());
    await signedIn;
  };
  return {
    session,
    popup,
    opened,
    calls,
    answers,
    events,
    timers,
    listeners,
    live,
    flush,
    runNext,
    runUntil,
    deliver,
    signedInMessage,
    signIn,
    start,
    now: () => now,
    /** The wall clock moves on, timers do not fire (the computer sleeps). */
    sleep: (ms) => (now += ms),
    respondWith: (fn) => (respond = fn),
    blockPopups: () => (openResult = null),
    allowPopups: () => (openResult = popup)
  };
}

const refreshed = (token, expiresAt) => ({ status: 200, body: { token, expiresAt } });
const refused = (status, code) => ({ status, body: { error: { code, message: 'English words the panel ignores' } } });
const codeOf = (promise) =>
  promise.then(
    () => 'resolved',
    (error) => (error instanceof SessionError ? error.code : `not a SessionError: ${error}`)
  );

describe('connectorSession: sign-in', () => {
  it('opens the connector’s pop-up and resolves with the agent when it posts the token; answers it to close', async () => {
    const { session, opened, popup, deliver, signedInMessage, events, listeners, live, now } = setUp();
    const signedIn = session.signIn();
    expect(opened).toEqual([{ url: `${CONNECTOR}/auth/login`, name: 'softphone-sign-in', features: expect.any(String) }]);
    expect(opened[0].features).toMatch(/width=5\d\d/);
    expect(opened[0].features).toMatch(/height=6\d\d/);
    const expiresAt = now() + HOUR;
    deliver(signedInMessage({ expiresAt }));
    await expect(signedIn).resolves.toEqual({ agent: AGENT, expiresAt });
    expect(session.token()).toBe('token-1');
    expect(session.signedIn).toBe(true);
    expect(session.agent).toEqual(AGENT);
    expect(popup.received).toEqual([{ message: { type: 'softphone:sign-in-received' }, targetOrigin: CONNECTOR }]);
    expect(events).toEqual([{ type: 'signedIn', agent: AGENT, expiresAt }]);
    // Done listening, done watching the pop-up; one timer left: the renewal's.
    expect(listeners.size).toBe(0);
    expect(live()).toHaveLength(1);
  });

  it('ignores messages from another origin, from another window, and of other types', async () => {
    const { session, popup, deliver, signedInMessage, events } = setUp();
    const signedIn = session.signIn();
    const settled = jest.fn();
    signedIn.then(settled, settled);
    deliver(signedInMessage({ token: 'forged' }), { origin: 'https://evil.example' });
    deliver(signedInMessage({ token: 'forged' }), { origin: 'https://connector.example.evil.example' });
    deliver(signedInMessage({ token: 'forged' }), { source: new FakePopup() }); // right origin, another window
    deliver(signedInMessage({ token: 'forged' }), { source: null });
    deliver({ type: 'something-else' });
    deliver('softphone:signed-in');
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    expect(popup.received).toEqual([]);
    expect(events).toEqual([]);
    expect(() => session.token()).toThrow(SessionError);
    deliver(signedInMessage({ token: 'the-real-one' }));
    await signedIn;
    expect(session.token()).toBe('the-real-one');
  });

  it('fails POPUP_BLOCKED at once when the browser blocks the pop-up, and opens it on the next (clicked) try', async () => {
    const { session, blockPopups, allowPopups, opened, deliver, signedInMessage, events, listeners, live } = setUp();
    blockPopups();
    await expect(codeOf(session.signIn())).resolves.toBe('POPUP_BLOCKED');
    expect(events).toEqual([{ type: 'failed', code: 'POPUP_BLOCKED', during: 'signIn' }]);
    expect(listeners.size).toBe(0);
    expect(live()).toHaveLength(0);
    // The panel's button: the click lets the browser open it.
    allowPopups();
    const signedIn = session.signIn();
    expect(opened).toHaveLength(2);
    deliver(signedInMessage());
    await expect(signedIn).resolves.toMatchObject({ agent: AGENT });
  });

  it('fails SIGN_IN_CANCELLED when the agent closes the pop-up before finishing', async () => {
    const { session, popup, runNext, events, listeners, live } = setUp();
    const signedIn = codeOf(session.signIn());
    await runNext(); // still open: keeps watching
    await runNext();
    popup.closed = true;
    await runNext();
    await expect(signedIn).resolves.toBe('SIGN_IN_CANCELLED');
    expect(events).toEqual([{ type: 'failed', code: 'SIGN_IN_CANCELLED', during: 'signIn' }]);
    expect(listeners.size).toBe(0);
    expect(live()).toHaveLength(0);
  });

  it('fails with the connector’s code when the pop-up reports a failed sign-in, and lets the pop-up close', async () => {
    const { session, popup, deliver, events } = setUp();
    const signedIn = codeOf(session.signIn());
    deliver({
      type: 'softphone:sign-in-failed',
      error: { code: 'ACCESS_DENIED', message: 'Access was not allowed in Salesforce.' }
    });
    await expect(signedIn).resolves.toBe('ACCESS_DENIED');
    expect(events).toEqual([{ type: 'failed', code: 'ACCESS_DENIED', during: 'signIn' }]);
    expect(popup.received).toEqual([{ message: { type: 'softphone:sign-in-received' }, targetOrigin: CONNECTOR }]);
    expect(session.signedIn).toBe(false);
  });

  it('fails SIGN_IN_FAILED for a signed-in message it cannot use, or a failure without a code', async () => {
    const first = setUp();
    const signedIn = codeOf(first.session.signIn());
    first.deliver(first.signedInMessage({ token: '' }));
    await expect(signedIn).resolves.toBe('SIGN_IN_FAILED');
    const second = setUp();
    const failed = codeOf(second.session.signIn());
    second.deliver({ type: 'softphone:sign-in-failed', error: { code: '<script>' } });
    await expect(failed).resolves.toBe('SIGN_IN_FAILED');
  });

  it('a second sign-in while the pop-up is open brings it forward instead of opening another', async () => {
    const { session, opened, popup } = setUp();
    const one = session.signIn();
    const two = session.signIn();
    expect(two).toBe(one);
    expect(opened).toHaveLength(1);
    expect(popup.focused).toBe(1);
  });
});

describe('connectorSession: the token', () => {
  it('renews at 80 % of the token’s lifetime with POST /auth/session/refresh and the bearer token', async () => {
    const { signIn, session, calls, answers, events, runUntil, start } = setUp();
    await signIn();
    answers.push(refreshed('token-2', start + 0.8 * HOUR + HOUR));
    await runUntil('a refresh', () => calls.length > 0);
    expect(calls[0].at - start).toBe(0.8 * HOUR);
    expect(calls[0].url).toBe(`${CONNECTOR}/auth/session/refresh`);
    expect(calls[0].init).toEqual({ method: 'POST', headers: { Authorization: 'Bearer token-1' } });
    expect(session.token()).toBe('token-2');
    expect(events[events.length - 1]).toEqual({ type: 'refreshed', expiresAt: start + 1.8 * HOUR });
    // And the next renewal at 80 % of the new token's lifetime.
    answers.push(refreshed('token-3', start + 3 * HOUR));
    await runUntil('the next refresh', () => calls.length > 1);
    expect(calls[1].at - start).toBe(0.8 * HOUR + 0.8 * HOUR);
    expect(calls[1].init.headers.Authorization).toBe('Bearer token-2');
  });

  it('a 401 means signed out: emits signedOut with the connector’s code and forgets the token', async () => {
    const { signIn, session, answers, events, runUntil, live } = setUp();
    await signIn();
    answers.push(refused(401, 'SIGN_IN_AGAIN'));
    await runUntil('signed out', () => events.some((e) => e.type === 'signedOut'));
    expect(events[events.length - 1]).toEqual({ type: 'signedOut', code: 'SIGN_IN_AGAIN' });
    expect(session.signedIn).toBe(false);
    expect(() => session.token()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
    expect(live()).toHaveLength(0);
  });

  it('every 401 signs out, with the code the connector names (SIGN_IN_AGAIN when it names none)', async () => {
    const expired = setUp();
    await expired.signIn();
    expired.answers.push(refused(401, 'TOKEN_EXPIRED'));
    await expired.runUntil('signed out', () => expired.events.some((e) => e.type === 'signedOut'));
    expect(expired.events[expired.events.length - 1]).toEqual({ type: 'signedOut', code: 'TOKEN_EXPIRED' });
    const bare = setUp();
    await bare.signIn();
    bare.answers.push({ status: 401, body: undefined });
    await bare.runUntil('signed out', () => bare.events.some((e) => e.type === 'signedOut'));
    expect(bare.events[bare.events.length - 1]).toEqual({ type: 'signedOut', code: 'SIGN_IN_AGAIN' });
  });

  it('a 503 or a network error is retried with growing waits, and the session goes on', async () => {
    const { signIn, session, calls, answers, events, runUntil, start } = setUp();
    await signIn();
    answers.push(refused(503, 'ORG_UNREACHABLE'), 'network', refreshed('token-2', start + 2 * HOUR));
    await runUntil('three attempts', () => calls.length === 3 && events.some((e) => e.type === 'refreshed'));
    expect(calls[1].at - calls[0].at).toBe(1_000);
    expect(calls[2].at - calls[1].at).toBe(2_000);
    expect(events.filter((e) => e.type === 'failed')).toEqual([
      { type: 'failed', code: 'ORG_UNREACHABLE', during: 'refresh' },
      { type: 'failed', code: 'CONNECTOR_UNREACHABLE', during: 'refresh' }
    ]);
    expect(session.token()).toBe('token-2');
    expect(events.some((e) => e.type === 'signedOut')).toBe(false);
  });

  it('waits up to half as long again at random, so many panels do not retry at once', async () => {
    const { signIn, calls, answers, runUntil } = setUp({ random: () => 0 });
    await signIn();
    answers.push(refused(503, 'ORG_UNREACHABLE'), refused(503, 'ORG_UNREACHABLE'));
    await runUntil('two attempts', () => calls.length === 2);
    expect(calls[1].at - calls[0].at).toBe(500);
  });

  it('a refresh that gets no answer in time counts as unreachable and is retried', async () => {
    const { signIn, session, calls, answers, events, runUntil, start } = setUp({ requestTimeoutMs: 10_000 });
    await signIn();
    answers.push('hang', refreshed('token-2', start + 2 * HOUR));
    await runUntil('renewed', () => events.some((e) => e.type === 'refreshed'));
    expect(calls[1].at - calls[0].at).toBe(10_000 + 1_000);
    expect(events).toContainEqual({ type: 'failed', code: 'CONNECTOR_UNREACHABLE', during: 'refresh' });
    expect(session.token()).toBe('token-2');
  });

  it('stops retrying when the grace after expiry is over: SESSION_EXPIRED', async () => {
    const { signIn, respondWith, events, runUntil, calls, now, start } = setUp({ refreshGraceMs: 300_000 });
    await signIn();
    respondWith(() => refused(503, 'ORG_UNREACHABLE'));
    await runUntil('signed out', () => events.some((e) => e.type === 'signedOut'));
    expect(events[events.length - 1]).toEqual({ type: 'signedOut', code: 'SESSION_EXPIRED' });
    expect(now()).toBeGreaterThanOrEqual(start + HOUR + 300_000);
    expect(calls.length).toBeGreaterThan(5);
  });

  it('after the computer wakes from sleep (a timer fired much later than planned) it renews at once', async () => {
    const { signIn, session, calls, answers, live, sleep, runNext, now, start } = setUp();
    await signIn();
    sleep(20 * 60_000); // 20 minutes asleep; the browser held the timers
    answers.push(refreshed('token-2', now() + HOUR));
    expect(live()).toHaveLength(1);
    await runNext(); // it fires on waking, 19 minutes late
    expect(calls).toHaveLength(1);
    expect(calls[0].at - start).toBe(20 * 60_000); // long before the 80 % mark (48 minutes)
    expect(session.token()).toBe('token-2');
  });

  it('a timer somewhat late (a throttled background tab) is no reason to renew early', async () => {
    const { signIn, calls, sleep, runNext } = setUp();
    await signIn();
    sleep(90_000); // 30 s late
    await runNext();
    expect(calls).toHaveLength(0);
  });

  it('a refusal that retrying cannot fix stops renewal; the token is used until it expires', async () => {
    const { signIn, answers, events, calls, runUntil, start, now } = setUp();
    await signIn();
    answers.push(refused(403, 'ORIGIN_NOT_ALLOWED'));
    await runUntil('signed out', () => events.some((e) => e.type === 'signedOut'));
    expect(calls).toHaveLength(1);
    expect(events.slice(1)).toEqual([
      { type: 'failed', code: 'ORIGIN_NOT_ALLOWED', during: 'refresh' },
      { type: 'signedOut', code: 'SESSION_EXPIRED' }
    ]);
    expect(now()).toBe(start + HOUR);
  });
});

describe('connectorSession: adopt and sign out', () => {
  it('signOut posts /auth/logout with the token, forgets it and emits signedOut', async () => {
    const { signIn, session, calls, answers, events, live } = setUp();
    await signIn();
    answers.push({ status: 200, body: { signedOut: true, revoked: true } });
    await session.signOut();
    expect(calls).toEqual([
      {
        url: `${CONNECTOR}/auth/logout`,
        init: { method: 'POST', headers: { Authorization: 'Bearer token-1' } },
        at: expect.any(Number)
      }
    ]);
    expect(events[events.length - 1]).toEqual({ type: 'signedOut', code: 'SIGNED_OUT' });
    expect(session.signedIn).toBe(false);
    expect(() => session.token()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
    expect(live()).toHaveLength(0);
  });

  it('signOut without an answer still forgets the token, and says the connector was not told', async () => {
    const { signIn, session, answers, events } = setUp();
    await signIn();
    answers.push('network');
    await session.signOut();
    expect(events.slice(1)).toEqual([
      { type: 'failed', code: 'CONNECTOR_UNREACHABLE', during: 'signOut' },
      { type: 'signedOut', code: 'SIGNED_OUT' }
    ]);
    expect(session.signedIn).toBe(false);
  });

  it('a refresh answer that arrives after signOut is dropped', async () => {
    const { signIn, session, calls, answers, runUntil, events, flush } = setUp();
    await signIn();
    let release;
    answers.push(() => new Promise((resolve) => (release = resolve)));
    await runUntil('a refresh under way', () => calls.length === 1);
    answers.push({ status: 200, body: { signedOut: true, revoked: true } });
    await session.signOut();
    release({ status: 200, json: () => Promise.resolve({ token: 'late-token', expiresAt: Date.now() + HOUR }) });
    await flush();
    expect(session.signedIn).toBe(false);
    expect(() => session.token()).toThrow(SessionError);
    expect(events.filter((e) => e.type === 'refreshed')).toEqual([]);
  });

  it('adopt starts from a token the panel already has; an expired one within grace is renewed at once', async () => {
    const { session, calls, answers, events, runNext, now } = setUp();
    answers.push(refreshed('token-2', now() + HOUR));
    const info = session.adopt({ token: 'token-1', expiresAt: now() - 60_000 });
    expect(info).toEqual({ agent: null, expiresAt: now() - 60_000 });
    expect(events[0]).toEqual({ type: 'signedIn', agent: null, expiresAt: now() - 60_000 });
    await runNext();
    expect(calls).toHaveLength(1);
    expect(session.token()).toBe('token-2');
  });

  it('adopt with renewable false (a development token) never refreshes and ends at expiry', async () => {
    const { session, calls, events, runUntil, now } = setUp();
    const expiresAt = now() + HOUR;
    session.adopt({ token: 'dev-token', expiresAt, agent: AGENT, renewable: false });
    await runUntil('signed out', () => events.some((e) => e.type === 'signedOut'));
    expect(calls).toHaveLength(0);
    expect(now()).toBe(expiresAt);
    expect(events[events.length - 1]).toEqual({ type: 'signedOut', code: 'SESSION_EXPIRED' });
  });

  it('adopt refuses something that is not a token', () => {
    const { session } = setUp();
    expect(() => session.adopt({ token: '', expiresAt: Date.now() })).toThrow(
      expect.objectContaining({ code: 'TOKEN_MALFORMED' })
    );
  });

  it('close() stops everything without signing out; a pending sign-in fails SIGN_IN_CANCELLED', async () => {
    const { session, calls, live, listeners } = setUp();
    const signedIn = codeOf(session.signIn());
    session.close();
    await expect(signedIn).resolves.toBe('SIGN_IN_CANCELLED');
    expect(live()).toHaveLength(0);
    expect(listeners.size).toBe(0);
    expect(calls).toHaveLength(0);
  });
});
