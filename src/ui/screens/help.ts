import type { Block, Message } from '../model.js';
import type { T } from '../i18n/index.js';

/**
 * The `/dandang help` card, for one reader: everyone's own-record commands; a manager's review,
 * note, training and case commands; HR's tools only to HR and admins (the audiences of
 * src/app/commands.ts, which test/app/commands.test.ts holds this card to).
 */
export function buildHelp(t: T, reader: { isHr: boolean; isManager: boolean }): Message {
  const line = (text: string): Block => ({ type: 'text', text });
  const manager = reader.isHr || reader.isManager;
  return {
    text: t('help.title'),
    blocks: [
      { type: 'header', text: t('help.title') },
      { type: 'text', text: t('help.intro') },
      { type: 'divider' },
      line(t('help.mine')),
      ...(manager
        ? [t('help.review'), t('help.note'), t('help.training'), t('help.adjust'), t('help.offboard')].map(line)
        : []),
      ...(reader.isHr ? [line(t('help.reviewHr')), line(t('help.hrTools'))] : []),
      line(t('help.dandang')),
      { type: 'context', text: t('help.footer') },
    ],
  };
}
