import { describe, expect, it } from 'vitest';
import { AdaptiveRate } from '../../src/delivery/adaptive-rate.js';
import { fixedWindow, simulate, slidingWindow, tokenBucket, type Limiter } from '../support/rate-limit-sim.js';

/**
 * The adaptive rate against limits it is not told, of every size and shape a workspace may have,
 * in virtual time (test/support/rate-limit-sim.ts: 5 ms per call, 16 in flight, a 429 pauses every
 * call for its Retry-After). Each run sends 100 s worth of the limit from a standing start at 4/s,
 * as a fan-out does; `ratio` is the time taken over what the limit allows.
 */
function fanOut(limit: number, limiter: Limiter) {
  const messages = limit * 100;
  const r = simulate({ limiter, spec: { start: 4 }, seconds: 400, messages });
  return { ...r, ratio: r.elapsedMs / ((messages / limit) * 1000), share429: r.limited / (r.ok + r.limited) };
}

describe('the adaptive send rate, across limits and limiter shapes', () => {
  it.each([20, 100, 1000])(
    'finds a %i/s limit with a one-second burst: within 4% of the time it allows, under 1% of calls refused',
    (limit) => {
      const r = fanOut(limit, tokenBucket(limit, limit));
      expect(r.ratio).toBeLessThan(1.04);
      expect(r.share429).toBeLessThan(0.01);
      // It settles at the limit: not far below it (slow), not far above it (refused).
      expect(r.samples.at(-1)!).toBeGreaterThan(0.95 * limit);
      expect(r.samples.at(-1)!).toBeLessThan(1.1 * limit);
    },
  );

  it('finds a limit slower than where it starts (2/s, below the 4/s start)', () => {
    const r = fanOut(2, tokenBucket(2, 5));
    expect(r.ratio).toBeLessThan(1.1);
    expect(r.final).toBeLessThan(2.5);
  });

  it.each([100, 1000])(
    'does not collapse against a %i/s limit with a burst of only 5 (the pause is lost, not banked)',
    (limit) => {
      const r = fanOut(limit, tokenBucket(limit, 5));
      expect(r.ratio).toBeLessThan(1.2);
      expect(r.share429).toBeLessThan(0.01);
      // It never falls to a fraction of the limit (it did: a burst dumped after the pause and a bound
      // spoiled by the lost pause drove it to the floor), nor sits above it.
      const settled = r.samples.slice(10, 100);
      for (const s of settled) expect(s).toBeGreaterThan(0.7 * limit);
      for (const s of settled) expect(s).toBeLessThan(1.05 * limit);
    },
  );

  it.each([
    ['fixed one-second windows', fixedWindow(100, 1)],
    ['a sliding one-second window', slidingWindow(100, 1)],
    ['a sliding one-minute window', slidingWindow(100, 60)],
  ])('keeps up with a 100/s limit counted in %s', (_shape, limiter) => {
    const r = fanOut(100, limiter);
    expect(r.ratio).toBeLessThan(1.2);
    expect(r.share429).toBeLessThan(0.01);
  });

  it('after a 429 sends nothing during Retry-After and resumes evenly, without a burst of banked calls', () => {
    const rate = new AdaptiveRate({ start: 100 }, 0);
    for (let t = 0; t < 1000; t += 10) {
      while (rate.waitMs(t) === 0) {
        rate.take(t);
        rate.onSuccess(t);
      }
    }
    const before = rate.rate;
    rate.onRateLimited(1000, 1000);
    expect(rate.rate).toBeLessThan(before);
    // The caller enforces the pause; the rate itself has no token banked for the moment it ends.
    expect(rate.waitMs(2000)).toBeGreaterThan(0);
    let calls = 0;
    for (let t = 2000; t <= 2100; t++)
      while (rate.waitMs(t) === 0) {
        rate.take(t);
        calls++;
      }
    // 100 ms after the pause: about a tenth of a second's worth, not a second's.
    expect(calls).toBeLessThanOrEqual(Math.ceil(rate.rate * 0.1) + 1);
  });
});
