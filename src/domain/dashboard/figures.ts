/** Every dashboard chart's figures at once, for one period and department filter. */
import {
  attainmentByJob,
  cycleTimeByMonth,
  onTimeByManager,
  openCasesByStage,
  perMonth,
  reviewCompletion,
  warningsByWeek,
  type CompletionRow,
  type Distribution,
  type ManagerOnTime,
} from './aggregate.js';
import type { DashboardFacts } from './facts.js';
import { dateIn } from '../dates.js';

export interface DashboardScope {
  /** Week labels of the period, oldest first ("2026-W41" …). */
  weeks: string[];
  /** Months of the period, oldest first ("2026-10" …). */
  months: string[];
  /** The zone months are counted in (the organisation's). */
  timezone: string;
  now: number;
  /** The instant the period ends (exclusive): open cases are counted then, or now if sooner. */
  end: number;
}

export interface DashboardFigures {
  completion: CompletionRow[];
  onTime: ManagerOnTime[];
  attainment: Distribution[];
  disputes: { month: string; count: number }[];
  openCases: { stage: string; count: number }[];
  /** The day open cases were counted on when the period ended before today; null: now. */
  openCasesOn: string | null;
  cycleTime: { month: string; closed: number; medianDays: number | null }[];
  warnings: { week: string; raised: number; acted: number }[];
}

export function dashboardFigures(facts: DashboardFacts, scope: DashboardScope): DashboardFigures {
  const disputeCounts = perMonth(facts.disputes, scope.months, scope.timezone);
  return {
    completion: reviewCompletion(facts.slots, scope.now),
    onTime: onTimeByManager(facts.slots, scope.now),
    attainment: attainmentByJob(facts.attainment),
    disputes: scope.months.map((month, i) => ({ month, count: disputeCounts[i]! })),
    openCases: openCasesByStage(facts.cases, Math.min(scope.now, scope.end)),
    openCasesOn: scope.end <= scope.now ? dateIn(scope.end - 1, scope.timezone) : null,
    cycleTime: cycleTimeByMonth(facts.cases, scope.months, scope.timezone),
    warnings: warningsByWeek(facts.warnings, scope.weeks),
  };
}
