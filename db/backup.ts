/**
 * Online backups with SQLite's backup API, a check of any database file, and restore.
 *
 * A backup is copied into `<file>.partial`, switched to a self-contained rollback-journal file,
 * checked (integrity_check and the audit log), and only then renamed to `<file>`: a file with the
 * final name is always a complete, verified copy.
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditVerification } from '../src/domain/audit-chain.js';
import { verifyAuditLog } from './repos/audit.js';

/** Pages copied per step while nothing else writes; the whole rest in one step once a writer restarts it. */
const STEP_PAGES = 1000;
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database behind `sqlite` into `dest` while others keep writing. SQLite restarts a
 * backup when another connection writes to the source between steps; so after the first restart
 * the rest is copied in one step, which holds only a read snapshot (WAL: writers carry on).
 */
export async function copyDatabase(sqlite: Database.Database, dest: string): Promise<void> {
  let lastRemaining = Infinity;
  let restarted = false;
  await sqlite.backup(dest, {
    progress: ({ remainingPages }) => {
      if (remainingPages > lastRemaining) restarted = true;
      lastRemaining = remainingPages;
      return restarted ? ALL_PAGES : STEP_PAGES;
    },
  });
}

const COUNTED = ['people', 'reviews', 'notes', 'cases', 'acknowledgments', 'audit_log', 'outbox'] as const;

export interface DatabaseCheck {
  /** `ok`, or the first problems integrity_check found. */
  integrity: string;
  audit: AuditVerification;
  /** Rows per table that matter to an operator checking a restore. */
  counts: Record<(typeof COUNTED)[number], number>;
  /** When the last audited change happened (epoch ms), or null for an empty log. */
  lastChangeAt: number | null;
}

/** integrity_check, the audit log (signatures too when `auditKey` is given), and row counts. */
export function checkDatabase(sqlite: Database.Database, auditKey: Buffer | null): DatabaseCheck {
  const integrity = (sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[])
    .slice(0, 5)
    .map((r) => r.integrity_check)
    .join('; ');
  const counts = Object.fromEntries(
    COUNTED.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
  ) as DatabaseCheck['counts'];
  const lastChangeAt = (sqlite.prepare('SELECT max(at) FROM audit_log').pluck().get() as number | null) ?? null;
  return { integrity, audit: verifyAuditLog({ sqlite, auditKey }), counts, lastChangeAt };
}

export const checkPassed = (c: DatabaseCheck) => c.integrity === 'ok' && c.audit.problems.length === 0;

/** Opens a database file without migrating or writing it (a backup, or a file about to be restored). */
export function openForCheck(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * Backs up, checks the copy, and names it `dest` only if the check passed (or, with
 * `keepFailed`, in any case: the copy a restore keeps of what it replaces).
 */
export async function backupTo(
  sqlite: Database.Database,
  dest: string,
  auditKey: Buffer | null,
  opts: { keepFailed?: boolean } = {},
): Promise<{ check: DatabaseCheck; bytes: number }> {
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  try {
    await copyDatabase(sqlite, partial);
    // A self-contained file: no -wal or -shm next to it, so it can be copied off-site as is.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    chmodSync(partial, 0o600);
    const reader = openForCheck(partial);
    let check: DatabaseCheck;
    try {
      check = checkDatabase(reader, auditKey);
    } finally {
      reader.close();
    }
    if (!checkPassed(check) && !opts.keepFailed) return { check, bytes: 0 };
    renameSync(partial, dest);
    return { check, bytes: statSync(dest).size };
  } finally {
    rmSync(partial, { force: true });
  }
}

/** `dandang-YYYY-MM-DD.db`: the name of a daily backup, sortable by day. */
export const dailyBackupName = (day: string) => `dandang-${day}.db`;
const DAILY = /^dandang-\d{4}-\d{2}-\d{2}\.db$/;

/** Deletes all but the newest `keep` daily backups in `dir`; returns the names deleted. */
export function pruneDailyBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const daily = readdirSync(dir)
    .filter((f) => DAILY.test(f))
    .sort();
  const old = daily.slice(0, Math.max(0, daily.length - keep));
  for (const f of old) rmSync(join(dir, f), { force: true });
  return old;
}

/**
 * Writes the backup's pages over the database at `target` through SQLite (so its WAL and locks are
 * honoured). The caller has checked the backup and kept a copy of what it replaces.
 */
export async function restoreInto(backupFile: string, target: string): Promise<void> {
  const source = openForCheck(backupFile);
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
}
