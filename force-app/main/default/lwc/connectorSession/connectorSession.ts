// The agent's sign-in to the connector (docs/auth.md, "The panel's side"): the Salesforce OAuth pop-up, the session
// token kept in memory only, its renewal before it runs out (and at once after the computer slept), and sign-out.
// ConnectorClient asks `token()` before every hello. It holds no words: events and failures carry codes, and the
// panel shows a Custom Label for each.
//
// Codes it emits (`failed.code`, `signedOut.code`, `SessionError.code`):
//   made here:
//     POPUP_BLOCKED          the browser did not open the pop-up; offer a button (a click lets the browser open it)
//     SIGN_IN_CANCELLED      the agent closed the pop-up before it finished, or the panel went away (close())
//     SIGNED_OUT             the agent signed out (signOut()); also what token() throws when there is no session
//     SESSION_EXPIRED        the token ran out: renewal kept failing until its grace was over, or it is not renewable
//     CONNECTOR_UNREACHABLE  refresh or logout got no answer (network error, or no answer within the time limit)
//     CONNECTOR_UNAVAILABLE  refresh or logout got a 5xx (or 429) that names no code
//     REFRESH_REFUSED        refresh got another refusal that names no code
//   passed on from the connector (docs/auth.md, Error codes):
//     sign-in (failed, during 'signIn'): ACCESS_DENIED, ORG_REFUSED, STATE_INVALID, CALLBACK_INVALID,
//       TOKEN_EXCHANGE_FAILED, USERINFO_FAILED, ORG_UNREACHABLE, ORG_MISMATCH, SIGN_IN_FAILED (also for a
//       malformed message), TOO_MANY_SIGN_INS
//     refresh 401 (signedOut): SIGN_IN_AGAIN (also when the answer names no code), TOKEN_MALFORMED, TOKEN_SIGNATURE,
//       TOKEN_EXPIRED, TOKEN_WRONG_ORG
//     refresh or logout, retried (failed, during 'refresh' or 'signOut'): ORG_UNREACHABLE, TOO_MANY_SIGN_INS, INTERNAL
//     refresh, not retried (failed, during 'refresh'; the token is used until it expires): ORIGIN_NOT_ALLOWED,
//       INVALID_INPUT, METHOD_NOT_ALLOWED, NOT_FOUND (a connector without Salesforce sign-in)
//   A newer connector may name other codes: show a general label for a code without one.

/** The pop-up window as the panel sees it (cross-origin: only these members are usable). */
export interface PopupLike {
  readonly closed: boolean;
  postMessage(message: unknown, targetOrigin: string): void;
  focus?(): void;
}

/** What a 'message' event carries that the session reads. */
export interface MessageEventLike {
  readonly origin: string;
  readonly source: unknown;
  readonly data: unknown;
}
export type MessageListener = (event: MessageEventLike) => void;

export interface FetchResponseLike {
  readonly status: number;
  json(): Promise<unknown>;
}
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string> }
) => Promise<FetchResponseLike>;

/** Who signed in, as the connector names them. */
export interface SessionAgent {
  agentId: string;
  name: string;
  orgId: string;
  language: string | null;
}

export interface SessionInfo {
  /** Null when the session was adopted without it. */
  agent: SessionAgent | null;
  /** When the current token expires, ms since the epoch (the connector's clock). */
  expiresAt: number;
}

export type SessionEvent =
  | { type: 'signedIn'; agent: SessionAgent | null; expiresAt: number }
  | { type: 'refreshed'; expiresAt: number }
  | { type: 'signedOut'; code: string }
  | { type: 'failed'; code: string; during: 'signIn' | 'refresh' | 'signOut' };

/** A sign-in (or token()) that did not succeed; `code` is one of the codes above, `message` is the code too. */
export class SessionError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.name = 'SessionError';
    this.code = code;
  }
}

