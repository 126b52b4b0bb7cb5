import type { Connection } from '../client.js';
import { outbox } from '../schema/index.js';
import type { Outbox, OutgoingMessage, Recipient } from '../../src/ports/outbox.js';
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import type { Locale, Platform } from '../../src/ports/records.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Message } from '../../src/ui/model.js';
import { readerLocale } from '../../src/domain/locale.js';

/** The sender's side lives in ./outbox-queue.ts; re-exported so callers keep one import. */
export { makeOutboxQueue } from './outbox-queue.js';

export interface OutboxSettings {
  /** Platforms that deliver messages in this process (a row is written for each). */
  platforms: readonly Platform[];
  /** The organisation's language (`settings.locale`), for channels and people who name none. */
  defaultLocale: Locale;
}

interface Address {
  platform: Platform;
  address: string;
  locale: Locale;
}

interface PersonAddressRow {
  id: string;
  slack_id: string | null;
  feishu_open_id: string | null;
  locale: string | null;
}

/**
 * The use cases' side of the outbox: it turns a recipient into one row per enabled platform.
 * Opening a cycle posts one nudge per manager (10,000 in a big org) inside one transaction, so the
 * per-row path uses statements prepared once per connection: a primary-key lookup of the person
 * and an INSERT … ON CONFLICT DO NOTHING. The person is read afresh on every post (no cache), so an
 * import that changes someone's chat id or language in an earlier transaction is always seen.
 */
export function makeOutbox(
  conn: Pick<Connection, 'db' | 'sqlite' | 'sealer' | 'outboxWrites'>,
  clock: Clock,
  settings: OutboxSettings,
): Outbox {
  const { db, sqlite } = conn;
  const payloadOf = conn.sealer.json(outbox.payload);
  const personStmt = sqlite.prepare<[string], PersonAddressRow>(
    'SELECT id, slack_id, feishu_open_id, locale FROM people WHERE id = ?',
  );
  const insertStmt = sqlite.prepare(
    `INSERT INTO outbox (platform, key, op, address, thread_key, locale, payload, lasting, next_attempt_at, created_at)
     VALUES (@platform, @key, @op, @address, @threadKey, @locale, @payload, @lasting, @now, @now)
     ON CONFLICT DO NOTHING`,
  );

  // An in-place edit (a nudge's progress, a case checklist) runs on every review submission.
  // `platform IN (every platform)` lets the lookup use outbox_platform_key instead of scanning the log.
  const allPlatforms = outbox.platform.enumValues.map((p) => `'${p}'`).join(', ');
  const targetsStmt = sqlite.prepare<[string], { platform: Platform; address: string; locale: Locale }>(
    `SELECT platform, address, locale FROM outbox WHERE platform IN (${allPlatforms}) AND key = ? AND op = 'post' ORDER BY id`,
  );
  const pendingUpdateStmt = sqlite.prepare<[string, string], { id: number }>(
    `SELECT id FROM outbox WHERE platform = ? AND target_key = ? AND op = 'update' AND status = 'pending'`,
  );
  const foldUpdateStmt = sqlite.prepare<[string | Buffer, string, number]>(
    'UPDATE outbox SET payload = ?, locale = ? WHERE id = ?',
  );
  const countForTargetStmt = sqlite.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE platform = ? AND target_key = ?',
  );
  // Whether the post must stay actionable follows its latest content (a closed case stops renewing).
  const lastingStmt = sqlite.prepare<[number, string]>(
    `UPDATE outbox SET lasting = ? WHERE platform IN (${allPlatforms}) AND key = ? AND op = 'post'`,
  );
  const insertUpdateStmt = sqlite.prepare(
    `INSERT INTO outbox (platform, key, op, address, target_key, locale, payload, next_attempt_at, created_at)
     VALUES (@platform, @key, 'update', @address, @targetKey, @locale, @payload, @now, @now)`,
  );

  function resolve(to: Recipient, forced?: Locale): Address[] {
    const out: Address[] = [];
    if ('person' in to) {
      const p = personStmt.get(to.person);
      if (!p) return out;
      for (const platform of settings.platforms) {
        const address = platform === 'slack' ? p.slack_id : platform === 'feishu' ? p.feishu_open_id : p.id;
        if (!address) continue;
        out.push({ platform, address, locale: forced ?? readerLocale(p.locale, settings.defaultLocale) });
      }
    } else {
      for (const platform of settings.platforms) {
        const address = to.channel[platform];
        if (!address) continue;
        // A channel has many readers: it gets the organisation's language.
        out.push({ platform, address, locale: forced ?? settings.defaultLocale });
      }
    }
    return out;
  }

  function insert(
    key: string,
    op: 'post' | 'upload',
    to: Recipient,
    payload: unknown,
    threadKey?: string,
    locale?: Locale,
  ): boolean {
    const addresses = resolve(to, locale);
    if (!addresses.length) return false;
    let any = false;
    const now = clock.now();
    // Serialised (and sealed) once for all platforms.
    const json = payloadOf.seal(payload);
    const lasting = op === 'post' && (payload as Message).lasting ? 1 : 0;
    for (const a of addresses) {
      const res = insertStmt.run({
        platform: a.platform,
        key,
        op,
        address: a.address,
        threadKey: threadKey ?? null,
        locale: a.locale,
        payload: json,
        lasting,
        now,
      });
      if (res.changes > 0) any = true;
    }
    if (any) conn.outboxWrites++;
    return any;
  }

  return {
    post: (m: OutgoingMessage) => insert(m.key, 'post', m.to, m.message, m.threadKey, m.locale),
    upload: (m) =>
      insert(
        m.key,
        'upload',
        m.to,
        {
          filename: m.filename,
          title: m.title,
          ...(m.comment ? { comment: m.comment } : {}),
          ...(m.body ? { body: m.body } : {}),
          ...(m.content !== undefined ? { content: m.content } : {}),
          ...(m.blob ? { blob: m.blob } : {}),
          ...(m.archive ? { archive: m.archive } : {}),
        } satisfies UploadPayload,
        m.threadKey,
      ),
    update(targetKey: string, message: Message, locale?: Locale) {
      const now = clock.now();
      // Serialised (and sealed) once for all targets.
      const json = payloadOf.seal(message);
      lastingStmt.run(message.lasting ? 1 : 0, targetKey);
      for (const target of targetsStmt.all(targetKey)) {
        const lang = locale ?? target.locale;
        // Only the newest content matters: fold into a pending update of the same target if any.
        const pending = pendingUpdateStmt.get(target.platform, targetKey);
        if (pending) {
          foldUpdateStmt.run(json, lang, pending.id);
          conn.outboxWrites++;
          continue;
        }
        const seq = countForTargetStmt.get(target.platform, targetKey)?.n ?? 0;
        insertUpdateStmt.run({
          platform: target.platform,
          key: `${targetKey}#update${seq + 1}`,
          address: target.address,
          targetKey,
          locale: lang,
          payload: json,
          now,
        });
        conn.outboxWrites++;
      }
    },
  };
}
