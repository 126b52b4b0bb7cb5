/**
 * A token bucket on a monotonic clock: `ratePerSec` tokens drip in continuously, at most `burst`
 * are kept. Pacing lives in real time (not the app Clock), because platform limits are real time.
 */
export interface RateSpec {
  /** Sustained rate, e.g. 1 for Slack's "1 message per second per channel", 1000 / 60 for 1,000/min. */
  ratePerSec: number;
  /** Most calls allowed back to back after a quiet period. Keep it small to stay under a fixed window. */
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly spec: RateSpec,
    now: number,
  ) {
    if (!(spec.ratePerSec > 0) || !(spec.burst >= 1))
      throw new Error(`invalid rate ${JSON.stringify(spec)}: ratePerSec > 0 and burst >= 1`);
    this.tokens = spec.burst;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.spec.burst, this.tokens + ((now - this.last) / 1000) * this.spec.ratePerSec);
      this.last = now;
    }
  }

  /** Milliseconds until one token is available (0 when one is available now). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.spec.ratePerSec) * 1000;
  }

  /** Spends one token; call only when waitMs() is 0. */
  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /** True when the bucket is full again, so a per-channel bucket can be forgotten. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.spec.burst;
  }
}