export interface ConnectorSessionOptions {
  /** The connector's public URL, e.g. https://connector.example.com. Messages are accepted from its origin only. */
  connectorUrl: string;
  /** window.open. */
  open?: (url: string, name: string, features: string) => PopupLike | null;
  /** window.addEventListener / removeEventListener, for 'message'. */
  addEventListener?: (type: 'message', listener: MessageListener) => void;
  removeEventListener?: (type: 'message', listener: MessageListener) => void;
  fetch?: FetchLike;
  /** The wall clock (ms since the epoch); it keeps running while the computer sleeps, timers may not. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  /** Renew when this share of the token's remaining lifetime has passed. */
  refreshRatio?: number;
  /** How long after expiry the connector still renews a token (its refreshGraceSeconds); retries stop then. */
  refreshGraceMs?: number;
  /** Waits between retries of a refresh that got no usable answer: base doubling to max, up to 50 % less at random. */
  backoff?: { baseMs: number; maxMs: number };
  /** The session looks at the clock at least this often, */
  checkEveryMs?: number;
  /** and a look this much later than planned means the computer slept: renew at once. */
  wakeLateMs?: number;
  /** How often the sign-in looks whether the agent closed the pop-up. */
  popupPollMs?: number;
  /** A refresh or logout with no answer after this long counts as CONNECTOR_UNREACHABLE. */
  requestTimeoutMs?: number;
}

type Settings = Required<ConnectorSessionOptions>;

interface Current {
  token: string;
  expiresAt: number;
  agent: SessionAgent | null;
  /** False: no refresh is tried (a development token, or the connector refused renewal for good). */
  renewable: boolean;
}

interface PendingSignIn {
  popup: PopupLike;
  promise: Promise<SessionInfo>;
  resolve: (info: SessionInfo) => void;
  reject: (error: SessionError) => void;
  listener: MessageListener;
  pollTimer: unknown;
}

type SignInOutcome = { ok: true; info: SessionInfo } | { ok: false; code: string };

type Answer =
  { kind: 'ok'; body: unknown } | { kind: 'refused'; status: number; code: string | null } | { kind: 'unreachable' };

const POPUP_NAME = 'softphone-sign-in';
const POPUP_FEATURES = 'width=520,height=680';
const RECEIVED = { type: 'softphone:sign-in-received' };
/** Never two renewals closer together than this (a token that looks expired on arrival, e.g. a skewed clock). */
const MIN_REFRESH_GAP_MS = 5_000;

interface BrowserWindow {
  open(url: string, name: string, features: string): PopupLike | null;
  addEventListener(type: string, listener: MessageListener): void;
  removeEventListener(type: string, listener: MessageListener): void;
  fetch: FetchLike;
}
const browser = () => globalThis as unknown as BrowserWindow;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A code as the connector writes them (UPPER_SNAKE); anything else is not passed on. */
function codeOf(body: unknown): string | null {
  const error = isRecord(body) ? body.error : undefined;
  const code = isRecord(error) ? error.code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : null;
}

function agentOf(value: unknown): SessionAgent | null {
  if (!isRecord(value)) return null;
  const { agentId, name, orgId, language } = value;
  if (typeof agentId !== 'string' || agentId === '' || typeof name !== 'string' || typeof orgId !== 'string') {
    return null;
  }
  return { agentId, name, orgId, language: typeof language === 'string' ? language : null };
}

const validToken = (token: unknown): token is string => typeof token === 'string' && token !== '';
const validExpiry = (expiresAt: unknown): expiresAt is number =>
  typeof expiresAt === 'number' && Number.isFinite(expiresAt) && expiresAt > 0;

export class ConnectorSession {
  private readonly options: Settings;
  private readonly base: string;
  private readonly origin: string;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private current: Current | null = null;
  /** Changes with every sign-in, adoption and sign-out: answers for an older session are dropped. */
  private generation = 0;
  private pending: PendingSignIn | null = null;
  private refreshDue = Number.POSITIVE_INFINITY;
  private refreshing: { generation: number; done: Promise<void> } | null = null;
  private attempts = 0;
  private tickTimer: unknown = null;
  private tickPlannedAt = 0;

