/**
 * The "Create a training plan" / "Schedule a conversation" buttons a manager gets after a
 * below-target review (pre-filled with the missed KPIs) and under a disputed review (with the
 * review, which the conversation then answers). The review feature passes them as `followUps` to
 * its confirmation builder (src/ui/screens/review/confirmation.ts).
 */
import type { Button } from '../../model.js';
import { ACTIONS } from '../../actions.js';
import type { T } from '../../i18n/index.js';

export interface FollowUp {
  employeeId: string;
  kpiKeys: string[];
  /** The disputed review a conversation answers. */
  reviewId?: number;
}

/** Button value: `{"p": employeeId, "k": [KPI keys], "r"?: reviewId}`. Untrusted on the way back. */
export const followUpValue = (employeeId: string, kpiKeys: string[], reviewId?: number): string =>
  JSON.stringify({ p: employeeId, k: kpiKeys, ...(reviewId !== undefined ? { r: reviewId } : {}) });

export function parseFollowUpValue(value: string): FollowUp | null {
  try {
    const v = JSON.parse(value) as { p?: unknown; k?: unknown; r?: unknown };
    if (typeof v.p !== 'string' || !Array.isArray(v.k)) return null;
    return {
      employeeId: v.p,
      kpiKeys: v.k.filter((k): k is string => typeof k === 'string').slice(0, 50),
      ...(Number.isSafeInteger(v.r) && (v.r as number) > 0 ? { reviewId: v.r as number } : {}),
    };
  } catch {
    return null;
  }
}

/** "Schedule a conversation": the scheduling form, never the note form (that records one that happened). */
export const scheduleConversationButton = (t: T, f: FollowUp): Button => ({
  actionId: ACTIONS.scheduleConversation,
  label: t('ev.prompt.conversation'),
  value: followUpValue(f.employeeId, f.kpiKeys, f.reviewId),
});

export function buildBelowTargetFollowUps(t: T, employeeId: string, missedKpiKeys: string[]): Button[] {
  if (!missedKpiKeys.length) return [];
  const value = followUpValue(employeeId, missedKpiKeys);
  return [
    { actionId: ACTIONS.promptTrainingPlan, label: t('ev.prompt.training'), value, style: 'primary' },
    scheduleConversationButton(t, { employeeId, kpiKeys: missedKpiKeys }),
  ];
}
