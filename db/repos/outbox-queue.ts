import { busyAware } from '../busy.js';
/**
 * The sender's side of the outbox (OutboxQueue): which rows are due, and each row's state as its
 * attempts succeed, fail or may have been delivered. Statements are prepared once: the sender polls
 * on the same event loop as interactive requests.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../client.js';
import { outbox } from '../schema/index.js';
import { plaintextSealer, type Sealed, type Sealer } from '../sealed.js';
import type {
  FailedRow,
  OutboxQueue,
  OutboxRow,
  OutboxStats,
  RetryLater,
  UploadPayload,
} from '../../src/ports/outbox-queue.js';
import type { Locale, Platform } from '../../src/ports/records.js';
import type { Message } from '../../src/ui/model.js';

interface QueueRow {
  id: number;
  platform: Platform;
  key: string;
  op: OutboxRow['op'];
  address: string;
  target_key: string | null;
  thread_key: string | null;
  locale: string;
  payload: Sealed;
  attempts: number;
  status: 'pending' | 'sending';
  sending_since: number | null;
  failing_since: number | null;
}

/** A renewal's key: the post's key, this mark and a sequence number (see `queueRenewals`). */
const RENEWAL_MARK = '#renew';
const RENEWAL_KEY = /#renew\d+$/;

/** `keyPrefix` is matched literally: LIKE wildcards in it are escaped. */
const likePrefix = (prefix: string | undefined) => (prefix ? `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%');

/** `sealer` must be the connection's when a data key is configured (`conn.sealer`), to open payloads. */
export function makeOutboxQueue(db: Db, sealer: Sealer = plaintextSealer): OutboxQueue {
  const payloadOf = sealer.json(outbox.payload);
  // drizzle's documented handle on the driver; the `Db` alias in ../client.ts leaves it out of the type.
  const sqlite = (db as Db & { $client: Database.Database }).$client;
  // Walks the partial index outbox_queue (platform, id) in id order, so the cost is the rows it
  // passes over, not the whole backlog. Busy destinations are skipped here, not after the LIMIT,
  // so a thousand rows for one paced channel cannot hide the rows behind them.
  const dueStmt = sqlite.prepare<{ platform: string; now: number; limit: number; skip: string }, QueueRow>(
    `SELECT id, platform, key, op, address, target_key, thread_key, locale, payload, attempts, status,
            sending_since, failing_since
       FROM outbox INDEXED BY outbox_queue
      WHERE platform = @platform AND status IN ('pending', 'sending') AND next_attempt_at <= @now
        AND address NOT IN (SELECT value FROM json_each(@skip))
      ORDER BY id LIMIT @limit`,
  );
  const headStmt = sqlite.prepare<{ platform: string; address: string }, QueueRow & { next_attempt_at: number }>(
    `SELECT id, platform, key, op, address, target_key, thread_key, locale, payload, attempts, status,
            sending_since, failing_since, next_attempt_at
       FROM outbox INDEXED BY outbox_queue_address
      WHERE platform = @platform AND address = @address AND status IN ('pending', 'sending')
      ORDER BY id LIMIT 1`,
  );
  const backlogStmt = sqlite.prepare<{ platform: string; min: number; limit: number }, { address: string }>(
    `SELECT address FROM outbox INDEXED BY outbox_queue_address
      WHERE platform = @platform AND status IN ('pending', 'sending')
      GROUP BY address HAVING count(*) >= @min ORDER BY count(*) DESC LIMIT @limit`,
  );
  const refStmt = sqlite.prepare<[string, string], { ref: string | null; status: string }>(
    'SELECT sent_ref AS ref, status FROM outbox WHERE platform = ? AND key = ?',
  );
  const markSendingStmt = sqlite.prepare<{ id: number; at: number }>(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, sending_since = coalesce(sending_since, @at)
      WHERE id = @id`,
  );
  const markSentStmt = sqlite.prepare<{ id: number; ref: string; now: number }>(
    `UPDATE outbox SET status = 'sent', sent_ref = @ref, sent_at = @now, last_error = NULL,
            sending_since = NULL, failing_since = NULL
      WHERE id = @id`,
  );
  const retargetStmt = sqlite.prepare<{ platform: string; key: string; ref: string; freshAt: number | null }>(
    `UPDATE outbox SET sent_ref = @ref, sent_at = coalesce(@freshAt, sent_at)
      WHERE platform = @platform AND key = @key AND op = 'post' AND status = 'sent'`,
  );
  // Lasting posts sent (or last renewed) before the cutoff, walking the partial index outbox_lasting.
  // One with an edit still waiting is left for the next round (the edit goes first); one whose
  // renewal was set aside since it was last sent waits for `outbox retry` instead of piling up.
  const staleStmt = sqlite.prepare<
    { platform: string; before: number; limit: number },
    { key: string; address: string; locale: string; thread_key: string | null; payload: Sealed }
  >(
    `SELECT o.key, o.address, o.locale, o.thread_key, o.payload FROM outbox o INDEXED BY outbox_lasting
      WHERE o.platform = @platform AND o.lasting = 1 AND o.sent_at < @before AND o.op = 'post' AND o.status = 'sent'
        AND NOT EXISTS (
          SELECT 1 FROM outbox u WHERE u.platform = o.platform AND u.target_key = o.key
             AND (u.status IN ('pending', 'sending')
                  OR (u.status = 'failed' AND u.key LIKE '%#renew%' AND u.created_at >= o.sent_at)))
      ORDER BY o.sent_at LIMIT @limit`,
  );
  const latestContentStmt = sqlite.prepare<[string, string], { payload: Sealed; locale: string }>(
    `SELECT payload, locale FROM outbox WHERE platform = ? AND target_key = ? AND op = 'update' AND status = 'sent'
      ORDER BY id DESC LIMIT 1`,
  );
  const targetCountStmt = sqlite.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE platform = ? AND target_key = ?',
  );
  const insertRenewalStmt = sqlite.prepare<{
    platform: string;
    key: string;
    address: string;
    targetKey: string;
    threadKey: string | null;
    locale: string;
    payload: Sealed;
    now: number;
  }>(
    `INSERT INTO outbox (platform, key, op, address, target_key, thread_key, locale, payload, next_attempt_at, created_at)
     VALUES (@platform, @key, 'update', @address, @targetKey, @threadKey, @locale, @payload, @now, @now)
     ON CONFLICT DO NOTHING`,
  );
  const queueRenewals = sqlite.transaction((platform: Platform, before: number, now: number, limit: number) => {
    let queued = 0;
    for (const post of staleStmt.all({ platform, before, limit })) {
      // The content people see now: the latest delivered edit, else the post itself.
      const latest = latestContentStmt.get(platform, post.key) ?? post;
      const seq = (targetCountStmt.get(platform, post.key)?.n ?? 0) + 1;
      const res = insertRenewalStmt.run({
        platform,
        key: `${post.key}${RENEWAL_MARK}${seq}`,
        address: post.address,
        targetKey: post.key,
        threadKey: post.thread_key,
        locale: latest.locale,
        payload: latest.payload,
        now,
      });
      queued += res.changes;
    }
    return queued;
  });
  // `maybe`: this attempt or an earlier one may have reached the platform. Such a row stays
  // 'sending' (with its sending_since) until it is found or sent; any other goes back to 'pending'.
  const retryStmt = sqlite.prepare<{
    id: number;
    at: number;
    error: string;
    maybe: number;
    failingSince: number | null;
  }>(
    `UPDATE outbox SET next_attempt_at = @at, last_error = @error, failing_since = @failingSince,
            status = CASE WHEN @maybe = 1 THEN 'sending' ELSE 'pending' END,
            sending_since = CASE WHEN @maybe = 1 THEN sending_since ELSE NULL END
      WHERE id = @id`,
  );
  const markFailedStmt = sqlite.prepare<{ id: number; error: string; now: number; maybe: number }>(
    `UPDATE outbox SET status = 'failed', last_error = @error, failed_at = @now,
            sending_since = CASE WHEN @maybe = 1 THEN sending_since ELSE NULL END
      WHERE id = @id`,
  );
  const countStmt = sqlite.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')",
  );
  const countPlatformStmt = sqlite.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM outbox INDEXED BY outbox_queue WHERE platform = ? AND status IN ('pending', 'sending')",
  );
  const depthStmt = sqlite.prepare<[], { platform: Platform; depth: number; oldest: number | null }>(
    `SELECT platform, count(*) AS depth,
            (SELECT created_at FROM outbox o2 INDEXED BY outbox_queue
              WHERE o2.platform = o.platform AND o2.status IN ('pending', 'sending') ORDER BY o2.id LIMIT 1) AS oldest
       FROM outbox o INDEXED BY outbox_queue WHERE status IN ('pending', 'sending') GROUP BY platform`,
  );
  const failedCountStmt = sqlite.prepare<[], { platform: Platform; failed: number }>(
    "SELECT platform, count(*) AS failed FROM outbox WHERE status = 'failed' GROUP BY platform",
  );
  const lastSentStmt = sqlite.prepare<[string, string], { ref: string | null }>(
    `SELECT sent_ref AS ref FROM outbox INDEXED BY outbox_address
      WHERE platform = ? AND address = ? AND status = 'sent' AND op != 'update' AND sent_ref IS NOT NULL
      ORDER BY id DESC LIMIT 1`,
  );
  // A message's ref may list several pages (`om_1,om_2`): any of them names it. A person's DM, or one
  // chat, is a bounded walk of the address index.
  const keyOfRefStmt = sqlite.prepare<[string, string, string], { key: string }>(
    `SELECT key FROM outbox INDEXED BY outbox_address
      WHERE platform = ? AND address = ? AND op != 'update' AND sent_ref IS NOT NULL
        AND instr(',' || sent_ref || ',', ',' || ? || ',') > 0
      ORDER BY id DESC LIMIT 1`,
  );
  const failedSinceStmt = sqlite.prepare<{ platform: string; since: number; except: string }, { n: number }>(
    `SELECT count(*) AS n FROM outbox
      WHERE platform = @platform AND status = 'failed' AND failed_at >= @since AND key NOT LIKE @except ESCAPE '\\'`,
  );
  const failedRowsStmt = sqlite.prepare<
    { platform: string | null; like: string; limit: number },
    { id: number; platform: Platform; key: string; address: string; error: string | null; failedAt: number | null }
  >(
    `SELECT id, platform, key, address, last_error AS error, failed_at AS failedAt FROM outbox
      WHERE status = 'failed' AND (@platform IS NULL OR platform = @platform) AND key LIKE @like ESCAPE '\\'
      ORDER BY id DESC LIMIT @limit`,
  );
  const requeueStmt = sqlite.prepare<{ platform: string | null; like: string; now: number }>(
    `UPDATE outbox SET status = CASE WHEN sending_since IS NOT NULL THEN 'sending' ELSE 'pending' END,
            attempts = 0, next_attempt_at = @now, failing_since = NULL, failed_at = NULL
      WHERE status = 'failed' AND (@platform IS NULL OR platform = @platform) AND key LIKE @like ESCAPE '\\'`,
  );

  // The bot runs these autocommit statements without waiting for a CLI import's lock (see db/busy.ts).
  return busyAware<OutboxQueue>({
    due(platform, now, limit, skipAddresses = [], firstAddresses = []) {
      const skip = new Set(skipAddresses);
      const heads: QueueRow[] = [];
      for (const address of firstAddresses) {
        if (skip.has(address)) continue;
        // The destination's oldest row; if it is not due yet, a later one must not overtake it.
        const head = headStmt.get({ platform, address });
        if (head && head.next_attempt_at <= now) heads.push(head);
        skip.add(address);
      }
      const rows = [...heads, ...dueStmt.all({ platform, now, limit: limit * 2, skip: JSON.stringify([...skip]) })];
      const refKeys = [...new Set(rows.flatMap((r) => [r.target_key, r.thread_key]).filter((k): k is string => !!k))];
      const refs = new Map<string, string | null>();
      // One lookup on outbox_platform_key per referenced key.
      for (const key of refKeys) {
        const r = refStmt.get(platform, key);
        if (r) refs.set(key, r.status === 'failed' ? 'failed' : r.ref);
      }
      const ready: OutboxRow[] = [];
      for (const r of rows) {
        const targetRef = r.target_key ? (refs.get(r.target_key) ?? null) : null;
        const threadRef = r.thread_key ? (refs.get(r.thread_key) ?? null) : null;
        // Wait until what this row points at has been delivered (the root of a thread, the edited post).
        if ((r.target_key && !targetRef) || (r.thread_key && !threadRef)) continue;
        ready.push({
          id: r.id,
          platform: r.platform,
          key: r.key,
          op: r.op,
          address: r.address,
          targetKey: r.target_key,
          targetRef: targetRef === 'failed' ? null : targetRef,
          threadKey: r.thread_key,
          threadRef: threadRef === 'failed' ? null : threadRef,
          locale: r.locale as Locale,
          payload: payloadOf.open<Message | UploadPayload>(r.payload),
          attempts: r.attempts,
          status: r.status,
          sendingSince: r.sending_since,
          failingSince: r.failing_since,
          ...(r.op === 'update' && RENEWAL_KEY.test(r.key) ? { renew: true } : {}),
        });
        if (ready.length >= limit) break;
      }
      return ready;
    },
    markSending: (id, sendingAt) => void markSendingStmt.run({ id, at: sendingAt }),
    markSent: (id, ref, now) => void markSentStmt.run({ id, ref, now }),
    retarget: (platform, key, ref, freshAt) => void retargetStmt.run({ platform, key, ref, freshAt: freshAt ?? null }),
    queueRenewals: (platform, sentBefore, now, limit) => queueRenewals(platform, sentBefore, now, limit),
    retryLater(id, r: RetryLater) {
      retryStmt.run({ id, at: r.at, error: r.error, maybe: r.maybeDelivered ? 1 : 0, failingSince: r.failingSince });
    },
    markFailed: (id, error, now, maybeDelivered = false) =>
      void markFailedStmt.run({ id, error, now, maybe: maybeDelivered ? 1 : 0 }),
    pendingCount: (platform) => (platform ? countPlatformStmt.get(platform) : countStmt.get())?.n ?? 0,
    stats(now) {
      const byPlatform = new Map<Platform, OutboxStats>();
      for (const r of depthStmt.all())
        byPlatform.set(r.platform, {
          platform: r.platform,
          depth: r.depth,
          oldestAgeMs: r.oldest === null ? 0 : Math.max(0, now - r.oldest),
          failed: 0,
        });
      for (const r of failedCountStmt.all()) {
        const s = byPlatform.get(r.platform) ?? { platform: r.platform, depth: 0, oldestAgeMs: 0, failed: 0 };
        s.failed = r.failed;
        byPlatform.set(r.platform, s);
      }
      return [...byPlatform.values()].sort((a, b) => a.platform.localeCompare(b.platform));
    },
    backlogged: (platform, minRows, limit) => backlogStmt.all({ platform, min: minRows, limit }).map((r) => r.address),
    lastSentRef: (platform, address) => lastSentStmt.get(platform, address)?.ref ?? null,
    keyOfSentMessage: (platform, address, ref) => keyOfRefStmt.get(platform, address, ref)?.key ?? null,
    countFailedSince: (platform, since, exceptKeyPrefix) =>
      failedSinceStmt.get({ platform, since, except: exceptKeyPrefix ? likePrefix(exceptKeyPrefix) : '' })?.n ?? 0,
    failedRows: ({ platform, keyPrefix, limit }): FailedRow[] =>
      failedRowsStmt.all({ platform: platform ?? null, like: likePrefix(keyPrefix), limit }),
    requeueFailed: ({ platform, keyPrefix, now }) =>
      requeueStmt.run({ platform: platform ?? null, like: likePrefix(keyPrefix), now }).changes,
  });
}
