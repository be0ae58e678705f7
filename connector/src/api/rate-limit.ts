// Token bucket per WebSocket session: a burst up to `perSecond`, refilled continuously. A flood gets RATE_LIMITED
// answers, not a closed connection, so a panel that misbehaves for a moment recovers by itself.
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    now: number
  ) {
    this.tokens = perSecond;
    this.last = now;
  }

  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.perSecond, this.tokens + elapsed * this.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
