// Sends to many panels without stalling the connector. Writing one frame to a socket is a system call (~15 µs on
// loopback); an agentsDelta to 2,000 panels in one go held the event loop for 30-45 ms every second, and every command
// that arrived meanwhile waited (measured: bench/connector, docs/decisions.md). Here a fan-out is cut into slices of
// at most SLICE_MS, with the event loop free between them, so commands are read and answered in the gaps.
// Fan-outs run one after another in the order they were asked for, so every panel gets them in that order.
import { performance } from 'node:perf_hooks';

/** How long one slice may hold the event loop; a command arriving meanwhile waits at most about this long. */
const SLICE_MS = 2;
/** The clock is read every so many sends (reading it costs more than a send's bookkeeping). */
const CHECK_EVERY = 16;

interface Job<T> {
  targets: readonly T[];
  send: (target: T) => void;
  next: number;
}

export class FanOut {
  private readonly jobs: Job<unknown>[] = [];
  /** A slice is running or waiting for its turn: new fan-outs queue behind it. */
  private busy = false;

  /** @param onError a send that threw (one panel's problem must not stop the others' frames). */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Calls `send` for every target: the first slice now, the rest on later turns of the event loop. */
  enqueue<T>(targets: readonly T[], send: (target: T) => void): void {
    if (targets.length === 0) return;
    this.jobs.push({ targets, send, next: 0 } as Job<unknown>);
    if (!this.busy) this.run();
  }

  private readonly run = (): void => {
    this.busy = true;
    const started = performance.now();
    let sent = 0;
    for (let job = this.jobs[0]; job; job = this.jobs[0]) {
      while (job.next < job.targets.length) {
        try {
          job.send(job.targets[job.next++]);
        } catch (error) {
          this.onError(error);
        }
        if (++sent % CHECK_EVERY === 0 && performance.now() - started >= SLICE_MS) {
          setImmediate(this.run);
          return;
        }
      }
      this.jobs.shift();
    }
    this.busy = false;
  };
}
