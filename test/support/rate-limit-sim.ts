/**
 * A platform rate limit and a sender driving an AdaptiveRate against it, in virtual time (1 ms
 * steps), so tests and the bench can check the controller's behaviour across limits and limiter
 * shapes without sleeping and without depending on this machine's speed.
 *
 * The limiter shapes are the ways a platform may count a limit it does not publish:
 *  - a token bucket (`limit`/s sustained, `burst` back to back after a quiet spell), as the fake
 *    Slack counts it; with a one-second burst, or a small one;
 *  - a fixed window (`limit` × the window's seconds per window, counted from the window's start);
 *  - a sliding window (at most that many calls in any window's span).
 * Each answers a refused call with a Retry-After in whole seconds, as Slack does.
 */
import { AdaptiveRate, type AdaptiveRateSpec } from '../../src/delivery/adaptive-rate.js';

export interface Limiter {
  /** A call reaches the platform at `now` (ms): admitted, or refused with how long to wait. */
  admit(now: number): { ok: true } | { ok: false; retryAfterMs: number };
}

export function tokenBucket(limit: number, burst: number, retryAfterSec = 1): Limiter {
  let tokens = burst;
  let last = 0;
  return {
    admit(now) {
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * limit);
      last = now;
      if (tokens < 1) return { ok: false, retryAfterMs: retryAfterSec * 1000 };
      tokens -= 1;
      return { ok: true };
    },
  };
}

export function fixedWindow(limit: number, windowSec: number): Limiter {
  const quota = Math.max(1, Math.round(limit * windowSec));
  const windowMs = windowSec * 1000;
  let windowStart = 0;
  let used = 0;
  return {
    admit(now) {
      const start = Math.floor(now / windowMs) * windowMs;
      if (start !== windowStart) {
        windowStart = start;
        used = 0;
      }
      if (used >= quota) return { ok: false, retryAfterMs: Math.ceil((start + windowMs - now) / 1000) * 1000 };
      used++;
      return { ok: true };
    },
  };
}

export function slidingWindow(limit: number, windowSec: number): Limiter {
  const quota = Math.max(1, Math.round(limit * windowSec));
  const windowMs = windowSec * 1000;
  const admitted: number[] = [];
  let head = 0;
  return {
    admit(now) {
      while (head < admitted.length && admitted[head]! <= now - windowMs) head++;
      if (admitted.length - head >= quota)
        return { ok: false, retryAfterMs: Math.max(1, Math.ceil((admitted[head]! + windowMs - now) / 1000)) * 1000 };
      admitted.push(now);
      return { ok: true };
    },
  };
}

export interface SimResult {
  /** Calls the platform accepted, and refused. */
  ok: number;
  limited: number;
  /** When the last message went through (ms), or the run's length if some were left. */
  elapsedMs: number;
  /** The adaptive rate at the end of each second. */
  samples: number[];
  /** Each time a 429 changed the rate: the rate before and after. */
  episodes: { at: number; before: number; after: number }[];
  final: number;
}

/**
 * Sends `messages` (Infinity: as many as `seconds` allow) as a sender would: at most `maxInFlight`
 * calls at once, each answered `latencyMs` after it starts; a 429 pauses every call for its
 * Retry-After, counted from when the answer arrives. `demandPerSec` instead feeds the queue slowly.
 */
export function simulate(opts: {
  limiter: Limiter;
  spec: AdaptiveRateSpec;
  seconds: number;
  messages?: number;
  latencyMs?: number;
  maxInFlight?: number;
  demandPerSec?: number;
}): SimResult {
  const latency = opts.latencyMs ?? 5;
  const maxInFlight = opts.maxInFlight ?? 16;
  const rate = new AdaptiveRate(opts.spec, 0);
  const pending: { doneAt: number; ok: boolean; retryAfterMs: number }[] = [];
  let left = opts.messages ?? Infinity;
  let demand = 0;
  let pausedUntil = 0;
  let ok = 0;
  let limited = 0;
  let elapsedMs = opts.seconds * 1000;
  const samples: number[] = [];
  const episodes: SimResult['episodes'] = [];
  for (let now = 1; now <= opts.seconds * 1000; now++) {
    for (let i = 0; i < pending.length;) {
      const p = pending[i]!;
      if (p.doneAt > now) {
        i++;
        continue;
      }
      pending.splice(i, 1);
      if (p.ok) {
        rate.onSuccess(now);
        if (--left === 0) elapsedMs = now;
      } else {
        const before = rate.rate;
        rate.onRateLimited(now, p.retryAfterMs);
        pausedUntil = Math.max(pausedUntil, now + p.retryAfterMs);
        left++;
        if (rate.rate !== before) episodes.push({ at: now, before, after: rate.rate });
      }
    }
    if (left === 0 && pending.length === 0) break;
    if (now % 1000 === 0) samples.push(rate.rate);
    if (opts.demandPerSec !== undefined) demand = Math.min(demand + opts.demandPerSec / 1000, left);
    const queued = () => (opts.demandPerSec === undefined ? left - pending.length : Math.floor(demand));
    while (now >= pausedUntil && pending.length < maxInFlight && queued() > 0 && rate.waitMs(now) === 0) {
      rate.take(now);
      if (opts.demandPerSec !== undefined) demand -= 1;
      const answer = opts.limiter.admit(now);
      if (answer.ok) ok++;
      else limited++;
      pending.push({ doneAt: now + latency, ok: answer.ok, retryAfterMs: answer.ok ? 0 : answer.retryAfterMs });
    }
  }
  return { ok, limited, elapsedMs, samples, episodes, final: rate.rate };
}
