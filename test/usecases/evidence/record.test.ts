import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { makeEvidenceWorld, valueOf, codeOf, textOf, buttonsOf, type EvidenceWorld } from './support.js';
import { makeCreateNote } from '../../../src/usecases/evidence/create-note.js';
import { makeCreateTrainingPlan } from '../../../src/usecases/evidence/create-training-plan.js';
import { makeAdjustJob } from '../../../src/usecases/evidence/adjust-job.js';
import { makeDisputeNote } from '../../../src/usecases/evidence/dispute-note.js';
import { makeViewMyRecord } from '../../../src/usecases/evidence/view-my-record.js';
import { makeAcknowledgeReview } from '../../../src/usecases/review/acknowledge-review.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { parseId } from '../../../src/app/reply.js';
import type { Person } from '../../../src/ports/records.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

const note = (discussion: string, visibility: string, owner: string) => ({
  kind: 'one_on_one',
  held_on: '2026-11-20',
  discussion,
  visibility,
  action1: '',
  action1_owner: owner,
});

beforeEach(() => {
  w = makeEvidenceWorld();
  const create = makeCreateNote(w.deps);
  const shared = valueOf(
    create({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: note('SHARED-TEXT about the ticket queue', 'evidence', w.emp.id),
    }),
  ).note;
  valueOf(
    create({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: note('M1-PRIVATE worry about morale', 'private', w.emp.id),
    }),
  );
  valueOf(create({ actorId: w.hr.id, personId: w.emp.id, values: note('HR-PRIVATE remark', 'private', w.emp.id) }));
  valueOf(
    makeDisputeNote(w.deps)({ actorId: w.emp.id, noteId: shared.id, values: { comment: 'DISPUTE-WORDS verbatim' } }),
  );
  valueOf(
    makeCreateTrainingPlan(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: {
        kpis: ['tickets'],
        goal: 'PLAN-GOAL',
        content: 'c',
        trainer_name: 'External coach',
        session1_date: '2026-11-24',
        session1_start: '14:00',
        session1_end: '16:00',
        session1_place: 'Room 3',
        expected: 'e',
      },
    }),
  );
  valueOf(
    makeAdjustJob(w.deps)({
      actorId: w.hr.id,
      personId: w.emp.id,
      values: { to_job: 'support', kpis: ['tickets'], reason: 'ADJUST-REASON', effective_on: '2026-12-15' },
    }),
  );
});

