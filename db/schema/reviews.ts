import { sqliteTable, text, integer, real, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { people, jobs } from './org.js';
import { sealedText, type Sealed } from '../sealed.js';

/** One review period for one department ("2026-W48" for weekly cadence). */
export const cycles = sqliteTable(
  'cycles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    department: text('department').notNull(),
    cadence: text('cadence', { enum: ['weekly', 'biweekly', 'monthly'] }).notNull(),
    label: text('label').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    openedAt: integer('opened_at').notNull(),
    openedBy: text('opened_by'),
    /**
     * 'opening' while a large cycle's slots are written in chunks (the tick resumes it after a
     * restart); 'open' once every slot is in. Cycles from before chunked opening are 'open'.
     */
    status: text('status', { enum: ['opening', 'open'] })
      .notNull()
      .default('open'),
  },
  (t) => [uniqueIndex('cycles_department_period').on(t.department, t.periodStart)],
);

/** A review owed by one manager for one report in one cycle. Due time is in the manager's zone. */
export const reviewSlots = sqliteTable(
  'review_slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id),
    managerId: text('manager_id')
      .notNull()
      .references(() => people.id),
    employeeId: text('employee_id')
      .notNull()
      .references(() => people.id),
    dueAt: integer('due_at').notNull(),
    status: text('status', { enum: ['pending', 'submitted', 'skipped'] })
      .notNull()
      .default('pending'),
    /** Highest reminder-ladder step already sent (-1 = none). */
    escalationLevel: integer('escalation_level').notNull().default(-1),
    /**
     * When the tick must next look at this slot for the reminder ladder: the instant of the next
     * step not yet sent (manager-local, DST-correct), or null when the ladder is done or the slot is
     * no longer pending. Stored so an idle tick reads only slots with work due, not every overdue one.
     */
    nextReminderAt: integer('next_reminder_at'),
    digestSent: integer('digest_sent', { mode: 'boolean' }).notNull().default(false),
    /**
     * The week (`2026-W48`, in the manager's zone when nudged) of the one nudge that lists this slot,
     * whose key is `nudge:<week>:<manager>`; null until the slot is in a nudge. Slots from before
     * nudges were merged per manager and week are 'legacy': their nudge is keyed by the cycle.
     */
    nudgeWeek: text('nudge_week').default('legacy'),
  },
  (t) => [
    uniqueIndex('slots_cycle_employee').on(t.cycleId, t.employeeId),
    index('slots_manager_status').on(t.managerId, t.status),
    index('slots_status_due').on(t.status, t.dueAt),
    /** The tick's reminder scan: pending slots whose next ladder step is due. */
    index('slots_status_next_reminder').on(t.status, t.nextReminderAt),
    /** The tick's digest scan: slots past due whose channel digest is not sent yet. */
    index('slots_digest_due').on(t.digestSent, t.dueAt),
    /** The nudge step's scan (slots not in a nudge yet) and a manager's weekly nudge. */
    index('slots_manager_nudge_week').on(t.managerId, t.nudgeWeek),
    index('slots_nudge_week_status').on(t.nudgeWeek, t.status),
  ],
);

export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slotId: integer('slot_id').references(() => reviewSlots.id),
    kind: text('kind', { enum: ['regular', 'reassessment'] })
      .notNull()
      .default('regular'),
    /** Set for a reassessment that closes a training plan or job adjustment. */
    trainingPlanId: integer('training_plan_id'),
    employeeId: text('employee_id')
      .notNull()
      .references(() => people.id),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id),
    kpiVersion: integer('kpi_version').notNull(),
    periodLabel: text('period_label').notNull(),
    rating: integer('rating').notNull(),
    strengths: sealedText('strengths')
      .notNull()
      .default('' as Sealed),
    improvement: sealedText('improvement')
      .notNull()
      .default('' as Sealed),
    comment: sealedText('comment')
      .notNull()
      .default('' as Sealed),
    belowTarget: integer('below_target', { mode: 'boolean' }).notNull(),
    submittedAt: integer('submitted_at').notNull(),
    amendedAt: integer('amended_at'),
  },
  (t) => [uniqueIndex('reviews_slot').on(t.slotId), index('reviews_employee_time').on(t.employeeId, t.submittedAt)],
);

/** KPI definition is copied into the result so a later KPI change never rewrites history. */
export const reviewKpiResults = sqliteTable(
  'review_kpi_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id),
    kpiKey: text('kpi_key').notNull(),
    kpiName: text('kpi_name').notNull(),
    unit: text('unit').notNull(),
    target: real('target').notNull(),
    direction: text('direction', { enum: ['higher', 'lower'] }).notNull(),
    actual: real('actual').notNull(),
    met: integer('met', { mode: 'boolean' }).notNull(),
    /** The figure a data feed gave for the period when the form was submitted, and its source. */
    importedValue: real('imported_value'),
    importedSource: text('imported_source'),
    /** Why the manager's figure differs from the feed's (or was typed for a feed KPI with no figure). */
    changeReason: sealedText('change_reason'),
  },
  (t) => [uniqueIndex('results_review_kpi').on(t.reviewId, t.kpiKey)],
);

/**
 * A submitted review changes only through an amendment, which keeps the before/after. The review
 * row and its KPI results stay as submitted; readers show the latest amendment's `after`.
 */
export const reviewAmendments = sqliteTable(
  'review_amendments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    reason: sealedText('reason').notNull(),
    /** JSON of the review content before and after, sealed. */
    before: sealedText('before').notNull(),
    after: sealedText('after').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('review_amendments_review').on(t.reviewId)],
);

/**
 * A manager's (or HR's) answer to an employee's dispute of a review: kept verbatim in the record,
 * shown to the employee. Never changes the review (that is an amendment).
 */
export const reviewReplies = sqliteTable(
  'review_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    body: sealedText('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('review_replies_review').on(t.reviewId)],
);

/**
 * The employee's response to anything recorded about them: a review, a note, a training plan,
 * a job adjustment, or a KPI set (subject id `<job>@<version>`). Disputes keep the comment verbatim;
 * a refusal names the witness and who recorded it.
 */
export const acknowledgments = sqliteTable(
  'acknowledgments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectType: text('subject_type', {
      enum: ['review', 'note', 'training_plan', 'job_adjustment', 'kpis', 'case', 'handbook', 'incident'],
    }).notNull(),
    subjectId: text('subject_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    state: text('state', { enum: ['acknowledged', 'disputed', 'refused'] }).notNull(),
    comment: sealedText('comment'),
    witnessId: text('witness_id').references(() => people.id),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('acks_subject_person').on(t.subjectType, t.subjectId, t.personId)],
);
