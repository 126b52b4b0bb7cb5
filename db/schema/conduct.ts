import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { people } from './org.js';
import { sealedText } from '../sealed.js';

/**
 * The employee handbook (员工手册), one row per section. A dismissal for a serious breach of the
 * rules (Art. 39(2)) needs the rule, and proof the employee knew it: an acknowledgment of a handbook
 * version (acknowledgments, subject `handbook`, id = the version) covers every section up to it.
 */
export const handbookRules = sqliteTable('handbook_rules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** As printed in the handbook: "4.2". */
  section: text('section').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** The handbook version this text first appeared in; adding or changing a section makes a new version. */
  version: integer('version').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => people.id),
  createdAt: integer('created_at').notNull(),
});

/**
 * A conduct incident: what happened, when, which handbook rule it breaks, and what evidence exists.
 * The employee's written statement (or a refusal before a witness) is their acknowledgment of it.
 */
export const incidents = sqliteTable(
  'incidents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    ruleId: integer('rule_id').references(() => handbookRules.id),
    occurredOn: text('occurred_on').notNull(),
    /** Sealed (db/sealed.ts), as is every `sealedText` column. */
    description: sealedText('description').notNull(),
    /** The evidence held (documents, footage, witnesses), as described by the person who recorded it. */
    evidence: sealedText('evidence').notNull(),
    reportedBy: text('reported_by')
      .notNull()
      .references(() => people.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('incidents_person').on(t.personId)],
);
