// Test helper: a panel on the other end of the WebSocket, collecting frames and awaiting the ones a test expects.
import WebSocket from 'ws';
import { frameProblem } from './contract';

export type Frame = Record<string, unknown>;

export const ofType = (type: string) => (f: Frame) => f.type === type;

export class Panel {
  readonly frames: Record<string, unknown>[] = [];
  /** Every frame received, in order (the fixtures are recorded from these). */
  readonly received: Record<string, unknown>[] = [];
  /** Frames that did not fit the protocol's schema: any one fails the next wait. */
  readonly invalid: string[] = [];
  private readonly listeners: ((frame: Frame) => void)[] = [];
  private waiters: { match: (f: Record<string, unknown>) => boolean; resolve: (f: Record<string, unknown>) => void }[] =
    [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      this.received.push(frame);
      for (const listener of this.listeners) listener(frame);
      const problem = frameProblem(frame);
      if (problem) this.invalid.push(problem);
      const waiter = this.waiters.find((w) => w.match(frame));
      if (!waiter) return void this.frames.push(frame);
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(frame);
    });
  }
  static async open(url: string): Promise<Panel> {
    const ws = new WebSocket(url);
    const panel = new Panel(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return panel;
  }
  /** Sees every frame as it arrives (waiters still get theirs). */
  onFrame(listener: (frame: Frame) => void): void {
    this.listeners.push(listener);
  }
  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  next(match: (f: Frame) => boolean): Promise<Frame> {
    if (this.invalid.length > 0) return Promise.reject(new Error(this.invalid.join('\n')));
    const seen = this.frames.find(match);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

/** Signs in (unsafe dev sign-in) and opens a panel that has said hello and received its first snapshot. */
export async function signIn(
  baseUrl: string,
  wsUrl: string,
  agent: { agentId: string; name: string; language?: string },
  hello: { omniRelay?: boolean; before?: (panel: Panel) => void } = {}
): Promise<Panel> {
  const res = await fetch(`${baseUrl}/auth/dev`, { method: 'POST', body: JSON.stringify(agent) });
  const { token } = (await res.json()) as { token: string };
  const panel = await Panel.open(wsUrl);
  hello.before?.(panel);
  panel.send({ type: 'hello', token, ...(hello.omniRelay ? { omniRelay: true } : {}) });
  await panel.next(ofType('welcome'));
  await panel.next(ofType('snapshot'));
  return panel;
}
