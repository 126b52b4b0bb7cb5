/**
 * One department's people through every warning rule, in one transaction: read their recent
 * reviews in one batch, evaluate, and record each warning with its signals and suggested step.
 * A person already warned this week (a rerun after a crash) is left as recorded.
 */
import type { Tx } from '../../ports/store.js';
import { DAY_MS } from '../../domain/dates.js';
import {
  absenceSignal,
  evaluatePerson,
  performanceSignals,
  type LeaveSpan,
  type WarningPolicy,
} from '../../domain/warning/index.js';
import { performanceHistory } from './history.js';
import { historyAsOf } from '../../domain/warning/backtest/replay.js';
import { supportContext } from './support-context.js';

export interface EvaluationContext {
  now: number;
  week: string;
  /** Today in the organisation's zone. */
  today: string;
  policy: WarningPolicy;
  /** Leave overlapping the absence rule's weeks. */
  leaves: LeaveSpan[];
}

/** Reviews old enough to matter: the longest window of any rule in monthly periods, plus staleness. */
export function lookbackDays(p: WarningPolicy): number {
  return p.staleAfterDays + 31 * Math.max(p.trend.window, p.kpiBelow.n, p.ratingDrop.window + 1);
}

export interface DepartmentOutcome {
  people: number;
  raised: number;
  /** Who reports to whom in this department, for the managers' DMs. */
  pairs: { managerId: string; employeeId: string }[];
}

export function evaluateDepartment(tx: Tx, department: string, c: EvaluationContext): DepartmentOutcome {
  const pairs = tx.reviews.reportsWithManagers(department);
  const history = tx.warnings.reviewHistory(
    pairs.map((p) => p.employee.id),
    c.now - lookbackDays(c.policy) * DAY_MS,
  );
  const teamOf = new Map<string, string[]>();
  for (const { employee, manager } of pairs) teamOf.set(manager.id, [...(teamOf.get(manager.id) ?? []), employee.id]);
  let raised = 0;
  for (const { employee, manager } of pairs) {
    // Only what was known at the moment of judgement (a backfill, or a clock that lags a little).
    const h = historyAsOf(performanceHistory(history.get(employee.id) ?? []), c.now);
    const absence = absenceSignal(employee.id, teamOf.get(manager.id) ?? [], c.leaves, c.today, c.policy);
    // The support context costs a few queries: read it only for someone a rule fired on.
    if (!absence && !performanceSignals(h, c.policy, c.now).length) continue;
    const w = evaluatePerson({ history: h, support: supportContext(tx, employee.id), absence }, c.policy, c.now);
    if (!w) continue;
    const row = tx.warnings.insert({
      personId: employee.id,
      managerId: manager.id,
      department,
      week: c.week,
      raisedAt: c.now,
      signals: w.signals,
      suggestion: w.suggestion,
    });
    if (!row) continue;
    raised++;
    tx.audit.record({
      actorId: null,
      action: 'warning.raise',
      subjectType: 'warning',
      subjectId: row.id,
      detail: {
        personId: employee.id,
        managerId: manager.id,
        week: c.week,
        signals: w.signals.map((s) => s.kind),
        suggestion: w.suggestion,
      },
    });
  }
  return {
    people: pairs.length,
    raised,
    pairs: pairs.map((p) => ({ managerId: p.manager.id, employeeId: p.employee.id })),
  };
}