  constructor(options: ConnectorSessionOptions) {
    this.options = {
      open: (url, name, features) => browser().open(url, name, features),
      addEventListener: (type, listener) => browser().addEventListener(type, listener),
      removeEventListener: (type, listener) => browser().removeEventListener(type, listener),
      fetch: (url, init) => browser().fetch(url, init),
      now: Date.now,
      // Renewal, retries and the pop-up watch are what this module is for; nothing here touches the DOM.
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      random: Math.random,
      refreshRatio: 0.8,
      refreshGraceMs: 300_000,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
      checkEveryMs: 60_000,
      wakeLateMs: 120_000,
      popupPollMs: 500,
      requestTimeoutMs: 15_000,
      ...options
    };
    const url = new URL(options.connectorUrl);
    this.origin = url.origin;
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }

  /** Hears every change; returns the function that stops it. */
  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get signedIn(): boolean {
    return this.current !== null;
  }

  get agent(): SessionAgent | null {
    return this.current?.agent ?? null;
  }

  get expiresAt(): number | null {
    return this.current?.expiresAt ?? null;
  }

  /** The current session token, for ConnectorClient's `token` option. Throws SessionError SIGNED_OUT without one. */
  token(): string {
    if (!this.current) throw new SessionError('SIGNED_OUT');
    return this.current.token;
  }

  /**
   * Opens the connector's sign-in pop-up and resolves when the agent has signed in. Call it from a click: a browser
   * may block a pop-up opened without one (POPUP_BLOCKED). A second call while the pop-up is open brings it forward.
   */
  signIn(): Promise<SessionInfo> {
    if (this.pending) {
      this.pending.popup.focus?.();
      return this.pending.promise;
    }
    let popup: PopupLike | null;
    try {
      popup = this.options.open(`${this.base}/auth/login`, POPUP_NAME, POPUP_FEATURES);
    } catch {
      popup = null;
    }
    if (!popup) {
      this.emit({ type: 'failed', code: 'POPUP_BLOCKED', during: 'signIn' });
      return Promise.reject(new SessionError('POPUP_BLOCKED'));
    }
    let resolve!: (info: SessionInfo) => void;
    let reject!: (error: SessionError) => void;
    const promise = new Promise<SessionInfo>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const attempt: PendingSignIn = { popup, promise, resolve, reject, listener: () => undefined, pollTimer: null };
    attempt.listener = (event) => this.heard(attempt, event);
    this.pending = attempt;
    this.options.addEventListener('message', attempt.listener);
    this.watch(attempt);
    return promise;
  }

  /**
   * Starts from a token the panel already has (the local console's full-tab sign-in, a development sign-in).
   * `renewable: false` (a development token, which the connector cannot renew): used until it expires.
   */
  adopt(session: { token: string; expiresAt: number; agent?: SessionAgent | null; renewable?: boolean }): SessionInfo {
    if (!validToken(session.token) || !validExpiry(session.expiresAt)) throw new SessionError('TOKEN_MALFORMED');
    return this.start(
      { token: session.token, expiresAt: session.expiresAt, agent: session.agent ?? null },
      session.renewable ?? true
    );
  }

  /** Renews a renewable token now (e.g. the connector said TOKEN_EXPIRED); resolves when that attempt is over. */
  refresh(): Promise<void> {
    if (!this.current?.renewable) return Promise.resolve();
    if (this.refreshing?.generation === this.generation) return this.refreshing.done;
    const generation = this.generation;
    const done = this.renew(generation).finally(() => {
      if (this.refreshing?.generation === generation) this.refreshing = null;
    });
    this.refreshing = { generation, done };
    return done;
  }

  /** Signs out at the connector (which revokes the Salesforce session), forgets the token, emits signedOut. */
  async signOut(): Promise<void> {
    const session = this.current;
    if (!session) return;
    this.forget();
    const answer = await this.post('/auth/logout', session.token);
    const trouble = this.trouble(answer);
    // 401: the connector no longer knows this token; the session is over either way.
    if (trouble && !(answer.kind === 'refused' && answer.status === 401)) {
      this.emit({ type: 'failed', code: trouble.code, during: 'signOut' });
    }
    this.emit({ type: 'signedOut', code: 'SIGNED_OUT' });
  }

