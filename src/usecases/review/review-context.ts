/**
 * Small helpers the review use cases share: whose zone and locale a message is built in, and the
 * manager's nudge, rebuilt from the db whenever its progress changes.
 */
import type { Tx } from '../../ports/store.js';
import type { Person, Locale } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { SlotView } from '../../ports/repos/reviews.js';
import { translator, type T } from '../../ui/i18n/index.js';
import { formatLocal } from '../../domain/schedule.js';
import { buildNudge } from '../../ui/screens/review/nudge.js';
import type { Message, Reply } from '../../ui/model.js';
import type { Failure } from '../result.js';

export const zoneOf = (p: Pick<Person, 'timezone'> | null | undefined, s: Pick<AppSettings, 'timezone'>) =>
  p?.timezone ?? s.timezone;
export const localeOf = (p: Pick<Person, 'locale'> | null | undefined, s: Pick<AppSettings, 'locale'>): Locale =>
  p?.locale ?? s.locale;
export const tFor = (p: Pick<Person, 'locale'> | null | undefined, s: Pick<AppSettings, 'locale'>): T =>
  translator(localeOf(p, s));

/** A due instant as the person reads it: their zone, their language. */
export const dueText = (
  instant: number,
  p: Pick<Person, 'timezone' | 'locale'> | null | undefined,
  s: Pick<AppSettings, 'timezone' | 'locale'>,
) => formatLocal(instant, zoneOf(p, s), localeOf(p, s));

export const nudgeKey = (cycleId: number, managerId: string) => `nudge:${cycleId}:${managerId}`;
export const employeeReviewKey = (reviewId: number) => `review:${reviewId}:employee`;

/** The nudge of one manager in one cycle, from their slots (all of them, done and pending). */
export function nudgeMessage(manager: Person, slots: SlotView[], settings: AppSettings): Message | null {
  const first = slots[0];
  if (!first) return null;
  return buildNudge(tFor(manager, settings), {
    period: first.cycleLabel,
    due: dueText(first.dueAt, manager, settings),
    slots: slots.map((s) => ({ slotId: s.id, employeeName: s.employeeName, submitted: s.status === 'submitted' })),
  });
}

/** Rewrites the manager's nudge in place with the current progress ("2 of 3 done"). */
export function refreshNudge(
  tx: Tx,
  cycleId: number,
  managerId: string,
  settings: AppSettings,
): { done: number; total: number } {
  const manager = tx.org.person(managerId);
  const slots = tx.reviews.slotViews({ cycleId, managerId });
  const msg = manager && nudgeMessage(manager, slots, settings);
  if (manager && msg) tx.outbox.update(nudgeKey(cycleId, managerId), msg, localeOf(manager, settings));
  return { done: slots.filter((s) => s.status === 'submitted').length, total: slots.length };
}

/**
 * What an interactive review use case returns. (Result<Reply> would distribute over the Reply
 * union, so the ok branch is spelled out.)
 */
export type ReplyResult = Failure | { ok: true; value: Reply };
export const reply = (value: Reply): ReplyResult => ({ ok: true, value });
