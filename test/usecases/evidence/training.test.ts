import { describe, it, expect, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import {
  makeEvidenceWorld,
  valueOf,
  codeOf,
  snapshot,
  outboxRows,
  textOf,
  buttonsOf,
  count,
  type EvidenceWorld,
} from './support.js';
import { makeOpenTrainingPlanForm } from '../../../src/usecases/evidence/open-training-plan-form.js';
import { makeCreateTrainingPlan } from '../../../src/usecases/evidence/create-training-plan.js';
import { makeAcknowledgeTraining } from '../../../src/usecases/evidence/acknowledge-training.js';
import { makeSignInSession } from '../../../src/usecases/evidence/sign-in-session.js';
import { makePromptSessionSignIns } from '../../../src/usecases/schedule/prompt-session-sign-ins.js';
import { makeRunEvidenceTick } from '../../../src/usecases/schedule/run-evidence-tick.js';
import { makeOpenMarkAttendanceForm } from '../../../src/usecases/evidence/open-mark-attendance-form.js';
import { makeMarkAttendance } from '../../../src/usecases/evidence/mark-attendance.js';
import { makeCompleteTraining } from '../../../src/usecases/evidence/complete-training.js';
import { makeOpenReassessmentForm } from '../../../src/usecases/evidence/open-reassessment-form.js';
import { makeRecordReassessment } from '../../../src/usecases/evidence/record-reassessment.js';
import { makeRecordRefusal } from '../../../src/usecases/evidence/record-refusal.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { DEFAULT_KPIS } from '../../support/org.js';
import { verifyAuditChain } from '../../../db/repos/audit.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

/** A below-target weekly review of `emp`: tickets missed, response met. */
function seedMissedReview(w: EvidenceWorld) {
  w.db.store.tx((tx) =>
    tx.reviews.insertReview({
      slotId: null,
      employeeId: w.emp.id,
      authorId: w.m1.id,
      jobId: 'engineer',
      kpiVersion: 1,
      periodLabel: '2026-W47',
      rating: 2,
      strengths: '',
      improvement: 'More tickets',
      comment: '',
      belowTarget: true,
      submittedAt: w.db.clock.now() - 86_400_000,
      results: [
        { ...DEFAULT_KPIS[0]!, actual: 28, met: false },
        { ...DEFAULT_KPIS[1]!, actual: 3, met: true },
      ],
    }),
  );
}

const validPlan = (w: EvidenceWorld, over: Record<string, string | string[]> = {}) => ({
  kpis: ['tickets'],
  goal: 'Close 40 tickets a week',
  content: 'Queue triage, macros, pairing on the backlog.',
  trainer_person: w.peer.id,
  trainer_name: '',
  session1_date: '2026-11-24',
  session1_start: '14:00',
  session1_end: '16:00',
  session1_place: 'Room 3 / https://meet.example.com/abc',
  expected: '40 tickets a week by the end of December',
  ...over,
});

const createPlan = (w: EvidenceWorld) =>
  valueOf(makeCreateTrainingPlan(w.deps)({ actorId: w.m1.id, personId: w.emp.id, values: validPlan(w) })).plan;

describe('/training form round trip', () => {
  it('pre-selects the KPIs missed in the latest review', () => {
    w = makeEvidenceWorld();
    seedMissedReview(w);
    const form = valueOf(makeOpenTrainingPlanForm(w.deps)({ actorId: w.m1.id, personId: w.emp.id }));
    const kpis = form.inputs.find((i) => i.id === 'kpis');
    expect(kpis?.kind === 'multiselect' && kpis.initial).toEqual(['tickets']);
    expect(form.inputs.filter((i) => i.id.startsWith('session')).length).toBe(12);
  });

  it('rejects invalid input with field errors and writes nothing', () => {
    w = makeEvidenceWorld();
    const before = snapshot(w.db);
    const r = makeCreateTrainingPlan(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: validPlan(w, {
        kpis: [],
        goal: '',
        trainer_person: '',
        trainer_name: '',
        session1_start: '2pm',
        session1_end: '13:00',
        session2_date: '2026-11-25',
        session2_start: '10:00',
        session2_end: '09:00',
        session2_place: 'Room 1',
      }),
    });
    expect(!r.ok && r.code).toBe('INVALID_INPUT');
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      'goal',
      'kpis',
      'session1_start',
      'session2_end',
      'trainer_name',
    ]);
    const noSession = makeCreateTrainingPlan(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: validPlan(w, { session1_date: '', session1_start: '', session1_end: '', session1_place: '' }),
    });
    expect(!noSession.ok && noSession.fieldErrors).toHaveProperty('session1_date');
    expect(snapshot(w.db)).toEqual(before);
  });

  it('reads session times typed with a Chinese IME’s full-width colon, and refuses 24:00', () => {
    w = makeEvidenceWorld();
    const bad = makeCreateTrainingPlan(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: validPlan(w, { session1_start: '24:00' }),
    });
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {})).toEqual(['session1_start']);
    const { plan } = valueOf(
      makeCreateTrainingPlan(w.deps)({
        actorId: w.m1.id,
        personId: w.emp.id,
        values: validPlan(w, { session1_start: '14：00', session1_end: '16：00' }),
      }),
    );
    expect(plan.sessions).toMatchObject([
      { startsAt: Date.parse('2026-11-24T06:00:00Z'), endsAt: Date.parse('2026-11-24T08:00:00Z') },
    ]);
  });

  it('is refused to a manager outside the chain', () => {
    w = makeEvidenceWorld();
    expect(codeOf(makeOpenTrainingPlanForm(w.deps)({ actorId: w.m2.id, personId: w.emp.id }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(makeCreateTrainingPlan(w.deps)({ actorId: w.m2.id, personId: w.emp.id, values: validPlan(w) }))).toBe(
      'NOT_AUTHORIZED',
    );
    expect(count(w.db.conn.sqlite, 'training_plans')).toBe(0);
  });

  it('saves the plan against the job’s KPI version, with session times in the employee’s zone; the employee acknowledges', () => {
    w = makeEvidenceWorld();
    const plan = createPlan(w);
    expect(plan).toMatchObject({
      jobId: 'engineer',
      kpiVersion: 1,
      kpiKeys: ['tickets'],
      trainerId: w.peer.id,
      status: 'active',
    });
    expect(plan.sessions).toMatchObject([
      { startsAt: Date.parse('2026-11-24T06:00:00Z'), endsAt: Date.parse('2026-11-24T08:00:00Z') },
    ]);
    const [dm] = outboxRows(w.db.conn.sqlite, `training:${plan.id}:employee`);
    expect(textOf(dm!.message)).toContain('2026-11-24 14:00–16:00');
    expect(buttonsOf(dm!.message).map((b) => b.actionId)).toEqual([ACTIONS.acknowledgeTraining]);
    expect(w.audits('training.create')).toHaveLength(1);
    const [trainerDm] = outboxRows(w.db.conn.sqlite, `training:${plan.id}:trainer`);
    expect(trainerDm?.address).toBe(w.peer.slackId);
    expect(buttonsOf(trainerDm!.message)).toMatchObject([
      { actionId: ACTIONS.openMarkAttendance, value: String(plan.sessions[0]!.id) },
    ]);
    expect(codeOf(makeAcknowledgeTraining(w.deps)({ actorId: w.m1.id, planId: plan.id }))).toBe('NOT_AUTHORIZED');
    expect(valueOf(makeAcknowledgeTraining(w.deps)({ actorId: w.emp.id, planId: plan.id })).acknowledgment.state).toBe(
      'acknowledged',
    );
    expect(w.audits('acknowledgment.acknowledged')).toMatchObject([{ subject_type: 'training_plan' }]);
  });

  it('HR can record a witnessed refusal of a training plan', () => {
    w = makeEvidenceWorld();
    const plan = createPlan(w);
    const ack = valueOf(
      makeRecordRefusal(w.deps)({
        actorId: w.hr.id,
        subjectType: 'training_plan',
        subjectId: plan.id,
        values: { witness: w.m1.id },
      }),
    ).acknowledgment;
    expect(ack).toMatchObject({ subjectType: 'training_plan', state: 'refused', witnessId: w.m1.id });
  });
});

