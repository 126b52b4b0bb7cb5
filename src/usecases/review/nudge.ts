/**
 * The manager's nudge of one cycle ("Week 48 reviews: 2 of 3 done", with a button per report),
 * built from the db whenever its progress changes, so the message always shows the current state.
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { SlotView } from '../../ports/repos/reviews.js';
import type { Message } from '../../ui/model.js';
import { buildNudge } from '../../ui/screens/review/nudge.js';
import { localeOf, localTimeFor, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

/** The nudge of one manager in one cycle, from their slots (all of them, done and pending). */
export function nudgeMessage(manager: Person, slots: SlotView[], settings: AppSettings): Message | null {
  const first = slots[0];
  if (!first) return null;
  return buildNudge(tFor(manager, settings), {
    period: first.cycleLabel,
    due: localTimeFor(manager, settings, first.dueAt),
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
  if (manager && msg) tx.outbox.update(outboxKeys.nudge(cycleId, managerId), msg, localeOf(manager, settings));
  return { done: slots.filter((s) => s.status === 'submitted').length, total: slots.length };
}
