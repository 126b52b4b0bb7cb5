/**
 * A send rate found by trial, for a platform limit nobody publishes as a number (Slack's
 * workspace-wide chat.postMessage limit differs by workspace). The only signal is a refusal (429 +
 * Retry-After), so the rate has to touch the limit now and then; the aim is to touch it rarely and
 * lose little each time, whether the limit is 1/s or 1,000/s and however the platform counts it (a
 * token bucket with a one-second or a tiny burst, a fixed or a sliding window; see
 * test/support/rate-limit-sim.ts and test/delivery/adaptive-rate-shapes.test.ts):
 *  - slow start: from `start`, the rate doubles every `doublingMs` of sending at full rate, until
 *    the first 429. That one drops it to `decrease` × what got through in the last second (not the
 *    commanded rate, which the platform's burst allowance hides);
 *  - a later 429 bounds the limit from below: since the 429 before, the platform let through what
 *    it refilled, so (calls that got through) / (time between the two, the pause included) is at
 *    most the limit, and exactly it when the platform banks a whole Retry-After's worth. The rate
 *    drops to just under that bound;
 *  - then it returns quickly to just under the "knee", the rate that was refused, rests there and
 *    probes above it ever faster (like TCP CUBIC). Against a platform with a tiny burst the bound
 *    undershoots (the pause was lost, not banked) and the knee is where the limit is; against one
 *    with a large burst the knee overshoots (the banked burst carried the rate past the limit). One
 *    429 cannot tell them apart, so when the sending since the pause outlasted the pause and the
 *    knee is well above the bound, the knee moves to their geometric mean; the next 429 tells:
 *    the same bound again means the platform banks its pauses and the bound is the limit (the knee
 *    goes just above it), while resting at the narrowed knee for a few seconds without a 429 means
 *    the guess was low (the knee moves halfway back up, and again, until a 429 or the rate refused).
 *    A knee where the last one was means a stable limit: the next probe waits twice as long (up to
 *    two minutes), as each probe that ends in a 429 costs a Retry-After pause;
 *  - after a pause, sending resumes evenly: the pause's tokens are not dumped on the platform.
 * It only rises while it is what holds sends back (the queue waited for a token), so an idle or
 * trickling queue does not talk itself into a rate it never tried, and a bound measured across an
 * idle stretch is not used. `ceiling` (delivery.slack.perSecond) caps it. Pure: time is passed in
 * (monotonic ms), so the tests drive it in virtual time.
 */
export interface AdaptiveRateSpec {
  /** Calls per second to begin with: a rate every workspace allows. */
  start: number;
  /** Never above this (the operator's known limit); unset: no cap. */
  ceiling?: number;
  /** Never below this. Default 0.5/s. */
  floor?: number;
  /** Share of what got through in the last second kept on the first 429 (ending slow start). Default 0.9. */
  decrease?: number;
  /** Share of the rate a probe above the knee adds in its first 10 s (then ever faster). Default 0.005. */
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

/** "What got through" at the end of slow start: the successes of the last second. */
const WINDOW_MS = 1000;
/** The rate rises only if the queue waited for a token this recently. */
const BINDING_MS = 1000;
/** Our own burst: a twentieth of a second's worth, so we never dump a burst on the platform. */
const BURST_SECONDS = 0.05;
/** Where the rate rests after a 429: this share of the knee. */
const REST = 0.99;
/** How fast it returns to the resting rate: the gap closes by about 63% per second of sending. */
const RETURN_PER_SEC = 1;
/** Just under the bound (what got through is at most the limit). */
const UNDER_BOUND = 0.99;
/** Knees within this share of each other are "the same place". */
const STABLE = 0.03;
/** Seconds for the first probe to add `increasePerSec`; a stable knee stretches it up to PROBE_MAX_S. */
const PROBE_FIRST_S = 10;
const PROBE_MAX_S = 120;
/** Seconds resting at a narrowed knee without a 429 before the knee moves halfway up to the rate refused. */
const RECHECK_S = 3;

export class AdaptiveRate {
  private current: number;
  private tokens = 1;
  private last: number;
  private slowStart = true;
  /** Until when further 429s belong to the episode already answered (calls that were in flight). */
  private episodeUntil = -Infinity;
  /** When sending resumed after the last pause: "what got through" is measured from here. */
  private resumedAt = -Infinity;
  private lastBindingAt = -Infinity;
  private successes: number[] = [];
  /** When the last 429 episode began, and the calls that got through since. */
  private lastEpisodeAt = -Infinity;
  private throughSinceEpisode = 0;
  /** False once the queue stopped holding sends back since the last episode: its bound is not one. */
  private boundSinceEpisode = true;
  /** The rate a 429 refused, and how long probing above it takes (seconds to +increasePerSec). */
  private knee = Infinity;
  private probeSeconds = PROBE_FIRST_S;
  /** Seconds of sending at full rate spent at or above the resting rate (the probe's clock). */
  private probingFor = 0;
  private lastSuccessAt = -Infinity;
  private lastPauseMs = 0;
  private lastBound = NaN;
  /** A rate refused above a narrowed knee: after resting without a 429, the knee moves halfway up to it. */
  private upper = Infinity;
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
    const sinceLast = Math.max(0, Math.min(now - this.lastSuccessAt, BINDING_MS)) / 1000;
    this.lastSuccessAt = now;
    if (now - this.lastBindingAt > BINDING_MS) {
      this.boundSinceEpisode = false;
      return;
    }
    // Per success, so the growth per second is proportional to the calls actually made.
    if (this.slowStart) {
      this.current = this.clamp(this.current + (Math.LN2 * 1000) / this.doublingMs);
      return;
    }
    const rest = this.knee * REST;
    if (this.current < rest) {
      // Back to just under the knee: a share of the gap per second of sending.
      const step = Math.max((rest - this.current) * RETURN_PER_SEC, this.current * this.increasePerSec);
      this.current = this.clamp(Math.min(rest, this.current + step / this.current));
      return;
    }
    // Resting at a narrowed knee went through: the guess was low (a platform with a tiny burst, whose
    // bound undershoots), so halve the distance to the rate refused, and return to it quickly.
    if (this.upper > this.knee * (1 + STABLE) && this.probingFor >= RECHECK_S) {
      this.knee = Math.sqrt(this.knee * this.upper);
      this.probingFor = 0;
      return;
    }
    // Probing: +increasePerSec × (t / probeSeconds)² after t seconds, so it rests near the knee,
    // then looks further and further above it.
    this.probingFor += sinceLast;
    const growthPerSec = (this.current * this.increasePerSec * 2 * this.probingFor) / this.probeSeconds ** 2;
    this.current = this.clamp(this.current + growthPerSec / this.current);
  }

