import { desc, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { Db } from '../client.js';
import { auditLog } from '../schema/index.js';
import type { AuditEntry, AuditLog } from '../../src/ports/audit.js';
import type { Clock } from '../../src/ports/clock.js';
import { auditHash, GENESIS_HASH, findFirstBrokenRow, type AuditRow } from '../../src/domain/audit-chain.js';

export function makeAuditLog(db: Db, clock: Clock): AuditLog {
  // Prepared once per connection. The head hash is read from the db on every record (never cached):
  // the CLI writes to the same log from another process, and this runs inside the caller's write
  // transaction, so the head it reads is the one it chains to.
  const lastHash = db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).prepare();
  const insertRow = db
    .insert(auditLog)
    .values({
      at: sql.placeholder('at'),
      actorId: sql.placeholder('actorId'),
      action: sql.placeholder('action'),
      subjectType: sql.placeholder('subjectType'),
      subjectId: sql.placeholder('subjectId'),
      detail: sql.placeholder('detail'),
      prevHash: sql.placeholder('prevHash'),
      hash: sql.placeholder('hash'),
    })
    .prepare();
  return {
    record(entry: AuditEntry) {
      const last = lastHash.get();
      const prevHash = last?.hash ?? GENESIS_HASH;
      const content = {
        at: clock.now(),
        actorId: entry.actorId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: String(entry.subjectId),
        detail: JSON.stringify(entry.detail ?? {}),
      };
      insertRow.run({ ...content, actorId: content.actorId ?? null, prevHash, hash: auditHash(prevHash, content) });
    },
  };
}

/** Verifies the whole chain in id order, streaming so a large log never loads into memory. */
export function verifyAuditChain(sqlite: Database.Database): {
  rows: number;
  broken: { id: number; reason: string } | null;
  head: string;
} {
  let rows = 0;
  let head = GENESIS_HASH;
  const iter = sqlite
    .prepare(
      `SELECT id, at, actor_id AS actorId, action, subject_type AS subjectType, subject_id AS subjectId,
              detail, prev_hash AS prevHash, hash FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<AuditRow>;
  const counted = (function* () {
    for (const r of iter) {
      rows++;
      head = r.hash;
      yield r;
    }
  })();
  const broken = findFirstBrokenRow(counted);
  return { rows, broken, head };
}
