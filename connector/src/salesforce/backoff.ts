// Exponential backoff with jitter: attempt n waits between half and all of base * 2^(n-1), capped, so flushers that
// failed together do not come back together.
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
