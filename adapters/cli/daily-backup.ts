/**
 * The bot's trigger for the daily backup. The backup and its check (integrity_check, the whole
 * audit log) read the entire database, so they run in a child process (`backup --daily`, same env)
 * and never hold up the bot's event loop. A failure is logged and told to HR (once per failure
 * day, updated with each hourly retry and when one succeeds).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../src/config.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { dateOf, wallTimeAt } from '../../src/domain/zoned-time.js';
import { parseTimeOfDay } from '../../src/domain/dates.js';
import { dailyBackupName } from '../../db/backup.js';
import { appFile, RUNNING_BUILT } from '../../db/app-root.js';
import type { BackupOutcome } from '../../src/usecases/security/alert-failed-backup.js';

// This file runs as TypeScript (tsx, the tests) or built (dist/, npm start): the CLI likewise.
const CLI_ENTRY = appFile(RUNNING_BUILT ? 'adapters/cli/index.js' : 'adapters/cli/index.ts');
/** After a failed attempt, wait this long before trying again (the failure is logged each time). */
const RETRY_MS = 3_600_000;

export interface DailyBackupOptions {
  /**
   * Told of each failed attempt, and of a success after failures the same day: the bot passes the
   * HR alert (src/usecases/security/alert-failed-backup.ts). An error it throws is logged.
   */
  onOutcome?: (outcome: BackupOutcome) => void;
  /** The child's environment and node flags; the bot's own by default (tests point them elsewhere). */
  env?: NodeJS.ProcessEnv;
  execArgv?: string[];
}

export function makeDailyBackupTrigger(config: Config, clock: Clock, log: Logger, options: DailyBackupOptions = {}) {
  const { daily, dir, time } = config.file.backup;
  const at = parseTimeOfDay(time)!;
  let running = false;
  let retryAfter = 0;
  /** Failed attempts per day, for the HR alert (a restart starts the count again; the alert is per day). */
  const failures = new Map<string, number>();
  const report = (outcome: BackupOutcome) => {
    try {
      options.onOutcome?.(outcome);
    } catch (err) {
      log.error({ err }, 'could not tell HR about the daily backup');
    }
  };
  const failed = (day: string) => {
    running = false;
    retryAfter = clock.now() + RETRY_MS;
    const failedAttempts = (failures.get(day) ?? 0) + 1;
    failures.clear();
    failures.set(day, failedAttempts);
    report({ day, failedAttempts, succeeded: false });
  };
  /** Called every minute by the scheduler; starts at most one backup at a time. Resolves when it ends. */
  return (): Promise<void> | undefined => {
    const now = clock.now();
    if (!daily || running || now < retryAfter) return;
    const wall = wallTimeAt(now, config.file.timezone);
    if (wall.hour * 60 + wall.minute < at.hour * 60 + at.minute) return;
    const day = dateOf(wall);
    if (existsSync(resolve(join(dir, dailyBackupName(day))))) return;
    running = true;
    // Same node flags (tsx's loader) and the same env: the child reads the same config and keys.
    const child = spawn(process.execPath, [...(options.execArgv ?? process.execArgv), CLI_ENTRY, 'backup', '--daily'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      ...(options.env ? { env: options.env } : {}),
    });
    return new Promise<void>((settle) => {
      child.on('exit', (code) => {
        if (code === 0) {
          running = false;
          const failedAttempts = failures.get(day);
          if (failedAttempts) report({ day, failedAttempts, succeeded: true });
          failures.delete(day);
        } else {
          log.error({ exitCode: code }, 'the daily backup FAILED; retrying in an hour. See the lines above.');
          failed(day);
        }
        settle();
      });
      child.on('error', (e) => {
        log.error({ err: e }, 'could not start the daily backup');
        failed(day);
        settle();
      });
    });
  };
}
