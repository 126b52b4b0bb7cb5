/**
 * Issue 12 #17: a failed daily backup is not only a log line. The bot's daily trigger runs the real
 * `backup --daily` child; when it fails, HR is told in the HR channel, in its language, through the
 * outbox: one message per failure day, rewritten in place as the hourly retries go on and once a
 * retry succeeds.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { testSettings } from '../support/org.js';
import { loadConfig } from '../../src/config.js';
import { makeDailyBackupTrigger } from '../../adapters/cli/daily-backup.js';
import { makeAlertFailedBackup } from '../../src/usecases/security/alert-failed-backup.js';
import { silentLogger } from '../../src/ports/logger.js';
import { outboxRows } from '../usecases/review/support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup(locale: 'en' | 'zh-CN') {
  db = makeTestDb({ now: '2026-11-22T02:00:00Z' });
  // backup.dir sits under a plain file: the backup cannot create it, so the child fails.
  const blocker = join(db.dir, 'not-a-dir');
  writeFileSync(blocker, 'x');
  const yml = join(db.dir, 'dandang.yml');
  writeFileSync(yml, `timezone: UTC\nbackup:\n  dir: ${join(blocker, 'backups')}\n  time: '03:00'\n`);
  const env = { ...process.env, DANDANG_DB: db.file, DANDANG_CONFIG: yml };
  const config = loadConfig(env);
  const settings = testSettings({ timezone: 'UTC', locale });
  const alert = makeAlertFailedBackup({ store: db.store, clock: db.clock, settings });
  const trigger = makeDailyBackupTrigger(config, db.clock, silentLogger, {
    onOutcome: (o) => {
      alert(o);
    },
    env,
    execArgv: ['--import', 'tsx'],
  });
  const fix = () => {
    rmSync(blocker);
    mkdirSync(join(blocker, 'backups'), { recursive: true });
  };
  return { trigger, fix, backups: join(blocker, 'backups') };
}

const alerts = () => outboxRows(db.conn.sqlite, 'backup-failed:%');

describe('a failed daily backup', () => {
  it('tells HR once per failure day, updates it with each retry, and says when a retry succeeded', async () => {
    const { trigger, fix, backups } = setup('en');
    expect(trigger()).toBeUndefined(); // 02:00: not yet time
    db.clock.set('2026-11-22T03:00:00Z');
    await trigger();
    expect(alerts()).toHaveLength(1);
    const first = alerts()[0]!;
    expect(first).toMatchObject({ key: 'backup-failed:2026-11-22', op: 'post', address: 'CHR' });
    expect(first.message.text).toBe(
      '⚠️ The daily backup failed The backup of 2026-11-22 failed (1 attempt(s), the last at Sun 22 Nov 03:00). The bot keeps running and tries again every hour; until one succeeds, the newest good backup is older than today.',
    );

    // Within the hour nothing is tried again; an hour later the retry fails too: the same message, updated.
    db.clock.set('2026-11-22T03:30:00Z');
    expect(trigger()).toBeUndefined();
    db.clock.set('2026-11-22T04:00:00Z');
    await trigger();
    expect(alerts().map((r) => r.op)).toEqual(['post', 'update']);
    expect(alerts()[1]!.targetKey).toBe('backup-failed:2026-11-22');
    expect(alerts()[1]!.message.text).toContain('(2 attempt(s), the last at Sun 22 Nov 04:00)');

    // The operator fixes the folder; the next retry succeeds and the alert says so.
    fix();
    db.clock.set('2026-11-22T05:00:00Z');
    await trigger();
    const last = alerts().at(-1)!;
    expect(last.op).toBe('update');
    expect(last.message.text).toBe(
      '✅ The daily backup succeeded after a failure The backup of 2026-11-22 succeeded at Sun 22 Nov 05:00, after 2 failed attempt(s).',
    );
    // Still one post: the unsent update was folded into the newest content (the outbox coalesces them).
    expect(alerts().map((r) => r.op)).toEqual(['post', 'update']);
    // (The child names its file by the real clock, not the test's: only that it wrote one is checked.)
    expect(readdirSync(backups).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  }, 60_000);

  it('speaks the HR channel’s language, and a new failure day is a new message', async () => {
    const { trigger } = setup('zh-CN');
    db.clock.set('2026-11-22T03:00:00Z');
    await trigger();
    db.clock.set('2026-11-23T03:00:00Z');
    await trigger();
    expect(alerts().map((r) => [r.key, r.op])).toEqual([
      ['backup-failed:2026-11-22', 'post'],
      ['backup-failed:2026-11-23', 'post'],
    ]);
    expect(alerts()[1]!.message.text).toContain('2026-11-23 的备份失败（已尝试 1 次');
  }, 60_000);
});