  /** The platform answered 429; every send pauses `retryAfterMs` (the caller enforces the pause). */
  onRateLimited(now: number, retryAfterMs: number): void {
    if (now < this.episodeUntil) return;
    const refused = this.current;
    let knee = refused;
    let upper = 0;
    let next: number;
    if (this.slowStart || !this.boundSinceEpisode || !Number.isFinite(this.lastEpisodeAt)) {
      // What got through in the last second, a pause in it included: at most the limit and the
      // platform's burst, whatever the burst banked during the pause.
      const gotThrough = this.successes.filter((t) => t > now - WINDOW_MS).length;
      next = Math.min(refused, gotThrough) * this.decrease;
    } else {
      // At most the limit: what the platform let through since the last 429, over that time.
      const bound = (this.throughSinceEpisode * 1000) / (now - this.lastEpisodeAt);
      next = bound * UNDER_BOUND;
      // A banked burst carried the rate well past the bound: the limit is nearer the bound.
      const sentLongerThanPaused = now - this.resumedAt >= this.lastPauseMs;
      // The same bound twice in a row: the platform banks a whole pause, and the bound is the limit.
      const sameBound = Math.abs(bound - this.lastBound) <= STABLE * this.lastBound;
      if (sentLongerThanPaused && refused > bound * (1 + 2 * STABLE)) {
        knee = sameBound ? bound * (1 + STABLE) : Math.sqrt(bound * refused);
        if (!sameBound) upper = refused;
      }
      this.lastBound = bound;
    }
    next = Math.min(next, refused * REST);
    // A knee where the last one was: the limit is stable, so the next probe waits longer.
    const stable = Number.isFinite(this.knee) && Math.abs(knee - this.knee) <= STABLE * this.knee;
    this.probeSeconds = stable ? Math.min(PROBE_MAX_S, this.probeSeconds * 2) : PROBE_FIRST_S;
    this.knee = knee;
    this.upper = Math.max(knee, upper);
    this.probingFor = 0;
    this.lastEpisodeAt = now;
    this.throughSinceEpisode = 0;
    this.boundSinceEpisode = true;
    this.current = this.clamp(next);
    this.slowStart = false;
    this.resumedAt = now + retryAfterMs;
    // The pause held sends back as much as the rate does: the queue counts as waiting through it.
    this.lastBindingAt = this.resumedAt;
    this.lastPauseMs = retryAfterMs;
    this.episodeUntil = now + retryAfterMs + 200;
    // Sending resumes evenly after the pause: its tokens are not kept for a burst.
    this.tokens = 0;
    this.last = this.resumedAt;
  }
}
