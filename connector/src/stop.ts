// Stopping the process on a signal: the first SIGINT/SIGTERM stops everything once and exits 0; a second signal while
// stopping exits at once (128 + its number: 130 for SIGINT); a stop that does not finish within the grace period
// exits 1. Every way out says why in one log line, without a stack trace.
import { constants } from 'node:os';
import type { Logger } from './log';

export const STOP_GRACE_MS = 10_000;

export interface StopOnSignalOptions {
  close: () => Promise<void>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How long the stop may take before the process exits without finishing it. */
  graceMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Injectable for tests; default process.on and process.exit. */
  on?: (signal: NodeJS.Signals, listener: () => void) => void;
  exit?: (code: number) => void;
}

export interface Stopper {
  /** Starts the stop for reason (a signal name, or why else); a later call forces the exit only when force is true. */
  stop(reason: string, options?: { force?: boolean }): void;
  readonly stopping: boolean;
}

export function stopOnSignal(options: StopOnSignalOptions): Stopper {
  const { close, log } = options;
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const on = options.on ?? ((signal, listener) => void process.on(signal, listener));
  let stopping = false;
  let exited = false;
  let timer: NodeJS.Timeout | undefined;
  const leave = (code: number) => {
    if (exited) return;
    exited = true;
    clearTimeout(timer);
    exit(code);
  };

  const stop = (reason: string, { force = true }: { force?: boolean } = {}) => {
    if (exited) return;
    if (stopping) {
      if (!force) return;
      log.warn({ signal: reason }, `stop forced by a second ${reason}: exiting without finishing it`);
      const number = (constants.signals as Partial<Record<string, number>>)[reason];
      return leave(number ? 128 + number : 1);
    }
    stopping = true;
    log.info({ signal: reason }, 'stopping');
    // Not unref'd: a stop waiting on nothing but a promise that never settles still ends here, with a sentence.
    timer = setTimeout(() => {
      log.error({ graceMs }, `the stop did not finish within ${graceMs / 1000} s: exiting without finishing it`);
      leave(1);
    }, graceMs);
    Promise.resolve()
      .then(close)
      .then(
        () => leave(0),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          log.error({ reason: message }, `the stop failed (${message}): exiting`);
          leave(1);
        }
      );
  };

  for (const signal of options.signals ?? (['SIGINT', 'SIGTERM'] as const)) on(signal, () => stop(signal));
  return {
    stop,
    get stopping() {
      return stopping;
    }
  };
}
