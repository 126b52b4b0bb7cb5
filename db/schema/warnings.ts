import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people } from './org.js';

/**
 * Early warnings (issue 15): one row per person per week a rule fired, with the signals and their
 * data points as they were that week, the suggested step, and what the manager did next. Never
 * evidence: no case, dossier or gate reads this table.
 */
export const warnings = sqliteTable(
  'warnings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    /** The direct manager the warning went to. */
    managerId: text('manager_id')
      .notNull()
      .references(() => people.id),
    department: text('department').notNull(),
    /** ISO week of the run ("2026-W12"), in the organisation's zone. */
    week: text('week').notNull(),
    raisedAt: integer('raised_at').notNull(),
    /** PersonSignal[] (src/domain/warning/types.ts), data points included. */
    signals: text('signals', { mode: 'json' }).notNull(),
    /** Suggestion: training with KPI keys, or a conversation with its purpose. */
    suggestion: text('suggestion', { mode: 'json' }).notNull(),
    /** What the manager chain did next: a conversation (held or planned), a training plan or a job adjustment. */
    followUpKind: text('follow_up_kind', {
      enum: ['conversation', 'planned_conversation', 'training_plan', 'job_adjustment'],
    }),
    followUpId: text('follow_up_id'),
    followUpAt: integer('follow_up_at'),
  },
  (t) => [
    uniqueIndex('warnings_person_week').on(t.personId, t.week),
    index('warnings_week').on(t.week),
    index('warnings_raised').on(t.raisedAt),
  ],
);

/** A manager's duty gaps found in a weekly run, for HR's digest and the record. */
export const dutyGapRuns = sqliteTable(
  'duty_gaps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    managerId: text('manager_id')
      .notNull()
      .references(() => people.id),
    week: text('week').notNull(),
    /** DutyGap[] (src/domain/warning/types.ts). */
    gaps: text('gaps', { mode: 'json' }).notNull(),
    foundAt: integer('found_at').notNull(),
  },
  (t) => [uniqueIndex('duty_gaps_manager_week').on(t.managerId, t.week)],
);

/** Weeks whose warning run finished: the scheduler runs a week once, and catches up after downtime. */
export const warningRuns = sqliteTable('warning_runs', {
  week: text('week').primaryKey(),
  finishedAt: integer('finished_at').notNull(),
});
