/**
 * The manager's nudge: one DM per manager and week ("You have 3 reviews due …"), listing every
 * report due that week whatever department's cycle they belong to, grouped by due time when the
 * cycles differ. Built from the db whenever its content changes (a cycle joins it, a review is
 * submitted), so the message always shows the current state; its key is `nudge:<week>:<manager>`.
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { ReviewSlot, SlotView } from '../../ports/repos/reviews.js';
import type { Message } from '../../ui/model.js';
import { buildNudge, type NudgeGroup } from '../../ui/screens/review/nudge.js';
import { periodContaining } from '../../domain/schedule.js';
import { localeOf, localTimeFor, tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

/** `review_slots.nudge_week` of slots from before nudges were merged: their nudge is keyed by the cycle. */
export const LEGACY_NUDGE_WEEK = 'legacy';

/** The group a slot's nudge and reminders belong to: its nudge week, or its cycle for older slots. */
export const nudgeGroupOf = (s: Pick<ReviewSlot, 'nudgeWeek' | 'cycleId'>): string =>
  s.nudgeWeek && s.nudgeWeek !== LEGACY_NUDGE_WEEK ? s.nudgeWeek : String(s.cycleId);

/** The outbox key of the nudge that lists a slot. */
export const nudgeKeyOf = (s: Pick<ReviewSlot, 'nudgeWeek' | 'cycleId' | 'managerId'>): string =>
  outboxKeys.nudge(nudgeGroupOf(s), s.managerId);

/** The manager as the nudge's reader. */
type Reader = Pick<Person, 'locale' | 'timezone'>;
const readerOf = (v: SlotView): Reader => ({ locale: v.managerLocale, timezone: v.managerTimezone });

/** The ISO week it is where the manager is: one nudge per manager per such week. */
export const nudgeWeekFor = (reader: Reader, settings: AppSettings, now: number): string =>
  periodContaining('weekly', todayFor(reader, settings, now)).label;

/** The nudge of one manager from the slots it lists (done and pending), or null when there are none. */
export function nudgeMessage(reader: Reader, slots: SlotView[], settings: AppSettings): Message | null {
  if (!slots.length) return null;
  const groups = new Map<number, NudgeGroup>();
  for (const s of [...slots].sort((a, b) => a.dueAt - b.dueAt)) {
    const g = groups.get(s.dueAt) ?? {
      due: localTimeFor(reader, settings, s.dueAt),
      period: s.cycleLabel,
      slots: [],
    };
    g.slots.push({ slotId: s.id, employeeName: s.employeeName, submitted: s.status === 'submitted' });
    groups.set(s.dueAt, g);
  }
  return buildNudge(tFor(reader, settings), {
    period: [...new Set(slots.map((s) => s.cycleLabel))].join(' · '),
    groups: [...groups.values()],
  });
}

/**
 * Puts these managers' pending slots that are in no nudge yet into this week's nudge: posts it, or
 * rewrites it in place when the week already has one (a cycle that opened later in the week).
 * Set-based, for a chunk of managers of a large cycle. Returns how many nudges were written.
 */
export function sendNudges(tx: Tx, managerIds: string[], settings: AppSettings, now: number): number {
  if (!managerIds.length) return 0;
  const fresh = tx.reviews.slotViews({ managerIds, unnudged: true });
  if (!fresh.length) return 0;
  const weekOf = new Map<string, { week: string; reader: Reader }>();
  const idsByWeek = new Map<string, number[]>();
  for (const s of fresh) {
    let m = weekOf.get(s.managerId);
    if (!m) weekOf.set(s.managerId, (m = { week: nudgeWeekFor(readerOf(s), settings, now), reader: readerOf(s) }));
    idsByWeek.set(m.week, [...(idsByWeek.get(m.week) ?? []), s.id]);
  }
  for (const [week, ids] of idsByWeek) tx.reviews.setNudgeWeek(ids, week);

  const listed = new Map<string, SlotView[]>();
  for (const s of tx.reviews.slotViews({ managerIds: [...weekOf.keys()], nudgeWeeks: [...idsByWeek.keys()] }))
    if (s.nudgeWeek === weekOf.get(s.managerId)?.week) listed.set(s.managerId, [...(listed.get(s.managerId) ?? []), s]);
  let written = 0;
  for (const [managerId, slots] of listed) {
    const { week, reader } = weekOf.get(managerId)!;
    const message = nudgeMessage(reader, slots, settings)!;
    const key = outboxKeys.nudge(week, managerId);
    const locale = localeOf(reader, settings);
    if (!tx.outbox.post({ key, to: { person: managerId }, message, locale })) tx.outbox.update(key, message, locale);
    written++;
  }
  return written;
}

/**
 * Rewrites the nudge listing `slot` in place with the current progress ("2 of 3 done"). Returns the
 * progress of that nudge (of the slot's cycle when the slot is in none).
 */
export function refreshNudge(tx: Tx, slot: ReviewSlot, settings: AppSettings): { done: number; total: number } {
  const slots =
    slot.nudgeWeek && slot.nudgeWeek !== LEGACY_NUDGE_WEEK
      ? tx.reviews.slotViews({ managerId: slot.managerId, nudgeWeeks: [slot.nudgeWeek] })
      : tx.reviews.slotViews({ cycleId: slot.cycleId, managerId: slot.managerId });
  const first = slots[0];
  const msg = first && slot.nudgeWeek !== null ? nudgeMessage(readerOf(first), slots, settings) : null;
  if (first && msg) tx.outbox.update(nudgeKeyOf(slot), msg, localeOf(readerOf(first), settings));
  return { done: slots.filter((s) => s.status === 'submitted').length, total: slots.length };
}
