import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings, type SeededTeams } from '../../support/org.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { makeOpenReviewForm } from '../../../src/usecases/review/open-review-form.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { makeAcknowledgeReview } from '../../../src/usecases/review/acknowledge-review.js';
import { makeOpenDisputeForm } from '../../../src/usecases/review/open-dispute-form.js';
import { makeDisputeReview } from '../../../src/usecases/review/dispute-review.js';
import { count, snapshot, outboxRows, textOf, buttonsOf } from './support.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import type { Form } from '../../../src/ui/model.js';
import { parseId } from '../../../src/app/reply.js';

const good = {
  kpi_tickets: '45',
  kpi_response: '3.5',
  rating: '4',
  strengths: 'Clear write-ups',
  improvement: '',
  comment: '',
};

describe('the review form round trip', () => {
  let db: TestDb;
  let org: SeededTeams;
  const settings = testSettings();
  let deps: { store: TestDb['store']; clock: TestDb['clock']; settings: typeof settings };
  const slotOf = (employeeId: string) =>
    (db.conn.sqlite.prepare('SELECT id FROM review_slots WHERE employee_id = ?').get(employeeId) as { id: number }).id;

  beforeEach(async () => {
    db = makeTestDb({ now: '2026-11-23T10:00:00Z' });
    org = seedTeams(db.store, { managers: 3, reportsPerManager: 3 });
    deps = { store: db.store, clock: db.clock, settings };
    const started = await makeStartCycle(deps)({ actorId: org.hr.id });
    expect(started.ok).toBe(true);
  });
  afterEach(() => db.cleanup());

  it('rejects a missing improvement inline, stores the corrected one, DMs the employee and updates the nudge', async () => {
    const alice = org.reports[0]![0]!;
    const manager = org.managers[0]!;
    const nudgeButton = buttonsOf(outboxRows(db.conn.sqlite, 'nudge:%:m1')[0]!.message)[0]!;

    const opened = await makeOpenReviewForm(deps)({ actorId: manager.id, slotId: parseId(nudgeButton.value) });
    expect(opened.ok).toBe(true);
    const form = (opened.ok ? opened.value : null) as Form;
    expect(form.formId).toBe(FORMS.review);
    expect(form.inputs.map((i) => i.id)).toEqual([
      'kpi_tickets',
      'kpi_response',
      'rating',
      'strengths',
      'improvement',
      'comment',
    ]);
    expect(form.inputs[0]!.hint).toBe('Target: at least 40 per week');
    expect(form.inputs[1]!.hint).toBe('Target: at most 4 h');
    const rating = form.inputs.find((i) => i.id === 'rating');
    expect(rating?.kind === 'select' && rating.options.map((o) => o.label)[1]).toBe('2 · Below expectations');

    const submit = makeSubmitReview(deps);
    const before = snapshot(db.conn.sqlite);
    // 30 tickets misses "at least 40": the improvement suggestion becomes required.
    const missing = await submit({
      actorId: manager.id,
      slotId: parseId(form.state),
      values: { ...good, kpi_tickets: '30' },
    });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.code).toBe('INVALID_INPUT');
    expect(!missing.ok && Object.keys(missing.fieldErrors ?? {})).toEqual(['improvement']);
    expect(snapshot(db.conn.sqlite)).toEqual(before);

    const lowRating = await submit({
      actorId: manager.id,
      slotId: parseId(form.state),
      values: { ...good, rating: '2', kpi_response: 'fast' },
    });
    expect(!lowRating.ok && lowRating.fieldErrors).toEqual({
      kpi_response: 'Enter a number, e.g. 42 or 3.5.',
      improvement: 'The rating is 2 or less: say what should improve.',
    });
    expect(snapshot(db.conn.sqlite)).toEqual(before);

    const saved = await submit({
      actorId: manager.id,
      slotId: parseId(form.state),
      values: { ...good, kpi_tickets: '30', improvement: 'Pair on triage' },
    });
    expect(saved.ok).toBe(true);
    const confirmation = saved.ok ? saved.value.followUp : null;
    expect(textOf(confirmation!)).toContain('Below target: Tickets closed.');
    expect(textOf(confirmation!)).toContain('1 of 3 reviews done this cycle.');
    expect(buttonsOf(confirmation!).map((b) => [b.actionId, JSON.parse(b.value)])).toEqual([
      [ACTIONS.promptTrainingPlan, { p: alice.id, k: ['tickets'] }],
      [ACTIONS.scheduleConversation, { p: alice.id, k: ['tickets'] }],
      [ACTIONS.amendReview, Number(db.conn.sqlite.prepare('SELECT id FROM reviews').pluck().get())],
    ]);

    const review = db.conn.sqlite.prepare('SELECT * FROM reviews').get() as Record<string, unknown>;
    expect(review).toMatchObject({
      employee_id: alice.id,
      author_id: manager.id,
      rating: 4,
      below_target: 1,
      kpi_version: 1,
      period_label: '2026-W48',
      improvement: 'Pair on triage',
    });
    expect(
      db.conn.sqlite
        .prepare('SELECT kpi_key, kpi_name, target, direction, actual, met FROM review_kpi_results ORDER BY id')
        .all(),
    ).toEqual([
      { kpi_key: 'tickets', kpi_name: 'Tickets closed', target: 40, direction: 'higher', actual: 30, met: 0 },
      { kpi_key: 'response', kpi_name: 'First response', target: 4, direction: 'lower', actual: 3.5, met: 1 },
    ]);
    expect(count(db.conn.sqlite, 'review_slots', "status = 'submitted'")).toBe(1);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'review.submit'")).toBe(1);

    const dm = outboxRows(db.conn.sqlite, 'review:%:employee')[0]!;
    expect(dm.address).toBe('UM1R1');
    expect(textOf(dm.message)).toContain('❌ **Tickets closed**: 30 per week (target ≥ 40 per week)');
    expect(buttonsOf(dm.message).map((b) => b.actionId)).toEqual([ACTIONS.acknowledgeReview, ACTIONS.disputeReview]);

    const update = outboxRows(db.conn.sqlite, 'nudge:%:m1#update%')[0]!;
    expect(update.op).toBe('update');
    expect(textOf(update.message)).toContain('1 of 3 done');
    expect(buttonsOf(update.message).map((b) => b.label)).toEqual(['Review Bob 1.2', 'Review Chen 1.3']);

    const again = await submit({
      actorId: manager.id,
      slotId: parseId(form.state),
      values: { ...good, improvement: 'x' },
    });
    expect(!again.ok && again.code).toBe('CONFLICT');

    // The employee acknowledges; the DM loses its buttons.
    const reviewId = buttonsOf(dm.message)[0]!.value;
    const ack = await makeAcknowledgeReview(deps)({ actorId: alice.id, reviewId: parseId(reviewId) });
    expect(ack.ok).toBe(true);
    expect(
      db.conn.sqlite.prepare('SELECT subject_type, subject_id, person_id, state FROM acknowledgments').all(),
    ).toEqual([{ subject_type: 'review', subject_id: reviewId, person_id: alice.id, state: 'acknowledged' }]);
    const dmUpdate = outboxRows(db.conn.sqlite, 'review:%:employee#update%')[0]!;
    expect(textOf(dmUpdate.message)).toContain('You acknowledged this review.');
    expect(buttonsOf(dmUpdate.message)).toEqual([]);
  });

  it('refuses a manager submitting for someone else’s report and writes nothing', async () => {
    const bobOfM2 = org.reports[1]![1]!;
    const before = snapshot(db.conn.sqlite);
    const forged = await makeSubmitReview(deps)({
      actorId: org.managers[0]!.id,
      slotId: slotOf(bobOfM2.id),
      values: { ...good, improvement: 'x' },
    });
    expect(!forged.ok && forged.code).toBe('NOT_AUTHORIZED');
    expect(snapshot(db.conn.sqlite)).toEqual(before);

    const open = await makeOpenReviewForm(deps)({ actorId: org.managers[0]!.id, employeeId: bobOfM2.id });
    expect(!open.ok && open.code).toBe('NOT_AUTHORIZED');
    // Moving the report to another manager revokes the old manager's slot too.
    db.store.tx((tx) => tx.org.upsertPerson({ ...bobOfM2, managerId: org.managers[0]!.id }));
    const stale = await makeSubmitReview(deps)({
      actorId: org.managers[0]!.id,
      slotId: slotOf(bobOfM2.id),
      values: { ...good },
    });
    expect(!stale.ok && stale.code).toBe('NOT_AUTHORIZED');
    expect(count(db.conn.sqlite, 'reviews')).toBe(0);
  });

  it('opens the next pending form, or the mentioned report’s', async () => {
    const open = makeOpenReviewForm(deps);
    const next = await open({ actorId: 'm2' });
    expect(next.ok && next.value.state).toBe(String(slotOf('m2r1')));
    const chen = await open({ actorId: 'm2', employeeId: 'm2r3' });
    expect(chen.ok && chen.value.state).toBe(String(slotOf('m2r3')));
    const none = await open({ actorId: 'm2r3' });
    expect(!none.ok && none.message).toBe('You have no pending reviews. 🎉');
  });

  it('keeps a dispute comment verbatim and only the employee may dispute', async () => {
    const alice = org.reports[0]![0]!;
    await makeSubmitReview(deps)({ actorId: 'm1', slotId: slotOf(alice.id), values: good });
    const reviewId = (db.conn.sqlite.prepare('SELECT id FROM reviews').get() as { id: number }).id;

    const byManager = await makeOpenDisputeForm(deps)({ actorId: 'm1', reviewId });
    expect(!byManager.ok && byManager.code).toBe('NOT_AUTHORIZED');
    const form = await makeOpenDisputeForm(deps)({ actorId: alice.id, reviewId });
    expect(form.ok && form.value.formId).toBe(FORMS.disputeReview);

    const dispute = makeDisputeReview(deps);
    const blank = await dispute({ actorId: alice.id, reviewId, values: { comment: '  \n ' } });
    expect(!blank.ok && blank.fieldErrors).toEqual({ comment: 'This field is required.' });
    const comment = '  我不同意：票数统计漏了周五的 12 张。\n\nSecond line — “quoted” 👍  ';
    const notMine = await dispute({ actorId: 'm1r2', reviewId, values: { comment } });
    expect(!notMine.ok && notMine.code).toBe('NOT_AUTHORIZED');
    const ok = await dispute({ actorId: alice.id, reviewId, values: { comment } });
    expect(ok.ok).toBe(true);
    expect(db.conn.sqlite.prepare('SELECT state, comment FROM acknowledgments').get()).toEqual({
      state: 'disputed',
      comment,
    });
    expect(outboxRows(db.conn.sqlite, `review:${reviewId}:disputed`)[0]!.address).toBe('UM1');
    const twice = await makeAcknowledgeReview(deps)({ actorId: alice.id, reviewId });
    expect(!twice.ok && twice.code).toBe('CONFLICT');
  });
});
