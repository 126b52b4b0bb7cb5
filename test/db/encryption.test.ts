/**
 * Encryption at rest: what a note says is nowhere in the database file's bytes (nor its WAL), the
 * app reads it back, a missing key is refused with a clear reason, and `keys rotate` seals
 * plaintext rows and moves values to a new key.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedTeams, testSettings } from '../support/org.js';
import { openDatabase } from '../../db/client.js';
import { makeStore } from '../../db/store.js';
import { makeOutboxQueue } from '../../db/repos/outbox.js';
import { SealedValueError } from '../../db/sealed.js';
import { keyCensus } from '../../db/keys.js';
import { verifyAuditLog } from '../../db/repos/audit.js';
import { makeCreateNote } from '../../src/usecases/evidence/create-note.js';
import { makeDisputeNote } from '../../src/usecases/evidence/dispute-note.js';
import { makeOpenOffboarding } from '../../src/usecases/offboarding/open-offboarding.js';
import { makeWithdrawCase } from '../../src/usecases/offboarding/withdraw-case.js';
import { DEFAULT_KPIS } from '../support/org.js';
import { ConfigError } from '../../src/config-errors.js';
import { loadConfig } from '../../src/config.js';
import { startRefusal } from '../../src/config-refusal.js';
import { runCliLines } from '../support/cli.js';
import type { DataProtection } from '../../db/client.js';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Words that appear nowhere else: in the note, its agreed action, and in Chinese. */
const WORDS = ['Quokka', 'marmalade', 'zeppelin', 'ledger', '蓝鲸', '复盘'];

let t: TestDb;
afterEach(() => t?.cleanup());

function world(protection: DataProtection) {
  t = makeTestDb({ protection, platforms: ['slack'] });
  const org = seedTeams(t.store, { managers: 1, reportsPerManager: 1 });
  const [manager, employee] = [org.managers[0]!, org.reports[0]![0]!];
  const settings = testSettings({ timezone: 'UTC' });
  const created = makeCreateNote({ store: t.store, clock: t.clock, settings })({
    actorId: manager.id,
    personId: employee.id,
    values: {
      kind: 'feedback',
      held_on: '2026-11-22',
      discussion: 'Quokka marmalade negotiations stalled again. 蓝鲸项目需要复盘。',
      kpis: ['tickets'],
      action1: 'Reconcile the zeppelin ledger',
      action1_owner: employee.id,
      action1_due: '2026-11-27',
      visibility: 'evidence',
    },
  });
  if (!created.ok) throw new Error(created.message);
  return { noteId: created.value.note.id, employee, manager, hr: org.hr, settings };
}

/** Every byte SQLite keeps for the database: the main file and, if present, the WAL. */
function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}
const wordsIn = (bytes: Buffer) => WORDS.filter((w) => bytes.includes(Buffer.from(w, 'utf8')));

const envFor = (file: string, extra: Record<string, string> = {}) => ({
  DANDANG_DB: file,
  DANDANG_CONFIG: '/nonexistent/dandang.yml',
  ...extra,
});
const cli = (args: string[], env: Record<string, string>) => runCliLines(args, env);

