import type { Message } from '../model.js';
import type { T } from '../i18n/index.js';

/** The `/dandang help` card; HR and admins also see the HR-only commands. */
export function buildHelp(t: T, opts: { isHr: boolean }): Message {
  return {
    text: t('help.title'),
    blocks: [
      { type: 'header', text: t('help.title') },
      { type: 'text', text: t('help.intro') },
      { type: 'divider' },
      { type: 'text', text: t('help.review') },
      ...(opts.isHr ? [{ type: 'text' as const, text: t('help.reviewHr') }] : []),
      { type: 'text', text: t('help.note') },
      { type: 'text', text: t('help.training') },
      { type: 'text', text: t('help.adjust') },
      { type: 'text', text: t('help.offboard') },
      ...(opts.isHr ? [{ type: 'text' as const, text: t('help.hrTools') }] : []),
      { type: 'text', text: t('help.dandang') },
      { type: 'context', text: t('help.footer') },
    ],
  };
}
