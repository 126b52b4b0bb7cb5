/**
 * What the early-warning rules read and what they say. Every signal carries the data points that
 * triggered it, so a manager can check it and an employee could be shown it: no score without
 * its evidence, no black box.
 */

/** One value of one KPI in one review period. */
export interface KpiPoint {
  period: string;
  /** When the review was submitted (epoch ms): what "recent" is measured by. */
  at: number;
  actual: number;
  target: number;
  direction: 'higher' | 'lower';
  met: boolean;
}

/** One KPI's values, oldest first. */
export interface KpiSeries {
  key: string;
  name: string;
  unit: string;
  points: KpiPoint[];
}

export interface RatingPoint {
  period: string;
  at: number;
  rating: number;
}

/** A person's review history as the rules see it, oldest first, cut at the moment of judgement. */
export interface PerformanceHistory {
  kpis: KpiSeries[];
  ratings: RatingPoint[];
}

export interface KpiBelowSignal {
  kind: 'kpi_below';
  kpiKey: string;
  kpiName: string;
  unit: string;
  missed: number;
  of: number;
  points: KpiPoint[];
}

export interface KpiTrendSignal {
  kind: 'kpi_trend';
  kpiKey: string;
  kpiName: string;
  unit: string;
  /** Fitted change per period, in the KPI's unit (negative is worse for "higher" KPIs). */
  slopePerPeriod: number;
  /** Slope divided by its standard error, with the sign turned so that negative means worse. */
  tStat: number;
  tCritical: number;
  /** Periods until the fitted line crosses the target (0 = already below). */
  periodsToTarget: number;
  points: KpiPoint[];
}

export interface RatingDropSignal {
  kind: 'rating_drop';
  latest: RatingPoint;
  average: number;
  drop: number;
  points: RatingPoint[];
}

/** Counted leave days of one week: the person's against the average of their teammates. */
export interface AbsenceWeek {
  weekStart: string;
  days: number;
  teamAverage: number;
}

export interface AbsenceSignal {
  kind: 'absence';
  weeks: AbsenceWeek[];
}

export type PerformanceSignal = KpiBelowSignal | KpiTrendSignal | RatingDropSignal;
export type PersonSignal = PerformanceSignal | AbsenceSignal;
export type SignalKind = PersonSignal['kind'];

/**
 * The next step the warning suggests. Training is pre-filled with the KPIs; a conversation says
 * what it is for: support (absence), the gap itself, a decline after a job adjustment, explaining
 * a refused training, or checking on a training already under way.
 */
export type ConversationPurpose = 'support' | 'gap' | 'after_adjustment' | 'explain_training' | 'training_progress';

export type Suggestion =
  { kind: 'training'; kpiKeys: string[] } | { kind: 'conversation'; purpose: ConversationPurpose };

/** What a warning about a person rests on besides the signals: what was already done for them. */
export interface SupportContext {
  /** When the person's latest job adjustment took effect (epoch ms), if any. */
  jobAdjustedAt: number | null;
  /** The person refused or disputed a training plan. */
  trainingRefused: boolean;
  /** KPI keys covered by a training plan that is still active. */
  activeTrainingKpis: string[];
}

export interface PersonWarning {
  signals: PersonSignal[];
  suggestion: Suggestion;
}

/** A line manager's duty the data says was not done. Only the manager chain and HR see these. */
export type DutyGap =
  | { kind: 'reviews_overdue'; slots: { employeeId: string; period: string; dueAt: number }[] }
  | { kind: 'no_conversation'; employeeId: string; lastConversationOn: string | null; weeks: number }
  | { kind: 'training_no_session'; employeeId: string; planId: number; promisedAt: number; days: number }
  | {
      kind: 'dispute_unanswered';
      employeeId: string;
      subjectType: string;
      subjectId: string;
      disputedAt: number;
      days: number;
    };

export type DutyGapKind = DutyGap['kind'];
