/**
 * The reminder ladder (settings.reminders, e.g. 0h → manager, 1d → manager, 3d → manager +
 * skip-level manager + HR channel). Each step is measured from the slot's due time in the
 * manager's zone, so "1d" is the same local time the next day across a DST change.
 *
 * One message per manager and step, whatever cycles their overdue reviews belong to (a manager
 * with reports in several departments is reminded once, the reviews grouped by due time), keyed
 * `remind:<earliest due>:<manager>:<step>`, suffixed `:skip` / `:hr` for the other audiences. If
 * ticks were missed and several steps are now past, only the highest one is sent, so a restart
 * does not deliver a burst of stale reminders; slot.escalation_level records it so no step repeats.
 *
 * slot.next_reminder_at holds the next step's instant (set when the cycle opens, moved on here), so
 * the tick reads only slots with a step due. Steps are still measured from the due time in the
 * manager's zone at the moment a slot is looked at.
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import { addDuration } from '../../domain/schedule.js';
import type { SlotView } from '../../ports/repos/reviews.js';
import { buildOverdueReminder, type ReminderAudience } from '../../ui/screens/review/overdue.js';
import { localeOf, localTimeFor, tFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { hrChannelLocale } from '../shared/channels.js';

/**
 * Moves the ladder on for the slots with a step due (of these managers only, when given: the tick
 * works through a large cycle's managers in chunks, each manager's slots in one chunk so they get
 * one message). Returns how many messages were queued.
 */
export function sendOverdueReminders(tx: Tx, now: number, settings: AppSettings, managerIds?: string[]): number {
  const steps = settings.reminders;
  if (!steps.length) return 0;
  // Only slots whose stored next step is due: an idle tick days after a due time reads nothing.
  const candidates = tx.reviews.reminderDueSlots(now, managerIds);
  if (!candidates.length) return 0;

  const people = new Map<string, Person | null>();
  const person = (id: string) => {
    if (!people.has(id)) people.set(id, tx.org.person(id));
    return people.get(id) ?? null;
  };
  const buckets = new Map<string, { managerId: string; step: number; dueAt: number; slotIds: number[] }>();
  // Every candidate's ladder state moves on (level reached, next step's instant), grouped so a
  // cycle of 10,000 managers is a handful of UPDATEs.
  const progress = new Map<string, { level: number; next: number | null; ids: number[] }>();
  // Slots share few (due time, zone) pairs, so the local-time maths is done once per pair.
  const instants = new Map<string, number[]>();
  for (const slot of candidates) {
    const zone = zoneOf({ timezone: slot.managerTimezone }, settings);
    const pair = `${slot.dueAt}|${zone}`;
    let at = instants.get(pair);
    if (!at) instants.set(pair, (at = steps.map((s) => addDuration(slot.dueAt, s.after, zone))));
    let step = -1;
    for (const [i, t] of at.entries()) if (t <= now) step = i;
    const level = Math.max(step, slot.escalationLevel);
    // The next step is the earliest one above `level`; none of them is past, or `step` would be higher.
    let next: number | null = null;
    for (let i = level + 1; i < at.length; i++) if (next === null || at[i]! < next) next = at[i]!;
    const p = progress.get(`${level}|${next}`) ?? { level, next, ids: [] };
    p.ids.push(slot.id);
    progress.set(`${level}|${next}`, p);

    if (step <= slot.escalationLevel) continue;
    const key = `${slot.managerId}:${step}`;
    const b = buckets.get(key) ?? { managerId: slot.managerId, step, dueAt: slot.dueAt, slotIds: [] };
    b.slotIds.push(slot.id);
    b.dueAt = Math.min(b.dueAt, slot.dueAt);
    buckets.set(key, b);
  }
  for (const p of progress.values()) tx.reviews.setEscalationLevel(p.ids, p.level, p.next);
  if (!buckets.size) return 0;

  const views = new Map(
    tx.reviews.slotViews({ ids: [...buckets.values()].flatMap((b) => b.slotIds) }).map((v) => [v.id, v]),
  );
  let sent = 0;
  for (const b of buckets.values()) {
    const manager = person(b.managerId);
    const slots = b.slotIds.map((id) => views.get(id)!).filter(Boolean);
    if (!manager || !slots.length) continue;
    const reminder = (reader: Pick<Person, 'locale' | 'timezone'> | null, audience: ReminderAudience) => {
      const t = tFor(reader, settings);
      return buildOverdueReminder(t, {
        audience,
        managerName: manager.name,
        department: [...new Set(slots.map((s) => s.department))].sort().join(t('common.listSep')),
        groups: groupByDue(slots, (at) => localTimeFor(reader, settings, at)),
      });
    };
    for (const audience of steps[b.step]!.notify) {
      if (audience === 'manager') {
        const key = outboxKeys.overdueReminder(b.dueAt, b.managerId, b.step);
        const message = reminder(manager, audience);
        if (tx.outbox.post({ key, to: { person: manager.id }, message, locale: localeOf(manager, settings) })) sent++;
      } else if (audience === 'skip_manager') {
        const skip = manager.managerId ? person(manager.managerId) : null;
        if (!skip || !skip.active) continue;
        const key = outboxKeys.overdueSkipLevel(b.dueAt, b.managerId, b.step);
        const message = reminder(skip, audience);
        if (tx.outbox.post({ key, to: { person: skip.id }, message, locale: localeOf(skip, settings) })) sent++;
      } else {
        const key = outboxKeys.overdueHr(b.dueAt, b.managerId, b.step);
        // The channel reads in its own language, at the org's time.
        const locale = hrChannelLocale(tx, settings);
        const message = reminder({ locale, timezone: null }, audience);
        if (tx.outbox.post({ key, to: { channel: settings.hrChannel }, message, locale })) sent++;
      }
    }
  }
  tx.audit.record({
    actorId: null,
    action: 'review.remind',
    subjectType: 'schedule',
    subjectId: now,
    detail: {
      steps: [...buckets.values()].map((b) => ({
        managerId: b.managerId,
        step: b.step,
        slots: b.slotIds,
      })),
    },
  });
  return sent;
}

/** The slots' employee names per due time, earliest first, the time formatted for the reader. */
function groupByDue(slots: SlotView[], format: (at: number) => string): { due: string; names: string[] }[] {
  const byDue = new Map<number, string[]>();
  for (const s of [...slots].sort((a, b) => a.dueAt - b.dueAt || a.employeeName.localeCompare(b.employeeName)))
    byDue.set(s.dueAt, [...(byDue.get(s.dueAt) ?? []), s.employeeName]);
  return [...byDue].map(([at, names]) => ({ due: format(at), names }));
}
