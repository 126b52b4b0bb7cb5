/**
 * Personas: in the local workspace the chosen persona IS the authentication (which is why it only
 * binds to loopback). Every request names a persona; the Actor is resolved from the database.
 */
import type { Person, Locale } from '../../src/ports/records.js';
import type { Store } from '../../src/ports/store.js';
import { HR_LOCAL_CHANNEL } from '../../src/ports/settings.js';
import { isHr } from '../../src/domain/people.js';
import { t, type MessageKey } from '../../src/ui/i18n/index.js';

export const PERSONA_COOKIE = 'dandang_persona';

export const dmConversation = (personId: string) => `dm:${personId}`;
/** The Home: not a conversation of messages but the persona's Home screen, drawn afresh on each load. */
export const HOME_VIEW = 'home';
export const teamConversation = (department: string) => `team:${department}`;

/** Who may read a conversation: your own DM; your team channel; HR and admins read every channel. */
export function canSee(p: Person, conversation: string): boolean {
  if (conversation === HOME_VIEW) return true;
  if (conversation.startsWith('dm:')) return conversation === dmConversation(p.id);
  if (conversation.startsWith('team:')) return conversation === teamConversation(p.department) || isHr(p);
  return isHr(p);
}

export interface ConversationEntry {
  id: string;
  label: string;
  kind: 'home' | 'dm' | 'channel';
}

/** The sidebar for a persona: the Home, the DM with the bot, then the channels they can read. */
export function conversationsFor(p: Person, departments: string[], locale: Locale): ConversationEntry[] {
  const list: ConversationEntry[] = [
    { id: HOME_VIEW, label: t(locale, 'local.home'), kind: 'home' },
    { id: dmConversation(p.id), label: t(locale, 'local.botDm'), kind: 'dm' },
  ];
  const visibleTeams = isHr(p) ? departments : departments.filter((d) => d === p.department);
  for (const d of visibleTeams)
    list.push({ id: teamConversation(d), label: t(locale, 'local.teamChannel', { department: d }), kind: 'channel' });
  if (isHr(p)) list.push({ id: HR_LOCAL_CHANNEL, label: t(locale, 'local.hrChannel'), kind: 'channel' });
  return list;
}

/** "Li Na (manager, Sales)". */
export function personaLabel(p: Person, hasReports: boolean, locale: Locale): string {
  const roles: MessageKey[] = [];
  if (p.role === 'admin') roles.push('local.role.admin');
  if (p.role === 'hr') roles.push('local.role.hr');
  if (hasReports) roles.push('local.role.manager');
  if (!roles.length) roles.push('local.role.employee');
  const sep = locale === 'zh-CN' ? '、' : ', ';
  return t(locale, 'local.persona', {
    name: p.name,
    roles: roles.map((k) => t(locale, k)).join(sep),
    department: p.department,
  });
}

/** The persona a request acts as: the cookie's if it names an active person, else a manager. */
export function resolvePersona(store: Store, requested: string | undefined): Person | null {
  return store.read((tx) => {
    const chosen = requested ? tx.org.person(requested) : null;
    if (chosen?.active) return chosen;
    const people = tx.org.activePeople();
    return people.find((p) => tx.org.reportsOf(p.id).length > 0) ?? people[0] ?? null;
  });
}
