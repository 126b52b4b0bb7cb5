import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings, type SeededTeams } from '../../support/org.js';
import { makeRunScheduleTick } from '../../../src/usecases/schedule/run-schedule-tick.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { count, outboxRows, textOf, buttonsOf } from './support.js';
import { ACTIONS } from '../../../src/ui/actions.js';

describe('opening a review cycle', () => {
  let db: TestDb;
  let org: SeededTeams;
  const settings = testSettings({ timezone: 'UTC' });

  beforeEach(() => {
    db = makeTestDb({ now: '2026-11-23T08:00:00Z' }); // Monday before the 09:00 open time
    org = seedTeams(db.store, { managers: 3, reportsPerManager: 3 });
  });
  afterEach(() => db.cleanup());

  it('nudges each of 3 managers exactly once, and a second tick or start queues nothing', async () => {
    const tick = makeRunScheduleTick({ store: db.store, clock: db.clock, settings });
    await tick();
    expect(count(db.conn.sqlite, 'cycles')).toBe(0);

    db.clock.set('2026-11-23T09:00:00Z');
    const report = await tick();
    expect(report.opened).toEqual([{ department: 'eng', period: '2026-W48', managers: 3, slots: 9 }]);
    expect(count(db.conn.sqlite, 'outbox', "key LIKE 'nudge:%'")).toBe(3);
    expect(count(db.conn.sqlite, 'review_slots')).toBe(9);

    const nudge = outboxRows(db.conn.sqlite, 'nudge:%:m1')[0]!;
    expect(nudge.address).toBe('UM1');
    expect(nudge.message.text).toBe('You have 3 reviews due Fri 27 Nov 18:00: Alice 1.1, Bob 1.2, Chen 1.3');
    expect(buttonsOf(nudge.message).map((b) => [b.actionId, b.label])).toEqual([
      [ACTIONS.openReviewForm, 'Review Alice 1.1'],
      [ACTIONS.openReviewForm, 'Review Bob 1.2'],
      [ACTIONS.openReviewForm, 'Review Chen 1.3'],
    ]);

    db.clock.advance(60_000);
    await tick();
    const start = makeStartCycle({ store: db.store, clock: db.clock, settings });
    const again = await start({ actorId: org.hr.id });
    expect(again.ok && textOf(again.value.followUp)).toContain('already has a cycle for 2026-W48');
    expect(count(db.conn.sqlite, 'outbox', "key LIKE 'nudge:%'")).toBe(3);
    expect(count(db.conn.sqlite, 'cycles')).toBe(1);
  });

  it('catches up a missed open time on the next tick, but not a period already past due', async () => {
    const tick = makeRunScheduleTick({ store: db.store, clock: db.clock, settings });
    db.clock.set('2026-11-25T14:37:00Z'); // bot was down Monday to Wednesday
    expect((await tick()).opened).toHaveLength(1);
    db.clock.set('2026-12-05T12:00:00Z'); // Saturday of W49, after its Friday due time
    expect((await tick()).opened).toHaveLength(0);
  });

  it('skips people on leave on the due date and dates the due time in each manager zone', async () => {
    db.store.tx((tx) => {
      tx.org.addLeave({
        personId: org.reports[0]![0]!.id,
        startDate: '2026-11-26',
        endDate: '2026-11-30',
        reason: 'holiday',
      });
      tx.org.upsertPerson({ ...org.managers[1]!, timezone: 'Asia/Shanghai', locale: 'zh-CN' });
    });
    db.clock.set('2026-11-23T09:00:00Z');
    await makeRunScheduleTick({ store: db.store, clock: db.clock, settings })();
    expect(count(db.conn.sqlite, 'review_slots', 'manager_id = ?', 'm1')).toBe(2);
    expect(outboxRows(db.conn.sqlite, 'nudge:%:m1')[0]!.message.text).toBe(
      'You have 2 reviews due Fri 27 Nov 18:00: Bob 1.2, Chen 1.3',
    );
    const zh = outboxRows(db.conn.sqlite, 'nudge:%:m2')[0]!.message.text;
    expect(zh).toContain('11月27日 周五 18:00');
    const due = db.conn.sqlite
      .prepare(`SELECT DISTINCT due_at AS d FROM review_slots WHERE manager_id = 'm2'`)
      .all() as { d: number }[];
    expect(due).toEqual([{ d: Date.parse('2026-11-27T10:00:00Z') }]);
  });

  it('lets only HR or admins start a cycle, with the same nudges as the schedule', async () => {
    const start = makeStartCycle({ store: db.store, clock: db.clock, settings });
    const refused = await start({ actorId: org.managers[0]!.id });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.code).toBe('NOT_AUTHORIZED');
    expect(count(db.conn.sqlite, 'cycles')).toBe(0);

    const unknown = await start({ actorId: org.hr.id, department: 'marketing' });
    expect(!unknown.ok && unknown.code).toBe('NOT_FOUND');

    const started = await start({ actorId: org.hr.id, department: 'ENG' });
    expect(started.ok).toBe(true);
    expect(count(db.conn.sqlite, 'outbox', "key LIKE 'nudge:%'")).toBe(3);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'cycle.open' AND actor_id = 'hr'")).toBe(1);
  });
});
