import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { people, jobs } from './org.js';
import { reviews } from './reviews.js';
import { sealedText } from '../sealed.js';

/** A documented conversation. A private note is readable by its author only. */
export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', {
      enum: [
        'one_on_one',
        'feedback',
        'formal_warning',
        'pip_kickoff',
        'pip_check_in',
        'improvement_note',
        'first_written_warning',
        'final_written_warning',
        'hearing_invitation',
      ],
    }).notNull(),
    heldOn: text('held_on').notNull(),
    /** Sealed (db/sealed.ts), as is every `sealedText` column. */
    discussion: sealedText('discussion').notNull(),
    kpiKeys: text('kpi_keys', { mode: 'json' }).$type<string[]>().notNull(),
    nextCheckIn: text('next_check_in'),
    /** What the note states beyond its text: a PIP's length, a warning's review period, a hearing (NoteTerms). */
    terms: text('terms', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    visibility: text('visibility', { enum: ['private', 'shared', 'evidence'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('notes_person').on(t.personId)],
);

export const noteActions = sqliteTable(
  'note_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    noteId: integer('note_id')
      .notNull()
      .references(() => notes.id),
    description: sealedText('description').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => people.id),
    dueOn: text('due_on').notNull(),
    doneAt: integer('done_at'),
    remindedAt: integer('reminded_at'),
  },
  // The minute tick looks for unreminded actions past due: a range scan, not a table scan.
  (t) => [index('note_actions_note').on(t.noteId), index('note_actions_remind').on(t.remindedAt, t.dueOn)],
);

/** A training plan tied to the KPIs the person is missing. */
export const trainingPlans = sqliteTable(
  'training_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id),
    kpiVersion: integer('kpi_version').notNull(),
    kpiKeys: text('kpi_keys', { mode: 'json' }).$type<string[]>().notNull(),
    goal: sealedText('goal').notNull(),
    content: sealedText('content').notNull(),
    trainer: text('trainer').notNull(),
    trainerId: text('trainer_id').references(() => people.id),
    expectedResult: sealedText('expected_result').notNull(),
    status: text('status', { enum: ['active', 'completed'] })
      .notNull()
      .default('active'),
    completedAt: integer('completed_at'),
    /** When the manager was sent "the last session has ended: mark the plan complete". */
    completionPromptedAt: integer('completion_prompted_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('training_person').on(t.personId),
    index('training_completion_prompt').on(t.status, t.completionPromptedAt),
  ],
);

export const trainingSessions = sqliteTable(
  'training_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => trainingPlans.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    location: text('location').notNull(),
    /** When the employee was sent the Sign in (签到) prompt for this session's window. */
    promptedAt: integer('prompted_at'),
  },
  (t) => [index('sessions_plan').on(t.planId), index('sessions_prompt').on(t.promptedAt, t.startsAt)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['present', 'absent'] }).notNull(),
    method: text('method', { enum: ['sign_in', 'marked'] }).notNull(),
    reason: sealedText('reason'),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: integer('created_at').notNull(),
  },
  // Append-only: a correction (a mark that replaces a sign-in or an earlier mark) is a new row, and
  // the latest row per (session, person) is the record. The history stays for the dossier.
  (t) => [index('attendance_session_person').on(t.sessionId, t.personId)],
);

/** 调岗: the other remedy Art. 40(2) accepts. Later reviews use the new job's KPIs. */
export const jobAdjustments = sqliteTable(
  'job_adjustments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    fromJobId: text('from_job_id')
      .notNull()
      .references(() => jobs.id),
    toJobId: text('to_job_id')
      .notNull()
      .references(() => jobs.id),
    /** The stated performance gap, verbatim. */
    reason: sealedText('reason').notNull(),
    /**
     * Why the job was changed. Only `performance` is the remedy Art. 40(2) accepts; a restructuring
     * (a department dissolved) is not. Rows from before this column default to `other`: they do not count.
     */
    basis: text('basis', { enum: ['performance', 'restructuring', 'other'] })
      .notNull()
      .default('other'),
    /** The missed KPIs of the old job the reason names; the reason must name a gap (KPIs or text). */
    kpiKeys: text('kpi_keys', { mode: 'json' }).$type<string[]>().notNull().default([]),
    effectiveOn: text('effective_on').notNull(),
    /** When the person's job was actually switched (on or after the effective date). */
    appliedAt: integer('applied_at'),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('job_adjustments_person').on(t.personId), index('job_adjustments_due').on(t.appliedAt, t.effectiveOn)],
);

/**
 * A conversation planned between a manager (the organizer) and an employee, e.g. after a disputed
 * review or a missed KPI: both get it with a calendar file, and a reminder before it; once it is
 * over the organizer is asked to record the note, which is then linked here.
 */
export const plannedConversations = sqliteTable(
  'planned_conversations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    organizerId: text('organizer_id')
      .notNull()
      .references(() => people.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    location: text('location').notNull().default(''),
    /** An https link checked when it was typed (src/domain/meeting-url.ts): shown as a link. */
    meetingUrl: text('meeting_url'),
    agenda: sealedText('agenda').notNull(),
    kpiKeys: text('kpi_keys', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The disputed review it answers, if any. */
    reviewId: integer('review_id').references(() => reviews.id),
    status: text('status', { enum: ['planned', 'recorded', 'cancelled'] })
      .notNull()
      .default('planned'),
    reminderSentAt: integer('reminder_sent_at'),
    notePromptedAt: integer('note_prompted_at'),
    noteId: integer('note_id').references(() => notes.id),
    /** Its calendar file's SEQUENCE: 0 as planned, one more with each reschedule and the cancellation. */
    sequence: integer('sequence').notNull().default(0),
    /** When the organizer last rescheduled or cancelled it (the later calendar file's DTSTAMP). */
    changedAt: integer('changed_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('conversations_person').on(t.personId),
    index('conversations_review').on(t.reviewId),
    /** The tick's scans: a reminder due before the start, the note prompt after the end. */
    index('conversations_remind').on(t.status, t.reminderSentAt, t.startsAt),
    index('conversations_note_prompt').on(t.status, t.notePromptedAt, t.endsAt),
  ],
);
