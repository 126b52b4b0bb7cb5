import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeRunScheduleTick } from '../../../src/usecases/schedule/run-schedule-tick.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { outboxRows, count } from './support.js';

const good = { kpi_tickets: '45', kpi_response: '3', rating: '4', strengths: '', improvement: '', comment: '' };

describe('the schedule tick: reminder ladder and team digests', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  const keys = (like: string) => outboxRows(db.conn.sqlite, like).map((r) => `${r.key} → ${r.address}`);

  it('walks the ladder in manager-local time across the end of DST in America/New_York', async () => {
    // W44 2026: Mon 26 Oct – Sun 1 Nov. Clocks go back on Sunday 1 Nov (EDT −4 → EST −5).
    db = makeTestDb({ now: '2026-10-26T12:59:00Z' });
    const settings = testSettings({ timezone: 'America/New_York' });
    const deps = { store: db.store, clock: db.clock, settings };
    seedTeams(db.store, { managers: 2, reportsPerManager: 3, withDirector: true });
    const tick = makeRunScheduleTick(deps);
    const at = async (iso: string) => {
      db.clock.set(iso);
      return tick();
    };

    expect((await at('2026-10-26T12:59:00Z')).opened).toEqual([]); // 08:59 EDT
    expect((await at('2026-10-26T13:00:00Z')).opened.map((o) => o.period)).toEqual(['2026-W44']); // 09:00 EDT
    const nudge = outboxRows(db.conn.sqlite, 'nudge:%:m1')[0]!;
    expect(nudge.message.text).toContain('due Fri 30 Oct 18:00');

    // m1 submits one review before the deadline; the director (dir) has m1 and m2 as reports.
    const slot = db.conn.sqlite.prepare(`SELECT id FROM review_slots WHERE employee_id = 'm1r1'`).get() as {
      id: number;
    };
    expect((await makeSubmitReview(deps)({ actorId: 'm1', slotId: slot.id, values: good })).ok).toBe(true);

    expect(await at('2026-10-30T21:59:00Z')).toMatchObject({ reminders: 0, digests: 0 });
    // Due: Fri 30 Oct 18:00 EDT = 22:00Z. Step 0 (0h) → each manager with pending reviews; digests.
    expect(await at('2026-10-30T22:00:00Z')).toMatchObject({ reminders: 3, digests: 2 });
    expect(keys('remind:%')).toEqual(
      expect.arrayContaining([
        'remind:2026-10-30T2200Z:m1:0 → UM1',
        'remind:2026-10-30T2200Z:m2:0 → UM2',
        'remind:2026-10-30T2200Z:dir:0 → UDIR',
      ]),
    );
    const m1Reminder = outboxRows(db.conn.sqlite, 'remind:2026-10-30T2200Z:m1:0')[0]!.message.text;
    expect(m1Reminder).toBe('Reminder: 2 reviews were due Fri 30 Oct 18:00 and are still open: Bob 1.2, Chen 1.3');
    const digest = outboxRows(db.conn.sqlite, 'digest:1:CM1')[0]!;
    expect(digest.address).toBe('CM1');
    expect(digest.message.text).toBe('Week 44 reviews: 1/3 done. Waiting on <@person:m1r2>, <@person:m1r3>.');
    expect(await at('2026-10-30T22:05:00Z')).toMatchObject({ reminders: 0, digests: 0 });

    // Step 1 (1d): Sat 31 Oct 18:00 EDT, still summer time = 22:00Z.
    expect((await at('2026-10-31T21:59:00Z')).reminders).toBe(0);
    expect((await at('2026-10-31T22:00:00Z')).reminders).toBe(3);
    // Step 2 (3d): Mon 2 Nov 18:00 EST = 23:00Z, not 72 elapsed hours (22:00Z).
    expect((await at('2026-11-02T22:30:00Z')).reminders).toBe(0);
    const before = count(db.conn.sqlite, 'outbox');
    expect((await at('2026-11-02T23:00:00Z')).reminders).toBeGreaterThan(0);
    expect(keys('remind:2026-10-30T2200Z:m1:2%')).toEqual([
      'remind:2026-10-30T2200Z:m1:2 → UM1',
      'remind:2026-10-30T2200Z:m1:2:skip → UDIR',
      'remind:2026-10-30T2200Z:m1:2:hr → CHR',
    ]);
    expect(outboxRows(db.conn.sqlite, 'remind:2026-10-30T2200Z:m1:2:hr')[0]!.message.text).toBe(
      'Manager 1 (eng) has 2 reviews overdue since Fri 30 Oct 18:00: Bob 1.2, Chen 1.3',
    );
    // dir's own overdue reviews escalate too, to HR only (dir has no manager).
    expect(keys('remind:2026-10-30T2200Z:dir:2%')).toEqual([
      'remind:2026-10-30T2200Z:dir:2 → UDIR',
      'remind:2026-10-30T2200Z:dir:2:hr → CHR',
    ]);
    expect(count(db.conn.sqlite, 'outbox')).toBe(before + 3 + 3 + 2);

    // The ladder is finished: later ticks send nothing more for this cycle (W45 opened meanwhile).
    const sent = keys('remind:2026-10-30T2200Z:%').length;
    expect(await at('2026-11-03T23:00:00Z')).toMatchObject({ reminders: 0, digests: 0 });
    expect(keys('remind:2026-10-30T2200Z:%')).toHaveLength(sent);
  });

  it('keeps the due time on a Chinese make-up workday (调休) and reminds at that moment', async () => {
    // W41 2026 follows National Day; Saturday 10 Oct is a make-up workday, Saturday 17 Oct is not.
    db = makeTestDb({ now: '2026-10-05T01:00:00Z' });
    const settings = testSettings({
      timezone: 'Asia/Shanghai',
      holidays: 'CN',
      locale: 'zh-CN',
      schedule: { dueDay: 'sat', dueTime: '18:00' },
    });
    const deps = { store: db.store, clock: db.clock, settings };
    seedTeams(db.store, { managers: 1, reportsPerManager: 2 });
    const tick = makeRunScheduleTick(deps);
    const at = async (iso: string) => {
      db.clock.set(iso);
      return tick();
    };

    expect((await at('2026-10-05T01:00:00Z')).opened.map((o) => o.period)).toEqual(['2026-W41']); // Mon 09:00 CST, a holiday: opening ignores it
    expect(outboxRows(db.conn.sqlite, 'nudge:%')[0]!.message.text).toBe(
      '你有 2 份考核需在 10月10日 周六 18:00 前完成：Alice 1.1、Bob 1.2',
    );

    expect(await at('2026-10-10T09:59:00Z')).toMatchObject({ reminders: 0, digests: 0 });
    expect(await at('2026-10-10T10:00:00Z')).toMatchObject({ reminders: 1, digests: 1 }); // Sat 18:00 CST
    expect(outboxRows(db.conn.sqlite, 'remind:%')[0]!.message.text).toBe(
      '提醒：2 份考核已于 10月10日 周六 18:00 到期，仍未完成：Alice 1.1、Bob 1.2',
    );
    expect(outboxRows(db.conn.sqlite, 'digest:%')[0]!.message.text).toBe(
      '第 41 周 考核：已完成 0/2。待完成：<@person:m1r1>、<@person:m1r2>。',
    );

    // The next week's Saturday is an ordinary weekend: due moves back to Friday 16 Oct.
    expect((await at('2026-10-12T01:00:00Z')).opened.map((o) => o.period)).toEqual(['2026-W42']);
    const w42 = outboxRows(db.conn.sqlite, 'nudge:2026-W42:m1')[0]!;
    expect(w42.message.text).toContain('10月16日 周五 18:00');
  });
});