  /** The panel goes away: timers and listeners stop, a pending sign-in fails SIGN_IN_CANCELLED. No sign-out. */
  close(): void {
    if (this.pending) this.settle(this.pending, { ok: false, code: 'SIGN_IN_CANCELLED' });
    this.forget();
  }

  // ---- the pop-up ------------------------------------------------------------------------------------------------

  private heard(attempt: PendingSignIn, event: MessageEventLike): void {
    // Only the connector's page, and only in the pop-up this sign-in opened.
    if (event.origin !== this.origin || event.source !== attempt.popup || !isRecord(event.data)) return;
    const data = event.data;
    if (data.type === 'softphone:signed-in') {
      const agent = agentOf(data.agent);
      if (validToken(data.token) && validExpiry(data.expiresAt) && agent) {
        this.settle(attempt, {
          ok: true,
          info: this.start({ token: data.token, expiresAt: data.expiresAt, agent }, true)
        });
      } else {
        this.settle(attempt, { ok: false, code: 'SIGN_IN_FAILED' });
      }
    } else if (data.type === 'softphone:sign-in-failed') {
      this.settle(attempt, { ok: false, code: codeOf(data) ?? 'SIGN_IN_FAILED' });
    } else {
      return;
    }
    try {
      attempt.popup.postMessage(RECEIVED, this.origin); // the page closes itself
    } catch {
      // The pop-up went away meanwhile: nothing to close.
    }
  }

  /** Looks now and then whether the agent closed the pop-up without finishing. */
  private watch(attempt: PendingSignIn): void {
    attempt.pollTimer = this.options.setTimer(() => {
      attempt.pollTimer = null;
      if (this.pending !== attempt) return;
      if (attempt.popup.closed) this.settle(attempt, { ok: false, code: 'SIGN_IN_CANCELLED' });
      else this.watch(attempt);
    }, this.options.popupPollMs);
  }

  private settle(attempt: PendingSignIn, outcome: SignInOutcome): void {
    if (this.pending !== attempt) return;
    this.pending = null;
    this.options.removeEventListener('message', attempt.listener);
    if (attempt.pollTimer !== null) this.options.clearTimer(attempt.pollTimer);
    attempt.pollTimer = null;
    if (outcome.ok) {
      attempt.resolve(outcome.info);
    } else {
      this.emit({ type: 'failed', code: outcome.code, during: 'signIn' });
      attempt.reject(new SessionError(outcome.code));
    }
  }

  // ---- the session -----------------------------------------------------------------------------------------------

  private start(session: Omit<Current, 'renewable'>, renewable: boolean): SessionInfo {
    this.forget();
    this.current = { ...session, renewable };
    this.refreshDue = this.dueAfter(session.expiresAt, 0);
    this.emit({ type: 'signedIn', agent: session.agent, expiresAt: session.expiresAt });
    this.plan();
    return { agent: session.agent, expiresAt: session.expiresAt };
  }

  private forget(): void {
    this.generation++;
    this.current = null;
    this.refreshing = null;
    this.attempts = 0;
    this.refreshDue = Number.POSITIVE_INFINITY;
    this.clearTick();
  }

  /** When to renew a token expiring at `expiresAt`: after `refreshRatio` of the time it has left. */
  private dueAfter(expiresAt: number, minGapMs: number): number {
    const now = this.options.now();
    return Math.max(now + minGapMs, now + Math.max(0, expiresAt - now) * this.options.refreshRatio);
  }

  /**
   * One timer at a time, never longer than checkEveryMs, so the wall clock is looked at often: a browser may pause
   * timers while the computer sleeps, and a timer that fires much later than planned means it just woke up.
   */
  private plan(): void {
    this.clearTick();
    const session = this.current;
    if (!session) return;
    const now = this.options.now();
    const target = session.renewable ? this.refreshDue : session.expiresAt;
    const at = Math.min(now + this.options.checkEveryMs, Math.max(now, target));
    this.tickPlannedAt = at;
    this.tickTimer = this.options.setTimer(() => {
      this.tickTimer = null;
      this.tick();
    }, at - now);
  }

