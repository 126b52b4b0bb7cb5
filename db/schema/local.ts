import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { sealedText } from '../sealed.js';

/**
 * The local web workspace's own "chat platform" storage: what its outbox sender delivered.
 * `conversation` is `dm:<personId>` for a DM with the bot, or a channel id (`hr`, `team:<department>`).
 * A thread reply points at its root with `threadId`. An update replaces `payload` in place.
 */
export const localMessages = sqliteTable(
  'local_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversation: text('conversation').notNull(),
    threadId: integer('thread_id'),
    locale: text('locale').notNull(),
    /** The neutral Message (src/ui/model.ts), or an upload { filename, title, content }. */
    payload: sealedText('payload').notNull(),
    kind: text('kind', { enum: ['message', 'upload'] })
      .notNull()
      .default('message'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('local_messages_conversation').on(t.conversation, t.id), index('local_messages_thread').on(t.threadId)],
);
