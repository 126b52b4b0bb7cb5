import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { people } from './org.js';
import { sealedText } from '../sealed.js';

/**
 * A file attached to an evidence record (issue 16). The bytes live once in the file store
 * (DANDANG_FILES), addressed by their SHA-256; this row says which record holds them, who attached
 * them and when. The hash is also in the audit chain (`file.attach`), so `audit verify` can prove
 * every stored file is present and unaltered. Rows are never updated; retention clears the name.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectType: text('subject_type', {
      enum: ['note', 'training_plan', 'training_session', 'review', 'job_adjustment', 'incident', 'case'],
    }).notNull(),
    subjectId: integer('subject_id').notNull(),
    /** The person the record is about: access follows theirs, and retention and the dossier find files by it. */
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    sha256: text('sha256').notNull(),
    /** The uploader's own name for the file; sealed, as a file name can say a lot. */
    name: sealedText('name').notNull(),
    /** Detected from the content, never taken from the name or the platform. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => people.id),
    /** Where it came from: slack, feishu, local. */
    via: text('via').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('attachments_subject').on(t.subjectType, t.subjectId),
    index('attachments_person').on(t.personId),
    index('attachments_sha').on(t.sha256),
  ],
);

/**
 * "Send the file now": a Feishu card cannot carry a file, so Attach file asks for it in the chat.
 * The next file the person sends the bot within a few minutes goes to this record. One per person.
 */
export const fileRequests = sqliteTable('file_requests', {
  personId: text('person_id')
    .primaryKey()
    .references(() => people.id),
  subjectType: text('subject_type').notNull(),
  subjectId: integer('subject_id').notNull(),
  askedAt: integer('asked_at').notNull(),
});
