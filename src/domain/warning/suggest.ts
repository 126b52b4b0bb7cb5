/**
 * The next step a warning suggests, following the signal (issue 15):
 * - absence, alone or with anything else → a supportive conversation (the absence signal never
 *   suggests more than that; the person may be dealing with something the data cannot show);
 * - a refused or disputed training → a conversation that explains its purpose;
 * - a KPI decline after a recent job adjustment → a conversation (the new job, not a skill gap);
 * - KPIs already covered by an active training plan → a conversation about its progress;
 * - otherwise missed or declining KPIs → a training plan pre-filled with those KPIs (a KPI is a
 *   measurable skill of the job);
 * - a rating drop alone → a conversation about the gap.
 */
import { DAY_MS } from '../dates.js';
import type { WarningPolicy } from './policy.js';
import type { PersonSignal, Suggestion, SupportContext } from './types.js';

export function suggestAction(
  signals: readonly PersonSignal[],
  support: SupportContext,
  policy: WarningPolicy,
  asOf: number,
): Suggestion {
  if (signals.some((s) => s.kind === 'absence')) return { kind: 'conversation', purpose: 'support' };
  const kpiKeys = [
    ...new Set(signals.flatMap((s) => (s.kind === 'kpi_below' || s.kind === 'kpi_trend' ? [s.kpiKey] : []))),
  ];
  if (!kpiKeys.length) return { kind: 'conversation', purpose: 'gap' };
  if (support.trainingRefused) return { kind: 'conversation', purpose: 'explain_training' };
  const adjusted = support.jobAdjustedAt;
  if (adjusted !== null && adjusted <= asOf && asOf - adjusted <= policy.adjustmentLookbackDays * DAY_MS)
    return { kind: 'conversation', purpose: 'after_adjustment' };
  if (kpiKeys.every((k) => support.activeTrainingKpis.includes(k)))
    return { kind: 'conversation', purpose: 'training_progress' };
  return { kind: 'training', kpiKeys };
}
