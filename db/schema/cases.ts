import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { people } from './org.js';
import { sealedText, type Sealed } from '../sealed.js';

/** A dismissal case: a persisted state machine over the steps of the policy it was opened under. */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    employeeId: text('employee_id')
      .notNull()
      .references(() => people.id),
    openedBy: text('opened_by')
      .notNull()
      .references(() => people.id),
    reasonKind: text('reason_kind', { enum: ['performance', 'mutual', 'misconduct'] }).notNull(),
    reasonText: sealedText('reason_text')
      .notNull()
      .default('' as Sealed),
    policyId: text('policy_id').notNull(),
    policyVersion: text('policy_version').notNull(),
    /** The full policy as evaluated when the case opened; the dossier quotes it. */
    policySnapshot: text('policy_snapshot', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['open', 'closed', 'withdrawn'] })
      .notNull()
      .default('open'),
    /** Index into the policy's ordered steps of the next step to complete. */
    stepIndex: integer('step_index').notNull().default(0),
    /** For a step every listed role must confirm (a meeting): role → person id, reset per step. */
    confirmations: text('confirmations', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    /** Computed notice and severance, once the notice step is done. */
    settlement: text('settlement', { mode: 'json' }),
    openedAt: integer('opened_at').notNull(),
    closedAt: integer('closed_at'),
  },
  // cases_employee_status: "this employee's open cases", asked on every evidence write.
  (t) => [
    index('cases_employee').on(t.employeeId),
    index('cases_status').on(t.status),
    index('cases_employee_status').on(t.employeeId, t.status),
  ],
);

/** The case timeline: every step completed, refused, or withdrawn, with who and when. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    step: text('step').notNull(),
    actorId: text('actor_id')
      .notNull()
      .references(() => people.id),
    outcome: text('outcome', { enum: ['done', 'refused', 'withdrawn', 'note'] }).notNull(),
    /** JSON, sealed: a refusal's or withdrawal's comment is in here. */
    detail: sealedText('detail').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('case_events_case').on(t.caseId)],
);

/** Art. 42-style protected statuses recorded by HR; they block a case at open and before notice. */
export const protectedStatuses = sqliteTable('protected_statuses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  personId: text('person_id')
    .notNull()
    .references(() => people.id),
  kind: text('kind').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on'),
  note: sealedText('note')
    .notNull()
    .default('' as Sealed),
  /** The statute or regulation behind an "other statutory protection" (Art. 42(6)). */
  citation: text('citation').notNull().default(''),
  recordedBy: text('recorded_by')
    .notNull()
    .references(() => people.id),
  createdAt: integer('created_at').notNull(),
});
