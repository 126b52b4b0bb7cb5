/**
 * Helpers the evidence use cases share: who the asker is to the subject (read from the db, never
 * from a button value), the recipient's locale and zone, and common form-field parsing.
 * Use cases do not call each other; they call these.
 */
import type { Tx } from '../../ports/store.js';
import type { Person, Locale } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Clock } from '../../ports/clock.js';
import { canAccess, relationsOf, type AccessContext, type Operation, type RecordType } from '../../domain/access.js';
import { wallTimeAt, dateOf } from '../../domain/zoned-time.js';
import { translator, type T } from '../../ui/i18n/index.js';
import type { FormValues, Option } from '../../ui/model.js';

export interface EvidenceDeps {
  store: import('../../ports/store.js').Store;
  clock: Clock;
  settings: AppSettings;
}

/** The subject's managers, direct one first. */
export function managerChain(tx: Tx, personId: string): string[] {
  const chain: string[] = [];
  let current = tx.org.person(personId)?.managerId ?? null;
  while (current && !chain.includes(current) && chain.length < 64) {
    chain.push(current);
    current = tx.org.person(current)?.managerId ?? null;
  }
  return chain;
}

/** The asker is re-read from the db: a role change or deactivation takes effect at once. */
/**
 * Select options for picking a person (a trainer, a witness): the actor first, then the subject's
 * management chain, then `others`, without the subject, duplicates or inactive people, at most 100.
 */
export function personOptions(tx: Tx, subject: Person, actor: Person, others: Iterable<Person>): Option[] {
  const seen = new Set<string>([subject.id]);
  const out: Option[] = [];
  const add = (p: Person | null) => {
    if (!p || seen.has(p.id) || !p.active || out.length >= 100) return;
    seen.add(p.id);
    out.push({ value: p.id, label: p.name });
  };
  add(actor);
  for (const id of managerChain(tx, subject.id)) add(tx.org.person(id));
  for (const p of others) add(p);
  return out;
}

export function accessContext(
  tx: Tx,
  asker: Person,
  subjectId: string,
  extra: Omit<AccessContext, 'relations'> = {},
): AccessContext {
  const fresh = tx.org.person(asker.id);
  if (!fresh || !fresh.active) return { relations: ['other'], ...extra };
  return { relations: relationsOf(fresh, subjectId, managerChain(tx, subjectId)), ...extra };
}

export function may(
  tx: Tx,
  asker: Person,
  subjectId: string,
  op: Operation,
  record: RecordType,
  extra: Omit<AccessContext, 'relations'> = {},
): boolean {
  return canAccess(accessContext(tx, asker, subjectId, extra), op, record);
}

export const localeOf = (p: Person | null, settings: AppSettings): Locale => p?.locale ?? settings.locale;
export const tFor = (p: Person | null, settings: AppSettings): T => translator(localeOf(p, settings));
export const zoneOf = (p: Person | null, settings: AppSettings): string => p?.timezone ?? settings.timezone;

/** Today's calendar date in the person's zone. */
export const todayFor = (p: Person | null, settings: AppSettings, now: number): string =>
  dateOf(wallTimeAt(now, zoneOf(p, settings)));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (s: string): boolean =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** One trimmed string value of a form ('' when absent); multiselect values are joined. */
export const str = (v: FormValues, id: string): string => {
  const x = v[id];
  return (Array.isArray(x) ? x.join(',') : (x ?? '')).trim();
};
export const list = (v: FormValues, id: string): string[] => {
  const x = v[id];
  if (Array.isArray(x)) return x.filter(Boolean);
  return x
    ? x
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
};

/** `HH:MM` (24h) → minutes since midnight, or null. */
export function parseTime(s: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(s.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** `key@version` of a person's current job KPIs, the subject id of a KPI acknowledgment. */
export const kpiSubjectId = (jobId: string, version: number): string => `${jobId}@${version}`;
