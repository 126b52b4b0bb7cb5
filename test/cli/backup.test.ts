/**
 * `backup` under write load from another process, then `restore`: the copy is consistent (every
 * note has its audit row), verified, and restores with the same row counts; a restore over a
 * newer database is refused without --force.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { makeStore } from '../../db/store.js';
import { ManualClock } from '../../src/ports/clock.js';
import { seedOrg, person } from '../support/org.js';
import { runCli } from '../../adapters/cli/run.js';
import { runCliLines } from '../support/cli.js';
import { pruneDailyBackups, dailyBackupName } from '../../db/backup.js';
import { prepareKeys } from '../../db/keys.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KEYS = {
  DANDANG_DATA_KEY: Buffer.alloc(32, 3).toString('base64'),
  DANDANG_AUDIT_KEY: Buffer.alloc(32, 4).toString('base64'),
};

let dir: string;
let writer: ChildProcessWithoutNullStreams | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dandang-backup-'));
});
afterEach(() => {
  writer?.kill('SIGKILL');
  writer = null;
  rmSync(dir, { recursive: true, force: true });
});

const envFor = (db: string) => ({ DANDANG_DB: db, DANDANG_CONFIG: join(dir, 'none.yml'), ...KEYS });
const cli = (args: string[], db: string) => runCliLines(args, envFor(db));
const counts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      notes: db.prepare('SELECT count(*) FROM notes').pluck().get() as number,
      loadRows: db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'load.write'`).pluck().get() as number,
      audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
    };
  } finally {
    db.close();
  }
};

/** A database of a few MB (so the backup takes many steps), with the people the writer needs. */
function seed(file: string): void {
  const conn = openDatabase(file, {
    dataKey: Buffer.from(KEYS.DANDANG_DATA_KEY, 'base64'),
    auditKey: Buffer.from(KEYS.DANDANG_AUDIT_KEY, 'base64'),
  });
  prepareKeys(conn); // as every process does at start
  const store = makeStore(conn, new ManualClock(Date.parse('2026-11-20T08:00:00Z')), {
    platforms: [],
    defaultLocale: 'en',
  });
  seedOrg(store, {
    jobs: [{ id: 'engineer' }],
    people: [person({ id: 'm1' }), person({ id: 'e1', managerId: 'm1' })],
  });
  store.tx((tx) => {
    for (let i = 0; i < 3000; i++) {
      const n = tx.evidence.insertNote(
        {
          personId: 'e1',
          authorId: 'm1',
          kind: 'one_on_one',
          heldOn: '2026-11-01',
          discussion: `Seed note ${i}. ${'A long conversation about the quarter. '.repeat(40)}`,
          kpiKeys: [],
          nextCheckIn: null,
          visibility: 'shared',
        },
        [],
      );
      tx.audit.record({ actorId: 'm1', action: 'load.write', subjectType: 'note', subjectId: n.id });
    }
  });
  conn.close();
}

