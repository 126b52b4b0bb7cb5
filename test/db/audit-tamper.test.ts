/**
 * The tamper table (docs/security.md): each kind of tampering an attacker with write access to the
 * database file but without DANDANG_AUDIT_KEY can do, applied with plain SQL to a real signed log,
 * and caught by `audit verify`. The attacker knows the hash function (the code is open source), so
 * re-hashed rewrites are in scope; only the key is out of reach.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedTeams, testSettings } from '../support/org.js';
import { verifyAuditLog, readAuditHead } from '../../db/repos/audit.js';
import { auditHash, GENESIS_HASH, type AuditProblemKind } from '../../src/domain/audit-chain.js';
import { makePostAuditCheckpoint } from '../../src/usecases/schedule/post-audit-checkpoint.js';
import { runCli } from '../../adapters/cli/run.js';

const AUDIT_KEY = Buffer.alloc(32, 7);
const settings = testSettings({ timezone: 'UTC' });

let t: TestDb;
afterEach(() => t?.cleanup());

/** How many rows the log has when each checkpoint is taken. */
const FIRST_CHECKPOINT_AT = 10;

interface SignedLog {
  /** What the HR channel was told by the last checkpoint message: the anchor for --anchor. */
  published: { rows: number; hash: string };
  /** The signed head as it was at row 15 (an attacker with read access copies it). */
  headAt15: string;
}

/** A signed log of 20 entries: a checkpoint on day 1 after row 10 (row 11 records it), another on day 2 after row 19. */
function buildSignedLog(): SignedLog {
  t = makeTestDb({ protection: { auditKey: AUDIT_KEY } });
  seedTeams(t.store, { managers: 1, reportsPerManager: 2 });
  const write = (n: number) =>
    t.store.tx((tx) => {
      for (let i = 0; i < n; i++)
        tx.audit.record({ actorId: 'hr', action: 'test.write', subjectType: 'thing', subjectId: i, detail: { i } });
    });
  const checkpoint = makePostAuditCheckpoint({ store: t.store, clock: t.clock, settings });
  t.clock.set('2026-11-23T08:00:00Z');
  write(FIRST_CHECKPOINT_AT);
  expect(checkpoint()).toMatchObject({ ok: true, value: null }); // before 09:00: nothing yet
  t.clock.set('2026-11-23T09:05:00Z');
  const first = checkpoint();
  expect(first).toMatchObject({ ok: true, value: { rows: FIRST_CHECKPOINT_AT, signed: true } });
  expect(checkpoint()).toMatchObject({ ok: true, value: null }); // once a day
  write(4); // 15 rows with the checkpoint's own row
  const headAt15 = t.conn.sqlite.prepare(`SELECT value FROM meta WHERE key = 'audit.head'`).pluck().get() as string;
  write(4);
  t.clock.set('2026-11-24T09:01:00Z');
  const second = checkpoint();
  if (!second.ok || !second.value) throw new Error('no second checkpoint');
  return { published: { rows: second.value.rows, hash: second.value.hash }, headAt15 };
}

const sql = (q: string, ...params: unknown[]) => t.conn.sqlite.prepare(q).run(...params);
const lastId = () => t.conn.sqlite.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;

/** What an attacker can do without the key: recompute every hash from `fromId` on (macs stay as they were). */
function rehashFrom(fromId: number): void {
  const rows = t.conn.sqlite
    .prepare(
      `SELECT id, at, actor_id AS actorId, action, subject_type AS subjectType, subject_id AS subjectId, detail, hash
       FROM audit_log ORDER BY id`,
    )
    .all() as {
    id: number;
    at: number;
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    detail: string;
    hash: string;
  }[];
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.id >= fromId) {
      const hash = auditHash(prev, r);
      sql('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', prev, hash, r.id);
      prev = hash;
    } else prev = r.hash;
  }
}

