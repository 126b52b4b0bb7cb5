import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRunScheduleTick } from '../../../src/usecases/schedule/run-schedule-tick.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { outboxRows } from './support.js';

const good = { kpi_tickets: '45', kpi_response: '3', rating: '4', strengths: '', improvement: '', comment: '' };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The stored next reminder (review_slots.next_reminder_at) that lets an idle tick skip overdue
 * slots with no step due. It must follow the ladder exactly as the manager-local maths does.
 */
describe('the stored next reminder of a review slot', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  // The first cycle's slots (later ticks open the next week's cycle too).
  const slots = () =>
    (
      db.conn.sqlite
        .prepare(
          `SELECT employee_id AS e, escalation_level AS level, next_reminder_at AS next FROM review_slots WHERE cycle_id = 1 ORDER BY employee_id`,
        )
        .all() as {
        e: string;
        level: number;
        next: number | null;
      }[]
    ).map((s) => ({ e: s.e, level: s.level, next: iso(s.next) }));

  it('follows the ladder across the end of DST, clears on submit and when the ladder is done', async () => {
    // W44 2026 in America/New_York: due Fri 30 Oct 18:00 EDT (22:00Z); clocks go back Sun 1 Nov.
    db = makeTestDb({ now: '2026-10-26T13:00:00Z' });
    const settings = testSettings({ timezone: 'America/New_York' });
    const deps = { store: db.store, clock: db.clock, settings };
    seedTeams(db.store, { managers: 1, reportsPerManager: 2 });
    const tick = makeRunScheduleTick(deps);
    const at = (when: string) => {
      db.clock.set(when);
      return tick();
    };

    expect((await at('2026-10-26T13:00:00Z')).opened).toHaveLength(1);
    // Step 0 is "0h": the first reminder is the due time itself.
    expect(slots()).toEqual([
      { e: 'm1r1', level: -1, next: '2026-10-30T22:00:00.000Z' },
      { e: 'm1r2', level: -1, next: '2026-10-30T22:00:00.000Z' },
    ]);

    const slotId = (
      db.conn.sqlite.prepare(`SELECT id FROM review_slots WHERE employee_id = 'm1r1'`).get() as { id: number }
    ).id;
    expect((await makeSubmitReview(deps)({ actorId: 'm1', slotId, values: good })).ok).toBe(true);
    expect(slots()[0]).toEqual({ e: 'm1r1', level: -1, next: null });

    // Step 0 sent; step 1 ("1d") is Sat 31 Oct 18:00 EDT = 22:00Z.
    expect((await at('2026-10-30T22:00:00Z')).reminders).toBe(1);
    expect(slots()[1]).toEqual({ e: 'm1r2', level: 0, next: '2026-10-31T22:00:00.000Z' });

    // Ticks were missed past step 1: only step 2 ("3d", Mon 2 Nov 18:00 EST = 23:00Z) is sent, and
    // with nothing after it the slot leaves the tick's scan for good.
    expect((await at('2026-11-02T23:00:00Z')).reminders).toBeGreaterThan(0);
    expect(outboxRows(db.conn.sqlite, 'remind:%:m1:1')).toEqual([]);
    expect(outboxRows(db.conn.sqlite, 'remind:%:m1:2')).toHaveLength(1);
    expect(slots()[1]).toEqual({ e: 'm1r2', level: 2, next: null });
    expect((await at('2026-11-05T23:00:00Z')).reminders).toBe(0);
  });

  it('a slot inserted without a next reminder is picked up at its due time and moved on', async () => {
    db = makeTestDb({ now: '2026-11-23T08:00:00Z' });
    const settings = testSettings({ timezone: 'UTC' });
    seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
    const due = Date.parse('2026-11-27T18:00:00Z');
    db.store.tx((tx) => {
      const cycle = tx.reviews.createCycle({
        department: 'eng',
        cadence: 'weekly',
        label: '2026-W48',
        periodStart: '2026-11-23',
        periodEnd: '2026-11-29',
        openedAt: db.clock.now(),
        openedBy: null,
      })!;
      tx.reviews.insertSlots([{ cycleId: cycle.id, managerId: 'm1', employeeId: 'm1r1', dueAt: due }]);
    });
    expect(slots()).toEqual([{ e: 'm1r1', level: -1, next: '2026-11-27T18:00:00.000Z' }]);
    db.clock.set('2026-11-27T18:30:00Z');
    expect((await makeRunScheduleTick({ store: db.store, clock: db.clock, settings })()).reminders).toBe(1);
    expect(slots()).toEqual([{ e: 'm1r1', level: 0, next: '2026-11-28T18:00:00.000Z' }]);
  });
});
