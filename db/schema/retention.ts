import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { people } from './org.js';

/**
 * What `retention run` deleted: one row per deleted record, with the sha256 of its content (sealed
 * values opened), its id and the date it was recorded. The content is gone; a copy that turns up
 * later (a dossier, a backup) can still be matched against the hash.
 */
export const erasures = sqliteTable(
  'erasures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    sha256: text('sha256').notNull(),
    /** When the deleted record was made (epoch ms), if it said. */
    recordedAt: integer('recorded_at'),
    erasedAt: integer('erased_at').notNull(),
  },
  (t) => [index('erasures_person').on(t.personId)],
);