describe('encryption at rest', () => {
  it("finds none of a note's words in the raw database file, and the app still reads them", () => {
    const { noteId, employee } = world({ dataKey: KEY_A });
    const note = t.store.tx((tx) => tx.evidence.note(noteId))!;
    expect(note.discussion).toContain('Quokka marmalade');
    expect(note.actions[0]!.description).toBe('Reconcile the zeppelin ledger');
    // The employee's DM quotes the note: the outbox row is sealed too, and the sender opens it.
    const dm = makeOutboxQueue(t.conn.db, t.conn.sealer)
      .due('slack', t.clock.now(), 50)
      .find((r) => r.address === employee.slackId);
    expect(JSON.stringify(dm?.payload)).toContain('Quokka marmalade');
    expect(verifyAuditLog(t.conn).problems).toEqual([]);

    t.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(wordsIn(fileBytes(t.file))).toEqual([]);
    t.conn.close();
    expect(wordsIn(fileBytes(t.file))).toEqual([]);
  });

  it('seals dispute comments, review comments, amendments, case reasons and withdrawals; the audit log holds only hashes', () => {
    const { noteId, employee, manager, hr, settings } = world({ dataKey: KEY_A });
    const deps = { store: t.store, clock: t.clock, settings };
    const more = ['Tangerine', 'gazebo', 'Obsidian', 'Platypus', 'Walrus', 'kumquat', '琵琶'];
    const disputed = makeDisputeNote(deps)({
      actorId: employee.id,
      noteId,
      values: { comment: 'The Tangerine gazebo numbers were wrong. 琵琶' },
    });
    expect(disputed.ok).toBe(true);
    t.store.tx((tx) => {
      const review = tx.reviews.insertReview({
        slotId: null,
        employeeId: employee.id,
        authorId: manager.id,
        jobId: 'engineer',
        kpiVersion: 1,
        periodLabel: '2026-W47',
        rating: 2,
        strengths: 'Walrus diligence',
        improvement: 'kumquat follow-through',
        comment: 'Walrus',
        belowTarget: true,
        submittedAt: t.clock.now(),
        results: [{ ...DEFAULT_KPIS[0]!, actual: 30, met: false }],
      });
      tx.reviews.amendReview(review.id, {
        authorId: manager.id,
        reason: 'kumquat miscount',
        at: t.clock.now(),
        after: { ...review, comment: 'Walrus amended' },
      });
    });
    const opened = makeOpenOffboarding(deps)({
      actorId: hr.id,
      employeeId: employee.id,
      reasonKind: 'mutual',
      reasonText: 'Obsidian restructuring',
    });
    expect(opened.ok).toBe(true);
    expect(makeWithdrawCase(deps)({ actorId: hr.id, caseId: 1, reason: 'Platypus agreement' }).ok).toBe(true);
    // The app reads them back.
    expect(t.store.tx((tx) => tx.acks.find('note', String(noteId), employee.id))!.comment).toContain('Tangerine');
    expect(t.store.tx((tx) => tx.cases.get(1))!.reasonText).toBe('Obsidian restructuring');

    const audit = t.conn.sqlite.prepare('SELECT detail FROM audit_log').pluck().all().join('\n');
    expect(audit).toContain('textSha256');
    t.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fileBytes(t.file);
    expect(more.filter((w) => bytes.includes(Buffer.from(w, 'utf8')))).toEqual([]);
    expect(wordsIn(bytes)).toEqual([]);
  });

  it('the same note without a key is in the file in plaintext (so the check above can fail)', () => {
    world({});
    t.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(wordsIn(fileBytes(t.file))).toEqual(WORDS);
  });

  it('a sealed value needs its key: refused with the key id without it, opened with it as an old key', () => {
    const { noteId } = world({ dataKey: KEY_A });
    t.conn.close();
    const keyless = openDatabase(t.file);
    try {
      const store = makeStore(keyless, t.clock, { platforms: ['slack'], defaultLocale: 'en' });
      expect(() => store.tx((tx) => tx.evidence.note(noteId))).toThrow(SealedValueError);
      expect(() => store.tx((tx) => tx.evidence.note(noteId))).toThrow(
        /sealed with data key [0-9a-f]{8}, which is not configured\. Set DANDANG_DATA_KEY/,
      );
    } finally {
      keyless.close();
    }
    const rotating = openDatabase(t.file, { dataKey: KEY_B, oldDataKeys: [KEY_A] });
    try {
      const store = makeStore(rotating, t.clock, { platforms: ['slack'], defaultLocale: 'en' });
      expect(store.tx((tx) => tx.evidence.note(noteId))!.discussion).toContain('蓝鲸项目需要复盘');
    } finally {
      rotating.close();
    }
  });

  it('keys rotate seals rows written before the key, then moves every value to a new key', async () => {
    const { noteId } = world({});
    t.conn.close();
    const a = KEY_A.toString('base64');
    const b = KEY_B.toString('hex');

    const first = await cli(['keys', 'rotate'], envFor(t.file, { DANDANG_DATA_KEY: a }));
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out.join('\n')).toMatch(/Sealed \d+ plaintext value\(s\) and re-sealed 0/);
    expect(wordsIn(fileBytes(t.file))).toEqual([]); // secure_delete: the old plaintext is gone from free pages

    const second = await cli(['keys', 'rotate'], envFor(t.file, { DANDANG_DATA_KEY: b, DANDANG_DATA_KEY_OLD: a }));
    expect(second.code).toBe(0);
    expect(second.out.join('\n')).toMatch(/Sealed 0 plaintext value\(s\) and re-sealed [1-9]\d* under data key/);
    expect(second.out.at(-1)).toBe('Every value is under the new key: DANDANG_DATA_KEY_OLD can be removed.');

    const conn = openDatabase(t.file, { dataKey: KEY_B });
    try {
      const census = keyCensus(conn);
      expect(census.every((c) => c.plaintext === 0)).toBe(true);
      const keyIds = new Set(census.flatMap((c) => Object.keys(c.byKey)));
      expect([...keyIds]).toEqual([conn.sealer.keyId]);
      const store = makeStore(conn, t.clock, { platforms: ['slack'], defaultLocale: 'en' });
      expect(store.tx((tx) => tx.evidence.note(noteId))!.discussion).toContain('Quokka marmalade');
    } finally {
      conn.close();
    }
    // The retired key alone no longer opens the database, and the refusal says which key is needed.
    const stale = await cli(['keys', 'rotate'], envFor(t.file, { DANDANG_DATA_KEY: a }));
    expect(stale.code).toBe(2);
    expect(stale.err.join('\n')).toMatch(/sealed with data key [0-9a-f]{8}, which is not configured/);
  });
});

