/**
 * A channel as a reader: the language a message posted to it is written in. One message is read by
 * everyone in the channel, so a channel has one language, like a person. The one home of the rule;
 * every use case that posts to a channel calls it (DMs use `localeOf` in ./people.ts).
 */
import type { Tx } from '../../ports/store.js';
import type { Locale } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import { channelLocale } from '../../domain/locale.js';
import { translator, type T } from '../../ui/i18n/index.js';

type ChannelSettings = Pick<AppSettings, 'locale' | 'hrChannelLocale'>;

/**
 * The HR channel's language: `hrChannel.locale` in dandang.yml, else what most of HR reads (the
 * people whose role is HR; admins only where there are none), else the organisation's. A Chinese
 * HR team in an English-default install reads its case cards in Chinese, as its toasts are.
 */
export function hrChannelLocale(tx: Pick<Tx, 'org'>, settings: ChannelSettings): Locale {
  if (settings.hrChannelLocale) return settings.hrChannelLocale;
  const readers = tx.org.hrReaders();
  const hr = readers.filter((r) => r.role === 'hr');
  return channelLocale(
    (hr.length ? hr : readers).map((r) => r.locale),
    settings.locale,
  );
}

export const hrChannelT = (tx: Pick<Tx, 'org'>, settings: ChannelSettings): T =>
  translator(hrChannelLocale(tx, settings));

/**
 * A team channel's language: what most of its people read (the employees whose team channel it is
 * and their managers), else the organisation's.
 */
export const teamChannelLocale = (
  people: readonly { locale: string | null | undefined }[],
  settings: Pick<AppSettings, 'locale'>,
): Locale =>
  channelLocale(
    people.map((p) => p.locale),
    settings.locale,
  );
