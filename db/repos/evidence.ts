import { and, eq, inArray, asc, lt, lte, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  notes,
  noteActions,
  trainingPlans,
  trainingSessions,
  attendance,
  jobAdjustments,
  reviews,
} from '../schema/index.js';
import type { EvidenceRepo, Note, TrainingPlan } from '../../src/ports/repos/evidence.js';
import type { Clock } from '../../src/ports/clock.js';

export function makeEvidenceRepo(db: Db, clock: Clock): EvidenceRepo {
  const withActions = (n: typeof notes.$inferSelect): Note => ({
    ...n,
    actions: db.select().from(noteActions).where(eq(noteActions.noteId, n.id)).orderBy(asc(noteActions.id)).all(),
  });
  const withSessions = (p: typeof trainingPlans.$inferSelect): TrainingPlan => ({
    ...p,
    sessions: db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.planId, p.id))
      .orderBy(asc(trainingSessions.startsAt))
      .all(),
  });
  const repo: EvidenceRepo = {
    insertNote(n, actions) {
      const row = db
        .insert(notes)
        .values({ ...n, createdAt: clock.now() })
        .returning()
        .get();
      if (actions.length)
        db.insert(noteActions)
          .values(actions.map((a) => ({ ...a, noteId: row.id })))
          .run();
      return withActions(row);
    },
    note(id) {
      const r = db.select().from(notes).where(eq(notes.id, id)).get();
      return r ? withActions(r) : null;
    },
    notesAbout: (personId) =>
      db
        .select()
        .from(notes)
        .where(eq(notes.personId, personId))
        .orderBy(asc(notes.heldOn), asc(notes.id))
        .all()
        .map(withActions),
    overdueActions: (today) =>
      db
        .select({ a: noteActions, personId: notes.personId })
        .from(noteActions)
        .innerJoin(notes, eq(notes.id, noteActions.noteId))
        .where(and(lt(noteActions.dueOn, today), isNull(noteActions.doneAt), isNull(noteActions.remindedAt)))
        .orderBy(asc(noteActions.id))
        .all()
        .map(({ a, personId }) => ({ ...a, personId })),
    markActionReminded: (id) =>
      void db.update(noteActions).set({ remindedAt: clock.now() }).where(eq(noteActions.id, id)).run(),

    insertPlan(p, sessions) {
      const row = db
        .insert(trainingPlans)
        .values({ ...p, createdAt: clock.now() })
        .returning()
        .get();
      if (sessions.length)
        db.insert(trainingSessions)
          .values(sessions.map((s) => ({ ...s, planId: row.id })))
          .run();
      return withSessions(row);
    },
    plan(id) {
      const r = db.select().from(trainingPlans).where(eq(trainingPlans.id, id)).get();
      return r ? withSessions(r) : null;
    },
    plansAbout: (personId) =>
      db
        .select()
        .from(trainingPlans)
        .where(eq(trainingPlans.personId, personId))
        .orderBy(asc(trainingPlans.id))
        .all()
        .map(withSessions),
    session: (id) => db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).get() ?? null,
    sessionsToPrompt: (now, before) =>
      db
        .select()
        .from(trainingSessions)
        .where(and(isNull(trainingSessions.promptedAt), lte(trainingSessions.startsAt, now + before)))
        .orderBy(asc(trainingSessions.startsAt))
        .all(),
    markSessionPrompted: (id) =>
      void db.update(trainingSessions).set({ promptedAt: clock.now() }).where(eq(trainingSessions.id, id)).run(),
    completePlan: (id) =>
      void db
        .update(trainingPlans)
        .set({ status: 'completed', completedAt: clock.now() })
        .where(eq(trainingPlans.id, id))
        .run(),
    attendanceFor: (ids) =>
      ids.length
        ? db.select().from(attendance).where(inArray(attendance.sessionId, ids)).orderBy(asc(attendance.id)).all()
        : [],
    recordAttendance(a) {
      const previous =
        db
          .select()
          .from(attendance)
          .where(and(eq(attendance.sessionId, a.sessionId), eq(attendance.personId, a.personId)))
          .get() ?? null;
      if (previous && a.method === 'sign_in') return null;
      const values = { ...a, createdAt: clock.now() };
      const row = previous
        ? db.update(attendance).set(values).where(eq(attendance.id, previous.id)).returning().get()
        : db.insert(attendance).values(values).returning().get();
      return { row, previous };
    },

    insertJobAdjustment: (j) =>
      db
        .insert(jobAdjustments)
        .values({ ...j, createdAt: clock.now() })
        .returning()
        .get(),
    jobAdjustment: (id) => db.select().from(jobAdjustments).where(eq(jobAdjustments.id, id)).get() ?? null,
    jobAdjustmentsAbout: (personId) =>
      db
        .select()
        .from(jobAdjustments)
        .where(eq(jobAdjustments.personId, personId))
        .orderBy(asc(jobAdjustments.id))
        .all(),
    dueJobAdjustments: (today) =>
      db
        .select()
        .from(jobAdjustments)
        .where(and(lte(jobAdjustments.effectiveOn, today), isNull(jobAdjustments.appliedAt)))
        .orderBy(asc(jobAdjustments.id))
        .all(),
    markJobAdjustmentApplied: (id) =>
      void db.update(jobAdjustments).set({ appliedAt: clock.now() }).where(eq(jobAdjustments.id, id)).run(),

    reassessmentForPlan: (planId) =>
      db
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(eq(reviews.trainingPlanId, planId), eq(reviews.kind, 'reassessment')))
        .get()?.id ?? null,
  };
  return repo;
}
