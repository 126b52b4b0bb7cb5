import type Database from 'better-sqlite3';
import type { Connection } from '../client.js';
import type { AuditEntry, AuditLog, ReadAction } from '../../src/ports/audit.js';
import type { Clock } from '../../src/ports/clock.js';
import {
  auditHash,
  checkpointMac,
  findFirstBrokenRow,
  GENESIS_HASH,
  headMac,
  rowMac,
  textDigests,
  verifyAudit,
  type AuditCheckpoint,
  type AuditHead,
  type AuditRow,
  type AuditVerification,
} from '../../src/domain/audit-chain.js';

/** The meta key of the signed head (see src/domain/audit-chain.ts). */
const HEAD_KEY = 'audit.head';

/** Thrown when the log is signed but this process has no DANDANG_AUDIT_KEY: it would write unsigned rows. */
export class AuditKeyMissingError extends Error {
  override name = 'AuditKeyMissingError';
  constructor() {
    super(
      'The audit log of this database is signed: set DANDANG_AUDIT_KEY to the same key as the bot, or nothing can be recorded.',
    );
  }
}

const ROW_COLUMNS = `id, at, actor_id AS actorId, action, subject_type AS subjectType, subject_id AS subjectId,
  detail, prev_hash AS prevHash, hash, mac`;

export function readAuditHead(sqlite: Database.Database): AuditHead | null {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as AuditHead;
  } catch {
    return null;
  }
}

export function makeAuditLog(conn: Pick<Connection, 'sqlite' | 'auditKey'>, clock: Clock): AuditLog {
  const { sqlite, auditKey: key } = conn;
  // Prepared once per connection. The head is read from the db on every record (never cached): the
  // CLI writes to the same log from another process, and this runs inside the caller's write
  // transaction, so the head it reads is the one it chains to.
  const lastRow = sqlite.prepare<[], { id: number; hash: string }>(
    'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
  );
  const countRows = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log');
  const headStmt = sqlite.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const writeHeadStmt = sqlite.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  // Rows are written once, signature included, never updated: the id is taken before the insert
  // (what AUTOINCREMENT would give: past the highest id ever used), inside the caller's write lock.
  const nextIdStmt = (table: 'audit_log' | 'audit_checkpoints') =>
    sqlite
      .prepare<[string], number>(
        `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),
                    coalesce((SELECT max(id) FROM ${table}), 0)) + 1`,
      )
      .pluck();
  const nextRowId = nextIdStmt('audit_log');
  const nextCheckpointId = nextIdStmt('audit_checkpoints');
  const insertRow = sqlite.prepare(
    `INSERT INTO audit_log (id, at, actor_id, action, subject_type, subject_id, detail, prev_hash, hash, mac)
     VALUES (@id, @at, @actorId, @action, @subjectType, @subjectId, @detail, @prevHash, @hash, @mac)`,
  );
  const checkpointOfDay = sqlite.prepare<[string], { id: number }>('SELECT id FROM audit_checkpoints WHERE day = ?');
  const insertCheckpoint = sqlite.prepare(
    `INSERT INTO audit_checkpoints (id, day, at, upto_id, row_count, head_hash, mac)
     VALUES (@id, @day, @at, @uptoId, @rowCount, @headHash, @mac)`,
  );
  // audit_subject (subject_type, subject_id) narrows to the person; the actions filter the rest.
  const readsStmt = sqlite.prepare<
    [string, number],
    { at: number; actorId: string | null; action: string; detail: string }
  >(
    `SELECT at, actor_id AS actorId, action, detail FROM audit_log
     WHERE subject_type = 'person' AND subject_id = ? AND action LIKE 'read.%' ORDER BY id DESC LIMIT ?`,
  );

  const readHead = (): AuditHead | null => {
    const r = headStmt.get(HEAD_KEY);
    return r ? (JSON.parse(r.value) as AuditHead) : null;
  };
  const writeHead = (h: Omit<AuditHead, 'mac'>) =>
    writeHeadStmt.run(HEAD_KEY, JSON.stringify({ ...h, mac: key ? headMac(key, h) : null }));

  const head = () => {
    const h = readHead();
    const last = lastRow.get();
    return { rows: h?.rows ?? countRows.get()!.n, hash: last?.hash ?? GENESIS_HASH, lastId: last?.id ?? 0 };
  };

  return {
    record(entry: AuditEntry) {
      const stored = readHead();
      if (!key && stored?.mac) throw new AuditKeyMissingError();
      const last = lastRow.get();
      const prevHash = last?.hash ?? GENESIS_HASH;
      const detail = entry.text
        ? { ...(entry.detail ?? {}), textSha256: textDigests(entry.text) }
        : (entry.detail ?? {});
      const content = {
        at: clock.now(),
        actorId: entry.actorId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: String(entry.subjectId),
        detail: JSON.stringify(detail),
      };
      const hash = auditHash(prevHash, content);
      const id = nextRowId.get('audit_log')!;
      insertRow.run({
        ...content,
        id,
        actorId: content.actorId ?? null,
        prevHash,
        hash,
        mac: key ? rowMac(key, id, hash) : null,
      });
      // Rows ever written is carried forward, never recounted: rows deleted from the end stay visible.
      writeHead({ lastId: id, rows: stored ? stored.rows + 1 : countRows.get()!.n, hash });
    },
    head: () => {
      const { rows, hash } = head();
      return { rows, hash };
    },
    readsOf: (personId, limit) =>
      readsStmt.all(personId, limit).map((r) => ({
        ...r,
        action: r.action as ReadAction,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      })),
    checkpoint(day) {
      if (checkpointOfDay.get(day)) return null;
      const h = head();
      const id = nextCheckpointId.get('audit_checkpoints')!;
      const c = { id, day, at: clock.now(), uptoId: h.lastId, rowCount: h.rows, headHash: h.hash };
      insertCheckpoint.run({ ...c, mac: key ? checkpointMac(key, c) : null });
      return { id, day, uptoId: c.uptoId, rows: c.rowCount, hash: c.headHash, signed: !!key };
    },
  };
}

