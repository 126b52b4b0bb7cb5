import { and, eq, inArray, asc, desc, lt, lte, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  notes,
  noteActions,
  trainingPlans,
  trainingSessions,
  attendance,
  jobAdjustments,
  reviews,
  plannedConversations,
} from '../schema/index.js';
import type {
  Attendance,
  EvidenceRepo,
  JobAdjustment,
  Note,
  NoteAction,
  PlannedConversation,
  TrainingPlan,
} from '../../src/ports/repos/evidence.js';
import type { NoteTerms } from '../../src/domain/policy/facts.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Sealer } from '../sealed.js';

/** Attendance is append-only: the latest row per (session, person) is the record (rows in id order). */
export function latestAttendance<T extends { id?: number; sessionId: number; personId: string }>(rows: T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of rows) latest.set(`${r.sessionId}\u0000${r.personId}`, r);
  return [...latest.values()];
}

export function makeEvidenceRepo(db: Db, clock: Clock, sealer: Sealer): EvidenceRepo {
  const discussion = sealer.column(notes.discussion);
  const description = sealer.column(noteActions.description);
  const goal = sealer.column(trainingPlans.goal);
  const content = sealer.column(trainingPlans.content);
  const expectedResult = sealer.column(trainingPlans.expectedResult);
  const absenceReason = sealer.column(attendance.reason);
  const adjustmentReason = sealer.column(jobAdjustments.reason);
  const agenda = sealer.column(plannedConversations.agenda);
  const toConversation = (c: typeof plannedConversations.$inferSelect): PlannedConversation => ({
    ...c,
    agenda: agenda.open(c.agenda),
  });
  const conversationsWhere = (where: SQL | undefined) =>
    db
      .select()
      .from(plannedConversations)
      .where(where)
      .orderBy(asc(plannedConversations.startsAt), asc(plannedConversations.id))
      .all()
      .map(toConversation);

  const toAction = (a: typeof noteActions.$inferSelect): NoteAction => ({
    ...a,
    description: description.open(a.description),
  });
  const toAttendance = (a: typeof attendance.$inferSelect): Attendance => ({
    ...a,
    reason: absenceReason.open(a.reason),
  });
  const toAdjustment = (j: typeof jobAdjustments.$inferSelect): JobAdjustment => ({
    ...j,
    reason: adjustmentReason.open(j.reason),
  });
  const withActions = (n: typeof notes.$inferSelect): Note => ({
    ...n,
    terms: n.terms as NoteTerms,
    discussion: discussion.open(n.discussion),
    actions: db
      .select()
      .from(noteActions)
      .where(eq(noteActions.noteId, n.id))
      .orderBy(asc(noteActions.id))
      .all()
      .map(toAction),
  });
  const withSessions = (p: typeof trainingPlans.$inferSelect): TrainingPlan => ({
    ...p,
    goal: goal.open(p.goal),
    content: content.open(p.content),
    expectedResult: expectedResult.open(p.expectedResult),
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
        .values({ ...n, terms: { ...n.terms }, discussion: discussion.seal(n.discussion), createdAt: clock.now() })
        .returning()
        .get();
      if (actions.length)
        db.insert(noteActions)
          .values(actions.map((a) => ({ ...a, description: description.seal(a.description), noteId: row.id })))
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
        .map(({ a, personId }) => ({ ...toAction(a), personId })),
    markActionReminded: (id) =>
      void db.update(noteActions).set({ remindedAt: clock.now() }).where(eq(noteActions.id, id)).run(),

    insertPlan(p, sessions) {
      const row = db
        .insert(trainingPlans)
        .values({
          ...p,
          goal: goal.seal(p.goal),
          content: content.seal(p.content),
          expectedResult: expectedResult.seal(p.expectedResult),
          createdAt: clock.now(),
        })
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
    plansEndedUnprompted: (now) =>
      db
        .select()
        .from(trainingPlans)
        .where(
          and(
            eq(trainingPlans.status, 'active'),
            isNull(trainingPlans.completionPromptedAt),
            sql`(SELECT max(${trainingSessions.endsAt}) FROM ${trainingSessions} WHERE ${trainingSessions.planId} = ${trainingPlans.id}) <= ${now}`,
          ),
        )
        .orderBy(asc(trainingPlans.id))
        .all()
        .map(withSessions),
    markPlanCompletionPrompted: (id, at) =>
      void db.update(trainingPlans).set({ completionPromptedAt: at }).where(eq(trainingPlans.id, id)).run(),
    attendanceFor: (ids) =>
      ids.length
        ? latestAttendance(
            db.select().from(attendance).where(inArray(attendance.sessionId, ids)).orderBy(asc(attendance.id)).all(),
          ).map(toAttendance)
        : [],
    recordAttendance(a) {
      const stored = db
        .select()
        .from(attendance)
        .where(and(eq(attendance.sessionId, a.sessionId), eq(attendance.personId, a.personId)))
        .orderBy(desc(attendance.id))
        .limit(1)
        .get();
      const previous = stored ? toAttendance(stored) : null;
      if (previous && a.method === 'sign_in') return null;
      // A correction is a new row; the one it corrects stays (nothing is edited in place).
      const row = db
        .insert(attendance)
        .values({ ...a, reason: absenceReason.seal(a.reason), createdAt: clock.now() })
        .returning()
        .get();
      return { row: toAttendance(row), previous };
    },

    insertJobAdjustment: (j) =>
      toAdjustment(
        db
          .insert(jobAdjustments)
          .values({ ...j, reason: adjustmentReason.seal(j.reason), createdAt: clock.now() })
          .returning()
          .get(),
      ),
    jobAdjustment: (id) => {
      const r = db.select().from(jobAdjustments).where(eq(jobAdjustments.id, id)).get();
      return r ? toAdjustment(r) : null;
    },
    jobAdjustmentsAbout: (personId) =>
      db
        .select()
        .from(jobAdjustments)
        .where(eq(jobAdjustments.personId, personId))
        .orderBy(asc(jobAdjustments.id))
        .all()
        .map(toAdjustment),
    dueJobAdjustments: (today) =>
      db
        .select()
        .from(jobAdjustments)
        .where(and(lte(jobAdjustments.effectiveOn, today), isNull(jobAdjustments.appliedAt)))
        .orderBy(asc(jobAdjustments.id))
        .all()
        .map(toAdjustment),
    markJobAdjustmentApplied: (id) =>
      void db.update(jobAdjustments).set({ appliedAt: clock.now() }).where(eq(jobAdjustments.id, id)).run(),

    insertConversation: (c) =>
      toConversation(
        db
          .insert(plannedConversations)
          .values({ ...c, agenda: agenda.seal(c.agenda), createdAt: clock.now() })
          .returning()
          .get(),
      ),
    conversation(id) {
      const r = db.select().from(plannedConversations).where(eq(plannedConversations.id, id)).get();
      return r ? toConversation(r) : null;
    },
    conversationsAbout: (personId) => conversationsWhere(eq(plannedConversations.personId, personId)),
    conversationsForReviews: (reviewIds) =>
      reviewIds.length ? conversationsWhere(inArray(plannedConversations.reviewId, reviewIds)) : [],
    conversationsToRemind: (now, beforeMs) =>
      conversationsWhere(
        and(
          eq(plannedConversations.status, 'planned'),
          isNull(plannedConversations.reminderSentAt),
          lte(plannedConversations.startsAt, now + beforeMs),
        ),
      ),
    markConversationReminded: (id, at) =>
      void db.update(plannedConversations).set({ reminderSentAt: at }).where(eq(plannedConversations.id, id)).run(),
    conversationsEnded: (now) =>
      conversationsWhere(
        and(
          eq(plannedConversations.status, 'planned'),
          isNull(plannedConversations.notePromptedAt),
          lte(plannedConversations.endsAt, now),
        ),
      ),
    markConversationNotePrompted: (id, at) =>
      void db.update(plannedConversations).set({ notePromptedAt: at }).where(eq(plannedConversations.id, id)).run(),
    linkConversationNote: (id, noteId) =>
      void db
        .update(plannedConversations)
        .set({ noteId, status: 'recorded' })
        .where(eq(plannedConversations.id, id))
        .run(),
    rescheduleConversation: (id, move, at) =>
      toConversation(
        db
          .update(plannedConversations)
          .set({
            ...move,
            sequence: sql`${plannedConversations.sequence} + 1`,
            changedAt: at,
            reminderSentAt: null,
            notePromptedAt: null,
          })
          .where(eq(plannedConversations.id, id))
          .returning()
          .get()!,
      ),
    cancelConversation: (id, at) =>
      toConversation(
        db
          .update(plannedConversations)
          .set({ status: 'cancelled', sequence: sql`${plannedConversations.sequence} + 1`, changedAt: at })
          .where(eq(plannedConversations.id, id))
          .returning()
          .get()!,
      ),
    reassessmentForPlan: (planId) =>
      db
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(eq(reviews.trainingPlanId, planId), eq(reviews.kind, 'reassessment')))
        .get()?.id ?? null,
  };
  return repo;
}
