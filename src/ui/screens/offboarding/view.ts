/** What the case screens render: assembled by the use cases from the db, never from button values. */
import type { Locale } from '../../../ports/records.js';
import type { Policy, ReasonKind } from '../../../domain/policy/index.js';
import type { Evaluation } from '../../../domain/policy/evaluate.js';
import type { CaseState } from '../../../domain/policy/advance.js';
import type { Settlement } from '../../../domain/settlement.js';
import type { T } from '../../i18n/index.js';
import type { GateText } from './gate-text.js';

export interface CaseStepRecord {
  step: string;
  actorId: string;
  at: number;
  detail: Record<string, unknown>;
}

export interface CaseView {
  id: number;
  reason: ReasonKind;
  reasonText: string;
  openedBy: string;
  /** Links the opener typed in the reason are clickable only when they are HR (markup `userText`). */
  openedByHr: boolean;
  openedAt: number;
  closedAt: number | null;
  employee: { id: string; name: string };
  manager: { id: string; name: string } | null;
  job: { title: string } | null;
  policy: Policy;
  state: CaseState;
  evaluation: Evaluation;
  /** Completed steps ("done" events), oldest first. */
  done: CaseStepRecord[];
  settlement: Settlement | null;
  withdrawal: { by: string; byHr: boolean; reason: string; at: number } | null;
  /** The latest training plan, so the manager's DM can offer "record the reassessment". */
  latestTrainingPlanId: number | null;
  /** KPI keys missed in the employee's reviews, to pre-fill the manager's note / training forms. */
  missedKpiKeys: string[];
}

export interface ScreenContext {
  locale: Locale;
  /** Calendar dates are shown in this zone. */
  timezone: string;
}

/** The gate's sentences for this case, in the reader's language. */
export const gateTextOf = (t: T, ctx: ScreenContext, v: CaseView): GateText => ({
  t,
  locale: ctx.locale,
  policy: v.policy,
  reason: v.reason,
  employee: v.employee.name,
  manager: v.manager?.name ?? null,
  kpiNames: v.evaluation.kpiNames,
});
