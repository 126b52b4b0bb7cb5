/**
 * Weekly review history for the warning tests, written through the real repositories: one cycle
 * per ISO week, a slot per report, and a submitted review with each KPI's value.
 */
import type { Store } from '../../../src/ports/store.js';
import type { Person } from '../../../src/ports/records.js';
import { DEFAULT_KPIS } from '../../support/org.js';
import { addDays, dateMs } from '../../../src/domain/dates.js';
import { periodContaining } from '../../../src/domain/schedule.js';
import { kpiMet } from '../../../src/domain/review.js';

const HOUR = 3_600_000;

/** Values per week for one person: tickets (≥ 40) and first response (≤ 4 h); null = no review. */
export type Week = { tickets: number; response?: number; rating?: number } | null;

/**
 * Writes `weeks[i]` for the week `weeks.length - i` weeks before the one containing `today`.
 * Each review is due Friday 18:00 UTC and submitted Friday noon.
 */
export function seedWeeks(store: Store, today: string, people: { person: Person; weeks: Week[] }[]): void {
  const n = Math.max(...people.map((p) => p.weeks.length));
  const thisWeek = periodContaining('weekly', today);
  store.tx((tx) => {
    for (let i = 0; i < n; i++) {
      const period = periodContaining('weekly', addDays(thisWeek.start, -7 * (n - i)));
      const friday = dateMs(addDays(period.start, 4));
      const cycle = tx.reviews.createCycle({
        department: 'eng',
        cadence: 'weekly',
        label: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        openedAt: dateMs(period.start) + 9 * HOUR,
        openedBy: null,
      })!;
      tx.reviews.insertSlots(
        people.map((p) => ({
          cycleId: cycle.id,
          managerId: p.person.managerId!,
          employeeId: p.person.id,
          dueAt: friday + 18 * HOUR,
        })),
      );
      const slots = tx.reviews.slotViews({ cycleId: cycle.id });
      for (const p of people) {
        const w = p.weeks[i - (n - p.weeks.length)];
        if (!w) continue;
        const slot = slots.find((s) => s.employeeId === p.person.id)!;
        const actual = { tickets: w.tickets, response: w.response ?? 3 };
        const results = DEFAULT_KPIS.map((k) => ({
          ...k,
          actual: actual[k.key as 'tickets' | 'response'],
          met: kpiMet(k, actual[k.key as 'tickets' | 'response']),
        }));
        tx.reviews.insertReview({
          slotId: slot.id,
          employeeId: p.person.id,
          authorId: p.person.managerId!,
          jobId: 'engineer',
          kpiVersion: 1,
          periodLabel: period.label,
          rating: w.rating ?? 4,
          strengths: '',
          improvement: results.some((r) => !r.met) ? 'Close more tickets.' : '',
          comment: '',
          belowTarget: results.some((r) => !r.met),
          submittedAt: friday + 12 * HOUR,
          results,
        });
        tx.reviews.markSlotSubmitted(slot.id);
      }
    }
  });
}

/** A steady week: 50 tickets, 3 h. */
export const steady = (count: number): Week[] => Array.from({ length: count }, () => ({ tickets: 50 }));
