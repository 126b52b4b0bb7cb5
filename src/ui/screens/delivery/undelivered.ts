import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';

/** The HR channel's alert that messages were set aside as undeliverable (one per platform per hour, updated). */
export function buildUndeliveredAlert(
  t: T,
  a: { platformLabel: string; count: number; since: string; window: string },
): Message {
  const body = t('delivery.undelivered.body', {
    count: a.count,
    platform: a.platformLabel,
    since: a.since,
    window: a.window,
  });
  return {
    text: `${t('delivery.undelivered.title')} ${body}`,
    blocks: [
      { type: 'header', text: t('delivery.undelivered.title') },
      { type: 'text', text: body },
      { type: 'context', text: t('delivery.undelivered.next') },
    ],
  };
}
