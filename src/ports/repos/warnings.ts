/**
 * Early warnings (issue 15): the weekly run's records, and the reads it needs. Nothing in the
 * offboarding feature reads this repository: a warning is never evidence.
 */
import type { DutyGap, LeaveSpan, PersonSignal, Suggestion } from '../../domain/warning/index.js';
import type { Review } from './reviews.js';

/**
 * What the manager chain did after a warning: the first such record about the person. A
 * conversation is a note of one held; a planned conversation is one scheduled (the warning's own
 * button), counted when it is planned, since that is the manager acting.
 */
export type FollowUpKind = 'conversation' | 'planned_conversation' | 'training_plan' | 'job_adjustment';

export interface FollowUp {
  kind: FollowUpKind;
  /** The note, planned conversation, plan or adjustment id. */
  id: string;
  at: number;
}

/** What the rules read of a review: the period, the rating and the KPI results, never its texts. */
export type ReviewFigures = Pick<Review, 'id' | 'employeeId' | 'periodLabel' | 'rating' | 'submittedAt' | 'results'>;

export interface WarningRecord {
  id: number;
  personId: string;
  managerId: string;
  department: string;
  week: string;
  raisedAt: number;
  signals: PersonSignal[];
  suggestion: Suggestion;
  followUp: FollowUp | null;
}

export interface WarningRepo {
  /** Null when the person already has a warning for this week (a rerun after a crash). */
  insert(w: Omit<WarningRecord, 'id' | 'followUp'>): WarningRecord | null;
  forWeek(week: string): WarningRecord[];
  /** Raised in [from, to), oldest first (the dashboard). */
  raisedBetween(from: number, to: number): WarningRecord[];
  /** Raised at or after `since` with no follow-up recorded yet. */
  awaitingFollowUp(since: number): WarningRecord[];
  setFollowUp(id: number, f: FollowUp): void;

  /** False when the manager's gaps for this week are already recorded. */
  saveDutyGaps(managerId: string, week: string, gaps: DutyGap[], at: number): boolean;
  dutyGapsForWeek(week: string): { managerId: string; gaps: DutyGap[] }[];

  runFinished(week: string): boolean;
  markRunFinished(week: string, at: number): void;

  /** Reviews (with KPI results) of these people submitted at or after `since`, oldest first, by person. */
  reviewHistory(employeeIds: readonly string[], since: number): Map<string, ReviewFigures[]>;
  /** Leave overlapping [from, to] (calendar dates), with its kind. */
  leavesOverlapping(from: string, to: string): LeaveSpan[];
  /** Date held of the person's latest conversation (a shared or evidence note), or null. */
  lastConversationOn(personId: string): string | null;
  /**
   * The first conversation (shared or evidence note), planned conversation (not cancelled),
   * training plan or job adjustment about the person written by someone else at or after `since`.
   */
  firstFollowUp(personId: string, since: number): FollowUp | null;
}

/** Early warnings, read only. The methods of `WarningRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type WarningReader = Omit<WarningRepo, 'insert' | 'setFollowUp' | 'saveDutyGaps' | 'markRunFinished'>;
