import type { Person } from '../records.js';
import type { KpiResult, ReviewContent } from '../../domain/review.js';

export type { KpiResult, ReviewContent };

/** One review period of one department ("2026-W48"). */
export interface Cycle {
  id: number;
  department: string;
  cadence: 'weekly' | 'biweekly' | 'monthly';
  label: string;
  periodStart: string;
  periodEnd: string;
  openedAt: number;
  openedBy: string | null;
}

export type SlotStatus = 'pending' | 'submitted' | 'skipped';

/** A review one manager owes for one report in one cycle. */
export interface ReviewSlot {
  id: number;
  cycleId: number;
  managerId: string;
  employeeId: string;
  dueAt: number;
  status: SlotStatus;
  /** Highest reminder-ladder step already sent (-1 = none). */
  escalationLevel: number;
  /** When the next reminder-ladder step falls due (null: ladder finished or slot not pending). */
  nextReminderAt: number | null;
  digestSent: boolean;
}

/** A slot with its manager's timezone (null = config default), for the tick's local-time maths. */
export interface SlotWithZone extends ReviewSlot {
  managerTimezone: string | null;
}

/** A slot with the names a screen needs, so listing a team costs one query. */
export interface SlotView extends ReviewSlot {
  employeeName: string;
  managerName: string;
  department: string;
  cycleLabel: string;
  /** The employee's team channel, where the cycle's digest goes. */
  teamChannelSlack: string | null;
  teamChannelFeishu: string | null;
}

/** A submitted review: its content (declared by the domain's review rules) and where it belongs. */
export interface Review extends ReviewContent {
  id: number;
  slotId: number | null;
  kind: 'regular' | 'reassessment';
  trainingPlanId: number | null;
  employeeId: string;
  authorId: string;
  jobId: string;
  kpiVersion: number;
  periodLabel: string;
  submittedAt: number;
  amendedAt: number | null;
}

export type NewReview = Omit<Review, 'id' | 'amendedAt' | 'trainingPlanId' | 'kind'> & {
  kind?: Review['kind'];
  trainingPlanId?: number | null;
};

/** Cycles, slots, reviews and amendments. Set-based where a cycle of 10,000 managers needs it. */
export interface ReviewRepo {
  cycle(id: number): Cycle | null;
  cycleFor(department: string, periodStart: string): Cycle | null;
  /** The most recent cycle of each department (or of one), newest first. */
  latestCycles(department?: string): Cycle[];
  /** Null if the department already has a cycle for that period (a concurrent opener won). */
  createCycle(c: Omit<Cycle, 'id'>): Cycle | null;
  /**
   * Departments of active people who have an active manager (the ones that get cycles), each with
   * the distinct timezones of those managers (null = config default). One query; the tick runs it.
   */
  departmentZones(): { department: string; timezones: (string | null)[] }[];
  /** Active people of a department with their active manager, one query. */
  reportsWithManagers(department: string): { employee: Person; manager: Person }[];
  /** Ids of people on leave on a calendar date, one query. */
  onLeaveOn(date: string): Set<string>;
  /** Active holders of a job. */
  holdersOfJob(jobId: string): Person[];
  /**
   * Batched insert; an existing (cycle, employee) slot is left alone. Returns rows inserted.
   * `nextReminderAt` is the first ladder step's instant; left out, it is the due time, which is
   * always safe: the tick then works out the real next step when it first looks at the slot.
   */
  insertSlots(
    slots: { cycleId: number; managerId: string; employeeId: string; dueAt: number; nextReminderAt?: number | null }[],
  ): number;

  slot(id: number): ReviewSlot | null;
  slotViews(filter: { cycleId?: number; managerId?: string; ids?: number[] }): SlotView[];
  /** The manager's pending slots across cycles, earliest due first. */
  pendingSlotsOf(managerId: string): SlotView[];
  /** Only moves pending → submitted (and clears its next reminder); false if it was not pending. */
  markSlotSubmitted(id: number): boolean;
  /** Pending slots whose next reminder step is due at or before `now` (index: status, next_reminder_at). */
  reminderDueSlots(now: number): SlotWithZone[];
  /**
   * Records the ladder step reached; `nextReminderAt`, when given, is the next step's instant
   * (null = ladder finished). Left out, the stored next reminder is kept.
   */
  setEscalationLevel(ids: number[], level: number, nextReminderAt?: number | null): void;
  /** Slots due at or before `now` whose channel digest is not sent yet (index: digest_sent, due_at). */
  digestCandidates(now: number): SlotWithZone[];
  markDigestSent(ids: number[]): void;

  insertReview(r: NewReview): Review;
  review(id: number): Review | null;
  reviewBySlot(slotId: number): Review | null;
  /** Reviews of one employee, newest first. */
  reviewsOf(employeeId: string): Review[];
  /** Rewrites the content and records the amendment (before/after) in one go. Returns its id. */
  amendReview(id: number, a: { authorId: string; reason: string; after: ReviewContent; at: number }): number;
  amendments(
    reviewId: number,
  ): { id: number; authorId: string; reason: string; before: ReviewContent; after: ReviewContent; createdAt: number }[];
}