/** Appends a row with a correct hash, as the attacker would. */
function forgeRow(detail: string, mac: string | null = null): void {
  const last = t.conn.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const content = {
    at: t.clock.now(),
    actorId: 'hr',
    action: 'case.close',
    subjectType: 'case',
    subjectId: '1',
    detail,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  sql(
    `INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, detail, prev_hash, hash, mac)
     VALUES (@at, @actorId, @action, @subjectType, @subjectId, @detail, @prevHash, @hash, @mac)`,
    { ...content, prevHash, hash: auditHash(prevHash, content), mac },
  );
}

const kinds = (anchor?: SignedLog['published']): Set<AuditProblemKind> =>
  new Set(verifyAuditLog(t.conn, anchor ?? null).problems.map((p) => p.kind));

/** Each kind of tampering, and the mechanisms that must catch it (docs/security.md's table). */
const TAMPERING: { name: string; tamper: (log: SignedLog) => void; caughtBy: AuditProblemKind[]; anchor?: true }[] = [
  {
    name: 'delete the last row',
    tamper: () => sql('DELETE FROM audit_log WHERE id = ?', lastId()),
    caughtBy: ['head', 'sequence'],
  },
  {
    name: 'delete the last 5 rows',
    tamper: () => sql('DELETE FROM audit_log WHERE id > ?', lastId() - 5),
    caughtBy: ['head', 'sequence', 'checkpoint'],
  },
  { name: 'delete all rows', tamper: () => sql('DELETE FROM audit_log'), caughtBy: ['head', 'sequence', 'empty'] },
  {
    name: 'delete all rows, the head, the checkpoints and the id sequence',
    tamper: () => {
      sql('DELETE FROM audit_log');
      sql(`DELETE FROM meta WHERE key = 'audit.head'`);
      sql('DELETE FROM audit_checkpoints');
      sql(`DELETE FROM sqlite_sequence WHERE name = 'audit_log'`);
    },
    caughtBy: ['empty', 'anchor'],
    anchor: true,
  },
  {
    name: 'append a forged row with a correct hash',
    tamper: () => forgeRow('{"forged":true}'),
    caughtBy: ['unsigned', 'head'],
  },
  {
    name: 'append a forged row with a correct hash, a made-up signature, and a matching head',
    tamper: () => {
      forgeRow('{"forged":true}', 'f'.repeat(64));
      const head = JSON.parse(readAuditHeadJson());
      const last = t.conn.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        hash: string;
      };
      sql(
        `UPDATE meta SET value = ? WHERE key = 'audit.head'`,
        JSON.stringify({ ...head, lastId: last.id, rows: head.rows + 1, hash: last.hash }),
      );
    },
    caughtBy: ['signature', 'head'],
  },
  {
    name: 'rewrite a row with every later hash recomputed',
    tamper: () => {
      sql(`UPDATE audit_log SET detail = '{"i":999}' WHERE id = 6`);
      rehashFrom(6);
    },
    caughtBy: ['signature', 'checkpoint', 'head'],
  },
  {
    name: 'delete a row in the middle and re-link the chain',
    tamper: () => {
      sql('DELETE FROM audit_log WHERE id = 7');
      rehashFrom(8);
    },
    caughtBy: ['chain', 'signature', 'head'],
  },
  {
    name: 'edit a detail',
    tamper: () => sql(`UPDATE audit_log SET detail = '{"i":42}' WHERE id = 12`),
    caughtBy: ['chain'],
  },
  {
    name: 'reorder two rows',
    tamper: () => {
      const a = t.conn.sqlite.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Record<string, unknown>;
      const b = t.conn.sqlite.prepare('SELECT * FROM audit_log WHERE id = 4').get() as Record<string, unknown>;
      sql('DELETE FROM audit_log WHERE id IN (3, 4)');
      const insert = `INSERT INTO audit_log (id, at, actor_id, action, subject_type, subject_id, detail, prev_hash, hash, mac)
        VALUES (@id, @at, @actor_id, @action, @subject_type, @subject_id, @detail, @prev_hash, @hash, @mac)`;
      sql(insert, { ...b, id: 3 });
      sql(insert, { ...a, id: 4 });
    },
    caughtBy: ['chain', 'signature'],
  },
  {
    name: 'truncate, then append new rows with correct hashes',
    tamper: () => {
      sql('DELETE FROM audit_log WHERE id > ?', lastId() - 3);
      for (let i = 0; i < 3; i++) forgeRow(`{"replaced":${i}}`);
    },
    caughtBy: ['unsigned', 'head', 'checkpoint'],
  },
  {
    name: "copy another row's valid signature onto an edited row",
    tamper: () => {
      const mac = t.conn.sqlite.prepare('SELECT mac FROM audit_log WHERE id = 2').pluck().get();
      sql(`UPDATE audit_log SET detail = '{"i":77}', mac = ? WHERE id = 5`, mac);
      rehashFrom(5);
    },
    caughtBy: ['signature'],
  },
  {
    name: 'delete a checkpoint',
    tamper: () => sql('DELETE FROM audit_checkpoints WHERE id = 1'),
    caughtBy: ['checkpoint'],
  },
  {
    name: "alter a checkpoint's head and row count",
    tamper: () => sql(`UPDATE audit_checkpoints SET row_count = 3, head_hash = ? WHERE id = 1`, 'a'.repeat(64)),
    caughtBy: ['checkpoint'],
  },
  {
    name: 'strip every signature (pretend the log was never signed)',
    tamper: () => {
      sql('UPDATE audit_log SET mac = NULL');
      sql('UPDATE audit_checkpoints SET mac = NULL');
      const head = JSON.parse(readAuditHeadJson());
      sql(`UPDATE meta SET value = ? WHERE key = 'audit.head'`, JSON.stringify({ ...head, mac: null }));
    },
    caughtBy: ['unsigned'],
  },
  {
    name: 'roll back to an earlier state with its own valid head (rows 16–20 and the last checkpoint removed)',
    tamper: (log) => {
      sql('DELETE FROM audit_log WHERE id > 15');
      sql('DELETE FROM audit_checkpoints WHERE id > 1');
      sql(`UPDATE meta SET value = ? WHERE key = 'audit.head'`, log.headAt15);
      sql(`UPDATE sqlite_sequence SET seq = 15 WHERE name = 'audit_log'`);
    },
    caughtBy: ['anchor'],
    anchor: true,
  },
];

