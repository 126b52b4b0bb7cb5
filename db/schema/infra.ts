import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { sealedText } from '../sealed.js';

/**
 * Every outgoing message, one row per platform delivery, written in the same transaction as the
 * change that caused it. `key` is the idempotency key: enqueueing the same key twice is a no-op.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: ['slack', 'feishu', 'local'] }).notNull(),
    key: text('key').notNull(),
    op: text('op', { enum: ['post', 'update', 'upload'] }).notNull(),
    /** Platform address: a user id (DM) or a channel id. */
    address: text('address').notNull(),
    /** For op=update: the key of the earlier post to edit. For a thread reply: the root's key. */
    targetKey: text('target_key'),
    threadKey: text('thread_key'),
    locale: text('locale').notNull(),
    /** The neutral message (src/ui/model.ts), rendered by the platform's sender at send time. */
    /** Sealed JSON: messages quote notes, comments and dossiers. */
    payload: sealedText('payload').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** Platform reference of the delivered message: Slack "channel:ts", Feishu message_id. */
    sentRef: text('sent_ref'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    /**
     * Wall-clock ms (the platform's clock, not the app clock) of the first attempt that may have
     * reached the platform and is not yet resolved. Reconciliation looks for the message from here on.
     */
    sendingSince: integer('sending_since'),
    /** App-clock ms of the first transient failure in the current run of failures (the retry window). */
    failingSince: integer('failing_since'),
    /** App-clock ms when the row was set aside as failed (for `outbox status` and the HR alert). */
    failedAt: integer('failed_at'),
    /**
     * On a post: its current content is a message people act on for weeks (`Message.lasting`), so a
     * platform whose cards stop answering (Feishu: 14 days) sends it again as a fresh card in time.
     */
    lasting: integer('lasting', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('outbox_platform_key').on(t.platform, t.key),
    index('outbox_pending').on(t.platform, t.status, t.nextAttemptAt),
    /** In-place edits find the target's earlier updates (fold, sequence) without scanning the log. */
    index('outbox_target').on(t.platform, t.targetKey),
    /** The latest message delivered to a destination (Feishu: its chat id, to look for a lost send). */
    index('outbox_address').on(t.platform, t.address, t.id),
    /** The sender's queue in id order: due() walks it oldest first and stops at its limit. */
    index('outbox_queue')
      .on(t.platform, t.id)
      .where(sql`status IN ('pending', 'sending')`),
    /** Posts that must stay actionable, for the card renewal (a few: open cases, pending acknowledgments). */
    index('outbox_lasting')
      .on(t.platform, t.sentAt)
      .where(sql`lasting = 1`),
    /** The same per destination: its oldest waiting row, and which destinations have a backlog. */
    index('outbox_queue_address')
      .on(t.platform, t.address, t.id)
      .where(sql`status IN ('pending', 'sending')`),
  ],
);

/**
 * Inbound deliveries already handled; the primary key makes retries no-ops. Pruned once older than
 * any replay the adapters still accept (their signatures and timestamps refuse older ones).
 */
export const processedEvents = sqliteTable(
  'processed_events',
  {
    key: text('key').primaryKey(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [index('processed_events_received').on(t.receivedAt)],
);

/**
 * The first answer to each form submission, by a key the adapter derives from what the platform
 * sends (Slack view id + hash, Feishu card message + values, the local form's instance token): the
 * same submission sent again (a double click, a retrying proxy, a replay) gets this answer back and
 * writes nothing. Pruned after a day.
 */
export const formSubmissions = sqliteTable(
  'form_submissions',
  {
    key: text('key').primaryKey(),
    actorId: text('actor_id').notNull(),
    /** The neutral Reply (src/ui/model.ts) the first submission got. */
    reply: text('reply', { mode: 'json' }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('form_submissions_at').on(t.at)],
);

/**
 * Append-only, hash-chained: hash = sha256(prevHash + canonical row). With DANDANG_AUDIT_KEY each
 * row also carries `mac` = HMAC(key, id, hash), and `meta['audit.head']` holds the signed head
 * (last id, rows ever written, head hash). See src/domain/audit-chain.ts and docs/security.md.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    detail: text('detail').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** HMAC-SHA256 of (id, hash) with DANDANG_AUDIT_KEY; null when no key was configured. */
    mac: text('mac'),
  },
  (t) => [index('audit_subject').on(t.subjectType, t.subjectId)],
);

/**
 * A daily checkpoint of the audit log: the head hash and row count on that day, signed, and posted
 * to the HR channel where the database cannot rewrite it. `audit verify` checks each one.
 */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Calendar day in the configured timezone: one checkpoint a day. */
    day: text('day').notNull(),
    at: integer('at').notNull(),
    /** The last audit row the checkpoint covers, how many rows there were up to it, and its hash. */
    uptoId: integer('upto_id').notNull(),
    rowCount: integer('row_count').notNull(),
    headHash: text('head_hash').notNull(),
    mac: text('mac'),
  },
  (t) => [uniqueIndex('audit_checkpoints_day').on(t.day)],
);

/** Small key/value state for the scheduler (last tick) and similar singletons. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Forms shown in Feishu cards, by a hash of the form, so a rejected submission can be shown again
 * with its errors (the card's submit button carries only the key). Sealed like the outbox: a form
 * may hold pre-filled text. Kept past a card's 14-day life, then pruned.
 */
export const formSnapshots = sqliteTable(
  'form_snapshots',
  {
    key: text('key').primaryKey(),
    form: sealedText('form').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('form_snapshots_created').on(t.createdAt)],
);