describe('keys in the configuration', () => {
  const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', DANDANG_CONFIG: '/nonexistent/dandang.yml' };

  it('a malformed key says how to make one and never echoes the value', () => {
    let message = '';
    try {
      loadConfig({ ...slack, DANDANG_DATA_KEY: 'hunter2-not-a-key' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toContain(
      'DANDANG_DATA_KEY: Set DANDANG_DATA_KEY to 32 random bytes in base64 or hex; make one with: npm run dandang -- keys generate',
    );
    expect(message).not.toContain('hunter2');
  });

  it('with platform credentials the start is refused without keys, unless plaintext is accepted explicitly', () => {
    const keys = { DANDANG_DATA_KEY: KEY_A.toString('base64'), DANDANG_AUDIT_KEY: KEY_B.toString('base64') };
    expect(startRefusal(loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' }))).toBeNull(); // the local demo
    expect(startRefusal(loadConfig(slack))).toMatch(/^Refusing to start: .*DANDANG_DATA_KEY is not/);
    expect(startRefusal(loadConfig({ ...slack, DANDANG_ALLOW_PLAINTEXT: '1' }))).toMatch(/DANDANG_AUDIT_KEY is not/);
    expect(startRefusal(loadConfig({ ...slack, ...keys }))).toBeNull();
    expect(
      startRefusal(loadConfig({ ...slack, DANDANG_ALLOW_PLAINTEXT: '1', DANDANG_ALLOW_UNSIGNED_AUDIT: '1' })),
    ).toBeNull();
  });

  it('`npm start` with Slack credentials and no data key exits 2 with one line', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(
        join(ROOT, 'node_modules/.bin/tsx'),
        [join(ROOT, 'src/main.ts')],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', ...slack, DANDANG_DB: join(t?.dir ?? '/tmp', 'never.db') },
          timeout: 60_000,
        },
        (err, _stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stderr }),
      ),
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^\[dandang\] Refusing to start: platform credentials are set but DANDANG_DATA_KEY is not/,
    );
  }, 90_000);
});
