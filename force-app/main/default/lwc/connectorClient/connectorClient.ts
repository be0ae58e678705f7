// The panels' one connection to the connector: a WebSocket that says hello with the session token, keeps the newest
// snapshot, inbox and directory documents, and sends commands with idempotency keys. When the connection drops it
// reconnects with growing, jittered waits and resumes from the last version it had (the connector answers
// `snapshot: null` when nothing changed); a command whose answer was lost is sent again with the same key, so the
// connector applies it once. It decides nothing about what the agent may do: the snapshot says that.
import type {
  AckFrame,
  AgentInbox,
  AgentSnapshot,
  AgentsDeltaFrame,
  ClientFrame,
  DirectoryFrame,
  ErrorBody,
  InboxViewFrame,
  Notice,
  OmniAction,
  OmniEvent,
  RejectedFrame,
  ScreenPopView,
  ServerFrame,
  SnapshotFrame,
  SyncHealth,
  WelcomeFrame
} from 'c/connectorProtocol';

/** What the browser's WebSocket offers that the client uses (tests and Node pass `ws`'s, which is the same). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'signedOut' | 'closed';

type DirectoryName = DirectoryFrame['name'];
export type DirectoryDocuments = { [N in DirectoryName]?: Extract<DirectoryFrame, { name: N }>['document'] };

/** What listeners hear; documents are also kept on the client (`snapshot`, `inbox`, `directories`). */
export type ClientEvent =
  | { type: 'state'; state: ConnectionState; error?: ErrorBody }
  | { type: 'welcome'; welcome: WelcomeFrame }
  | { type: 'snapshot'; snapshot: AgentSnapshot; version: number; revision: string }
  | { type: 'inbox'; inbox: AgentInbox; version: number }
  | { type: 'directory'; name: DirectoryName }
  | { type: 'sync'; sync: SyncHealth }
  | { type: 'screenPop'; interactionId: string; screenPop: ScreenPopView }
  /** D7, D12, V6, V9, C6, C8, C9: something happened to the agent's work; shown once, never kept or resent. */
  | { type: 'notice'; notice: Notice }
  | { type: 'omniAction'; action: OmniAction }
  | { type: 'error'; error: ErrorBody };

export type CommandAnswer = AckFrame | RejectedFrame;

export interface ConnectorClientOptions {
  /** The connector's panel socket, e.g. wss://connector.example.com/ws. */
  url: string;
  /** The current session token (connectorSession refreshes it); asked again before every hello. */
  token: () => string | Promise<string>;
  /** This panel runs beside the console's Omni relay (docs/protocol.md, Omni-Channel). */
  omniRelay?: boolean;
  socket?: SocketFactory;
  /** Waits between reconnects: base doubling to max, each with up to 50 % random jitter. */
  backoff?: { baseMs: number; maxMs: number };
  /** A ping this often; no answer (any frame) for as long again means the connection is dead. */
  keepAliveMs?: number;
  random?: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The connector refuses the token (expired, revoked, wrong signature): reconnecting with it cannot help. */
const SIGNED_OUT_CLOSE = 4401;
const SIGNED_OUT_CODES = new Set(['TOKEN_EXPIRED', 'TOKEN_SIGNATURE', 'TOKEN_MALFORMED', 'SIGNED_OUT']);
const OPEN = 1;

interface PendingCommand {
  frame: Extract<ClientFrame, { type: 'command' }>;
  resolve: (answer: CommandAnswer) => void;
  /** Sent on the current connection (else it waits for the next welcome). */
  sent: boolean;
}

export class ConnectorClient {
  snapshot: AgentSnapshot | null = null;
  version: number | null = null;
  revision: string | null = null;
  inbox: AgentInbox | null = null;
  readonly directories: DirectoryDocuments = {};
  sync: SyncHealth | null = null;
  state: ConnectionState = 'closed';

  private readonly options: Required<Omit<ConnectorClientOptions, 'omniRelay'>> & { omniRelay: boolean };
  private readonly listeners = new Set<(event: ClientEvent) => void>();
  private readonly pending = new Map<string, PendingCommand>();
  private readonly directoryVersions = new Map<DirectoryName, number>();
  private socket: SocketLike | null = null;
  private welcomed = false;
  private attempts = 0;
  private reconnectTimer: unknown = null;
  private keepAliveTimer: unknown = null;
  private lastHeard = 0;
  private inboxView: InboxViewFrame | null = null;
  private readonly keyPrefix: string;
  private nextKey = 0;

