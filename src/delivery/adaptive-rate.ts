/**
 * A send rate found by trial, for a platform limit nobody publishes as a number (Slack's
 * workspace-wide chat.postMessage limit differs by workspace). Additive increase, multiplicative
 * decrease, as TCP finds a link's capacity:
 *  - slow start: from `start`, the rate doubles every `doublingMs` of sending at full rate, until
 *    the first 429;
 *  - on a 429, the rate drops to `decrease` × what actually got through in the last second of
 *    sending (not the commanded rate, which a burst allowance can hide), once per 429 episode;
 *  - from the second episode on, it estimates the limit itself: between two 429s (the pause
 *    included) a token-bucket limit lets through what it refilled, L per second, so L is about the
 *    calls that got through divided by the time between them. The rate settles just under that
 *    instead of creeping down 10% per 429, each of which costs a Retry-After pause;
 *  - afterwards it rises by `increasePerSec` (a share of the rate) per second of sending at full rate.
 * It only rises while it is what holds sends back (the queue waited for a token), so an idle or
 * trickling queue does not talk itself into a rate it never tried. `ceiling` (delivery.slack.perSecond)
 * caps it. Pure: time is passed in (monotonic ms), so the bench and tests drive it without sleeping.
 */
export interface AdaptiveRateSpec {
  /** Calls per second to begin with: a rate every workspace allows. */
  start: number;
  /** Never above this (the operator's known limit); unset: no cap. */
  ceiling?: number;
  /** Never below this. Default 0.5/s. */
  floor?: number;
  /** Share kept on a 429. Default 0.9. */
  decrease?: number;
  /** Share of the rate added per second of sending at full rate, after the first 429. Default 0.005. */
  increasePerSec?: number;
  /** Slow start doubling time. Default 500 ms. */
  doublingMs?: number;
  /**
   * Calls allowed back to back (catching up after the process was busy). Default: a twentieth of
   * a second's worth, so a rate still being found never dumps a burst on the platform. With a
   * known `ceiling`, the operator's burst for it: the tiny default would throw away every stall of
   * the event loop over 50 ms as lost sending time.
   */
  burst?: number;
}

/** Successes older than this do not count towards "what got through". */
const WINDOW_MS = 1000;
/** The rate rises only if the queue waited for a token this recently. */
const BINDING_MS = 1000;
/** Our own burst: a twentieth of a second's worth, so we never dump a burst on the platform. */
const BURST_SECONDS = 0.05;

export class AdaptiveRate {
  private current: number;
  private tokens = 1;
  private last: number;
  private slowStart = true;
  private growthPerSec = 0;
  /** Until when further 429s belong to the episode already answered (calls that were in flight). */
  private episodeUntil = -Infinity;
  /** When sending resumed after the last pause: "what got through" is measured from here. */
  private resumedAt = -Infinity;
  private lastBindingAt = -Infinity;
  private successes: number[] = [];
  /** When the last 429 episode began, and the calls that got through since. */
  private lastEpisodeAt = -Infinity;
  private throughSinceEpisode = 0;
  private readonly floor: number;
  private readonly decrease: number;
  private readonly increasePerSec: number;
  private readonly doublingMs: number;

  constructor(
    readonly spec: AdaptiveRateSpec,
    now: number,
  ) {
    if (!(spec.start > 0)) throw new Error(`invalid adaptive rate ${JSON.stringify(spec)}: start > 0`);
    this.floor = spec.floor ?? 0.5;
    this.decrease = spec.decrease ?? 0.9;
    this.increasePerSec = spec.increasePerSec ?? 0.005;
    this.doublingMs = spec.doublingMs ?? 500;
    this.current = this.clamp(spec.start);
    this.last = now;
  }

  /** Calls per second allowed now. */
  get rate(): number {
    return this.current;
  }

  private clamp(r: number): number {
    return Math.max(this.floor, Math.min(r, this.spec.ceiling ?? Infinity));
  }

  private refill(now: number): void {
    const burst = Math.max(1, this.spec.burst ?? this.current * BURST_SECONDS);
    if (now > this.last) {
      this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * this.current);
      this.last = now;
    }
  }

  /** Milliseconds until the next call may start (0: now). A wait marks the rate as binding. */
  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    this.lastBindingAt = now;
    return ((1 - this.tokens) / this.current) * 1000;
  }

  /** Spends one token; call only when waitMs() is 0. */
  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /** A call went through. */
  onSuccess(now: number): void {
    this.successes.push(now);
    this.throughSinceEpisode++;
    while (this.successes.length && this.successes[0]! <= now - WINDOW_MS) this.successes.shift();
    if (now - this.lastBindingAt > BINDING_MS) return;
    // Per success, so the growth per second is proportional to the calls actually made.
    if (this.slowStart) this.current = this.clamp(this.current + (Math.LN2 * 1000) / this.doublingMs);
    else this.current = this.clamp(this.current + this.growthPerSec / this.current);
  }

  /** The platform answered 429; every send pauses `retryAfterMs` (the caller enforces the pause). */
  onRateLimited(now: number, retryAfterMs: number): void {
    if (now < this.episodeUntil) return;
    const from = Math.max(now - WINDOW_MS, this.resumedAt);
    const span = Math.max(200, now - from);
    const gotThrough = (this.successes.filter((t) => t > from).length * 1000) / span;
    let next = Math.min(this.current, gotThrough) * this.decrease;
    if (Number.isFinite(this.lastEpisodeAt)) {
      const limit = (this.throughSinceEpisode * 1000) / (now - this.lastEpisodeAt);
      // Plausible only below the rate just refused; never a collapse to less than half in one step.
      if (limit > 0 && limit < this.current) next = Math.max(next * 0.6, Math.min(next, limit * 0.97));
    }
    this.lastEpisodeAt = now;
    this.throughSinceEpisode = 0;
    this.current = this.clamp(next);
    this.growthPerSec = this.current * this.increasePerSec;
    this.slowStart = false;
    this.resumedAt = now + retryAfterMs;
    this.episodeUntil = now + retryAfterMs + 200;
    this.tokens = Math.min(this.tokens, 0);
  }
}
