// REQUEST_LIMIT_EXCEEDED stops the whole flusher: every call would be refused (and each refusal still costs the
// org). While paused nothing is claimed; /limits is asked after probeMs, then ever less often, until calls remain.
import type { Instant } from '../interactions/kernel/types';
import type { Logger } from '../log';
import type { SalesforceApi } from './client';
import type { SyncFailure } from './failures';

interface Pause {
  since: Instant;
  reason: string;
  nextProbeAt: Instant;
  probeDelayMs: number;
}

export class LimitPause {
  private pause: Pause | null = null;

  constructor(
    private readonly timing: { probeMs: number; probeMaxMs: number },
    private readonly log: Logger
  ) {}

  get active(): Pause | null {
    return this.pause;
  }

  enter(f: SyncFailure, now: Instant): void {
    if (this.pause) return;
    const { probeMs } = this.timing;
    this.pause = { since: now, reason: f.code, nextProbeAt: now + probeMs, probeDelayMs: probeMs };
    this.log.warn({ code: f.code }, 'Salesforce API limit reached: sync paused');
  }

  probeDue(now: Instant): boolean {
    return this.pause !== null && now >= this.pause.nextProbeAt;
  }

  /** True when not paused or the limit has reset; one /limits call when a probe is due, none before. */
  async probe(now: Instant, api: Pick<SalesforceApi, 'limits'>, onCall: () => void): Promise<boolean> {
    const pause = this.pause;
    if (!pause) return true;
    if (now < pause.nextProbeAt) return false;
    onCall();
    const limits = await api.limits();
    if (limits.ok && limits.value.dailyApiRequests.remaining > 0) {
      this.pause = null;
      this.log.info({ pausedMs: now - pause.since }, 'Salesforce API limit reset: sync resumed');
      return true;
    }
    const delay = Math.min(this.timing.probeMaxMs, pause.probeDelayMs * 2);
    this.pause = { ...pause, nextProbeAt: now + delay, probeDelayMs: delay };
    return false;
  }
}
