/**
 * The actor every adapter hands the router, and the language an adapter answers someone in. The
 * language rule is the use cases' own (`localeOf`, src/usecases/shared/people.ts), so a card's
 * answer, its outbox DMs and the text a use case writes always agree.
 */
import type { Person, Platform } from '../ports/records.js';
import type { AppSettings } from '../ports/settings.js';
import { localeOf } from '../usecases/shared/people.js';
import type { Actor } from './types.js';

export { localeOf };

/** The person a platform user id resolved to, acting on `platform`, in their language. */
export const actorOf = (person: Person, platform: Platform, settings: Pick<AppSettings, 'locale'>): Actor => ({
  person,
  platform,
  locale: localeOf(person, settings),
});
