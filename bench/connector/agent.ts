// One simulated panel on a real WebSocket. 2,000 of them share this process, so a frame costs as little as it can:
// the receipt instant is taken first, the type and version are read from the frame's first bytes, and only the small
// answers to this panel's own commands (ack, rejected) are parsed. A panel parses every frame in its own browser;
// here, parsing 2,000 copies of each directory push would measure this process, not the connector.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export interface FrameSeen {
  /** The frame's type; for directory frames `directory.<name>`. */
  type: string;
  bytes: number;
  version: number | null;
  /** performance.now() when the frame reached this process's handler. */
  at: number;
  data: Buffer;
}

type Answer = { type: 'ack' | 'rejected'; id: string; version?: number; error?: { code: string } };

const HEAD = /^\{"type":"(\w+)"(?:,"name":"(\w+)")?(?:,"version":(\d+))?/;

export function frameHead(data: Buffer): { type: string; version: number | null } {
  const m = HEAD.exec(data.toString('latin1', 0, 64));
  if (!m) return { type: 'unknown', version: null };
  return { type: m[2] ? `${m[1]}.${m[2]}` : (m[1] as string), version: m[3] !== undefined ? Number(m[3]) : null };
}

export class Agent {
  ws!: WebSocket;
  /** The newest snapshot version seen, and when it arrived. */
  version = 0;
  private versionAt = 0;
  private seq = 0;
  private readonly pending = new Map<string, (answer: Answer, at: number) => void>();
  private versionWaiters: { version: number; resolve: (at: number) => void }[] = [];

  constructor(
    readonly agentId: string,
    readonly index: number,
    private readonly onFrame: (agent: Agent, frame: FrameSeen) => void,
    /** Names this tab in command ids: another tab of the same agent must not reuse an idempotency key. */
    private readonly tab = 't1'
  ) {}

  /** Opens the socket and says hello; resolves once the hello's answers (through the last directory) are in. */
  async connect(url: string, token: string, hello: Record<string, unknown> = {}): Promise<void> {
    this.ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    await new Promise((resolve, reject) => this.ws.once('open', resolve).once('error', reject));
    const welcomed = new Promise<void>((resolve) => {
      this.ws.on('message', (raw: Buffer) => {
        const at = performance.now();
        const { type, version } = frameHead(raw);
        this.onFrame(this, { type, bytes: raw.length, version, at, data: raw });
        if (type === 'directory.senders') resolve(); // the last of the hello's directories
        if (type === 'ack' || type === 'rejected') {
          const answer = JSON.parse(raw.toString()) as Answer;
          this.pending.get(answer.id)?.(answer, at);
        } else if (type === 'snapshot' && version !== null && version > this.version) {
          this.version = version;
          this.versionAt = at;
          this.versionWaiters = this.versionWaiters.filter((w) =>
            w.version <= version ? (w.resolve(at), false) : true
          );
        }
      });
    });
    this.ws.send(JSON.stringify({ type: 'hello', token, ...hello }));
    await welcomed;
  }

  send(frame: Record<string, unknown> | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  command(
    command: string,
    interactionId?: string,
    args?: Record<string, unknown>
  ): Promise<{ answer: Answer; at: number }> {
    const id = `${this.agentId}-${this.tab}-${String(++this.seq).padStart(6, '0')}`;
    return new Promise((resolve) => {
      this.pending.set(id, (answer, at) => {
        this.pending.delete(id);
        resolve({ answer, at });
      });
      this.send({
        type: 'command',
        id,
        command,
        ...(interactionId ? { interactionId } : {}),
        ...(args ? { args } : {})
      });
    });
  }

  /**
   * Command sent -> its ack and the snapshot that shows it both received: what an agent waits for after a click.
   * Both ends are instants taken on receipt, so work this process did after receiving is not counted.
   */
  async timedCommand(command: string, interactionId?: string, args?: Record<string, unknown>): Promise<number> {
    const started = performance.now();
    const { answer, at } = await this.command(command, interactionId, args);
    if (answer.type !== 'ack') throw new Error(`bench command ${command} refused: ${answer.error?.code}`);
    const version = answer.version ?? 0;
    const shown =
      this.version >= version
        ? this.versionAt
        : await new Promise<number>((resolve) => this.versionWaiters.push({ version, resolve }));
    return Math.max(at, shown) - started;
  }

  close(): void {
    this.ws?.close();
  }
}
