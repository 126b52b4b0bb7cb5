/**
 * Corrections are amendments, never edits in place: the row as first recorded stays, every reader
 * (the review repository, the gate's evidence facts, the dossier) sees the correction, and the
 * history is kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedTeams, DEFAULT_KPIS } from '../support/org.js';

let t: TestDb;
afterEach(() => t?.cleanup());

describe('amendments, not edits', () => {
  it('an amended review reads as amended everywhere, and its submitted row and KPI results stay as they were', () => {
    t = makeTestDb({ protection: { dataKey: Buffer.alloc(32, 9) } });
    const org = seedTeams(t.store, { managers: 1, reportsPerManager: 1 });
    const [m, e] = [org.managers[0]!, org.reports[0]![0]!];
    const id = t.store.tx((tx) => {
      const r = tx.reviews.insertReview({
        slotId: null,
        employeeId: e.id,
        authorId: m.id,
        jobId: org.jobId,
        kpiVersion: 1,
        periodLabel: '2026-W47',
        rating: 4,
        strengths: 'Fast',
        improvement: '',
        comment: 'Good week',
        belowTarget: false,
        submittedAt: t.clock.now(),
        results: [
          { ...DEFAULT_KPIS[0]!, actual: 45, met: true },
          { ...DEFAULT_KPIS[1]!, actual: 3, met: true },
        ],
      });
      return r.id;
    });
    const rowBefore = t.conn.sqlite.prepare('SELECT * FROM reviews WHERE id = ?').get(id);
    const resultsBefore = t.conn.sqlite.prepare('SELECT * FROM review_kpi_results ORDER BY id').all();

    for (const [actual, reason] of [
      [35, 'Miscounted tickets'],
      [30, 'Counted duplicates'],
    ] as const) {
      t.clock.advance(3_600_000);
      t.store.tx((tx) => {
        const current = tx.reviews.review(id)!;
        tx.reviews.amendReview(id, {
          authorId: m.id,
          reason,
          at: t.clock.now(),
          after: {
            ...current,
            rating: 2,
            improvement: 'Close the backlog',
            belowTarget: true,
            results: [{ ...current.results[0]!, actual, met: false }, current.results[1]!],
          },
        });
      });
    }

    const now = t.store.tx((tx) => ({
      review: tx.reviews.review(id)!,
      facts: tx.cases.evidenceFacts(e.id).reviews[0]!,
      dossier: tx.cases.dossierData(e.id, 0).reviews[0]!,
      amendments: tx.reviews.amendments(id),
    }));
    expect(now.review).toMatchObject({ rating: 2, belowTarget: true, improvement: 'Close the backlog' });
    expect(now.review.results[0]).toMatchObject({ key: 'tickets', actual: 30, met: false });
    expect(now.review.amendedAt).toBe(t.clock.now());
    expect(now.facts).toMatchObject({ belowTarget: true, missedKpiKeys: ['tickets'] });
    expect(now.dossier).toMatchObject({ rating: 2, belowTarget: true, improvement: 'Close the backlog' });
    expect(now.dossier.results[0]).toMatchObject({ kpiKey: 'tickets', actual: 30 });
    // The history: each amendment's before is the previous state.
    expect(now.amendments.map((a) => [a.reason, a.before.results[0]!.actual, a.after.results[0]!.actual])).toEqual([
      ['Miscounted tickets', 45, 35],
      ['Counted duplicates', 35, 30],
    ]);
    // Nothing written over.
    expect(t.conn.sqlite.prepare('SELECT * FROM reviews WHERE id = ?').get(id)).toEqual(rowBefore);
    expect(t.conn.sqlite.prepare('SELECT * FROM review_kpi_results ORDER BY id').all()).toEqual(resultsBefore);
  });

  it('a corrected attendance mark is a new row; the latest counts and the first stays', () => {
    t = makeTestDb();
    const org = seedTeams(t.store, { managers: 1, reportsPerManager: 1 });
    const [m, e] = [org.managers[0]!, org.reports[0]![0]!];
    const sessionId = t.store.tx((tx) => {
      const plan = tx.evidence.insertPlan(
        {
          personId: e.id,
          createdBy: m.id,
          jobId: org.jobId,
          kpiVersion: 1,
          kpiKeys: ['tickets'],
          goal: 'Triage',
          content: 'Queue work',
          trainer: 'Chen',
          trainerId: null,
          expectedResult: '40 a week',
        },
        [{ startsAt: t.clock.now(), endsAt: t.clock.now() + 3_600_000, location: 'Room 1' }],
      );
      return plan.sessions[0]!.id;
    });
    const mark = (status: 'present' | 'absent', method: 'sign_in' | 'marked', reason: string | null) =>
      t.store.tx((tx) =>
        tx.evidence.recordAttendance({ sessionId, personId: e.id, status, method, reason, recordedBy: m.id }),
      );
    expect(mark('absent', 'marked', 'Did not show up')?.previous).toBeNull();
    expect(mark('present', 'sign_in', null)).toBeNull(); // a late sign-in does not overrule a mark
    const corrected = mark('present', 'marked', 'Joined by video');
    expect(corrected?.previous).toMatchObject({ status: 'absent', reason: 'Did not show up' });
    expect(t.store.tx((tx) => tx.evidence.attendanceFor([sessionId]))).toMatchObject([
      { status: 'present', reason: 'Joined by video' },
    ]);
    expect(t.store.tx((tx) => tx.cases.evidenceFacts(e.id).trainings[0]!.sessions[0]!.present)).toBe(true);
    expect(t.conn.sqlite.prepare('SELECT status, method FROM attendance ORDER BY id').all()).toEqual([
      { status: 'absent', method: 'marked' },
      { status: 'present', method: 'marked' },
    ]);
  });
});
