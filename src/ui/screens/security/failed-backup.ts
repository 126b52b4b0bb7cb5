import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';

/** What the HR channel is told about the day's backup. */
export interface BackupAlert {
  /** The day whose backup it is (`YYYY-MM-DD`, the org's zone). */
  day: string;
  /** Failed attempts that day so far. */
  attempts: number;
  /** The last attempt (or the success), already in the channel's zone and language. */
  last: string;
  /** True once a later attempt that day succeeded. */
  recovered: boolean;
}

/**
 * The HR channel's alert that the daily backup failed, one per day, rewritten in place with each
 * further attempt and once one succeeds.
 */
export function buildBackupAlert(t: T, a: BackupAlert): Message {
  const vars = { day: a.day, attempts: a.attempts, last: a.last };
  if (a.recovered) {
    const body = t('sec.backup.recoveredBody', vars);
    return {
      text: `${t('sec.backup.recoveredTitle')} ${body}`,
      blocks: [
        { type: 'header', text: t('sec.backup.recoveredTitle') },
        { type: 'text', text: body },
      ],
    };
  }
  const body = t('sec.backup.failedBody', vars);
  return {
    text: `${t('sec.backup.failedTitle')} ${body}`,
    blocks: [
      { type: 'header', text: t('sec.backup.failedTitle') },
      { type: 'text', text: body },
      { type: 'context', text: t('sec.backup.failedNext') },
    ],
  };
}
