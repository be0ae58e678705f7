// The panels' WebSocket endpoint: authenticate with a hello frame, then commands in, acks and snapshots out.
// Every agent's tabs share one state: a change is pushed to all of that agent's sessions.
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { SessionRevocations } from '../auth/revocations';
import type { SessionClaims, SessionTokens } from '../auth/session-token';
import type { SignedInSessionStore } from '../auth/signed-in-sessions';
import type { Engine } from '../engine/engine';
import { parseWith } from '../interactions/kernel/parse';
import type { Logger } from '../log';
import type { Metrics } from './metrics';
import { clientFrameSchema, MAX_FRAME_BYTES, PROTOCOL_VERSION, type ErrorBody, type ServerFrame } from './protocol';
import { TokenBucket } from './rate-limit';
import { FanOut } from './fan-out';
import { DEFAULT_INBOX_WINDOW, type InboxWindow } from '../engine/inbox-index';
import type { OmniAction, OmniEvent } from './schema';
import type { OmniBridge } from '../omni/bridge';
import type { DirectoryService } from '../directories/service';

const HELLO_TIMEOUT_MS = 10_000;
/** ws closes a connection whose frame exceeds this; frames between MAX_FRAME_BYTES and this get a typed error. */
const HARD_LIMIT_BYTES = 4 * MAX_FRAME_BYTES;

interface Session {
  id: string;
  socket: WebSocket;
  claims: SessionClaims | null;
  bucket: TokenBucket;
  lastSentVersion: number;
  lastSentRevision: string | null;
  lastInboxVersion: number;
  /** D3: the inbox window this panel shows (inboxView frame). */
  inboxWindow: InboxWindow;
  /** The panel runs beside the console's Omni relay (hello omniRelay). */
  omniRelay: boolean;
  /** Order of hello, to choose the agent's relay. */
  connectedAt: number;
}

export interface PanelSessionsOptions {
  /** The org agents must belong to (tokens of another org are refused). */
  orgId?: string;
  /** Signed-in Salesforce sessions: a token whose sign-in was logged out is refused at hello. Null: dev tokens only. */
  signedIn: SignedInSessionStore | null;
  /** Signed-out sign-ins of every instance (the store): their tokens are refused at hello, dev tokens too. */
  revocations: SessionRevocations;
  engine: Engine;
  /** The directory documents: sent at hello, pushed when they change. */
  directories: DirectoryService;
  /** A2, S2–S4: where the Omni relays' reports go. */
  omni: OmniBridge;
  tokens: SessionTokens;
  metrics: Metrics;
  log: Logger;
  commandsPerSecond: number;
}

export class PanelSessions {
  readonly wss: WebSocketServer;
  private readonly byAgent = new Map<string, Set<Session>>();
  private readonly inboxText = new WeakMap<object, string>();
  private connections = 0;
  private readonly fanOut: FanOut;
  /** Each agent's latest snapshot push: a notice goes out after it, so a panel reads it beside the new state. */
  private readonly pushes = new Map<string, Promise<void>>();