  private tick(): void {
    const session = this.current;
    if (!session) return;
    const now = this.options.now();
    const woke = now - this.tickPlannedAt > this.options.wakeLateMs;
    if (session.renewable) {
      if (woke || now >= this.refreshDue) {
        this.refresh().catch(() => undefined); // renew() reports through events
        return;
      }
    } else if (now >= session.expiresAt) {
      this.end('SESSION_EXPIRED');
      return;
    }
    this.plan();
  }

  private async renew(generation: number): Promise<void> {
    const session = this.current;
    if (!session) return;
    this.clearTick();
    const answer = await this.post('/auth/session/refresh', session.token);
    if (generation !== this.generation || this.current !== session) return; // signed out or in meanwhile
    if (answer.kind === 'ok' && isRecord(answer.body)) {
      const { token, expiresAt } = answer.body;
      if (validToken(token) && validExpiry(expiresAt)) {
        this.current = { ...session, token, expiresAt };
        this.attempts = 0;
        this.refreshDue = this.dueAfter(expiresAt, MIN_REFRESH_GAP_MS);
        this.emit({ type: 'refreshed', expiresAt });
        this.plan();
        return;
      }
    }
    if (answer.kind === 'refused' && answer.status === 401) {
      this.end(answer.code ?? 'SIGN_IN_AGAIN'); // every 401 means "sign in again"
      return;
    }
    const trouble = this.trouble(answer) ?? { code: 'CONNECTOR_UNAVAILABLE', retry: true };
    this.emit({ type: 'failed', code: trouble.code, during: 'refresh' });
    if (!trouble.retry) {
      // Renewal cannot work with this connector (a wrong origin, no sign-in endpoints): use the token while it lasts.
      this.current = { ...session, renewable: false };
      this.plan();
      return;
    }
    const now = this.options.now();
    if (now >= session.expiresAt + this.options.refreshGraceMs) {
      this.end('SESSION_EXPIRED');
      return;
    }
    const { baseMs, maxMs } = this.options.backoff;
    const wait = Math.min(maxMs, baseMs * 2 ** this.attempts);
    this.attempts++;
    this.refreshDue = now + Math.round(wait * (0.5 + this.options.random() * 0.5));
    this.plan();
  }

  /** What went wrong with an answer that is not a success: its code, and whether trying again may help. */
  private trouble(answer: Answer): { code: string; retry: boolean } | null {
    if (answer.kind === 'ok') return null;
    if (answer.kind === 'unreachable') return { code: 'CONNECTOR_UNREACHABLE', retry: true };
    if (answer.status >= 500 || answer.status === 429) {
      return { code: answer.code ?? 'CONNECTOR_UNAVAILABLE', retry: true };
    }
    return { code: answer.code ?? 'REFRESH_REFUSED', retry: false };
  }

  private end(code: string): void {
    this.forget();
    this.emit({ type: 'signedOut', code });
  }

  private async post(path: string, token: string): Promise<Answer> {
    let timer: unknown = null;
    const timeout = new Promise<Answer>((resolve) => {
      timer = this.options.setTimer(() => resolve({ kind: 'unreachable' }), this.options.requestTimeoutMs);
    });
    const call = (async (): Promise<Answer> => {
      try {
        // No cookies and no body: the token is the only credential (docs/auth.md, CORS without credentials).
        const res = await this.options.fetch(`${this.base}${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` }
        });
        const body: unknown = await res.json().catch(() => undefined); // not JSON: a proxy's page
        return res.status >= 200 && res.status < 300
          ? { kind: 'ok', body }
          : { kind: 'refused', status: res.status, code: codeOf(body) };
      } catch {
        return { kind: 'unreachable' };
      }
    })();
    try {
      return await Promise.race([call, timeout]);
    } finally {
      this.options.clearTimer(timer);
    }
  }

  private clearTick(): void {
    if (this.tickTimer !== null) this.options.clearTimer(this.tickTimer);
    this.tickTimer = null;
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
