/**
 * The bot's trigger for the daily backup. The backup and its check (integrity_check, the whole
 * audit log) read the entire database, so they run in a child process (`backup --daily`, same env)
 * and never hold up the bot's event loop.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { dateOf, wallTimeAt } from '../../src/domain/zoned-time.js';
import { parseTimeOfDay } from '../../src/domain/dates.js';
import { dailyBackupName } from '../../db/backup.js';

// This file runs as TypeScript (tsx, the tests) or compiled (dist/, npm start): the CLI beside it likewise.
const CLI_ENTRY = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './index.ts' : './index.js', import.meta.url),
);
/** After a failed attempt, wait this long before trying again (the failure is logged each time). */
const RETRY_MS = 3_600_000;

export function makeDailyBackupTrigger(config: Config, clock: Clock, log: Logger) {
  const { daily, dir, time } = config.file.backup;
  const at = parseTimeOfDay(time)!;
  let running = false;
  let retryAfter = 0;
  /** Called every minute by the scheduler; starts at most one backup at a time. */
  return (): void => {
    const now = clock.now();
    if (!daily || running || now < retryAfter) return;
    const wall = wallTimeAt(now, config.file.timezone);
    if (wall.hour * 60 + wall.minute < at.hour * 60 + at.minute) return;
    if (existsSync(resolve(join(dir, dailyBackupName(dateOf(wall)))))) return;
    running = true;
    // Same node flags (tsx's loader) and the same env: the child reads the same config and keys.
    const child = spawn(process.execPath, [...process.execArgv, CLI_ENTRY, 'backup', '--daily'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => {
      running = false;
      if (code === 0) return;
      retryAfter = clock.now() + RETRY_MS;
      log.error({ exitCode: code }, 'the daily backup FAILED; retrying in an hour. See the lines above.');
    });
    child.on('error', (e) => {
      running = false;
      retryAfter = clock.now() + RETRY_MS;
      log.error({ err: e }, 'could not start the daily backup');
    });
  };
}