function startWriter(file: string): Promise<void> {
  writer = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'test/support/write-load.ts'), file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...KEYS },
  });
  return new Promise((resolve, reject) => {
    writer!.stdout.once('data', (d: Buffer) =>
      String(d).includes('started') ? resolve() : reject(new Error(String(d))),
    );
    writer!.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
}
function stopWriter(): Promise<number> {
  return new Promise((resolve) => {
    let out = '';
    writer!.stdout.on('data', (d: Buffer) => (out += String(d)));
    writer!.once('close', () => resolve(Number(out.trim().split('\n').at(-1))));
    writer!.kill('SIGTERM');
  });
}

describe('backup and restore', () => {
  it('backs up under write load from another process, restores, verifies and counts rows', async () => {
    const live = join(dir, 'live.db');
    seed(live);
    await startWriter(live);
    const before = counts(live).notes;
    const backupFile = join(dir, 'copies', 'backup-1.db');
    const b = await cli(['backup', backupFile], live);
    const after = counts(live).notes;
    const written = await stopWriter();

    expect(b.err).toEqual([]);
    expect(b.code).toBe(0);
    expect(b.out[0], JSON.stringify(b)).toMatch(
      /^Backed up to .*backup-1\.db \(\d+ bytes\): integrity ok, audit log ok;/,
    );
    expect(written).toBeGreaterThan(0);
    expect(after).toBeGreaterThan(before); // the writer kept writing while the backup ran
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    // A consistent snapshot: every note has its audit row, taken between the start and the end.
    const copy = counts(backupFile);
    expect(copy.notes).toBe(copy.loadRows);
    expect(copy.notes).toBeGreaterThanOrEqual(before);
    expect(copy.notes).toBeLessThanOrEqual(after);

    // Restore into an empty place (a new server): verified, same rows, plus the record of the restore.
    const restored = join(dir, 'restored.db');
    const r = await cli(['restore', backupFile], restored);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(counts(restored)).toEqual({ ...copy, audit: copy.audit + 1 });
    const v = await cli(['audit', 'verify'], restored);
    expect(v.code).toBe(0);
    expect(v.out[1]).toMatch(/^Signatures, the signed head and 0 checkpoint\(s\) verified/);
    const notes = await cli(['keys', 'status'], restored);
    expect(notes.out.join('\n')).toMatch(/notes\.discussion: 0 plaintext, \d+ under [0-9a-f]{8}/);
  }, 120_000);

  it('refuses to restore over a newer database unless --force, and keeps what it replaced', async () => {
    const live = join(dir, 'live.db');
    seed(live);
    const backupFile = join(dir, 'old.db');
    expect((await cli(['backup', backupFile], live)).code).toBe(0);
    await startWriter(live);
    await stopWriter();
    const newer = counts(live);

    const refused = await cli(['restore', backupFile], live);
    expect(refused.code).toBe(1);
    expect(refused.err.at(-1)).toMatch(/^Refusing to restore: the current database \(.*live\.db\) is newer/);
    expect(counts(live)).toEqual(newer);

    const forced = await cli(['restore', backupFile, '--force'], live);
    expect(forced.code).toBe(0);
    expect(counts(live).notes).toBe(counts(backupFile).notes);
    const kept = readdirSync(dir).filter((f) => f.startsWith('live.db.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(counts(join(dir, kept[0]!))).toEqual(newer);
    expect((await cli(['audit', 'verify'], live)).code).toBe(0);
  }, 120_000);

  it('refuses a damaged backup and changes nothing', async () => {
    const live = join(dir, 'live.db');
    seed(live);
    const backupFile = join(dir, 'b.db');
    expect((await cli(['backup', backupFile], live)).code).toBe(0);
    const db = new Database(backupFile);
    db.prepare(`UPDATE audit_log SET detail = '{"edited":true}' WHERE id = 5`).run();
    db.close();
    const restored = join(dir, 'target.db');
    const r = await cli(['restore', backupFile], restored);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('backup: Audit log BROKEN at row 5: content does not match its hash.');
    expect(r.err.at(-1)).toMatch(/^Refusing to restore .*b\.db: it failed its check\. Nothing was changed\./);
  }, 60_000);

  it('daily backups are named by day and pruned to the newest `keep`', async () => {
    const live = join(dir, 'live.db');
    seed(live);
    const backups = join(dir, 'daily');
    const yml = join(dir, 'dandang.yml');
    (await import('node:fs')).writeFileSync(yml, `backup:\n  dir: ${backups}\n  keep: 2\n`);
    const run = (now: string) =>
      runCli(
        ['backup', '--daily'],
        { out: () => {}, err: () => {} },
        { ...envFor(live), DANDANG_CONFIG: yml },
        new ManualClock(Date.parse(now)),
      );
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) expect(await run(`${day}T04:00:00Z`)).toBe(0);
    expect(await run('2026-11-22T05:00:00Z')).toBe(0); // the day's backup exists: nothing to do
    expect(readdirSync(backups).sort()).toEqual([dailyBackupName('2026-11-21'), dailyBackupName('2026-11-22')]);
    expect(pruneDailyBackups(backups, 5)).toEqual([]);
  }, 60_000);
});
