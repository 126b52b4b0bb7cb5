/**
 * The languages Dandang writes, and the one rule for which of them a reader gets. Everything that
 * picks a language calls this: the use cases (`localeOf` in src/usecases/shared/people.ts), the
 * adapters (through src/app/actor.ts), the outbox rows (db/repos/outbox.ts) and the config default.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/**
 * The organisation's language when dandang.yml names none. Feishu users read Chinese: an install
 * whose only chat platform is Feishu defaults to zh-CN; an install with Slack, or with neither,
 * defaults to English. A person whose record names a language keeps it on every platform.
 */
export const defaultLocale = (chat: { slack: boolean; feishu: boolean }): Locale =>
  chat.feishu && !chat.slack ? 'zh-CN' : 'en';

/**
 * The language to write to a reader in: their own when it is one we write (a hand-edited row may
 * hold anything), else the organisation's. Someone we do not know at all gets the organisation's.
 */
export const readerLocale = (own: string | null | undefined, orgLocale: Locale): Locale =>
  isLocale(own) ? own : orgLocale;

/**
 * A channel's language, from the people who read it: the language most of them read (each their
 * own, else the organisation's), the organisation's on a tie or when nobody is known. One message
 * is posted for everyone in a channel, so it goes out in one language.
 */
export function channelLocale(readers: readonly (string | null | undefined)[], orgLocale: Locale): Locale {
  const counts = new Map<Locale, number>();
  for (const own of readers) {
    const l = readerLocale(own, orgLocale);
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const leaders = LOCALES.filter((l) => counts.get(l) === most);
  return leaders.length === 1 ? leaders[0]! : orgLocale;
}