  constructor(options: ConnectorClientOptions) {
    this.options = {
      socket: (url) => new (globalThis as unknown as { WebSocket: new (url: string) => SocketLike }).WebSocket(url),
      backoff: { baseMs: 500, maxMs: 30_000 },
      keepAliveMs: 25_000,
      random: Math.random,
      now: Date.now,
      // Reconnect waits and keep-alive pings are what this module is for; nothing here touches the DOM.
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      omniRelay: false,
      ...options
    };
    this.keyPrefix = `p${Math.floor(this.options.random() * 36 ** 8).toString(36)}${this.options.now().toString(36)}`;
  }

  /** Hears every change; returns the function that stops it. */
  subscribe(listener: (event: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connect(): void {
    if (this.state === 'connecting' || this.state === 'open') return;
    this.attempts = 0;
    this.open('connecting');
  }

  /** Signed in again (a new token): connect at once. */
  reauthenticated(): void {
    this.clearReconnect();
    this.attempts = 0;
    this.open('connecting');
  }

  /** The panel goes away: no reconnect; unanswered commands stay unanswered. */
  close(): void {
    this.clearReconnect();
    this.stopKeepAlive();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'panel closed');
    this.setState('closed');
  }

  /**
   * Sends a command and resolves with its ack or rejection. The idempotency key is made here once and reused for every
   * send of this command, so a retry after a lost answer is applied once (the connector answers `duplicate: true`).
   */
  command(command: string, options: { interactionId?: string; args?: Record<string, unknown> } = {}) {
    const id = `${this.keyPrefix}.${++this.nextKey}`;
    const frame: PendingCommand['frame'] = {
      type: 'command',
      id,
      command,
      ...(options.interactionId !== undefined ? { interactionId: options.interactionId } : {}),
      ...(options.args !== undefined ? { args: options.args } : {})
    };
    return new Promise<CommandAnswer>((resolve) => {
      const entry: PendingCommand = { frame, resolve, sent: false };
      this.pending.set(id, entry);
      this.flushCommand(entry);
    });
  }

  /** D2, D3: the inbox window to show; kept and asked for again after a reconnect. */
  setInboxView(view: Omit<InboxViewFrame, 'type'>): void {
    this.inboxView = { type: 'inboxView', ...view };
    if (this.welcomed) this.send(this.inboxView);
  }

  /** The Omni relay's report (only for an omniRelay client); dropped while disconnected: the relay reports on connect. */
  reportOmni(event: OmniEvent): void {
    if (this.welcomed) this.send({ type: 'omni', event });
  }

  // ---- the connection ---------------------------------------------------------------------------------------------

  private open(state: 'connecting' | 'reconnecting'): void {
    this.setState(state);
    this.welcomed = false;
    for (const entry of this.pending.values()) entry.sent = false;
    const socket = this.options.socket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.hello(socket).catch(() => this.dropped(4000));
    };
    socket.onmessage = (event) => {
      if (socket === this.socket) this.receive(String(event.data));
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.dropped(event.code);
    };
    socket.onerror = () => undefined; // onclose follows and decides
  }

  private async hello(socket: SocketLike): Promise<void> {
    let token: string;
    try {
      token = await this.options.token();
    } catch {
      this.signedOut(socket, { code: 'SIGNED_OUT', message: 'Sign in to the connector.' });
      return;
    }
    if (socket !== this.socket) return;
    this.lastHeard = this.options.now();
    this.send({
      type: 'hello',
      token,
      lastVersion: this.version,
      lastRevision: this.revision,
      ...(this.options.omniRelay ? { omniRelay: true } : {})
    });
  }

  private dropped(code: number): void {
    this.socket = null;
    this.welcomed = false;
    this.stopKeepAlive();
    if (this.state === 'closed' || this.state === 'signedOut') return;
    if (code === SIGNED_OUT_CLOSE) {
      this.setState('signedOut', { code: 'SIGNED_OUT', message: 'Sign in again.' });
      return;
    }
    this.setState('reconnecting');
    const { baseMs, maxMs } = this.options.backoff;
    const wait = Math.min(maxMs, baseMs * 2 ** this.attempts);
    this.attempts++;
    const jittered = Math.round(wait * (0.5 + this.options.random() * 0.5));
    this.reconnectTimer = this.options.setTimer(() => {
      this.reconnectTimer = null;
      if (this.state === 'reconnecting') this.open('reconnecting');
    }, jittered);
  }

  private signedOut(socket: SocketLike, error: ErrorBody): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.stopKeepAlive();
    socket.close(1000, 'signed out');
    this.setState('signedOut', error);
  }

