/**
 * A person as a reader: the language a message to them is written in, the zone their dates are in,
 * and their managers. The one home of these rules; every feature calls them.
 */
import type { ReadTx } from '../../ports/store.js';
import type { Locale, Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import { translator, type T } from '../../ui/i18n/index.js';
import { dateIn } from '../../domain/dates.js';
import { formatLocal } from '../../domain/schedule.js';
import { readerLocale } from '../../domain/locale.js';

type Reader = Pick<Person, 'locale'> | null | undefined;

/**
 * The reader's language: their own, else the org's (`settings.locale`, which is zh-CN for a
 * Feishu-only install: src/domain/locale.ts). An unknown value (a hand-edited row) or an unknown
 * reader gets the org's. Adapters call this too (through src/app/actor.ts), so a Feishu card, its
 * outbox DM and a use case's text agree.
 */
export function localeOf(p: Reader, settings: Pick<AppSettings, 'locale'>): Locale {
  return readerLocale(p?.locale, settings.locale);
}

export const tFor = (p: Reader, settings: Pick<AppSettings, 'locale'>): T => translator(localeOf(p, settings));

/** The person's zone, else the org's. */
export const zoneOf = (
  p: Pick<Person, 'timezone'> | null | undefined,
  settings: Pick<AppSettings, 'timezone'>,
): string => p?.timezone ?? settings.timezone;

/** Today's calendar date where the person is. */
export const todayFor = (
  p: Pick<Person, 'timezone'> | null | undefined,
  settings: Pick<AppSettings, 'timezone'>,
  now: number,
): string => dateIn(now, zoneOf(p, settings));

/** An instant as the person reads it ("Fri 27 Nov 18:00" / "11月27日 周五 18:00"): their zone, their language. */
export const localTimeFor = (
  p: Pick<Person, 'timezone' | 'locale'> | null | undefined,
  settings: Pick<AppSettings, 'timezone' | 'locale'>,
  instant: number,
): string => formatLocal(instant, zoneOf(p, settings), localeOf(p, settings));

/** The person's managers, direct one first (cycles in bad data end the walk). */
export function managerChain(tx: ReadTx, personId: string): string[] {
  const chain: string[] = [];
  let current = tx.org.person(personId)?.managerId ?? null;
  while (current && !chain.includes(current) && chain.length < 64) {
    chain.push(current);
    current = tx.org.person(current)?.managerId ?? null;
  }
  return chain;
}
