/**
 * The plain facts the HR dashboard is computed from. A use case reads them from the database for
 * one period and department filter; everything below is pure arithmetic on them.
 */

/** A review owed: on time when submitted by its due time, late when after, missing when not yet. */
export interface SlotFact {
  department: string;
  managerId: string;
  managerName: string;
  /** The cycle's period label ("2026-W48"). */
  period: string;
  periodStart: string;
  dueAt: number;
  submittedAt: number | null;
}

/** One KPI result of one review, as actual/target (direction-aware, 1 = on target). */
export interface AttainmentFact {
  jobId: string;
  jobTitle: string;
  attainment: number;
}

export interface CaseFact {
  id: number;
  /**
   * The stages it has been in, oldest first, each with the instant it entered it: the first step
   * when it was opened, the next one each time a step was done (a step id, or its end state).
   */
  stages: { stage: string; from: number }[];
  status: 'open' | 'closed' | 'withdrawn';
  openedAt: number;
  closedAt: number | null;
}

export interface WarningFact {
  /** The week the warning was raised in ("2026-W48"), and whether the manager acted on it. */
  week: string;
  acted: boolean;
}

export interface DashboardFacts {
  slots: SlotFact[];
  attainment: AttainmentFact[];
  /** Instants of disputes (any subject: reviews, notes, plans, adjustments, KPI sets). */
  disputes: number[];
  cases: CaseFact[];
  warnings: WarningFact[];
}
