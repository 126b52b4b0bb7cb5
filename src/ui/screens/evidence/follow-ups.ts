/**
 * The "Create a training plan" / "Schedule a conversation" buttons a manager gets after a
 * below-target review, pre-filled with the missed KPIs. The review feature passes them as
 * `followUps` to its confirmation builder (src/ui/screens/review/confirmation.ts).
 */
import type { Button } from '../../model.js';
import { ACTIONS } from '../../actions.js';
import type { T } from '../../i18n/index.js';

/** Button value: `{"p": employeeId, "k": [missed KPI keys]}`. Untrusted on the way back. */
export const followUpValue = (employeeId: string, kpiKeys: string[]): string =>
  JSON.stringify({ p: employeeId, k: kpiKeys });

export function parseFollowUpValue(value: string): { employeeId: string; kpiKeys: string[] } | null {
  try {
    const v = JSON.parse(value) as { p?: unknown; k?: unknown };
    if (typeof v.p !== 'string' || !Array.isArray(v.k)) return null;
    return { employeeId: v.p, kpiKeys: v.k.filter((k): k is string => typeof k === 'string').slice(0, 50) };
  } catch {
    return null;
  }
}

export function buildBelowTargetFollowUps(t: T, employeeId: string, missedKpiKeys: string[]): Button[] {
  if (!missedKpiKeys.length) return [];
  const value = followUpValue(employeeId, missedKpiKeys);
  return [
    { actionId: ACTIONS.promptTrainingPlan, label: t('ev.prompt.training'), value, style: 'primary' },
    { actionId: ACTIONS.promptConversation, label: t('ev.prompt.conversation'), value },
  ];
}
