import { describe, it, expect } from 'vitest';
import {
  firstMissRule,
  firstRunStart,
  runBacktest,
  syntheticOrganisation,
  warningRule,
  type BacktestSet,
  type WarnRule,
} from '../../../src/domain/warning/backtest/index.js';
import { DEFAULT_WARNING_POLICY } from '../../../src/domain/warning/index.js';
import type { KpiPoint } from '../../../src/domain/warning/index.js';

const WEEK = 7 * 86_400_000;
const START = Date.parse('2026-01-09T12:00:00Z');
const weeks = Array.from({ length: 10 }, (_, w) => START + w * WEEK);

/** One KPI with a review an hour before each week's judgement; `misses` are the weeks below target. */
const person = (id: string, positive: boolean, misses: number[]) => ({
  id,
  label: positive ? 'decline' : 'noisy',
  positive,
  history: {
    kpis: [
      {
        key: 'revenue',
        name: 'Sales revenue',
        unit: 'k CNY',
        points: weeks.map((at, w): KpiPoint => ({
          period: `W${w}`,
          at: at - 3_600_000,
          actual: misses.includes(w) ? 90 : 110,
          target: 100,
          direction: 'higher',
          met: !misses.includes(w),
        })),
      },
    ],
    ratings: [],
  },
});

describe('backtest scoring, worked by hand', () => {
  // A is positive with a run starting at week 5 (weeks 5, 6, 7 missed); B is noisy (misses 2 and 8).
  const set: BacktestSet = {
    name: 'hand',
    people: [person('A', true, [5, 6, 7]), person('B', false, [2, 8])],
    weeks,
    warmup: 2,
  };
  it('finds the first run of 3 below-target weeks', () => {
    expect(firstRunStart(set.people[0]!.history, weeks, 3)).toBe(5);
    expect(firstRunStart(set.people[1]!.history, weeks, 3)).toBeNull();
  });

  it('scores alerts, true alerts, recall and lead time', () => {
    // A warned in weeks 3, 4, 6 and 9: alerts at 3 (true, 2 weeks ahead), 6 (true), 9 (after the
    // run's confirming week 7: false). B warned in weeks 4 and 5: one alert at 4 (false).
    const byId: Record<string, number[]> = { A: [3, 4, 6, 9], B: [4, 5] };
    const rule: WarnRule = (_h, asOf, id) => byId[id]!.includes(weeks.indexOf(asOf));
    const f = runBacktest(set, rule);
    expect(f).toMatchObject({ alerts: 4, trueAlerts: 2, precision: 0.5, positives: 1, found: 1, recall: 1 });
    expect(f.medianLead).toBe(2);
    expect(f.falseByLabel).toEqual({ decline: 1, noisy: 1 });
  });

  it('scores the naive baseline: an alert at each first miss after a met week', () => {
    // A: week 5 (true, lead 0). B: weeks 2 and 8 (both false).
    const f = runBacktest(set, firstMissRule);
    expect(f).toMatchObject({ alerts: 3, trueAlerts: 1, found: 1, medianLead: 0 });
    expect(f.precision).toBeCloseTo(1 / 3);
  });
});

describe('the synthetic organisation', () => {
  const org = syntheticOrganisation();

  it('is the same for the same seed and different for another', () => {
    expect(syntheticOrganisation().people[7]).toEqual(org.people[7]);
    expect(syntheticOrganisation({ seed: 16 }).people[7]).not.toEqual(org.people[7]);
  });

  it('has every kind of person, and every decliner really comes to a run below target', () => {
    const kinds = new Set(org.people.map((p) => p.label));
    expect([...kinds].sort()).toEqual(['decline', 'noisy', 'recover', 'steady']);
    for (const p of org.people.filter((x) => x.positive))
      expect(firstRunStart(p.history, org.weeks, 3), p.id).not.toBeNull();
    const noisyMisses = org.people
      .filter((p) => p.label === 'noisy')
      .flatMap((p) => p.history.kpis.flatMap((k) => k.points))
      .filter((pt) => !pt.met).length;
    expect(noisyMisses).toBeGreaterThan(500);
  });

  it('the shipped rule beats "warn after the first missed target" on precision and lead time at equal recall', () => {
    const ours = runBacktest(org, warningRule(DEFAULT_WARNING_POLICY));
    const naive = runBacktest(org, firstMissRule);
    expect(ours.recall).toBe(naive.recall);
    expect(ours.precision).toBeGreaterThan(naive.precision);
    expect(ours.medianLead!).toBeGreaterThan(naive.medianLead!);
  });
});
