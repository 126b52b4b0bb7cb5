/**
 * Issue 13 #4, #12 and #10: numbers and dates with sense checks, the KPI history beside each input,
 * a missed-KPI error that names the KPI, and attendance whose reason is needed only for an absence.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeEvidenceWorld, valueOf, codeOf, type EvidenceWorld } from '../evidence/support.js';
import { kpiBounds, kpiTrend } from '../../../src/domain/kpi.js';
import { parseKpiLines } from '../../../src/domain/review.js';
import { checkDate } from '../../../src/domain/date-rules.js';
import { parseJobsYaml } from '../../../src/usecases/org/import/jobs-yaml.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { makeOpenReviewForm } from '../../../src/usecases/review/open-review-form.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { makeCreateNote } from '../../../src/usecases/evidence/create-note.js';
import { makeCreateTrainingPlan } from '../../../src/usecases/evidence/create-training-plan.js';
import { makeAdjustJob } from '../../../src/usecases/evidence/adjust-job.js';
import { makeMarkAttendance } from '../../../src/usecases/evidence/mark-attendance.js';
import type { Kpi } from '../../../src/domain/kpi.js';
import { snapshot } from './support.js';

const KPIS: Kpi[] = [
  { key: 'csat', name: 'Customer satisfaction', unit: '%', target: 90, direction: 'higher' },
  { key: 'revenue', name: 'Revenue', unit: 'k CNY', target: 200, direction: 'higher' },
  { key: 'margin', name: 'Margin change', unit: 'pts', target: 0, direction: 'higher', min: -50, max: 50 },
  { key: 'hours', name: 'Resolution time', unit: 'h', target: 8, direction: 'lower' },
];

describe('KPI ranges', () => {
  it('default to 0–100 for a percentage and 0 to 1,000 × the target otherwise; a KPI may declare its own', () => {
    expect(kpiBounds(KPIS[0]!)).toEqual({ min: 0, max: 100 });
    expect(kpiBounds(KPIS[1]!)).toEqual({ min: 0, max: 200_000 });
    expect(kpiBounds(KPIS[2]!)).toEqual({ min: -50, max: 50 });
    expect(kpiBounds({ unit: '', target: 0 })).toEqual({ min: 0, max: 1000 });
    expect(kpiBounds({ unit: '', target: 1, max: 1e30, min: -1e30 })).toEqual({ min: -1e12, max: 1e12 });
    expect(parseKpiLines('m | Margin | pts | 0 | higher | -50 | 50')).toEqual({
      ok: true,
      kpis: [{ key: 'm', name: 'Margin', unit: 'pts', target: 0, direction: 'higher', min: -50, max: 50 }],
    });
    expect(parseKpiLines('q | Quota | % | 110 | higher\nr | R | | 5 | higher | ten |')).toEqual({
      ok: false,
      errors: [
        { line: 1, error: 'range' },
        { line: 2, error: 'bound' },
      ],
    });
    const yaml = parseJobsYaml(
      [
        'jobs:',
        '  - id: sales',
        '    title: Sales',
        '    kpis:',
        '      - { key: quota, name: Quota attainment, unit: "%", target: 110, direction: higher }',
        '      - { key: growth, name: Growth, unit: "%", target: 5, direction: higher, min: -100, max: 300 }',
      ].join('\n'),
      translator('en'),
    );
    expect(yaml.issues).toEqual([
      { line: 5, field: 'jobs[0].kpis[0].target', message: 'the target must lie from 0 to 100 (set min or max)' },
    ]);
  });

  describe('in a review', () => {
    let db: TestDb;
    afterEach(() => db.cleanup());

    it('refuses −5 %, 150 %, 99999999999999999999 and negative revenue, naming the range, and writes nothing', async () => {
      db = makeTestDb({ now: '2026-11-24T10:00:00Z' });
      const org = seedTeams(db.store, { managers: 1, reportsPerManager: 1, kpis: KPIS });
      const deps = { store: db.store, clock: db.clock, settings: testSettings({ timezone: 'UTC' }) };
      makeStartCycle(deps)({ actorId: org.hr.id });
      const slotId = db.conn.sqlite.prepare('SELECT id FROM review_slots').pluck().get() as number;
      const submit = (values: Record<string, string>) =>
        makeSubmitReview(deps)({
          actorId: 'm1',
          slotId,
          values: { kpi_csat: '95', kpi_revenue: '210', kpi_margin: '2', kpi_hours: '6', rating: '4', ...values },
        });
      const before = snapshot(db.conn.sqlite);
      const errorsOf = (r: Awaited<ReturnType<typeof submit>>) => (!r.ok ? r.fieldErrors : r);
      expect(errorsOf(submit({ kpi_csat: '-5' }))).toEqual({ kpi_csat: 'Enter a figure from 0 to 100 %.' });
      expect(errorsOf(submit({ kpi_csat: '150' }))).toEqual({ kpi_csat: 'Enter a figure from 0 to 100 %.' });
      expect(errorsOf(submit({ kpi_revenue: '99999999999999999999', kpi_hours: '-3' }))).toEqual({
        kpi_revenue: 'Enter a figure from 0 to 200000 k CNY.',
        kpi_hours: 'Enter a figure from 0 to 8000 h.',
      });
      expect(snapshot(db.conn.sqlite)).toEqual(before);
      // A KPI that declares negative figures accepts them.
      expect(submit({ kpi_margin: '-7.5', improvement: 'Price discipline' }).ok).toBe(true);
    });

    it('shows each KPI’s last 4 figures beside its input with the trend, and names the KPI that missed', async () => {
      db = makeTestDb({ now: '2026-11-24T10:00:00Z' });
      const org = seedTeams(db.store, { managers: 1, reportsPerManager: 1, kpis: KPIS });
      const deps = { store: db.store, clock: db.clock, settings: testSettings({ timezone: 'UTC' }) };
      const history: [number, number][] = [
        [80, 9],
        [88, 7],
        [85, 7],
        [92, 6],
        [95, 5],
      ];
      db.store.tx((tx) =>
        history.forEach(([csat, hours], i) =>
          tx.reviews.insertReview({
            slotId: null,
            employeeId: 'm1r1',
            authorId: 'm1',
            jobId: 'engineer',
            kpiVersion: 1,
            periodLabel: `2026-W${43 + i}`,
            rating: 3,
            strengths: '',
            improvement: '',
            comment: '',
            belowTarget: false,
            submittedAt: Date.parse('2026-10-20T10:00:00Z') + i * 7 * 86_400_000,
            results: [
              { ...KPIS[0]!, actual: csat, met: csat >= 90 },
              { ...KPIS[3]!, actual: hours, met: hours <= 8 },
            ],
          }),
        ),
      );
      makeStartCycle(deps)({ actorId: org.hr.id });
      const form = valueOf(makeOpenReviewForm(deps)({ actorId: 'm1', employeeId: 'm1r1' }));
      const hint = (id: string) => form.inputs.find((i) => i.id === id)?.hint;
      expect(hint('kpi_csat')).toBe('Target: at least 90 % · Last 4: 88 → 85 → 92 → 95 (↗ improving)');
      expect(hint('kpi_hours')).toBe('Target: at most 8 h · Last 4: 7 → 7 → 6 → 5 (↘ improving)');
      expect(hint('kpi_revenue')).toBe('Target: at least 200 k CNY');
      expect(kpiTrend([5, 5.05, 5])).toBe('flat');
      expect(kpiTrend([9, 7])).toBe('down');

      const slotId = db.conn.sqlite.prepare('SELECT id FROM review_slots').pluck().get() as number;
      const missed = makeSubmitReview(deps)({
        actorId: 'm1',
        slotId,
        values: { kpi_csat: '85', kpi_revenue: '150', kpi_margin: '1', kpi_hours: '6', rating: '3' },
      });
      expect(!missed.ok && missed.fieldErrors).toEqual({
        improvement: 'Customer satisfaction, Revenue missed the target: say what should improve.',
      });
    });
  });
});

describe('date rules, one per field, the same on every platform', () => {
  let w: EvidenceWorld;
  afterEach(() => w.db.cleanup());

  it('refuses far-past and far-future dates in notes, actions, check-ins, training and job adjustments', () => {
    expect(checkDate('noteHeldOn', '2026-11-24', '2026-11-23')).toMatchObject({ ok: false, error: 'tooLate' });
    expect(checkDate('noteNextCheckIn', '2026-11-23', '2026-11-23')).toEqual({ ok: true });
    w = makeEvidenceWorld(); // Monday 23 Nov 2026 in Shanghai
    const note = (values: Record<string, string>) =>
      makeCreateNote(w.deps)({
        actorId: w.m1.id,
        personId: w.emp.id,
        values: { kind: 'one_on_one', held_on: '2026-11-23', discussion: 'Weekly', visibility: 'shared', ...values },
      });
    const errorsOf = (r: { ok: boolean; fieldErrors?: Record<string, string> }) => (!r.ok ? r.fieldErrors : r);
    expect(
      errorsOf(
        note({
          held_on: '2020-01-06',
          action1: 'Send the list',
          action1_due: '2020-02-01',
          next_check_in: '1999-12-31',
        }),
      ),
    ).toEqual({
      held_on: 'Pick a date from 2025-11-23 to 2026-11-23.',
      action1_due: 'This date has passed: pick today or a later day, up to 2027-11-23.',
      next_check_in: 'This date has passed: pick today or a later day, up to 2027-05-22.',
    });
    expect(errorsOf(note({ held_on: '2026-11-24' }))).toEqual({
      held_on: 'This date cannot be in the future: pick a day from 2025-11-23 to today.',
    });
    expect(errorsOf(note({ held_on: '2027-13-45' }))).toEqual({ held_on: 'Enter a date as YYYY-MM-DD.' });
    expect(w.db.conn.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);

    const plan = makeCreateTrainingPlan(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: {
        kpis: ['tickets'],
        goal: 'g',
        content: 'c',
        trainer_name: 'Coach',
        session1_date: '2020-03-02',
        session1_start: '10:00',
        session1_end: '11:00',
        session1_place: 'Room 1',
        expected: 'e',
      },
    });
    expect(errorsOf(plan)).toEqual({
      session1_date: 'This date has passed: pick today or a later day, up to 2027-11-23.',
    });
    const adjust = makeAdjustJob(w.deps)({
      actorId: w.hr.id,
      personId: w.emp.id,
      values: { to_job: 'support', reason: 'Tickets below target', effective_on: '2029-01-01' },
    });
    expect(errorsOf(adjust)).toEqual({ effective_on: 'Pick a date from 2026-11-23 to 2027-11-23.' });
  });

  it('needs an attendance reason for an absence only', () => {
    w = makeEvidenceWorld();
    const plan = valueOf(
      makeCreateTrainingPlan(w.deps)({
        actorId: w.m1.id,
        personId: w.emp.id,
        values: {
          kpis: ['tickets'],
          goal: 'g',
          content: 'c',
          trainer_name: 'Coach',
          session1_date: '2026-11-24',
          session1_start: '10:00',
          session1_end: '11:00',
          session1_place: 'Room 1',
          expected: 'e',
        },
      }),
    ).plan;
    const sessionId = plan.sessions[0]!.id;
    w.db.clock.set('2026-11-25T00:00:00Z'); // attendance is marked once the session has started (issue 10 #5)
    const mark = makeMarkAttendance(w.deps);
    const absent = mark({ actorId: w.m1.id, sessionId, values: { status: 'absent', reason: '' } });
    expect(!absent.ok && absent.fieldErrors).toEqual({ reason: 'Give a reason.' });
    expect(codeOf(mark({ actorId: w.m1.id, sessionId, values: { status: 'present', reason: '' } }))).toBe('ok');
  });
});