describe('sign-in (签到) and attendance', () => {
  it('accepts a sign-in inside the window and refuses one outside it', () => {
    w = makeEvidenceWorld();
    const plan = createPlan(w);
    const sessionId = plan.sessions[0]!.id;
    const signIn = makeSignInSession(w.deps);
    w.db.clock.set('2026-11-24T05:44:00Z'); // 16 minutes early
    const early = signIn({ actorId: w.emp.id, sessionId });
    expect(codeOf(early)).toBe('BLOCKED');
    expect(!early.ok && early.message).toContain('13:45');
    w.db.clock.set('2026-11-24T08:00:01Z'); // just after the end
    expect(codeOf(signIn({ actorId: w.emp.id, sessionId }))).toBe('BLOCKED');
    expect(count(w.db.conn.sqlite, 'attendance')).toBe(0);

    w.db.clock.set('2026-11-24T05:50:00Z'); // 10 minutes early: inside
    expect(codeOf(signIn({ actorId: w.peer.id, sessionId }))).toBe('NOT_AUTHORIZED');
    const row = valueOf(signIn({ actorId: w.emp.id, sessionId })).attendance;
    expect(row).toMatchObject({ status: 'present', method: 'sign_in', personId: w.emp.id });
    expect(codeOf(signIn({ actorId: w.emp.id, sessionId }))).toBe('CONFLICT');
    expect(w.audits('training.sign_in')).toHaveLength(1);
  });

  it('sends the Sign in button once when the window opens', async () => {
    w = makeEvidenceWorld();
    const plan = createPlan(w);
    const prompt = makePromptSessionSignIns(w.deps);
    expect(await prompt()).toBe(0);
    w.db.clock.set('2026-11-24T05:46:00Z');
    expect(await prompt()).toBe(1);
    expect(await prompt()).toBe(0);
    const [dm] = outboxRows(w.db.conn.sqlite, `training-session:${plan.sessions[0]!.id}:sign-in`);
    expect(dm?.address).toBe(w.emp.slackId);
    expect(buttonsOf(dm!.message)).toMatchObject([
      { actionId: ACTIONS.signInSession, value: String(plan.sessions[0]!.id) },
    ]);
    valueOf(makeSignInSession(w.deps)({ actorId: w.emp.id, sessionId: plan.sessions[0]!.id }));
    const [update] = outboxRows(w.db.conn.sqlite, `training-session:${plan.sessions[0]!.id}:sign-in#update%`);
    expect(buttonsOf(update!.message)).toEqual([]);
    expect(textOf(update!.message)).toContain('Signed in at 13:46');
  });

  it('a window missed while the bot was down sends no late prompt; the combined tick reports each step', async () => {
    w = makeEvidenceWorld();
    const plan = createPlan(w);
    w.db.clock.set('2026-11-24T09:00:00Z'); // the session ended at 08:00Z
    const tick = makeRunEvidenceTick(w.deps);
    // The session has ended: its plan's manager is asked to mark it complete (issue 13 #7).
    expect(await tick()).toEqual({
      actionReminders: 0,
      signInPrompts: 0,
      jobAdjustments: 0,
      planCompletionPrompts: 1,
      conversationReminders: 0,
      conversationNotePrompts: 0,
    });
    expect(outboxRows(w.db.conn.sqlite, 'training-session:%')).toEqual([]);
    expect(w.db.store.tx((tx) => tx.evidence.session(plan.sessions[0]!.id))!.promptedAt).not.toBeNull();
  });

  it('lets the trainer or the manager mark present or absent with a reason, and audits what it replaced', () => {
    w = makeEvidenceWorld();
    const plan = createPlan(w);
    const sessionId = plan.sessions[0]!.id;
    w.db.clock.set('2026-11-24T07:00:00Z'); // during the session: attendance is marked once it has started
    const mark = makeMarkAttendance(w.deps);
    expect(codeOf(makeOpenMarkAttendanceForm(w.deps)({ actorId: w.m2.id, sessionId }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(mark({ actorId: w.emp.id, sessionId, values: { status: 'present', reason: 'I was there' } }))).toBe(
      'NOT_AUTHORIZED',
    );
    const noReason = mark({ actorId: w.peer.id, sessionId, values: { status: 'absent', reason: '' } });
    expect(!noReason.ok && noReason.fieldErrors).toHaveProperty('reason');
    expect(
      valueOf(mark({ actorId: w.peer.id, sessionId, values: { status: 'absent', reason: 'Did not show up' } }))
        .attendance,
    ).toMatchObject({ status: 'absent', method: 'marked', recordedBy: w.peer.id });
    expect(
      valueOf(
        mark({
          actorId: w.m1.id,
          sessionId,
          values: { status: 'present', reason: 'Joined late by video, confirmed by trainer' },
        }),
      ).attendance,
    ).toMatchObject({ status: 'present' });
    const audits = w.audits('training.mark_attendance');
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]!.detail).replaced).toMatchObject({ status: 'absent' });
    // Reasons (possibly medical) are encrypted in the row; the chain holds their hashes.
    expect(JSON.parse(audits[1]!.detail).textSha256.replacedReason).toBe(
      createHash('sha256').update('Did not show up', 'utf8').digest('hex'),
    );
  });
});

