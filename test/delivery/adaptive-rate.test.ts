import { describe, expect, it } from 'vitest';
import { AdaptiveRate } from '../../src/delivery/adaptive-rate.js';

/**
 * The adaptive rate against a platform whose limit it is not told: a token bucket of `limit`/s
 * with a one-second burst, answering 429 + Retry-After: 1 beyond it. Time is virtual (1 ms steps),
 * so this checks the controller's behaviour, not this machine's speed.
 */
function run(opts: { limit: number; seconds: number; ceiling?: number; demandPerSec?: number }) {
  // As slackPacing does: a known ceiling is also where it starts.
  const rate = new AdaptiveRate({ start: opts.ceiling ?? 4, ceiling: opts.ceiling }, 0);
  let tokens = opts.limit;
  let pausedUntil = 0;
  let ok = 0;
  let limited = 0;
  let demand = 0;
  const samples: number[] = [];
  const episodes: { before: number; after: number }[] = [];
  for (let now = 1; now <= opts.seconds * 1000; now++) {
    tokens = Math.min(opts.limit, tokens + opts.limit / 1000);
    demand = opts.demandPerSec === undefined ? 1 : demand + opts.demandPerSec / 1000;
    if (now % 1000 === 0) samples.push(rate.rate);
    while (now >= pausedUntil && demand >= 1 && rate.waitMs(now) === 0) {
      rate.take(now);
      if (opts.demandPerSec !== undefined) demand -= 1;
      if (tokens >= 1) {
        tokens -= 1;
        ok++;
        rate.onSuccess(now + 1);
      } else {
        limited++;
        pausedUntil = now + 1000;
        const before = rate.rate;
        rate.onRateLimited(now + 1, 1000);
        if (rate.rate !== before) episodes.push({ before, after: rate.rate });
      }
    }
  }
  return { ok, limited, samples, episodes, final: rate.rate };
}

describe('the adaptive send rate', () => {
  it('finds an unannounced limit from a safe start, and stays near it with under 1% of calls refused', () => {
    const r = run({ limit: 100, seconds: 100 });
    expect(r.samples[0]).toBeLessThan(20); // a safe start: about 4/s, doubling every half second
    expect(Math.max(...r.samples.slice(0, 6))).toBeGreaterThan(80);
    expect(r.limited / (r.ok + r.limited)).toBeLessThan(0.01);
    // ≥ 95% of what the limit allowed over the whole run, ramp-up and back-offs included.
    expect(r.ok).toBeGreaterThan(0.95 * 100 * 100);
    expect(r.final).toBeGreaterThan(85);
    expect(r.final).toBeLessThan(115);
  });

  it('backs off when refused: each 429 lowers the rate to under what got through', () => {
    const r = run({ limit: 30, seconds: 60 });
    expect(r.episodes.length).toBeGreaterThan(0);
    for (const e of r.episodes) expect(e.after).toBeLessThan(e.before);
    // What gets through is at most the limit plus its one-second burst; 90% of that.
    for (const e of r.episodes) expect(e.after).toBeLessThanOrEqual(0.9 * 60);
    // From the second 429 on it estimates the limit (what got through between two 429s) and settles
    // just under it, so refusals stay rare and cost little of what the limit allowed.
    expect(r.episodes.length).toBeGreaterThanOrEqual(2);
    for (const e of r.episodes.slice(1)) {
      expect(e.after).toBeGreaterThan(0.85 * 30);
      expect(e.after).toBeLessThan(30);
    }
    expect(r.ok).toBeGreaterThan(0.95 * 30 * 60);
  });

  it('never exceeds the configured ceiling', () => {
    const r = run({ limit: 1000, seconds: 10, ceiling: 50 });
    expect(Math.max(...r.samples)).toBeLessThanOrEqual(50);
    expect(r.limited).toBe(0);
    expect(r.ok).toBeGreaterThan(0.95 * 50 * 10);
  });

  it('after a busy stretch, catches up as far as the known burst; a rate still being found barely at all', () => {
    // The sender was held 400 ms (a busy event loop): how many calls may start at once now?
    const backToBack = (spec: ConstructorParameters<typeof AdaptiveRate>[0]) => {
      const rate = new AdaptiveRate(spec, 0);
      let n = 0;
      while (rate.waitMs(400) === 0 && n < 1000) {
        rate.take(400);
        n++;
      }
      return n;
    };
    expect(backToBack({ start: 100, ceiling: 100, burst: 10 })).toBe(10);
    expect(backToBack({ start: 100 })).toBe(5); // a twentieth of a second's worth
  });

  it('does not raise the rate while the queue trickles below it', () => {
    const r = run({ limit: 1000, seconds: 30, demandPerSec: 2 });
    expect(r.final).toBe(4);
  });
});
