import { sqliteTable, text, integer, real, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { sealedText, type Sealed } from '../sealed.js';

/** Timestamps are epoch milliseconds (UTC); calendar dates are 'YYYY-MM-DD' text. */

export const jobs = sqliteTable('jobs', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  duties: text('duties').notNull().default(''),
  requirements: text('requirements').notNull().default(''),
  /** Bumped whenever the KPI set changes; 0 means "no KPIs defined yet". */
  kpiVersion: integer('kpi_version').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});

/** KPI rows are never updated in place: a changed set is written as a new version. */
export const kpis = sqliteTable(
  'kpis',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id),
    version: integer('version').notNull(),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    target: real('target').notNull(),
    direction: text('direction', { enum: ['higher', 'lower'] }).notNull(),
    /** The range a review's figure must fall in, when the KPI declares one (src/domain/kpi.ts). */
    min: real('min'),
    max: real('max'),
    /** `feed` when the figure is expected from a data feed (`kpi import`, the API), not typed. */
    source: text('source', { enum: ['manual', 'feed'] })
      .notNull()
      .default('manual'),
  },
  (t) => [uniqueIndex('kpis_job_version_key').on(t.jobId, t.version, t.key)],
);

export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    managerId: text('manager_id'),
    department: text('department').notNull(),
    jobId: text('job_id').references(() => jobs.id),
    role: text('role', { enum: ['employee', 'hr', 'admin'] })
      .notNull()
      .default('employee'),
    slackId: text('slack_id'),
    feishuOpenId: text('feishu_open_id'),
    locale: text('locale'),
    timezone: text('timezone'),
    hireDate: text('hire_date'),
    teamChannelSlack: text('team_channel_slack'),
    teamChannelFeishu: text('team_channel_feishu'),
    /** Average monthly wage of the last 12 months, for severance; entered by HR. */
    monthlyWage: real('monthly_wage'),
    /** The wage of the month before termination: pay in lieu of notice (实施条例 Art. 20); entered by HR. */
    previousMonthWage: real('previous_month_wage'),
    /** For Art. 42(5) (near statutory retirement). */
    birthDate: text('birth_date'),
    /** The statutory retirement age that applied before the 2025 reform (src/domain/policy/retirement.ts). */
    retirementBasis: text('retirement_basis', { enum: ['male_60', 'female_55', 'female_50'] }),
    /** The person's HR business partner (a person id, HR or admin): told of the person's disputes. */
    hrPartnerId: text('hr_partner_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** When the person became inactive (terminated): the retention period counts from here. */
    inactiveSince: integer('inactive_since'),
    /** When `retention run` deleted the personal content of their records (null: not yet, or re-hired). */
    erasedAt: integer('erased_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('people_email').on(t.email),
    index('people_manager').on(t.managerId),
    index('people_slack').on(t.slackId),
    index('people_feishu').on(t.feishuOpenId),
  ],
);

export const leaves = sqliteTable(
  'leaves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    reason: sealedText('reason')
      .notNull()
      .default('' as Sealed),
    /**
     * annual, personal, sick, medical, maternity, … (src/domain/warning/leave-kinds.ts). Protected
     * kinds, and `unspecified` (a leave imported without one), never count as an absence pattern.
     */
    kind: text('kind').notNull().default('unspecified'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('leaves_person').on(t.personId), index('leaves_dates').on(t.startDate, t.endDate)],
);
