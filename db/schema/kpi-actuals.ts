import { sqliteTable, text, integer, real, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { people } from './org.js';

/**
 * KPI figures from the company's systems (`kpi import`, POST /api/v1/kpi-actuals). One row per
 * person, KPI, period and source: the same row sent again replaces the figure (and its time), never
 * adds one. The review form offers the newest figure of its period; the review keeps its own copy.
 */
export const kpiActuals = sqliteTable(
  'kpi_actuals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    kpiKey: text('kpi_key').notNull(),
    /** The review period's label: `2026-W49`, `2026-W47/48` or `2026-12`. */
    period: text('period').notNull(),
    value: real('value').notNull(),
    /** The system it came from, as the feed names it ("erp", "salesforce"). */
    source: text('source').notNull(),
    /** When we received the current figure (not a date the feed states). */
    recordedAt: integer('recorded_at').notNull(),
    /** Who sent it: the CLI's operator or the API (`api`). */
    via: text('via', { enum: ['csv', 'api'] }).notNull(),
  },
  (t) => [
    uniqueIndex('kpi_actuals_identity').on(t.personId, t.kpiKey, t.period, t.source),
    index('kpi_actuals_person_period').on(t.personId, t.period),
  ],
);
