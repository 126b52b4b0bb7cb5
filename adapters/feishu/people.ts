/** Feishu open_id ↔ Dandang people. */
import type { Store } from '../../src/ports/store.js';
import type { Actor } from '../../src/app/types.js';
import { actorOf, localeOf } from '../../src/app/actor.js';
import type { Locale, Person } from '../../src/ports/records.js';
import type { AppSettings } from '../../src/ports/settings.js';
import type { MentionLookup } from './render/markup.js';

/** An active person acting from Feishu; null for an unknown or deactivated open_id. */
export function actorByOpenId(store: Store, openId: string, settings: Pick<AppSettings, 'locale'>): Actor | null {
  const person = personByOpenId(store, openId);
  if (!person || !person.active) return null;
  return actorOf(person, 'feishu', settings);
}

/** The language to answer an open_id in, known or not (the one rule: src/domain/locale.ts). */
export const localeByOpenId = (store: Store, openId: string, settings: Pick<AppSettings, 'locale'>): Locale =>
  localeOf(openId ? personByOpenId(store, openId) : null, settings);

export function personByOpenId(store: Store, openId: string): Person | null {
  return store.read((tx) => tx.org.personByFeishuId(openId));
}

export function mentionLookup(store: Store): MentionLookup {
  return (personId) => {
    const p = store.read((tx) => tx.org.person(personId));
    return p ? { openId: p.feishuOpenId, name: p.name } : null;
  };
}
