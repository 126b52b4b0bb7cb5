/**
 * Tells HR, in the HR channel and in its language, that the daily backup failed (issue 12 #17): a
 * backup nobody hears about failing is found missing on the day it is needed. One message per
 * failure day (`backup-failed:<day>`), rewritten in place with the attempt count as the hourly
 * retries go on, and once more when a later attempt that day succeeds. Through the outbox, like
 * every message; the server log keeps the cause.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { translator } from '../../ui/i18n/index.js';
import { buildBackupAlert } from '../../ui/screens/security/failed-backup.js';
import { formatLocal } from '../../domain/schedule.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { ok, type Result } from '../result.js';
import { hrChannelLocale } from '../shared/channels.js';

export interface BackupOutcome {
  /** The day whose backup was attempted (`YYYY-MM-DD`, the org's zone). */
  day: string;
  /** Failed attempts that day so far (for a success: the failures before it). */
  failedAttempts: number;
  /** This attempt succeeded. Only reported after a failure the same day. */
  succeeded: boolean;
}

export const makeAlertFailedBackup =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: BackupOutcome): Result<{ key: string; posted: boolean }> => {
    const key = outboxKeys.backupFailed(input.day);
    return store.tx((tx) => {
      const locale = hrChannelLocale(tx, settings);
      const message = buildBackupAlert(translator(locale), {
        day: input.day,
        attempts: input.failedAttempts,
        last: formatLocal(clock.now(), settings.timezone, locale),
        recovered: input.succeeded,
      });
      if (input.succeeded) {
        // Good news only where there was bad news: rewrites the day's alert, a no-op without one.
        tx.outbox.update(key, message, locale);
        return ok({ key, posted: false });
      }
      const posted = tx.outbox.post({ key, to: { channel: settings.hrChannel }, message, locale });
      if (!posted) tx.outbox.update(key, message, locale);
      return ok({ key, posted });
    });
  };