function iterateRows(sqlite: Database.Database): IterableIterator<AuditRow> {
  return sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY id`).iterate() as IterableIterator<AuditRow>;
}

/** Verifies the chain alone (links and content hashes), streaming so a large log never loads into memory. */
export function verifyAuditChain(sqlite: Database.Database): {
  rows: number;
  broken: { id: number; reason: string } | null;
  head: string;
} {
  let rows = 0;
  let head = GENESIS_HASH;
  const counted = (function* () {
    for (const r of iterateRows(sqlite)) {
      rows++;
      head = r.hash;
      yield r;
    }
  })();
  const broken = findFirstBrokenRow(counted);
  return { rows, broken, head };
}

/** Everything `audit verify` checks: the chain, signatures, the head, checkpoints, tripwires, an anchor. */
export function verifyAuditLog(
  conn: Pick<Connection, 'sqlite' | 'auditKey'>,
  anchor: { rows: number; hash: string } | null = null,
): AuditVerification {
  const { sqlite } = conn;
  // One read transaction, so a bot writing meanwhile cannot make the head and the rows disagree.
  return sqlite.transaction(() => {
    const checkpoints = sqlite
      .prepare(
        `SELECT id, day, at, upto_id AS uptoId, row_count AS rowCount, head_hash AS headHash, mac
         FROM audit_checkpoints ORDER BY id`,
      )
      .all() as AuditCheckpoint[];
    const seq = sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as
      { seq: number } | undefined;
    const records = sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM reviews) + (SELECT count(*) FROM notes)
              + (SELECT count(*) FROM cases) AS n`,
      )
      .pluck()
      .get() as number;
    const head = readAuditHead(sqlite);
    // No signature anywhere: checked as a chain, with one problem instead of one per row. Either the
    // key is new and no writer has signed the log yet, or every signature was stripped.
    const unsigned =
      !!conn.auditKey &&
      !head?.mac &&
      !sqlite.prepare('SELECT 1 FROM audit_log WHERE mac IS NOT NULL LIMIT 1').get() &&
      !!sqlite.prepare('SELECT 1 FROM audit_log LIMIT 1').get();
    const result = verifyAudit({
      rows: iterateRows(sqlite),
      head,
      checkpoints,
      key: unsigned ? null : conn.auditKey,
      lastAllocatedId: seq?.seq ?? null,
      records,
      anchor,
    });
    if (unsigned)
      result.problems.unshift({
        kind: 'unsigned',
        rowId: null,
        message:
          'no row is signed although DANDANG_AUDIT_KEY is set: either the key is new (start the bot, or run any write command, once to sign the log) or every signature was stripped',
      });
    return result;
  })();
}

/**
 * The first time a DANDANG_AUDIT_KEY meets a log that was never signed (an upgrade, or a demo
 * database promoted), sign every row and write the head, after checking the chain is intact.
 * Returns how many rows were signed (0 when there was nothing to do). A log that is partly signed
 * is never re-signed: that would launder forged rows, so `audit verify` reports them instead.
 */
export function signExistingAuditLog(conn: Pick<Connection, 'sqlite' | 'auditKey'>): number {
  const { sqlite, auditKey: key } = conn;
  if (!key) return 0;
  return sqlite
    .transaction(() => {
      const signedAny = sqlite.prepare('SELECT 1 FROM audit_log WHERE mac IS NOT NULL LIMIT 1').get();
      const head = readAuditHead(sqlite);
      if (signedAny || head?.mac) return 0;
      const broken = findFirstBrokenRow(iterateRows(sqlite));
      if (broken)
        throw new Error(
          `Cannot sign the audit log: it is broken at row ${broken.id} (${broken.reason}). Run npm run dandang -- audit verify.`,
        );
      const setMac = sqlite.prepare<[string, number]>('UPDATE audit_log SET mac = ? WHERE id = ?');
      let rows = 0;
      let last = { id: 0, hash: GENESIS_HASH };
      for (const r of sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as {
        id: number;
        hash: string;
      }[]) {
        setMac.run(rowMac(key, r.id, r.hash), r.id);
        rows++;
        last = r;
      }
      if (!rows) return 0;
      const h = { lastId: last.id, rows, hash: last.hash };
      sqlite
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(HEAD_KEY, JSON.stringify({ ...h, mac: headMac(key, h) }));
      return rows;
    })
    .immediate();
}
