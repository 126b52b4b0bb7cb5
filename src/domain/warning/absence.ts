/**
 * Absence above the team's average for several weeks running, from imported leave. Only leave
 * that `countsAsAbsence` counts, on both sides of the comparison; protected leave never does. The
 * signal only ever suggests a supportive conversation (`suggest.ts`).
 *
 * Days are working days Monday to Friday in complete weeks; the team is the person's teammates
 * under the same manager, without the person. With no teammates there is nothing to compare with,
 * so there is no signal.
 */
import { addDays } from '../dates.js';
import { weekdayOf } from '../calendar.js';
import { countsAsAbsence, type LeaveKind } from './leave-kinds.js';
import type { WarningPolicy } from './policy.js';
import type { AbsenceSignal, AbsenceWeek } from './types.js';

export interface LeaveSpan {
  personId: string;
  startDate: string;
  endDate: string;
  kind: LeaveKind;
  reason: string;
}

/** The Mondays of the last `count` complete weeks before `today`, oldest first. */
export function lastCompleteWeeks(today: string, count: number): string[] {
  const thisMonday = addDays(today, -((weekdayOf(today) + 6) % 7));
  return Array.from({ length: count }, (_, i) => addDays(thisMonday, -7 * (count - i)));
}

/** Counted leave days of one person in the Monday-to-Friday of the week starting `monday`. */
function countedDays(leaves: readonly LeaveSpan[], monday: string): number {
  const days = new Set<string>();
  for (const l of leaves)
    for (let i = 0; i < 5; i++) {
      const d = addDays(monday, i);
      if (l.startDate <= d && d <= l.endDate) days.add(d);
    }
  return days.size;
}

export function absenceSignal(
  personId: string,
  teammateIds: readonly string[],
  leaves: readonly LeaveSpan[],
  today: string,
  policy: WarningPolicy,
): AbsenceSignal | null {
  const { weeks: count, marginDays, minDays, countedKinds } = policy.absence;
  const others = teammateIds.filter((id) => id !== personId);
  if (!others.length) return null;
  const counted = leaves.filter((l) => countsAsAbsence(l, countedKinds));
  const of = (id: string) => counted.filter((l) => l.personId === id);
  const weeks: AbsenceWeek[] = lastCompleteWeeks(today, count).map((weekStart) => ({
    weekStart,
    days: countedDays(of(personId), weekStart),
    teamAverage: others.reduce((s, id) => s + countedDays(of(id), weekStart), 0) / others.length,
  }));
  const above = (w: AbsenceWeek) => w.days >= minDays && w.days > w.teamAverage + marginDays;
  return weeks.every(above) ? { kind: 'absence', weeks } : null;
}
