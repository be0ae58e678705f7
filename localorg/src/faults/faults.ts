// Run-time fault injection for API calls: random 500/503, added latency, held responses (client time-outs),
// "API limit exhausted after N calls", and expiring every session at once. Settings change from code or HTTP.
import { z } from 'zod';
import { seededRng, type Rng } from './rng';

export const faultSettingsSchema = z.object({
  seed: z.number().int().optional(),
  /** Probability (0..1) per API call of answering 500 or 503. */
  errorRates: z
    .object({ '500': z.number().min(0).max(1).optional(), '503': z.number().min(0).max(1).optional() })
    .optional(),
  /** Added to every API response, in milliseconds. */
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  /** Probability (0..1) that a call is held unanswered until release(), reset() or close (a client time-out). */
  timeoutRate: z.number().min(0).max(1).optional(),
  /** After this many more API calls every call answers 403 REQUEST_LIMIT_EXCEEDED; null switches it off. */
  limitAfterCalls: z.number().int().min(0).nullable().optional()
});

export type FaultSettingsInput = z.infer<typeof faultSettingsSchema>;

export interface FaultSettings {
  seed: number;
  errorRates: { '500': number; '503': number };
  latencyMs: number;
  timeoutRate: number;
  limitAfterCalls: number | null;
}

export type FaultDecision =
  | { kind: 'pass'; latencyMs: number }
  | { kind: 'error'; status: 500 | 503; latencyMs: number }
  | { kind: 'hold' }
  | { kind: 'limit'; latencyMs: number };

export interface FaultControl {
  set(settings: FaultSettingsInput): FaultSettings;
  get(): FaultSettings;
  /** Back to no faults; releases held calls and reseeds the generator. */
  reset(): void;
  /** Lets every held call proceed. */
  release(): void;
  /** Invalidates every access token now (refresh tokens still work), as an expired session does. */
  expireSessions(): void;
  /** How many calls are held right now. */
  held(): number;
}

const DEFAULTS: FaultSettings = {
  seed: 1,
  errorRates: { '500': 0, '503': 0 },
  latencyMs: 0,
  timeoutRate: 0,
  limitAfterCalls: null
};

export interface InjectedCounts {
  error500: number;
  error503: number;
  held: number;
  limited: number;
}

export class Faults implements FaultControl {
  private settings: FaultSettings = { ...DEFAULTS, errorRates: { ...DEFAULTS.errorRates } };
  private rng: Rng = seededRng(DEFAULTS.seed);
  private callsSinceLimitSet = 0;
  private waiting: (() => void)[] = [];
  private counts: InjectedCounts = { error500: 0, error503: 0, held: 0, limited: 0 };

  constructor(private readonly onExpireSessions: () => void) {}

  set(input: FaultSettingsInput): FaultSettings {
    const next: FaultSettings = {
      seed: input.seed ?? this.settings.seed,
      errorRates: { ...this.settings.errorRates, ...stripUndefined(input.errorRates ?? {}) },
      latencyMs: input.latencyMs ?? this.settings.latencyMs,
      timeoutRate: input.timeoutRate ?? this.settings.timeoutRate,
      limitAfterCalls: input.limitAfterCalls === undefined ? this.settings.limitAfterCalls : input.limitAfterCalls
    };
    if (input.seed !== undefined) this.rng = seededRng(input.seed);
    if (input.limitAfterCalls !== undefined) this.callsSinceLimitSet = 0;
    this.settings = next;
    if (next.timeoutRate === 0) this.release();
    return this.get();
  }

  get(): FaultSettings {
    return { ...this.settings, errorRates: { ...this.settings.errorRates } };
  }

  reset(): void {
    this.settings = { ...DEFAULTS, errorRates: { ...DEFAULTS.errorRates } };
    this.rng = seededRng(DEFAULTS.seed);
    this.callsSinceLimitSet = 0;
    this.release();
  }

  release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }

  expireSessions(): void {
    this.onExpireSessions();
  }

  held(): number {
    return this.waiting.length;
  }

  /** Decides the fate of one API call; draws from the generator in a fixed order so runs repeat. */
  decide(): FaultDecision {
    const { latencyMs, limitAfterCalls, errorRates, timeoutRate } = this.settings;
    if (limitAfterCalls !== null) {
      if (this.callsSinceLimitSet >= limitAfterCalls) {
        this.counts.limited += 1;
        return { kind: 'limit', latencyMs };
      }
      this.callsSinceLimitSet += 1;
    }
    const draw = this.rng();
    if (draw < timeoutRate) {
      this.counts.held += 1;
      return { kind: 'hold' };
    }
    const errorDraw = this.rng();
    if (errorDraw < errorRates['503']) {
      this.counts.error503 += 1;
      return { kind: 'error', status: 503, latencyMs };
    }
    if (errorDraw < errorRates['503'] + errorRates['500']) {
      this.counts.error500 += 1;
      return { kind: 'error', status: 500, latencyMs };
    }
    return { kind: 'pass', latencyMs };
  }

  injected(): InjectedCounts {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = { error500: 0, error503: 0, held: 0, limited: 0 };
  }

  /** Resolves when the held call may go on. */
  hold(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

function stripUndefined<T extends Record<string, number | undefined>>(value: T): Record<string, number> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Record<string, number>;
}
