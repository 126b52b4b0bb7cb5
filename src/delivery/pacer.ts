/**
 * When may the next call start? The sender asks the Pacer before each call and tells it every
 * outcome. It keeps, in real (monotonic) time:
 *  - the fixed buckets every call spends from (`pacing.global`, e.g. Feishu's 50/s and 1,000/min);
 *  - one adaptive rate per kind of call (`post`, `update`, `upload`: Slack limits each method on its
 *    own), when `pacing.adaptive` is set;
 *  - pauses: a 429 pauses that kind of call for Retry-After; a run of transient failures across
 *    destinations (the platform is down) pauses everything, then lets one probe call through at a
 *    time, with growing waits, until one succeeds;
 *  - per destination: the per-channel bucket, and a backoff after a transient failure. A paced or
 *    backing-off destination is "held": the queue leaves its rows out, so they never hold back rows
 *    for other destinations, and its rows stay in order.
 */
import type { OutboxRow } from '../ports/outbox-queue.js';
import { AdaptiveRate, type AdaptiveRateSpec } from './adaptive-rate.js';
import { TokenBucket, type RateSpec } from './token-bucket.js';

export interface PacingPolicy {
  /** Fixed buckets every call spends from (e.g. Feishu's 50/s and 1,000/min per app). */
  global: RateSpec[];
  /** A rate found by trial, one per kind of call (see adaptive-rate.ts); for limits nobody publishes. */
  adaptive?: AdaptiveRateSpec;
  /** One bucket per destination address (channel, chat or DM), e.g. Slack's ~1/s per channel. */
  perChannel?: RateSpec;
}

/** Transient failures in a row, across destinations, that mean "the platform is down". */
const OUTAGE_AFTER = 8;
/** Destinations remembered in memory (buckets of idle destinations are dropped beyond this). */
const MAX_CHANNEL_BUCKETS = 5000;

export const monotonic = () => performance.now();

type CallKind = OutboxRow['op'];

export class Pacer {
  private readonly fixed: TokenBucket[];
  private readonly adaptive = new Map<CallKind, AdaptiveRate>();
  private readonly pausedUntil = new Map<CallKind, number>();
  private readonly channelBuckets = new Map<string, TokenBucket>();
  /** Destinations whose rows the queue should leave out until the time given (paced, backing off). */
  private readonly heldUntil = new Map<string, number>();
  private transientRun = 0;
  private outageLevel = 0;
  private outageUntil = 0;

  constructor(
    private readonly pacing: PacingPolicy,
    private readonly backoffMs: (attempt: number) => number,
  ) {
    this.fixed = pacing.global.map((spec) => new TokenBucket(spec, monotonic()));
  }

  /** True while the platform looks down: only one probe call at a time. */
  get probing(): boolean {
    return this.outageLevel > 0;
  }

  /** Destinations to leave out of the next due() query, and the soonest one of them frees up. */
  held(now: number): { addresses: string[]; nextFreeMs: number } {
    const addresses: string[] = [];
    let nextFreeMs = Infinity;
    for (const [address, until] of this.heldUntil) {
      if (until <= now) this.heldUntil.delete(address);
      else {
        addresses.push(address);
        nextFreeMs = Math.min(nextFreeMs, until - now);
      }
    }
    return { addresses, nextFreeMs };
  }

  /** When a held destination frees up (undefined when it is not held). */
  freeAt(address: string): number | undefined {
    return this.heldUntil.get(address);
  }

  /** How long this kind of call must wait for a pause (429 Retry-After, outage backoff) to end. */
  pausedMs(kind: CallKind, now: number): number {
    return Math.max(0, this.outageUntil - now, (this.pausedUntil.get(kind) ?? 0) - now);
  }

  /**
   * The destination's per-channel wait. When it must wait, it is held until then, so its other
   * rows stop coming back from the queue.
   */
  channelWaitMs(address: string, now: number): number {
    const wait = this.channelBucket(address, now)?.waitMs(now) ?? 0;
    if (wait > 0) this.hold(address, now + wait);
    return wait;
  }

  /** Wait for the fixed buckets and this kind's adaptive rate; 0 when a call may start now. */
  rateWaitMs(kind: CallKind, now: number): number {
    return Math.max(0, ...this.fixed.map((b) => b.waitMs(now)), this.adaptiveFor(kind, now)?.waitMs(now) ?? 0);
  }

  /** Spends the tokens of one call (after rateWaitMs and channelWaitMs were 0). */
  take(kind: CallKind, address: string, now: number): void {
    for (const b of this.fixed) b.take(now);
    this.adaptiveFor(kind, now)?.take(now);
    this.channelBucket(address, now)?.take(now);
  }

  sent(kind: CallKind, now: number): void {
    this.transientRun = 0;
    this.outageLevel = 0;
    this.outageUntil = 0;
    this.adaptiveFor(kind, now)?.onSuccess(now);
  }

  rateLimited(kind: CallKind, retryAfterMs: number, now: number): void {
    this.pausedUntil.set(kind, Math.max(this.pausedUntil.get(kind) ?? 0, now + retryAfterMs));
    this.adaptiveFor(kind, now)?.onRateLimited(now, retryAfterMs);
  }

  /**
   * A transient failure: the destination backs off (`attempt` sets how long), and a run of them
   * across destinations pauses everything.
   */
  failed(address: string, attempt: number, now: number): void {
    this.hold(address, now + this.backoffMs(attempt));
    this.transientRun++;
    if (this.transientRun >= OUTAGE_AFTER) {
      this.outageLevel++;
      this.transientRun = 0;
      this.outageUntil = now + this.backoffMs(this.outageLevel);
    }
  }

  private hold(address: string, until: number): void {
    this.heldUntil.set(address, Math.max(this.heldUntil.get(address) ?? 0, until));
  }

  private adaptiveFor(kind: CallKind, now: number): AdaptiveRate | null {
    if (!this.pacing.adaptive) return null;
    let a = this.adaptive.get(kind);
    if (!a) {
      a = new AdaptiveRate(this.pacing.adaptive, now);
      this.adaptive.set(kind, a);
    }
    return a;
  }

  private channelBucket(address: string, now: number): TokenBucket | null {
    if (!this.pacing.perChannel) return null;
    let b = this.channelBuckets.get(address);
    if (!b) {
      // Forget idle destinations so 10,000 DMs do not keep 10,000 buckets alive.
      if (this.channelBuckets.size > MAX_CHANNEL_BUCKETS)
        for (const [k, v] of this.channelBuckets) if (v.isFull(now)) this.channelBuckets.delete(k);
      b = new TokenBucket(this.pacing.perChannel, now);
      this.channelBuckets.set(address, b);
    }
    return b;
  }

  /** The adaptive rate of a kind of call, for logs and the bench. */
  adaptiveRate(kind: CallKind): number | null {
    return this.adaptive.get(kind)?.rate ?? null;
  }
}
