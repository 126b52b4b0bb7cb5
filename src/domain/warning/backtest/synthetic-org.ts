/**
 * A synthetic organisation with known ground truth, for measuring the warning rules. Seeded, so
 * every run and every machine gets the same people. Four kinds of people, each with two KPIs
 * (revenue, higher is better; resolution hours, lower is better) and a weekly rating:
 * - steady:  comfortably above target with small noise;
 * - noisy:   just above target with large swings, so they miss often without needing help;
 * - recover: steady, then a dip of a few weeks down to about the target, then back;
 * - decline: steady, then one KPI (a skill) falls week by week below target and stays there.
 * Only decliners are positive. The numbers are chosen to look like real teams, not to flatter a
 * rule: noisy and recovering people miss targets too, which is what makes the problem hard.
 */
import type { KpiPoint, KpiSeries, PerformanceHistory, RatingPoint } from '../types.js';
import { seededRandom, type Random } from './random.js';
import type { BacktestPerson, BacktestSet } from './types.js';
import { WEEK_MS } from '../../dates.js';

export type SyntheticKind = 'steady' | 'noisy' | 'recover' | 'decline';

export interface SyntheticOptions {
  seed: number;
  people: number;
  weeks: number;
  warmup: number;
  /** Share of each kind; the rest are steady. */
  mix: { noisy: number; recover: number; decline: number };
  /** The first replayed week's judgement instant (epoch ms). */
  start: number;
}

export const SYNTHETIC_DEFAULTS: SyntheticOptions = {
  seed: 15,
  people: 500,
  weeks: 40,
  warmup: 6,
  mix: { noisy: 0.2, recover: 0.15, decline: 0.2 },
  start: Date.parse('2026-01-09T12:00:00Z'),
};

const KPIS = [
  { key: 'revenue', name: 'Sales revenue', unit: 'k CNY', target: 200, direction: 'higher' as const },
  { key: 'resolution_hours', name: 'Ticket resolution time', unit: 'h', target: 8, direction: 'lower' as const },
];

/** The latent margin (share above target) of one KPI in each week, before noise. */
function latentPath(
  kind: SyntheticKind,
  r: Random,
  o: SyntheticOptions,
  isSkill: boolean,
): { m: number[]; sd: number } {
  const noisy = kind === 'noisy';
  const base = noisy ? r.between(0.03, 0.12) : r.between(0.06, 0.3);
  const sd = noisy ? r.between(0.08, 0.15) : r.between(0.02, 0.06);
  const m = Array.from({ length: o.weeks }, () => base);
  if (kind === 'decline' && isSkill) {
    const onset = r.int(o.warmup - 2, o.weeks - 14);
    const slope = r.between(0.02, 0.05);
    const floor = -r.between(0.08, 0.25);
    for (let w = onset; w < o.weeks; w++) m[w] = Math.max(floor, base - slope * (w - onset + 1));
  }
  if (kind === 'recover' && isSkill) {
    const onset = r.int(o.warmup, o.weeks - 12);
    const trough = r.between(-0.04, 0.03);
    const len = r.int(3, 5);
    const path = [...Array.from({ length: len }, (_, i) => base + ((trough - base) * (i + 1)) / len), trough];
    path.push(...Array.from({ length: len }, (_, i) => trough + ((base - trough) * (i + 1)) / len));
    path.forEach((v, i) => {
      if (onset + i < o.weeks) m[onset + i] = v;
    });
  }
  return { m, sd };
}

function kindOf(r: Random, mix: SyntheticOptions['mix']): SyntheticKind {
  const u = r.next();
  if (u < mix.decline) return 'decline';
  if (u < mix.decline + mix.recover) return 'recover';
  if (u < mix.decline + mix.recover + mix.noisy) return 'noisy';
  return 'steady';
}

function person(i: number, r: Random, o: SyntheticOptions): BacktestPerson {
  const kind = kindOf(r, o.mix);
  const skill = r.int(0, KPIS.length - 1);
  const paths = KPIS.map((_, j) => latentPath(kind, r, o, j === skill));
  const observed = paths.map((p) => p.m.map((m) => m + r.normal(p.sd)));
  const at = (w: number) => o.start + w * WEEK_MS - 3_600_000;
  const kpis: KpiSeries[] = KPIS.map((k, j) => ({
    key: k.key,
    name: k.name,
    unit: k.unit,
    points: observed[j]!.map((margin, w): KpiPoint => {
      const raw = k.direction === 'higher' ? k.target * (1 + margin) : k.target * (1 - margin);
      const actual = Math.round(Math.max(0, raw) * 10) / 10;
      const met = k.direction === 'higher' ? actual >= k.target : actual <= k.target;
      return { period: `W${w + 1}`, at: at(w), actual, target: k.target, direction: k.direction, met };
    }),
  }));
  // The manager's rating follows the week's results, with a manager's own noise, on the 1–5 scale.
  const ratings: RatingPoint[] = observed[0]!.map((_, w) => {
    const mean = observed.reduce((s, o2) => s + o2[w]!, 0) / observed.length;
    const rating = Math.min(5, Math.max(1, Math.round(3.4 + 5 * mean + r.normal(0.5))));
    return { period: `W${w + 1}`, at: at(w), rating };
  });
  const history: PerformanceHistory = { kpis, ratings };
  return { id: `s${String(i + 1).padStart(4, '0')}`, label: kind, positive: kind === 'decline', history };
}

export function syntheticOrganisation(options: Partial<SyntheticOptions> = {}): BacktestSet {
  const o = { ...SYNTHETIC_DEFAULTS, ...options };
  const r = seededRandom(o.seed);
  const people = Array.from({ length: o.people }, (_, i) => person(i, r, o));
  return {
    name: `synthetic organisation (seed ${o.seed}, ${o.people} people, ${o.weeks} weeks)`,
    people,
    weeks: Array.from({ length: o.weeks }, (_, w) => o.start + w * WEEK_MS),
    warmup: o.warmup,
  };
}
