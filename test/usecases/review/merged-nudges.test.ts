/**
 * Issue 13 #1: a manager whose reports sit in several departments gets one nudge per week (not
 * one per department's cycle), grouped by due time when the cycles differ, updated in place as
 * reviews come in; reminders and escalations are merged the same way. Issue 14: a large cycle is
 * opened in chunks that leave the event loop free between transactions, and resumes after a crash.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedOrg, testSettings, seedTeams } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { Schedule } from '../../../src/domain/schedule.js';
import { makeRunScheduleTick } from '../../../src/usecases/schedule/run-schedule-tick.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { claimCycle, currentPeriod, fillCycle } from '../../../src/usecases/schedule/open-cycle.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { outboxRows, count, textOf, buttonsOf } from './support.js';

const good = { kpi_tickets: '45', kpi_response: '3', rating: '4', strengths: '', improvement: '', comment: '' };

/** Default weekly schedule (Mon 09:00 → Fri 18:00) with per-department overrides. */
function settingsWith(overrides: Record<string, Partial<Schedule>>): AppSettings {
  const base = testSettings({ timezone: 'UTC' });
  const def = base.scheduleFor('');
  return { ...base, scheduleFor: (d) => ({ ...def, ...(overrides[d] ?? {}) }) };
}

describe('one nudge per manager per week', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  /** Hana, head of HR, manages the head of each department; each head has one report. */
  function seedHeads(departments: string[]) {
    seedOrg(db.store, {
      people: [
        { id: 'hana', name: 'Hana Head', role: 'hr', department: 'hr', jobId: null },
        ...departments.flatMap((d, i) => [
          { id: `head${i + 1}`, name: `Head ${String(i + 1).padStart(2, '0')}`, managerId: 'hana', department: d },
          { id: `staff${i + 1}`, name: `Staff ${i + 1}`, managerId: `head${i + 1}`, department: d },
        ]),
      ],
    });
  }

  const nudgesTo = (manager: string) =>
    outboxRows(db.conn.sqlite, 'nudge:%').filter((r) => r.key.endsWith(`:${manager}`) && r.op === 'post');
  const slotOf = (employee: string) =>
    (db.conn.sqlite.prepare('SELECT id FROM review_slots WHERE employee_id = ?').get(employee) as { id: number }).id;

  it('gives a head of HR managing twelve department heads one nudge listing all twelve', async () => {
    db = makeTestDb({ now: '2026-11-23T09:00:00Z' });
    const departments = Array.from({ length: 12 }, (_, i) => `dept${String(i + 1).padStart(2, '0')}`);
    seedHeads(departments);
    const settings = settingsWith({});
    const report = await makeRunScheduleTick({ store: db.store, clock: db.clock, settings })();

    expect(report.opened).toHaveLength(12);
    expect(count(db.conn.sqlite, 'cycles')).toBe(12);
    const hana = nudgesTo('hana');
    expect(hana).toHaveLength(1);
    expect(hana[0]!.key).toBe('nudge:2026-W48:hana');
    expect(hana[0]!.address).toBe('UHANA');
    expect(hana[0]!.message.text).toBe(
      `You have 12 reviews due Fri 27 Nov 18:00: ${Array.from({ length: 12 }, (_, i) => `Head ${String(i + 1).padStart(2, '0')}`).join(', ')}`,
    );
    expect(buttonsOf(hana[0]!.message)).toHaveLength(12);
    // Every manager gets exactly one nudge: Hana plus the twelve heads.
    expect(count(db.conn.sqlite, 'outbox', "key LIKE 'nudge:%'")).toBe(13);
    expect(report.nudges).toBe(13);
  });

  it('groups by due time across cycles, folds a later cycle into the week’s nudge, and merges reminders', async () => {
    // Mon 23 Nov 2026, 09:00 UTC. Sales is due Thursday 17:00; Finance opens on Wednesday.
    db = makeTestDb({ now: '2026-11-23T09:00:00Z' });
    seedHeads(['eng', 'ops', 'sales', 'finance']);
    const settings = settingsWith({ sales: { dueDay: 'thu', dueTime: '17:00' }, finance: { openDay: 'wed' } });
    const deps = { store: db.store, clock: db.clock, settings };
    const tick = makeRunScheduleTick(deps);

    expect((await tick()).opened.map((o) => o.department).sort()).toEqual(['eng', 'ops', 'sales']);
    const first = nudgesTo('hana');
    expect(first).toHaveLength(1);
    expect(first[0]!.message.text).toBe(
      ['You have 3 reviews due:', '• **Thu 26 Nov 17:00**: Head 03', '• **Fri 27 Nov 18:00**: Head 01, Head 02'].join(
        '\n',
      ),
    );
    expect(buttonsOf(first[0]!.message).map((b) => b.label)).toEqual([
      'Review Head 03',
      'Review Head 01',
      'Review Head 02',
    ]);

    // Wednesday: Finance opens. Hana's week already has a nudge: it is rewritten, not sent again.
    db.clock.set('2026-11-25T09:00:00Z');
    expect((await tick()).opened.map((o) => o.department)).toEqual(['finance']);
    expect(nudgesTo('hana')).toHaveLength(1);
    const folded = outboxRows(db.conn.sqlite, 'nudge:2026-W48:hana#update%');
    expect(folded).toHaveLength(1);
    expect(textOf(folded[0]!.message)).toContain('• **Fri 27 Nov 18:00**: Head 01, Head 02, Head 04');
    expect(textOf(folded[0]!.message)).toContain('0 of 4 done');

    // A submission updates the same message in place: the done review leaves the text and the buttons.
    const submitted = await makeSubmitReview(deps)({ actorId: 'hana', slotId: slotOf('head3'), values: good });
    expect(submitted.ok).toBe(true);
    const latest = outboxRows(db.conn.sqlite, 'nudge:2026-W48:hana#update%').at(-1)!;
    expect(latest.message.text).toBe('You have 3 reviews due Fri 27 Nov 18:00: Head 01, Head 02, Head 04');
    expect(textOf(latest.message)).toContain('1 of 4 done');
    expect(buttonsOf(latest.message).map((b) => b.label)).toEqual([
      'Review Head 01',
      'Review Head 02',
      'Review Head 04',
    ]);
    expect(submitted.ok && textOf(submitted.value.followUp)).toContain('1 of 4 reviews done');

    // Friday 18:00: three reviews in three departments' cycles are overdue: one reminder for Hana.
    db.clock.set('2026-11-27T18:00:00Z');
    await tick();
    const reminders = outboxRows(db.conn.sqlite, 'remind:%').filter((r) => r.address === 'UHANA');
    expect(reminders.map((r) => r.key)).toEqual(['remind:2026-11-27T1800Z:hana:0']);
    expect(reminders[0]!.message.text).toBe(
      'Reminder: 3 reviews were due Fri 27 Nov 18:00 and are still open: Head 01, Head 02, Head 04',
    );

    // After a missed weekend, step 2 escalates once to HR for Hana, not once per department.
    db.clock.set('2026-11-30T18:00:00Z');
    await tick();
    const hr = outboxRows(db.conn.sqlite, 'remind:%:hana:2:hr');
    expect(hr).toHaveLength(1);
    expect(hr[0]!.message.text).toBe(
      'Hana Head (eng, finance, ops) has 3 reviews overdue since Fri 27 Nov 18:00: Head 01, Head 02, Head 04',
    );
  });

  it('opens a large cycle in chunks, yielding to other work between transactions, and resumes after a crash', async () => {
    db = makeTestDb({ now: '2026-11-23T08:00:00Z' });
    seedTeams(db.store, { managers: 12, reportsPerManager: 2 });
    const settings = testSettings({ timezone: 'UTC' });
    const deps = { store: db.store, clock: db.clock, settings };

    // A crash after the claim and one chunk: the cycle is 'opening' with some slots written.
    db.clock.set('2026-11-23T09:00:00Z');
    const period = currentPeriod('eng', db.clock.now(), settings);
    db.store.tx((tx) => {
      const cycle = claimCycle(tx, 'eng', period, { settings, now: db.clock.now(), actorId: null })!;
      fillCycle(tx, cycle, { settings, managerIds: ['m1', 'm2'] });
    });
    expect(db.conn.sqlite.prepare('SELECT status FROM cycles').get()).toEqual({ status: 'opening' });
    expect(count(db.conn.sqlite, 'review_slots')).toBe(4);

    // Something interactive (a button click's ack) gets its turn while the tick works.
    const tick = makeRunScheduleTick(deps, { managersPerFill: 2, managersPerNudge: 3 });
    const turns: number[] = [];
    let ticking = true;
    const probe = () => {
      if (!ticking) return;
      turns.push(count(db.conn.sqlite, 'review_slots'));
      setImmediate(probe);
    };
    setImmediate(probe);
    const report = await tick();
    ticking = false;

    expect(report.opened).toEqual([{ department: 'eng', period: '2026-W48', managers: 12, slots: 24 }]);
    expect(db.conn.sqlite.prepare('SELECT status FROM cycles').get()).toEqual({ status: 'open' });
    // The probe ran between chunks: it saw the cycle partly written.
    expect(turns.some((n) => n > 0 && n < 24)).toBe(true);
    expect(count(db.conn.sqlite, 'outbox', "key LIKE 'nudge:%'")).toBe(12);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'cycle.open'")).toBe(1);
    // Nothing more on the next tick.
    db.clock.advance(60_000);
    expect(await tick()).toMatchObject({ opened: [], nudges: 0 });
  });

  it('/review start of a department too large to write at once claims it and answers at once', async () => {
    db = makeTestDb({ now: '2026-11-24T10:00:00Z' });
    seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
    seedOrg(db.store, {
      people: Array.from({ length: 1001 }, (_, i) => ({ id: `big${i}`, managerId: 'm1', department: 'big' })),
    });
    const settings = testSettings({ timezone: 'UTC' });
    const started = makeStartCycle({ store: db.store, clock: db.clock, settings })({
      actorId: 'hr',
      department: 'big',
    });
    expect(started.ok && started.value.inBackground).toBe(true);
    expect(started.ok && started.value.confirmation).toBe(
      'Opening 2026-W48 for big: 1001 reviews. The managers are nudged as soon as every review is in, within a minute or two.',
    );
    expect(count(db.conn.sqlite, 'review_slots')).toBe(0);
    // The scheduler (or the command's own follow-up run) completes it.
    const report = await makeRunScheduleTick({ store: db.store, clock: db.clock, settings })();
    expect(report.opened).toContainEqual({ department: 'big', period: '2026-W48', managers: 1, slots: 1001 });
    const nudge = outboxRows(db.conn.sqlite, 'nudge:2026-W48:m1')[0]!;
    expect(buttonsOf(nudge.message)).toHaveLength(20);
    expect(buttonsOf(nudge.message)[0]!.actionId).toBe(ACTIONS.openReviewForm);
    expect(textOf(nudge.message)).toContain('982 more are waiting: type /review to open them one by one.');
  });
});
