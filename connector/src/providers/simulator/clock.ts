// The simulator never reads the wall clock or sets a bare timer in its logic: everything goes through this clock, so
// tests drive time by hand and nothing depends on how fast the machine is.
import type { Instant } from '../../interactions/kernel/types';

export type TimerHandle = unknown;

export interface SimClock {
  now(): Instant;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock, for the running connector. Timers are unref'd so a pending scripted step never holds the process. */
export const systemClock: SimClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout)
};
