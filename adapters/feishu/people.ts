/** Feishu open_id ↔ Dandang people. */
import type { Store } from '../../src/ports/store.js';
import type { Actor } from '../../src/app/types.js';
import type { Locale, Person } from '../../src/ports/records.js';
import type { MentionLookup } from './render/markup.js';

/** Feishu users read Chinese unless their record says otherwise. */
export const localeOf = (person: Person | null): Locale => person?.locale ?? 'zh-CN';

export function actorByOpenId(store: Store, openId: string): Actor | null {
  const person = store.tx((tx) => tx.org.personByFeishuId(openId));
  if (!person || !person.active) return null;
  return { person, platform: 'feishu', locale: localeOf(person) };
}

export function personByOpenId(store: Store, openId: string): Person | null {
  return store.tx((tx) => tx.org.personByFeishuId(openId));
}

export function mentionLookup(store: Store): MentionLookup {
  return (personId) => {
    const p = store.tx((tx) => tx.org.person(personId));
    return p ? { openId: p.feishuOpenId, name: p.name } : null;
  };
}
