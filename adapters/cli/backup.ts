/**
 * `backup <file>`, `backup --daily` and `restore <file> [--force]` (docs/operations.md).
 * Backups are taken online with SQLite's backup API while the bot runs, and checked before they
 * get their name. A restore checks the backup, refuses to replace a newer database without
 * --force, and keeps a copy of what it replaces.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDatabase } from '../../db/client.js';
import { makeAuditLog } from '../../db/repos/audit.js';
import {
  backupTo,
  checkDatabase,
  checkPassed,
  dailyBackupName,
  openForCheck,
  pruneDailyBackups,
  restoreInto,
  type DatabaseCheck,
} from '../../db/backup.js';
import { dateIn } from '../../src/domain/dates.js';
import { printVerification } from './audit.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from './context.js';

export const USAGE_BACKUP = 'Usage: npm run dandang -- backup <file> | backup --daily';
export const USAGE_RESTORE = 'Usage: npm run dandang -- restore <backup file> [--force]';

const stamp = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString());
const describe = (c: DatabaseCheck) =>
  `${c.counts.audit_log} audit rows, last change ${stamp(c.lastChangeAt)}; ` +
  `${c.counts.people} people, ${c.counts.reviews} reviews, ${c.counts.notes} notes, ${c.counts.cases} cases`;

function printCheck(label: string, c: DatabaseCheck, ctx: CliContext): boolean {
  if (c.integrity !== 'ok') ctx.err(`${label}: integrity_check failed: ${c.integrity}`);
  const auditOk = printVerification(c.audit, {
    out: (l) => ctx.out(`${label}: ${l}`),
    err: (l) => ctx.err(`${label}: ${l}`),
  });
  return c.integrity === 'ok' && auditOk;
}

async function backup(file: string, ctx: CliContext): Promise<number> {
  const dest = resolve(file);
  if (!existsSync(dirname(dest))) mkdirSync(dirname(dest), { recursive: true });
  if (existsSync(dest)) {
    ctx.err(`${dest} exists; choose a new file name (a backup never overwrites one).`);
    return EXIT_USAGE;
  }
  const { check, bytes } = await backupTo(ctx.conn.sqlite, dest, ctx.conn.auditKey);
  if (!checkPassed(check)) {
    printCheck('backup copy', check, ctx);
    ctx.err('The copy failed its check and was deleted. The database itself may be damaged: run audit verify.');
    return EXIT_INVALID;
  }
  ctx.out(`Backed up to ${dest} (${bytes} bytes): integrity ok, audit log ok; ${describe(check)}.`);
  ctx.store.tx((tx) =>
    tx.audit.record({
      actorId: null,
      action: 'backup.create',
      subjectType: 'database',
      subjectId: 'main',
      detail: { file: dest, bytes, auditRows: check.audit.rows, head: check.audit.head },
    }),
  );
  return EXIT_OK;
}

/** Today's backup into `backup.dir`, unless it exists, then prune to `backup.keep`. Run by the bot's scheduler. */
async function daily(ctx: CliContext): Promise<number> {
  const { dir, keep } = ctx.config.file.backup;
  const day = dateIn(ctx.clock.now(), ctx.config.file.timezone);
  const dest = resolve(join(dir, dailyBackupName(day)));
  if (existsSync(dest)) {
    ctx.out(`Today's backup exists: ${dest}`);
    return EXIT_OK;
  }
  const code = await backup(dest, ctx);
  if (code !== EXIT_OK) return code;
  for (const f of pruneDailyBackups(resolve(dir), keep)) ctx.out(`Deleted old backup ${f} (keeping ${keep}).`);
  return EXIT_OK;
}

export const backupCommand: CliCommand = async (args, ctx) => {
  if (args.length === 1 && args[0] === '--daily') return daily(ctx);
  if (args.length !== 1 || args[0]!.startsWith('--')) {
    ctx.err(USAGE_BACKUP);
    return EXIT_USAGE;
  }
  return backup(args[0]!, ctx);
};

export const restoreCommand: CliCommand = async (args, ctx) => {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('--')) {
    ctx.err(USAGE_RESTORE);
    return EXIT_USAGE;
  }
  const file = resolve(files[0]!);
  if (!existsSync(file)) {
    ctx.err(`Cannot read ${file}: no such file`);
    return EXIT_USAGE;
  }
  const reader = openForCheck(file);
  let incoming: DatabaseCheck;
  try {
    incoming = checkDatabase(reader, ctx.conn.auditKey);
  } finally {
    reader.close();
  }
  if (!printCheck('backup', incoming, ctx)) {
    ctx.err(`Refusing to restore ${file}: it failed its check. Nothing was changed.`);
    return EXIT_INVALID;
  }
  const current = checkDatabase(ctx.conn.sqlite, ctx.conn.auditKey);
  ctx.out(`Backup:  ${describe(incoming)}`);
  ctx.out(`Current: ${describe(current)}`);
  const newer =
    current.counts.audit_log > incoming.counts.audit_log || (current.lastChangeAt ?? 0) > (incoming.lastChangeAt ?? 0);
  if (newer && !force) {
    ctx.err(
      `Refusing to restore: the current database (${ctx.config.env.DANDANG_DB}) is newer than the backup. ` +
        'Changes made since the backup would be lost. Add --force to restore anyway.',
    );
    return EXIT_INVALID;
  }
  // Keep what is about to be replaced, checked like any backup.
  const target = resolve(ctx.config.env.DANDANG_DB);
  const kept = `${target}.before-restore-${new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, '-')}`;
  await backupTo(ctx.conn.sqlite, kept, ctx.conn.auditKey, { keepFailed: true });
  ctx.out(`Kept the current database as ${kept}`);
  ctx.conn.close();
  await restoreInto(file, target);
  // Reopen through the normal path: migrations bring an older backup's schema up to date.
  const reopened = openDatabase(target, { auditKey: ctx.conn.auditKey });
  try {
    const after = checkDatabase(reopened.sqlite, reopened.auditKey);
    if (!printCheck('restored', after, ctx)) return EXIT_INVALID;
    // The restored chain goes on with a record of the restore itself.
    reopened.sqlite
      .transaction(() =>
        makeAuditLog(reopened, ctx.clock).record({
          actorId: null,
          action: 'backup.restore',
          subjectType: 'database',
          subjectId: 'main',
          detail: { file, kept, auditRows: after.audit.rows, head: after.audit.head, forced: newer },
        }),
      )
      .immediate();
    ctx.out(`Restored ${file} into ${target}: ${describe(after)}.`);
  } finally {
    reopened.close();
  }
  ctx.out('Start the bot again. Messages queued after the backup was taken are not in it; see docs/operations.md.');
  return EXIT_OK;
};