  private receive(text: string): void {
    this.lastHeard = this.options.now();
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'welcome':
        this.welcome(frame);
        break;
      case 'snapshot':
        this.snapshotFrame(frame);
        break;
      case 'inbox':
        this.inbox = frame.inbox;
        this.emit({ type: 'inbox', inbox: frame.inbox, version: frame.version });
        break;
      case 'directory':
        this.directoryVersions.set(frame.name, frame.version);
        (this.directories as { [name: string]: unknown })[frame.name] = frame.document;
        this.emit({ type: 'directory', name: frame.name });
        break;
      case 'agentsDelta':
        this.agentsDelta(frame);
        break;
      case 'sync':
        this.sync = frame.sync;
        this.emit({ type: 'sync', sync: frame.sync });
        break;
      case 'screenPop':
        this.emit({ type: 'screenPop', interactionId: frame.interactionId, screenPop: frame.screenPop });
        break;
      case 'notice':
        this.emit({ type: 'notice', notice: frame.notice });
        break;
      case 'omniAction':
        this.emit({ type: 'omniAction', action: frame.action });
        break;
      case 'ack':
      case 'rejected':
        this.answered(frame);
        break;
      case 'error':
        if (SIGNED_OUT_CODES.has(frame.error.code) && this.socket) this.signedOut(this.socket, frame.error);
        else this.emit({ type: 'error', error: frame.error });
        break;
      default:
        // pong, or a frame type of a newer connector: hearing it was enough (lastHeard).
        break;
    }
  }

  private snapshotFrame(frame: SnapshotFrame): void {
    this.revision = frame.revision;
    if (this.version === null || frame.version >= this.version) this.version = frame.version;
    if (frame.snapshot === null) return; // what the panel has is current
    this.snapshot = frame.snapshot;
    this.emit({ type: 'snapshot', snapshot: frame.snapshot, version: frame.version, revision: frame.revision });
  }

  private answered(frame: CommandAnswer): void {
    const entry = this.pending.get(frame.id);
    if (!entry) return;
    this.pending.delete(frame.id);
    entry.resolve(frame);
  }

  private welcome(frame: WelcomeFrame): void {
    this.welcomed = true;
    this.attempts = 0;
    this.setState('open');
    this.emit({ type: 'welcome', welcome: frame });
    if (this.inboxView) this.send(this.inboxView);
    for (const entry of this.pending.values()) this.flushCommand(entry);
    this.startKeepAlive();
  }

  /** C8, C9: colleagues' presence between whole agents directories; an older delta than the document is skipped. */
  private agentsDelta(frame: AgentsDeltaFrame): void {
    const current = this.directories.agents;
    if (!current || frame.version <= (this.directoryVersions.get('agents') ?? 0)) return;
    const removed = new Set(frame.removed);
    const upserts = new Map(frame.upserts.map((agent) => [agent.agentId, agent]));
    const agents = current.agents
      .filter((agent) => !removed.has(agent.agentId))
      .map((agent) => upserts.get(agent.agentId) ?? agent);
    for (const agent of upserts.values())
      if (!current.agents.some((a) => a.agentId === agent.agentId)) agents.push(agent);
    this.directories.agents = { ...current, agents };
    this.directoryVersions.set('agents', frame.version);
    this.emit({ type: 'directory', name: 'agents' });
  }

  private flushCommand(entry: PendingCommand): void {
    if (!this.welcomed || entry.sent) return;
    entry.sent = this.send(entry.frame);
  }

  private send(frame: ClientFrame): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  // ---- keep-alive: a connection that went silent (a laptop woke up, a proxy dropped it) is replaced --------------

  private startKeepAlive(): void {
    this.stopKeepAlive();
    const tick = () => {
      const socket = this.socket;
      if (!socket) return;
      if (this.options.now() - this.lastHeard > 2 * this.options.keepAliveMs) {
        socket.close(4000, 'no answer');
        this.dropped(4000);
        return;
      }
      this.send({ type: 'ping' });
      this.keepAliveTimer = this.options.setTimer(tick, this.options.keepAliveMs);
    };
    this.keepAliveTimer = this.options.setTimer(tick, this.options.keepAliveMs);
  }

  private stopKeepAlive(): void {
    if (this.keepAliveTimer !== null) this.options.clearTimer(this.keepAliveTimer);
    this.keepAliveTimer = null;
  }

  private clearReconnect(): void {
    if (this.reconnectTimer !== null) this.options.clearTimer(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private setState(state: ConnectionState, error?: ErrorBody): void {
    if (this.state === state && !error) return;
    this.state = state;
    this.emit({ type: 'state', state, ...(error ? { error } : {}) });
  }

  private emit(event: ClientEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