  constructor(private readonly options: PanelSessionsOptions) {
    this.fanOut = new FanOut((err) => options.log.warn({ err }, 'a frame could not be sent to a panel'));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: HARD_LIMIT_BYTES });
    this.wss.on('connection', (socket) => this.accept(socket));
    options.engine.onChange((agentIds) => {
      for (const agentId of agentIds) {
        const push = this.pushSnapshot(agentId).catch((err: unknown) =>
          options.log.warn({ err, agentId }, 'a snapshot could not be pushed')
        );
        this.pushes.set(agentId, push);
        void push.then(() => {
          if (this.pushes.get(agentId) === push) this.pushes.delete(agentId);
        });
      }
    });
    // Only to the agent concerned, and only to the panels open now (fire-and-forget, docs/decisions.md).
    options.engine.onNotice((agentId, notice) => {
      void (this.pushes.get(agentId) ?? Promise.resolve()).then(() => {
        for (const session of this.byAgent.get(agentId) ?? []) this.send(session, { type: 'notice', notice });
      });
    });
    options.engine.onScreenPop((agentId, interactionId, screenPop) => {
      for (const session of this.byAgent.get(agentId) ?? [])
        this.send(session, { type: 'screenPop', interactionId, screenPop });
    });
    options.engine.onSyncHealth((sync) => this.broadcast(this.sessions(), { type: 'sync', sync }));
    options.directories.onFrame((audience, text) => {
      if ('agentId' in audience) {
        for (const session of this.byAgent.get(audience.agentId) ?? []) this.sendText(session, text);
        return;
      }
      const language = 'language' in audience ? audience.language : null;
      this.broadcast(
        this.sessions((agentId) => language === null || options.directories.languageOf(agentId) === language),
        text
      );
    });
    // A queue's members can be hundreds of panels: their inboxes go out in slices too.
    options.engine.onInboxChange((agentIds) => this.fanOut.enqueue(agentIds, (agentId) => this.pushInbox(agentId)));
  }

  handleUpgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.close(1001, 'server shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const { metrics, commandsPerSecond, engine } = this.options;
    const session: Session = {
      id: randomBytes(9).toString('base64url'),
      socket,
      claims: null,
      bucket: new TokenBucket(commandsPerSecond, engine.now()),
      lastSentVersion: -1,
      lastSentRevision: null,
      lastInboxVersion: -1,
      inboxWindow: DEFAULT_INBOX_WINDOW,
      omniRelay: false,
      connectedAt: 0
    };
    metrics.sessions++;
    const helloTimer = setTimeout(() => {
      if (!session.claims) socket.close(4401, 'no hello');
    }, HELLO_TIMEOUT_MS);
    socket.on('message', (data, isBinary) => void this.onFrame(session, data, isBinary));
    socket.on('close', () => {
      clearTimeout(helloTimer);
      metrics.sessions--;
      if (!session.claims) return;
      const agentId = session.claims.sub;
      this.byAgent.get(agentId)?.delete(session);
      // The agent's next tab with a relay takes over and gets what is still owed.
      if (session.omniRelay && this.relayOf(agentId)) void this.options.omni.relayConnected(agentId);
    });
    socket.on('error', (err) => this.options.log.warn({ err: err.message, session: session.id }, 'websocket error'));
  }

  private async onFrame(session: Session, data: RawData, isBinary: boolean): Promise<void> {
    const { metrics, engine, tokens, log } = this.options;
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
    if (isBinary) return this.error(session, 'BINARY_FRAME', 'Frames are JSON text.');
    if (bytes > MAX_FRAME_BYTES) return this.error(session, 'FRAME_TOO_LARGE', 'A frame can be at most 1 MB.');
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return this.error(session, 'MALFORMED_JSON', 'The frame is not valid JSON.');
    }
    const parsed = parseWith(clientFrameSchema, json);
    if (!parsed.ok) {
      const id =
        typeof json === 'object' && json !== null && 'id' in json ? String((json as { id: unknown }).id) : null;
      const unknownType = parsed.rejection.issues?.some((i) => i.path === 'type');
      const error: ErrorBody = unknownType
        ? {
            code: 'UNKNOWN_FRAME',
            message: 'Unknown frame type: expected hello, command, resync, inboxView, omni or ping.'
          }
        : {
            code: parsed.rejection.code,
            message: parsed.rejection.message,
            ...(parsed.rejection.issues ? { issues: parsed.rejection.issues } : {})
          };
      if (id !== null && (json as { type?: unknown }).type === 'command') {
        return this.send(session, { type: 'rejected', id, duplicate: false, error });
      }
      return this.send(session, { type: 'error', error });
    }
    const frame = parsed.value;
    if (frame.type === 'ping') return this.send(session, { type: 'pong' });
    if (frame.type === 'hello') {
      if (session.claims)
        return this.error(session, 'ALREADY_AUTHENTICATED', 'This connection has already said hello.');
      const check = tokens.verify(frame.token, engine.now(), this.options.orgId ? { orgId: this.options.orgId } : {});
      if (!check.ok) {
        this.send(session, {
          type: 'error',
          error: { code: check.code, message: 'Sign in again: the session token is not valid.' }
        });
        session.socket.close(4401, check.code);
        return;
      }
      if (
        (await this.options.revocations.isRevoked(check.claims.sid, engine.now())) ||
        (this.options.signedIn &&
          !check.claims.dev &&
          !(await this.options.signedIn.get(check.claims.sid, engine.now())))
      ) {
        this.send(session, { type: 'error', error: { code: 'SIGNED_OUT', message: 'You signed out: sign in again.' } });
        session.socket.close(4401, 'SIGNED_OUT');
        return;
      }
      session.claims = check.claims;
      session.omniRelay = frame.omniRelay;
      session.connectedAt = ++this.connections;
      let set = this.byAgent.get(check.claims.sub);
      if (!set) this.byAgent.set(check.claims.sub, (set = new Set()));
      set.add(session);
      this.send(session, {
        type: 'welcome',
        protocol: PROTOCOL_VERSION,
        agent: { agentId: check.claims.sub, name: check.claims.name },
        sessionId: session.id
      });
      await this.sendSnapshot(session, frame.lastVersion, frame.lastRevision);
      for (const text of this.options.directories.framesFor(check.claims.sub)) this.sendText(session, text);
      if (session.omniRelay && this.relayOf(check.claims.sub) === session) {
        void this.options.omni.relayConnected(check.claims.sub);
      }
      return;
    }
    if (!session.claims) return this.error(session, 'NOT_AUTHENTICATED', 'Say hello with a session token first.');
    if (session.claims.exp * 1000 <= engine.now()) {
      this.send(session, {
        type: 'error',
        error: { code: 'TOKEN_EXPIRED', message: 'Your session ended: sign in again.' }
      });
      session.socket.close(4401, 'TOKEN_EXPIRED');
      return;
    }
    if (frame.type === 'resync') return this.sendSnapshot(session, frame.lastVersion, frame.lastRevision);
    const limited = !session.bucket.take(engine.now());
    if (limited) metrics.count('rejection', { code: 'RATE_LIMITED' });
    const tooMany = { code: 'RATE_LIMITED', message: 'Too many frames at once; wait a moment and try again.' };
    if (frame.type === 'inboxView') {
      if (limited) return this.send(session, { type: 'error', error: tooMany });
      const { sort, tags, offset, limit } = frame;
      session.inboxWindow = { sort, tags, offset, limit };
      return this.sendInbox(session);
    }
    if (frame.type === 'omni') {
      if (limited) return this.send(session, { type: 'error', error: tooMany });
      return this.onOmni(session, session.claims.sub, frame.event);
    }
    // A command.
    if (limited) return this.send(session, { type: 'rejected', id: frame.id, duplicate: false, error: tooMany });
    const started = process.hrtime.bigint();
    try {
      const outcome = await engine.command(session.claims.sub, {
        id: frame.id,
        command: frame.command,
        ...(frame.interactionId !== undefined ? { interactionId: frame.interactionId } : {}),
        ...(frame.args !== undefined ? { args: frame.args } : {})
      });
      if (outcome.status === 'applied') {
        this.send(session, {
          type: 'ack',
          id: frame.id,
          duplicate: outcome.duplicate,
          version: outcome.version,
          ...(outcome.created ? { created: outcome.created } : {})
        });
        // The pushed snapshot may have gone out already; a duplicate brings this tab up to date as well.
        if (outcome.duplicate) await this.sendSnapshot(session, null, null);
      } else {
        metrics.count('rejection', { code: outcome.rejection.code });
        const { code, message, labelKey, issues } = outcome.rejection;
        this.send(session, {
          type: 'rejected',
          id: frame.id,
          duplicate: outcome.duplicate,
          error: { code, message, labelKey, ...(issues ? { issues } : {}) }
        });
      }
    } catch (error) {
      log.error({ err: error, session: session.id, command: frame.command }, 'command failed');
      this.send(session, {
        type: 'rejected',
        id: frame.id,
        duplicate: false,
        error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed. Try again.' }
      });
    } finally {
      metrics.observeCommandMs(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }

  private async pushSnapshot(agentId: string): Promise<void> {
    const sessions = this.byAgent.get(agentId);
    if (!sessions || sessions.size === 0) return;
    const { version, revision, snapshot } = await this.options.engine.snapshot(agentId);
    for (const session of sessions) {
      if (version < session.lastSentVersion) continue;
      if (version === session.lastSentVersion && revision === session.lastSentRevision) continue;
      session.lastSentVersion = version;
      session.lastSentRevision = revision;
      this.send(session, { type: 'snapshot', version, revision, snapshot });
    }
  }

  private pushInbox(agentId: string): void {
    for (const session of this.byAgent.get(agentId) ?? []) {
      if (this.options.engine.inbox(agentId, session.inboxWindow).version > session.lastInboxVersion)
        this.sendInbox(session);
    }
  }

  /** The session's inbox window. Agents of one queue looking at the same window share one object: serialised once. */
  private sendInbox(session: Session): void {
    if (!session.claims) return;
    const { version, inbox } = this.options.engine.inbox(session.claims.sub, session.inboxWindow);
    let text = this.inboxText.get(inbox);
    if (text === undefined || !text.startsWith(`{"type":"inbox","version":${version},`)) {
      text = JSON.stringify({ type: 'inbox', version, inbox } satisfies ServerFrame);
      this.inboxText.set(inbox, text);
    }
    session.lastInboxVersion = version;
    this.sendText(session, text);
  }

  /**
   * After hello or a resync: the inbox, then a full snapshot unless the panel already has this version built with
   * these settings (`snapshot: null`).
   */
  private async sendSnapshot(session: Session, lastVersion: number | null, lastRevision: string | null): Promise<void> {
    if (!session.claims) return;
    this.sendInbox(session);
    const { version, revision, snapshot } = await this.options.engine.snapshot(session.claims.sub);
    session.lastSentVersion = version;
    session.lastSentRevision = revision;
    const current = lastVersion === version && lastRevision === revision;
    this.send(session, { type: 'snapshot', version, revision, snapshot: current ? null : snapshot });
  }

  private onOmni(session: Session, agentId: string, event: OmniEvent): void {
    if (!session.omniRelay) {
      return this.error(session, 'NOT_OMNI_RELAY', 'Only a panel that said hello with omniRelay: true reports Omni.');
    }
    void this.options.omni.report(agentId, event);
  }

  /** The sign-in `sid` signed out (here or on another instance): its open sockets are told and closed (4401). */
  signedOut(sid: string): void {
    for (const session of this.sessions()) {
      if (session.claims?.sid !== sid) continue;
      this.send(session, { type: 'error', error: { code: 'SIGNED_OUT', message: 'You signed out: sign in again.' } });
      session.socket.close(4401, 'SIGNED_OUT');
    }
  }

  /**
   * A2, S2–S4: an action for the agent's Omni relay. One relay applies it (the first connected of the agent's tabs:
   * applying it in every tab would accept the same work twice); false when the agent has none connected.
   */
  sendOmniAction(agentId: string, action: OmniAction): boolean {
    const relay = this.relayOf(agentId);
    if (!relay) return false;
    this.send(relay, { type: 'omniAction', action });
    return true;
  }

  private relayOf(agentId: string): Session | undefined {
    let first: Session | undefined;
    for (const session of this.byAgent.get(agentId) ?? []) {
      if (!session.omniRelay || session.socket.readyState !== session.socket.OPEN) continue;
      if (!first || session.connectedAt < first.connectedAt) first = session;
    }
    return first;
  }

  private error(session: Session, code: string, message: string): void {
    this.options.metrics.count('frame_error', { code });
    this.send(session, { type: 'error', error: { code, message } });
  }

  private send(session: Session, frame: ServerFrame): void {
    this.sendText(session, JSON.stringify(frame));
  }

  /** Frames serialised once for many sessions (directories, inbox) go out as text. */
  private sendText(session: Session, text: string): void {
    if (session.socket.readyState === session.socket.OPEN) session.socket.send(text);
  }

  /** The authenticated sessions (of the agents `which` picks), as they are now. */
  private sessions(which: (agentId: string) => boolean = () => true): Session[] {
    const out: Session[] = [];
    for (const [agentId, set] of this.byAgent) if (which(agentId)) out.push(...set);
    return out;
  }

  /**
   * One frame for many sessions: serialised and encoded once (not once per socket: 2,000 copies of a delta were
   * garbage every second), sent in slices (see fan-out.ts).
   */
  private broadcast(targets: Session[], frame: ServerFrame | string): void {
    const data = Buffer.from(typeof frame === 'string' ? frame : JSON.stringify(frame));
    this.fanOut.enqueue(targets, (session) => {
      if (session.socket.readyState === session.socket.OPEN) session.socket.send(data, { binary: false });
    });
  }
}