describe('/review mine: what each asker sees about an employee', () => {
  const rows: { asker: string; who: (w: EvidenceWorld) => Person; sees: string[]; hidden: string[] }[] = [
    {
      asker: 'employee (own record)',
      who: (w) => w.emp,
      sees: ['SHARED-TEXT', 'DISPUTE-WORDS', 'PLAN-GOAL', 'ADJUST-REASON', 'Tickets closed'],
      hidden: ['M1-PRIVATE', 'HR-PRIVATE'],
    },
    {
      asker: 'own manager',
      who: (w) => w.m1,
      sees: ['SHARED-TEXT', 'M1-PRIVATE', 'DISPUTE-WORDS', 'PLAN-GOAL', 'ADJUST-REASON'],
      hidden: ['HR-PRIVATE'],
    },
    {
      asker: 'skip-level manager',
      who: (w) => w.dir,
      sees: ['SHARED-TEXT', 'PLAN-GOAL', 'ADJUST-REASON'],
      hidden: ['M1-PRIVATE', 'HR-PRIVATE'],
    },
    {
      asker: 'HR',
      who: (w) => w.hr,
      sees: ['SHARED-TEXT', 'HR-PRIVATE', 'DISPUTE-WORDS', 'PLAN-GOAL', 'ADJUST-REASON'],
      hidden: ['M1-PRIVATE'],
    },
    {
      asker: 'admin',
      who: (w) => w.admin,
      sees: ['SHARED-TEXT', 'PLAN-GOAL', 'ADJUST-REASON'],
      hidden: ['M1-PRIVATE', 'HR-PRIVATE'],
    },
  ];
  for (const row of rows) {
    it(`${row.asker} sees the evidence but not other people’s private notes`, () => {
      const view = makeViewMyRecord(w.deps);
      const msg = valueOf(
        view({ actorId: row.who(w).id, personId: row.asker.startsWith('employee') ? undefined : w.emp.id }),
      );
      const text = textOf(msg);
      for (const s of row.sees) expect(text, s).toContain(s);
      for (const s of row.hidden) expect(text, s).not.toContain(s);
    });
  }

  it('another employee and a manager of another team are refused', () => {
    const view = makeViewMyRecord(w.deps);
    expect(codeOf(view({ actorId: w.peer.id, personId: w.emp.id }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(view({ actorId: w.m2.id, personId: w.emp.id }))).toBe('NOT_AUTHORIZED');
    // …and the colleague's own record shows nothing of emp's.
    const own = textOf(valueOf(view({ actorId: w.peer.id })));
    expect(own).not.toContain('SHARED-TEXT');
    expect(own).not.toContain('PLAN-GOAL');
  });

  it('offers the employee their pending acknowledgments and, inside a session window, Sign in', () => {
    w.db.clock.set('2026-11-24T05:55:00Z');
    const msg = valueOf(makeViewMyRecord(w.deps)({ actorId: w.emp.id }));
    const ids = buttonsOf(msg).map((b) => b.actionId);
    expect(ids).toContain(ACTIONS.signInSession);
    expect(ids).toContain(ACTIONS.acknowledgeTraining);
    expect(ids).toContain(ACTIONS.acknowledgeJobAdjustment);
    expect(ids).toContain(ACTIONS.acknowledgeKpis);
    expect(ids).not.toContain(ACTIONS.recordRefusal);
  });

  it('lets the employee answer an unanswered review from here (the typed fallback of the review DM)', () => {
    const reviewId = w.db.store.tx((tx) => {
      const r = tx.reviews.insertReview({
        slotId: null,
        kind: 'regular',
        trainingPlanId: null,
        employeeId: w.emp.id,
        authorId: w.m1.id,
        jobId: w.emp.jobId!,
        kpiVersion: 1,
        periodLabel: '2026-W47',
        rating: 2,
        strengths: '',
        improvement: 'Close more tickets',
        comment: 'Slow week',
        belowTarget: true,
        submittedAt: w.db.clock.now(),
        results: [],
      });
      return r.id;
    });
    const view = makeViewMyRecord(w.deps);
    const answer = buttonsOf(valueOf(view({ actorId: w.emp.id }))).filter(
      (b) => b.actionId === ACTIONS.acknowledgeReview || b.actionId === ACTIONS.disputeReview,
    );
    expect(answer.map((b) => [b.actionId, b.value])).toEqual([
      [ACTIONS.acknowledgeReview, String(reviewId)],
      [ACTIONS.disputeReview, String(reviewId)],
    ]);
    // Nobody else answers for the employee: the manager's view offers no such button.
    expect(buttonsOf(valueOf(view({ actorId: w.m1.id, personId: w.emp.id }))).map((b) => b.actionId)).not.toContain(
      ACTIONS.acknowledgeReview,
    );
    valueOf(makeAcknowledgeReview(w.deps)({ actorId: w.emp.id, reviewId: parseId(answer[0]!.value) }));
    expect(buttonsOf(valueOf(view({ actorId: w.emp.id }))).map((b) => b.actionId)).not.toContain(
      ACTIONS.acknowledgeReview,
    );
  });

  it('offers HR a Record refusal button for unanswered records, and the manager the plan actions', () => {
    const hr = buttonsOf(valueOf(makeViewMyRecord(w.deps)({ actorId: w.hr.id, personId: w.emp.id }))).map(
      (b) => b.actionId,
    );
    expect(hr).toContain(ACTIONS.recordRefusal);
    const m1 = buttonsOf(valueOf(makeViewMyRecord(w.deps)({ actorId: w.m1.id, personId: w.emp.id }))).map(
      (b) => b.actionId,
    );
    expect(m1).toEqual(expect.arrayContaining([ACTIONS.openMarkAttendance, ACTIONS.completeTraining]));
    expect(m1).not.toContain(ACTIONS.recordRefusal);
  });
});

describe('/review mine with a long history', () => {
  it('stays within Slack’s 50 blocks and says how many earlier items are not shown', () => {
    const create = makeCreateNote(w.deps);
    for (let i = 0; i < 12; i++)
      valueOf(
        create({ actorId: w.m1.id, personId: w.emp.id, values: note(`Weekly 1:1 number ${i}`, 'shared', w.emp.id) }),
      );
    for (let i = 0; i < 4; i++)
      valueOf(
        makeCreateTrainingPlan(w.deps)({
          actorId: w.m1.id,
          personId: w.emp.id,
          values: {
            kpis: ['tickets'],
            goal: `Goal ${i}`,
            content: 'c',
            trainer_name: 'Coach',
            session1_date: '2026-11-24',
            session1_start: '14:00',
            session1_end: '16:00',
            session1_place: 'Room 3',
            expected: 'e',
          },
        }),
      );
    for (const viewer of [w.emp, w.m1, w.hr]) {
      const msg = valueOf(makeViewMyRecord(w.deps)({ actorId: viewer.id, personId: w.emp.id }));
      expect(msg.blocks.length).toBeLessThanOrEqual(50);
      expect(textOf(msg)).toContain('earlier');
      expect(textOf(msg)).toContain('Weekly 1:1 number 11');
    }
  });
});
