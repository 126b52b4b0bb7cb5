/**
 * The backtest: replay a history week by week, let a rule warn using only what was known that
 * week, and score the warnings against what happened next.
 *
 * Definitions (docs/warnings.md explains them):
 * - A week is *below target* when that week's review missed any KPI.
 * - A person's *run* starts at the first week of their first `runLength` (3) consecutive
 *   below-target weeks. Lead time = run start − week of the warning (issue 15's definition).
 * - An *alert* is a week in which a rule warns about someone it did not warn about the week before
 *   (a manager reads a new name). Warm-up weeks only build history; no alert is counted in them.
 * - An alert is *true* when the person is positive and it comes between `horizonWeeks` (8) before
 *   their run start and the run's last confirming week (start + runLength − 1). Any other alert is
 *   false, including one about a decliner long before their decline.
 * - Precision = true alerts / alerts. Recall = positives with a true alert / positives whose run
 *   starts after the warm-up. Lead time = run start − first true alert, median over those found.
 */
import { performanceSignals } from '../evaluate.js';
import type { WarningPolicy } from '../policy.js';
import type { PerformanceHistory } from '../types.js';
import type { BacktestSet } from './types.js';
import { WEEK_MS } from '../../dates.js';

export interface BacktestProtocol {
  runLength: number;
  horizonWeeks: number;
}

export const BACKTEST_PROTOCOL: BacktestProtocol = { runLength: 3, horizonWeeks: 8 };

/** Warns (true) or not about one person, from their history as known at `asOf`. */
export type WarnRule = (history: PerformanceHistory, asOf: number, personId: string) => boolean;

export function historyAsOf(h: PerformanceHistory, asOf: number): PerformanceHistory {
  return {
    kpis: h.kpis.map((s) => ({ ...s, points: s.points.filter((p) => p.at <= asOf) })),
    ratings: h.ratings.filter((r) => r.at <= asOf),
  };
}

/** The week's review missed a KPI (null when there was no review that week). */
function missedInWeek(h: PerformanceHistory, asOf: number): boolean | null {
  const inWeek = h.kpis.flatMap((s) => s.points.filter((p) => p.at <= asOf && p.at > asOf - WEEK_MS));
  return inWeek.length ? inWeek.some((p) => !p.met) : null;
}

/** The rule Dandang ships: any KPI or rating signal of `performanceSignals`. */
export const warningRule =
  (policy: WarningPolicy): WarnRule =>
  (h, asOf) =>
    performanceSignals(h, policy, asOf).length > 0;

/** The naive baseline: warn after a missed target (a new alert at the first miss after a met week). */
export const firstMissRule: WarnRule = (h, asOf) => missedInWeek(h, asOf) === true;

/** Week index of the person's first run of `runLength` below-target weeks, or null. */
export function firstRunStart(h: PerformanceHistory, weeks: readonly number[], runLength: number): number | null {
  const below = weeks.map((asOf) => missedInWeek(h, asOf) === true);
  for (let w = 0; w + runLength <= below.length; w++) if (below.slice(w, w + runLength).every(Boolean)) return w;
  return null;
}

export interface BacktestFigures {
  alerts: number;
  trueAlerts: number;
  precision: number;
  /** Positives whose run starts after the warm-up: the ones a warning could anticipate. */
  positives: number;
  found: number;
  recall: number;
  /** Median lead time in weeks (null when nobody was found). */
  medianLead: number | null;
  leads: number[];
  /** False alerts by the kind of person they were about. */
  falseByLabel: Record<string, number>;
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function runBacktest(set: BacktestSet, rule: WarnRule, protocol = BACKTEST_PROTOCOL): BacktestFigures {
  const { runLength, horizonWeeks } = protocol;
  let alerts = 0;
  let trueAlerts = 0;
  let positives = 0;
  const leads: number[] = [];
  const falseByLabel: Record<string, number> = {};
  for (const p of set.people) {
    const start = p.positive ? firstRunStart(p.history, set.weeks, runLength) : null;
    const counted = start !== null && start >= set.warmup;
    if (counted) positives++;
    let warnedLastWeek = false;
    let firstTrue: number | null = null;
    set.weeks.forEach((asOf, w) => {
      const warned = rule(historyAsOf(p.history, asOf), asOf, p.id);
      const isAlert = warned && !warnedLastWeek && w >= set.warmup;
      warnedLastWeek = warned;
      if (!isAlert) return;
      alerts++;
      if (start !== null && w >= start - horizonWeeks && w <= start + runLength - 1) {
        trueAlerts++;
        firstTrue ??= w;
      } else falseByLabel[p.label] = (falseByLabel[p.label] ?? 0) + 1;
    });
    if (counted && firstTrue !== null) leads.push(start - firstTrue);
  }
  return {
    alerts,
    trueAlerts,
    precision: alerts ? trueAlerts / alerts : 0,
    positives,
    found: leads.length,
    recall: positives ? leads.length / positives : 0,
    medianLead: median(leads),
    leads,
    falseByLabel,
  };
}
