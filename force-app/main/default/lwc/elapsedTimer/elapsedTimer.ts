// A running time (talk, hold, wait, handle) as mm:ss, or h:mm:ss past an hour, from an instant in the snapshot, or
// what is left until one (an offer's countdown): the connector never pushes a counter, the panel ticks itself. Not announced each second (role=timer,
// aria-live off); screen-reader users read it when they reach it.
import { LightningElement, api } from 'lwc';

/** "04:07" or "1:02:09" for a number of milliseconds; negative (clocks apart) counts as zero. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

export default class ElapsedTimer extends LightningElement {
  /** Counting from this instant (ms since the epoch); nothing shows without one. */
  @api since: number | null = null;
  /** Time counted before `since` (handle time paused and resumed: handledMs). */
  @api baseMs = 0;
  /** A stopped timer shows baseMs and does not tick (handle time while a call pauses a chat, A6). */
  @api stopped = false;
  /** Counting down to this instant instead (an offer's time left to accept); 00:00 once it passed. */
  @api until: number | null = null;

  now = Date.now();
  private ticker: ReturnType<typeof setInterval> | null = null;

  get text(): string {
    if (this.stopped) return formatElapsed(this.baseMs);
    if (this.until !== null && this.until !== undefined) return formatElapsed(this.until - this.now + 999);
    if (this.since === null || this.since === undefined) return '';
    return formatElapsed(this.baseMs + this.now - this.since);
  }

  connectedCallback(): void {
    this.now = Date.now();
    // One tick a second is the timer's whole job; it stops when the component leaves the page.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.ticker = setInterval(() => {
      this.now = Date.now();
    }, 1000);
  }

  disconnectedCallback(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }
}