describe('completion and reassessment', () => {
  it('links the reassessment to the plan and measures it against the plan’s KPI version', () => {
    w = makeEvidenceWorld();
    const plan = createPlan(w);
    expect(codeOf(makeOpenReassessmentForm(w.deps)({ actorId: w.m1.id, planId: plan.id }))).toBe('CONFLICT');
    expect(codeOf(makeCompleteTraining(w.deps)({ actorId: w.m2.id, planId: plan.id }))).toBe('NOT_AUTHORIZED');
    w.db.clock.set('2026-11-24T09:00:00Z'); // after the last session: a plan is complete only once it has ended
    valueOf(makeCompleteTraining(w.deps)({ actorId: w.m1.id, planId: plan.id }));
    expect(codeOf(makeCompleteTraining(w.deps)({ actorId: w.m1.id, planId: plan.id }))).toBe('CONFLICT');
    const [due] = outboxRows(w.db.conn.sqlite, `training:${plan.id}:reassessment-due`);
    expect(due?.address).toBe(w.m1.slackId);
    expect(buttonsOf(due!.message)).toMatchObject([{ actionId: ACTIONS.openReassessment, value: String(plan.id) }]);

    // The job's KPIs change after the plan: the reassessment still uses version 1.
    w.db.store.tx((tx) =>
      tx.org.replaceKpis('engineer', [{ key: 'prs', name: 'PRs merged', unit: '', target: 5, direction: 'higher' }]),
    );
    const form = valueOf(makeOpenReassessmentForm(w.deps)({ actorId: w.m1.id, planId: plan.id }));
    expect(form.inputs.filter((i) => i.id.startsWith('kpi_')).map((i) => i.id)).toEqual([
      'kpi_tickets',
      'kpi_response',
    ]);

    const record = makeRecordReassessment(w.deps);
    const bad = record({ actorId: w.m1.id, planId: plan.id, values: { kpi_tickets: 'lots', rating: '9' } });
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['kpi_response', 'kpi_tickets', 'rating']);
    expect(
      codeOf(
        record({
          actorId: w.hr.id,
          planId: plan.id,
          values: { kpi_tickets: '30', kpi_response: '3', rating: '2', improvement: 'x' },
        }),
      ),
    ).toBe('NOT_AUTHORIZED');

    const { review } = valueOf(
      record({
        actorId: w.m1.id,
        planId: plan.id,
        values: { kpi_tickets: '31', kpi_response: '3.5', rating: '2', improvement: 'Still short on tickets' },
      }),
    );
    expect(review).toMatchObject({
      kind: 'reassessment',
      trainingPlanId: plan.id,
      jobId: 'engineer',
      kpiVersion: 1,
      belowTarget: true,
    });
    const row = w.db.conn.sqlite
      .prepare('SELECT kind, training_plan_id AS planId, below_target AS below FROM reviews WHERE id = ?')
      .get(review.id);
    expect(row).toEqual({ kind: 'reassessment', planId: plan.id, below: 1 });
    expect(outboxRows(w.db.conn.sqlite, `review:${review.id}:employee`)[0]?.address).toBe(w.emp.slackId);
    expect(w.audits('review.reassessment')).toMatchObject([{ subject_type: 'review', subject_id: String(review.id) }]);
    expect(
      codeOf(
        record({ actorId: w.m1.id, planId: plan.id, values: { kpi_tickets: '41', kpi_response: '3', rating: '4' } }),
      ),
    ).toBe('CONFLICT');
    expect(w.audits('training.complete')).toHaveLength(1);
    // Every write above sits in one intact hash chain.
    const chain = verifyAuditChain(w.db.conn.sqlite);
    expect(chain.broken).toBeNull();
    expect(w.audits().map((a) => a.action)).toEqual(['training.create', 'training.complete', 'review.reassessment']);
  });
});