const readAuditHeadJson = () =>
  t.conn.sqlite.prepare(`SELECT value FROM meta WHERE key = 'audit.head'`).pluck().get() as string;

describe('audit log tamper table', () => {
  it('an intact signed log verifies, with its checkpoints and the published head as anchor', () => {
    const log = buildSignedLog();
    const v = verifyAuditLog(t.conn, log.published);
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ signed: true, checkpoints: 2, rows: 20 });
    expect(readAuditHead(t.conn.sqlite)).toMatchObject({ rows: 20, lastId: 20, hash: v.head });
  });

  it('the daily checkpoint is posted to the HR channel with the head hash, the row count and the command', () => {
    const log = buildSignedLog();
    const posts = t.conn.sqlite
      .prepare(`SELECT key, address, payload FROM outbox WHERE key LIKE 'audit-checkpoint:%' ORDER BY id`)
      .all() as { key: string; address: string; payload: string }[];
    expect(posts.map((p) => [p.key, p.address])).toEqual([
      ['audit-checkpoint:2026-11-23', 'CHR'],
      ['audit-checkpoint:2026-11-24', 'CHR'],
    ]);
    const text = JSON.stringify(JSON.parse(posts[1]!.payload));
    expect(text).toContain(log.published.hash);
    expect(text).toContain(`audit verify --anchor ${log.published.rows}:${log.published.hash}`);
    expect(text).toContain(`**${log.published.rows}** entries`);
  });

  it(`catches each of the ${TAMPERING.length} kinds of tampering`, () => {
    expect(TAMPERING.length).toBeGreaterThanOrEqual(13);
    for (const kind of TAMPERING) {
      const log = buildSignedLog();
      expect(kinds(log.published), `before: ${kind.name}`).toEqual(new Set());
      kind.tamper(log);
      const found = kinds(kind.anchor ? log.published : undefined);
      expect(found.size, `not detected: ${kind.name}`).toBeGreaterThan(0);
      for (const k of kind.caughtBy) expect(found, `${kind.name}: expected ${k}`).toContain(k);
      t.cleanup();
    }
  });

  it('without the anchor, a rollback to an earlier consistent state is not detectable (the documented limit)', () => {
    const log = buildSignedLog();
    TAMPERING.at(-1)!.tamper(log);
    expect(kinds()).toEqual(new Set());
  });

  it('`audit verify` exits 1 and names the problem; with no key it still catches truncation by the head count', async () => {
    buildSignedLog();
    sql('DELETE FROM audit_log WHERE id > ?', lastId() - 2);
    const env = {
      DANDANG_DB: t.file,
      DANDANG_CONFIG: '/nonexistent/dandang.yml',
      DANDANG_AUDIT_KEY: AUDIT_KEY.toString('base64'),
    };
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runCli(['audit', 'verify'], io, env)).toBe(1);
    expect(err[0]).toMatch(/^Audit log BROKEN at row 19: /);
    expect(err.join('\n')).toContain(
      'the head says 20 rows up to row 20; the log has 18 up to row 18: 2 row(s) were deleted',
    );
    const { DANDANG_AUDIT_KEY: _k, ...keyless } = env;
    err.length = 0;
    expect(await runCli(['audit', 'verify'], io, keyless)).toBe(1);
    expect(err.join('\n')).toContain('2 row(s) were deleted');
    expect(err.join('\n')).toContain('Signatures were not checked');
  });
});
