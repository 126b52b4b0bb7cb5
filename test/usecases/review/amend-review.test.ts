import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { makeAmendReview } from '../../../src/usecases/review/amend-review.js';
import { makeOpenAmendForm } from '../../../src/usecases/review/open-amend-form.js';
import { FORMS } from '../../../src/ui/actions.js';
import { count, snapshot, outboxRows } from './support.js';

describe('amending a submitted review', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  it('changes it only through an audited amendment that keeps before and after', async () => {
    db = makeTestDb({ now: '2026-11-23T10:00:00Z' });
    const settings = testSettings();
    const deps = { store: db.store, clock: db.clock, settings };
    const org = seedTeams(db.store, { managers: 2, reportsPerManager: 1 });
    await makeStartCycle(deps)({ actorId: org.hr.id });
    const slot = db.conn.sqlite.prepare(`SELECT id FROM review_slots WHERE manager_id = 'm1'`).get() as { id: number };
    const values = { kpi_tickets: '45', kpi_response: '3', rating: '4', strengths: '', improvement: '', comment: '' };
    expect((await makeSubmitReview(deps)({ actorId: 'm1', slotId: slot.id, values })).ok).toBe(true);
    const reviewId = (db.conn.sqlite.prepare('SELECT id FROM reviews').get() as { id: number }).id;

    const opened = await makeOpenAmendForm(deps)({ actorId: 'm1', reviewId });
    const form = opened.ok ? opened.value : null;
    expect(form?.formId).toBe(FORMS.amendReview);
    expect(Object.fromEntries(form!.inputs.map((i) => [i.id, 'initial' in i ? i.initial : undefined]))).toMatchObject({
      kpi_tickets: '45',
      kpi_response: '3',
      rating: '4',
      reason: undefined,
    });
    expect(!(await makeOpenAmendForm(deps)({ actorId: 'm1r1', reviewId })).ok).toBe(true);

    const amend = makeAmendReview(deps);
    const before = snapshot(db.conn.sqlite);
    const otherManager = await amend({ actorId: 'm2', reviewId, values: { ...values, reason: 'typo' } });
    expect(!otherManager.ok && otherManager.code).toBe('NOT_AUTHORIZED');
    const noReason = await amend({ actorId: 'm1', reviewId, values: { ...values, kpi_tickets: '35' } });
    expect(!noReason.ok && Object.keys(noReason.fieldErrors!).sort()).toEqual(['improvement', 'reason']);
    expect(snapshot(db.conn.sqlite)).toEqual(before);

    db.clock.advance(3_600_000);
    const ok = await amend({
      actorId: 'm1',
      reviewId,
      values: { ...values, kpi_tickets: '35', improvement: 'Focus on backlog', reason: 'Miscounted tickets' },
    });
    expect(ok.ok).toBe(true);
    // Everyone reads the amended review (issue 12: corrections are amendments, nothing is edited in place)…
    expect(db.store.tx((tx) => tx.reviews.review(Number(reviewId)))).toMatchObject({
      belowTarget: true,
      improvement: 'Focus on backlog',
      amendedAt: Date.parse('2026-11-23T11:00:00Z'),
    });
    // …while the row as submitted is kept as it was.
    expect(db.conn.sqlite.prepare('SELECT below_target, improvement, amended_at FROM reviews').get()).toEqual({
      below_target: 0,
      improvement: '',
      amended_at: null,
    });
    const amendment = db.conn.sqlite
      .prepare('SELECT author_id, reason, before, after FROM review_amendments')
      .get() as Record<string, string>;
    expect(amendment.reason).toBe('Miscounted tickets');
    expect(JSON.parse(amendment.before!).results[0]).toMatchObject({ key: 'tickets', actual: 45, met: true });
    expect(JSON.parse(amendment.after!).results[0]).toMatchObject({ key: 'tickets', actual: 35, met: false });
    expect(count(db.conn.sqlite, 'review_kpi_results')).toBe(2);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'review.amend' AND actor_id = 'm1'")).toBe(1);
    expect(outboxRows(db.conn.sqlite, `review:${reviewId}:amended:%`)[0]!.message.text).toContain(
      'Reason: Miscounted tickets',
    );
  });
});
