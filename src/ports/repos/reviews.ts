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
  /** 'opening' while a large cycle's slots are still being written in chunks. */
  status: 'opening' | 'open';
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
  /**
   * The week of the nudge listing this slot (`nudge:<week>:<manager>`), null until it is in one;
   * 'legacy' for slots from before nudges were merged (their nudge is keyed by the cycle).
   */
  nudgeWeek: string | null;
}

/** A slot with its manager's timezone (null = config default), for the tick's local-time maths. */
export interface SlotWithZone extends ReviewSlot {
  managerTimezone: string | null;
}

/** A slot with the names a screen needs, so listing a team costs one query. */
export interface SlotView extends ReviewSlot {
  employeeName: string;
  managerName: string;
  /** The manager as a reader of the nudge (null = config default). */
  managerLocale: Person['locale'];
  managerTimezone: string | null;
  department: string;
  cycleLabel: string;
  /** The employee's team channel, where the cycle's digest goes. */
  teamChannelSlack: string | null;
  teamChannelFeishu: string | null;
}

/** Slots due at one instant in one manager zone (null = config default) whose digest is not sent. */
export interface DigestDueGroup {
  cycleId: number;
  dueAt: number;
  managerTimezone: string | null;
}

/**
 * A slot as its team channel's digest counts it. `channel` is the digest's key: the employee's
 * Slack team channel, else their Feishu one, else the local workspace's `team:<department>`.
 */
export interface DigestSlot extends SlotView {
  channel: string;
  /** The employee as a reader of the channel (null = config default); the manager's is `managerLocale`. */
  employeeLocale: Person['locale'];
}

/** A manager's slot in the latest cycle of its department, as `/review status` lists it. */
export interface LatestCycleSlot {
  cycleId: number;
  department: string;
  periodLabel: string;
  employeeName: string;
  status: SlotStatus;
  dueAt: number;
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

/** A reply to a disputed review, kept verbatim in the record and shown to the employee. */
export interface ReviewReply {
  id: number;
  reviewId: number;
  authorId: string;
  body: string;
  createdAt: number;
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
  createCycle(c: Omit<Cycle, 'id' | 'status'> & { status?: Cycle['status'] }): Cycle | null;
  /** Cycles whose slots are still being written (`status = 'opening'`), oldest first. */
  openingCycles(): Cycle[];
  markCycleOpen(id: number): void;
  /** The managers with slots in a cycle (sorted) and how many slots it has. */
  cycleSize(cycleId: number): { managerIds: string[]; slots: number };
  /**
   * Departments of active people who have an active manager (the ones that get cycles), each with
   * the distinct timezones of those managers (null = config default). One query; the tick runs it.
   */
  departmentZones(): { department: string; timezones: (string | null)[] }[];
  /** Active people of a department with their active manager (only these managers' when given), one query. */
  reportsWithManagers(department: string, managerIds?: string[]): { employee: Person; manager: Person }[];
  /** Ids of the active managers of a department's active people, sorted: a cycle is filled in chunks of them. */
  rosterManagers(department: string): string[];
  /** Number of active people of a department with an active manager (the reviews a cycle would hold). */
  rosterSize(department: string): number;
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
    slots: {
      cycleId: number;
      managerId: string;
      employeeId: string;
      dueAt: number;
      nextReminderAt?: number | null;
      /** The nudge already listing the slot (history imported as it happened); in none when absent. */
      nudgeWeek?: string | null;
    }[],
  ): number;

  slot(id: number): ReviewSlot | null;
  /**
   * Slots with names, earliest due first. `unnudged`: pending slots of open cycles that are in no
   * nudge yet; `nudgeWeeks`: slots listed in those weeks' nudges.
   */
  slotViews(filter: {
    cycleId?: number;
    managerId?: string;
    managerIds?: string[];
    ids?: number[];
    nudgeWeeks?: string[];
    unnudged?: boolean;
  }): SlotView[];
  /** Up to `limit` managers (in no set order) with pending slots of open cycles that are in no nudge yet. */
  managersToNudge(limit: number): string[];
  /** Records the week of the nudge that now lists these slots. */
  setNudgeWeek(ids: number[], week: string): void;
  /**
   * The manager's slots in the latest cycle of each department (one query for every department),
   * by department, then earliest due and name.
   */
  latestCycleSlotsOf(managerId: string): LatestCycleSlot[];
  /** The manager's pending slots across cycles, earliest due first. */
  pendingSlotsOf(managerId: string): SlotView[];
  /** Only moves pending → submitted (and clears its next reminder); false if it was not pending. */
  markSlotSubmitted(id: number): boolean;
  /**
   * Pending slots whose next reminder step is due at or before `now` (index: status,
   * next_reminder_at), of these managers only when given.
   */
  reminderDueSlots(now: number, managerIds?: string[]): SlotWithZone[];
  /** Up to `limit` managers (in no set order) with a pending slot whose next reminder step is due. */
  reminderDueManagers(now: number, limit: number): string[];
  /**
   * Records the ladder step reached; `nextReminderAt`, when given, is the next step's instant
   * (null = ladder finished). Left out, the stored next reminder is kept.
   */
  setEscalationLevel(ids: number[], level: number, nextReminderAt?: number | null): void;
  /**
   * The (cycle, due time, manager zone) groups of slots due at or before `now` whose channel digest
   * is not sent yet (index: digest_sent, due_at): a few rows however large the cycle, so the tick
   * works out which due times have passed `digestAfter` in which zone without reading every slot.
   */
  digestDueGroups(now: number): DigestDueGroup[];
  /**
   * Up to `limit` team channels (their digest key, see `DigestSlot.channel`; in no set order) with a
   * slot of this group whose digest is not sent yet.
   */
  digestChannelsDue(group: DigestDueGroup, limit: number): string[];
  /** Every slot of the cycle in these team channels (sent or not), with its channel key. */
  digestSlots(cycleId: number, channels: string[]): DigestSlot[];
  markDigestSent(ids: number[]): void;

  insertReview(r: NewReview): Review;
  review(id: number): Review | null;
  reviewBySlot(slotId: number): Review | null;
  /** Reviews of one employee, newest first. */
  reviewsOf(employeeId: string): Review[];
  /**
   * Records a correction as an amendment (before: the review as it read; after: the correction).
   * The review row and its KPI results are not rewritten: readers show the latest amendment.
   */
  amendReview(id: number, a: { authorId: string; reason: string; after: ReviewContent; at: number }): number;
  addReply(r: Omit<ReviewReply, 'id'>): ReviewReply;
  /** Replies to these reviews, oldest first. */
  repliesTo(reviewIds: number[]): ReviewReply[];
  amendments(
    reviewId: number,
  ): { id: number; authorId: string; reason: string; before: ReviewContent; after: ReviewContent; createdAt: number }[];
}

/** Cycles and reviews, read only. The methods of `ReviewRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type ReviewReader = Omit<
  ReviewRepo,
  | 'createCycle'
  | 'markCycleOpen'
  | 'insertSlots'
  | 'setNudgeWeek'
  | 'markSlotSubmitted'
  | 'setEscalationLevel'
  | 'markDigestSent'
  | 'insertReview'
  | 'amendReview'
  | 'addReply'
>;
