import { describe, it, expect } from 'vitest';
import {
  DEFAULT_WARNING_POLICY as policy,
  fitLine,
  kpiBelowSignals,
  kpiTrendSignals,
  marginOf,
  tCritical,
} from '../../../src/domain/warning/index.js';
import { DAY_MS } from '../../../src/domain/dates.js';
import { NOW, series } from './support.js';

describe('KPI below target in k of the last n periods (default 2 of 3)', () => {
  it('warns on 2 misses in the last 3 and lists those 3 periods', () => {
    const [s] = kpiBelowSignals([series([120, 110, 90, 105, 80])], policy, NOW);
    expect(s).toMatchObject({ kind: 'kpi_below', kpiKey: 'revenue', missed: 2, of: 3 });
    expect(s!.points.map((p) => p.actual)).toEqual([90, 105, 80]);
  });

  it('stays quiet on one miss in the last 3, however many misses came before', () => {
    expect(kpiBelowSignals([series([80, 70, 60, 110, 105, 90])], policy, NOW)).toEqual([]);
  });

  it('counts a short history as it is: 2 of 2 is enough', () => {
    expect(kpiBelowSignals([series([90, 80])], policy, NOW)[0]).toMatchObject({ missed: 2, of: 2 });
  });

  it('reads "lower is better" KPIs the right way round', () => {
    const hours = series([7, 9, 10], { target: 8, direction: 'lower', key: 'resolution_hours' });
    expect(kpiBelowSignals([hours], policy, NOW)[0]).toMatchObject({ kpiKey: 'resolution_hours', missed: 2 });
  });

  it('ignores a history whose latest review is older than staleAfterDays (45)', () => {
    const old = series([90, 80, 70], { endsAt: NOW - 46 * DAY_MS });
    expect(kpiBelowSignals([old], policy, NOW)).toEqual([]);
  });
});

describe('least-squares trend test', () => {
  it('matches a fit worked by hand', () => {
    // y = .30 .26 .21 .18 .12 .08 at x = 0..5: x̄ = 2.5, Σ(x−x̄)² = 17.5, Σ(x−x̄)y = −0.775,
    // b = −0.775/17.5 = −0.044286, a = ȳ − b·x̄ = 0.191667 + 0.110714 = 0.302381,
    // RSS = 1.61905e−4, s² = RSS/4, SE = √(s²/17.5) = 0.0015208, t = b/SE = −29.12.
    const fit = fitLine([0.3, 0.26, 0.21, 0.18, 0.12, 0.08]);
    expect(fit.slope).toBeCloseTo(-0.044286, 5);
    expect(fit.intercept).toBeCloseTo(0.302381, 5);
    expect(fit.slopeSe).toBeCloseTo(0.0015208, 6);
    expect(fit.t).toBeCloseTo(-29.12, 1);
  });

  it('gives an infinite t to a perfect line and 0 to a flat one', () => {
    expect(fitLine([3, 2, 1]).t).toBe(-Infinity);
    expect(fitLine([1, 1, 1, 1]).t).toBe(0);
  });

  it('uses the one-sided 5 % critical value for 4 degrees of freedom (window 6)', () => {
    expect(tCritical(0.05, 4)).toBe(2.132);
    expect(() => tCritical(0.05, 31)).toThrow(RangeError);
  });

  it('measures the margin as a share of the target, positive when better', () => {
    expect(marginOf({ actual: 120, target: 100, direction: 'higher' })).toBeCloseTo(0.2);
    expect(marginOf({ actual: 10, target: 8, direction: 'lower' })).toBeCloseTo(-0.25);
    expect(marginOf({ actual: 2, target: 0, direction: 'lower' })).toBe(-2);
  });
});

describe('KPI declining trend over the last 6 values', () => {
  it('warns on a steady decline towards the target, with slope, t and the periods left', () => {
    // The hand-worked series above, as revenue against a target of 100.
    const [s] = kpiTrendSignals([series([130, 126, 121, 118, 112, 108])], policy, NOW);
    expect(s).toMatchObject({ kind: 'kpi_trend', kpiKey: 'revenue', tCritical: 2.132, periodsToTarget: 2 });
    expect(s!.slopePerPeriod).toBeCloseTo(-4.4286, 3);
    expect(s!.tStat).toBeCloseTo(-29.12, 1);
    expect(s!.points).toHaveLength(6);
  });

  it('stays quiet when the same fall is within the person’s usual swings (t ≈ −0.8)', () => {
    // margins .30 −.05 .28 −.08 .20 −.02: b = −0.0346 but SE = 0.0432, so t = −0.80 > −2.132.
    expect(kpiTrendSignals([series([130, 95, 128, 92, 120, 98])], policy, NOW)).toEqual([]);
  });

  it('stays quiet on a decline too small to matter (under 5 % of target over the window)', () => {
    expect(kpiTrendSignals([series([110, 109.9, 109.8, 109.7, 109.6, 109.5])], policy, NOW)).toEqual([]);
  });

  it('stays quiet on a decline that would not reach the target within 3 periods', () => {
    // 200 → 150 is a real fall, but at 10 points a period the target is 5 periods away.
    expect(kpiTrendSignals([series([200, 190, 180, 170, 160, 150])], policy, NOW)).toEqual([]);
  });

  it('needs the full window of 6 values', () => {
    expect(kpiTrendSignals([series([130, 120, 110, 100, 90])], policy, NOW)).toEqual([]);
  });

  it('reports a worsening "lower is better" KPI as a rising slope in its unit', () => {
    const hours = series([6, 6.4, 6.9, 7.2, 7.7, 8.1], { target: 8, direction: 'lower', key: 'resolution_hours' });
    const [s] = kpiTrendSignals([hours], policy, NOW);
    expect(s).toMatchObject({ kpiKey: 'resolution_hours', periodsToTarget: 0 });
    expect(s!.slopePerPeriod).toBeGreaterThan(0.4);
    expect(s!.tStat).toBeLessThan(-2.132);
  });
});
