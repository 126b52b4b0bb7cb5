/**
 * One person's warning, if any: every rule run on data up to `asOf`, and the suggested next step.
 * This is what the weekly job and the backtest both call, so the backtest measures the real rule.
 */
import { ratingDropSignal } from './rating-drop.js';
import { kpiBelowSignals, kpiTrendSignals } from './kpi-signals.js';
import { suggestAction } from './suggest.js';
import type { WarningPolicy } from './policy.js';
import type { AbsenceSignal, PerformanceHistory, PerformanceSignal, PersonWarning, SupportContext } from './types.js';

export const NO_SUPPORT_YET: SupportContext = { jobAdjustedAt: null, trainingRefused: false, activeTrainingKpis: [] };

/** The KPI and rating signals alone (what the backtest measures: absence and duties are not predictions). */
export function performanceSignals(h: PerformanceHistory, policy: WarningPolicy, asOf: number): PerformanceSignal[] {
  const drop = ratingDropSignal(h.ratings, policy, asOf);
  return [...kpiBelowSignals(h.kpis, policy, asOf), ...kpiTrendSignals(h.kpis, policy, asOf), ...(drop ? [drop] : [])];
}

export function evaluatePerson(
  input: { history: PerformanceHistory; support: SupportContext; absence: AbsenceSignal | null },
  policy: WarningPolicy,
  asOf: number,
): PersonWarning | null {
  const signals = [...performanceSignals(input.history, policy, asOf), ...(input.absence ? [input.absence] : [])];
  if (!signals.length) return null;
  return { signals, suggestion: suggestAction(signals, input.support, policy, asOf) };
}
