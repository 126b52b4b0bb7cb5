/**
 * The demo's past early warnings: the weekly run replayed at each past week's run time over the
 * seeded history (with a clock that walks through it and no outbox platforms: those DMs went out
 * weeks ago), so the dashboard's "warnings raised and acted on" has a history. Also a little leave:
 * Liu Yang's personal leave above the team's average (an absence warning, a supportive
 * conversation), and Sun Li's sick days, which the law protects and the rule never counts.
 */
import type { ManualClock } from '../../../src/ports/clock.js';
import type { Store } from '../../../src/ports/store.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { addDays, dateIn } from '../../../src/domain/dates.js';
import { periodContaining } from '../../../src/domain/schedule.js';
import { DEFAULT_WARNING_SETTINGS, lastCompleteWeeks, weeklyRunInstant } from '../../../src/domain/warning/index.js';
import { evaluateDepartment } from '../../../src/usecases/warning/evaluate-department.js';
import { recordFollowUps } from '../../../src/usecases/warning/record-follow-ups.js';

const PAST_WEEKS = 6;

export function seedLeaves(store: Store, settings: AppSettings, now: number): void {
  const [w1, w2, w3] = lastCompleteWeeks(dateIn(now, settings.timezone), 3) as [string, string, string];
  store.tx((tx) => {
    for (const [from, to] of [
      [w1, addDays(w1, 1)],
      [addDays(w2, 2), addDays(w2, 3)],
      [w3, addDays(w3, 1)],
    ] as const)
      tx.org.addLeave({ personId: 'liuyang', startDate: from, endDate: to, reason: '家里有事', kind: 'personal' });
    for (const monday of [w1, w2, w3])
      tx.org.addLeave({ personId: 'sunli', startDate: monday, endDate: addDays(monday, 1), reason: '', kind: 'sick' });
  });
}

export function seedPastWarnings(store: Store, clock: ManualClock, settings: AppSettings, now: number): number {
  const cfg = settings.warnings ?? DEFAULT_WARNING_SETTINGS;
  const thisMonday = periodContaining('weekly', dateIn(now, settings.timezone)).start;
  let raised = 0;
  for (let back = PAST_WEEKS; back >= 1; back--) {
    const monday = addDays(thisMonday, -7 * back);
    const at = weeklyRunInstant(monday, cfg.day, cfg.time, settings.timezone);
    const week = periodContaining('weekly', monday).label;
    const today = dateIn(at, settings.timezone);
    clock.set(at);
    store.tx((tx) => {
      const weeks = lastCompleteWeeks(today, cfg.policy.absence.weeks);
      const leaves = tx.warnings.leavesOverlapping(weeks[0]!, addDays(weeks.at(-1)!, 6));
      for (const { department } of tx.reviews.departmentZones())
        raised += evaluateDepartment(tx, department, { now: at, week, today, policy: cfg.policy, leaves }).raised;
      tx.warnings.markRunFinished(week, at);
    });
  }
  clock.set(now - 1);
  store.tx((tx) => recordFollowUps(tx, now));
  return raised;
}
