import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  dutyGapRuns,
  jobAdjustments,
  leaves,
  notes,
  plannedConversations,
  reviews,
  trainingPlans,
  warningRuns,
  warnings,
} from '../schema/index.js';
import type { FollowUp, ReviewFigures, WarningRecord, WarningRepo } from '../../src/ports/repos/warnings.js';
import type { DutyGap, LeaveKind, PersonSignal, Suggestion } from '../../src/domain/warning/index.js';
import { LEAVE_KINDS } from '../../src/domain/warning/index.js';
import type { Sealer } from '../sealed.js';
import { makeAmendedContent } from './review-amendments.js';
import { chunks, kpiResultsOf } from './kpi-results.js';

type Row = typeof warnings.$inferSelect;

const toRecord = (r: Row): WarningRecord => ({
  id: r.id,
  personId: r.personId,
  managerId: r.managerId,
  department: r.department,
  week: r.week,
  raisedAt: r.raisedAt,
  signals: r.signals as PersonSignal[],
  suggestion: r.suggestion as Suggestion,
  followUp:
    r.followUpKind && r.followUpId !== null && r.followUpAt !== null
      ? { kind: r.followUpKind, id: r.followUpId, at: r.followUpAt }
      : null,
});

const kindOf = (raw: string): LeaveKind =>
  (LEAVE_KINDS as readonly string[]).includes(raw) ? (raw as LeaveKind) : 'unspecified';

export function makeWarningRepo(db: Db, sealer: Sealer): WarningRepo {
  const amendedContent = makeAmendedContent(db, sealer);
  const leaveReason = sealer.column(leaves.reason);
  return {
    insert(w) {
      const row = db.insert(warnings).values(w).onConflictDoNothing().returning().get();
      return row ? toRecord(row) : null;
    },
    forWeek: (week) =>
      db.select().from(warnings).where(eq(warnings.week, week)).orderBy(asc(warnings.id)).all().map(toRecord),
    raisedBetween: (from, to) =>
      db
        .select()
        .from(warnings)
        .where(and(gte(warnings.raisedAt, from), lt(warnings.raisedAt, to)))
        .orderBy(asc(warnings.raisedAt), asc(warnings.id))
        .all()
        .map(toRecord),
    awaitingFollowUp: (since) =>
      db
        .select()
        .from(warnings)
        .where(and(gte(warnings.raisedAt, since), isNull(warnings.followUpKind)))
        .orderBy(asc(warnings.id))
        .all()
        .map(toRecord),
    setFollowUp(id, f) {
      db.update(warnings)
        .set({ followUpKind: f.kind, followUpId: f.id, followUpAt: f.at })
        .where(eq(warnings.id, id))
        .run();
    },

    saveDutyGaps: (managerId, week, gaps, at) =>
      db.insert(dutyGapRuns).values({ managerId, week, gaps, foundAt: at }).onConflictDoNothing().run().changes > 0,
    dutyGapsForWeek: (week) =>
      db
        .select()
        .from(dutyGapRuns)
        .where(eq(dutyGapRuns.week, week))
        .orderBy(asc(dutyGapRuns.id))
        .all()
        .map((r) => ({ managerId: r.managerId, gaps: r.gaps as DutyGap[] })),

    runFinished: (week) => !!db.select().from(warningRuns).where(eq(warningRuns.week, week)).get(),
    markRunFinished(week, at) {
      db.insert(warningRuns).values({ week, finishedAt: at }).onConflictDoNothing().run();
    },

    reviewHistory(employeeIds, since) {
      const out = new Map<string, ReviewFigures[]>();
      for (const part of chunks(employeeIds)) {
        const rows = db
          .select({
            id: reviews.id,
            employeeId: reviews.employeeId,
            periodLabel: reviews.periodLabel,
            rating: reviews.rating,
            submittedAt: reviews.submittedAt,
          })
          .from(reviews)
          .where(and(inArray(reviews.employeeId, part), gte(reviews.submittedAt, since)))
          .orderBy(asc(reviews.submittedAt), asc(reviews.id))
          .all();
        const results = kpiResultsOf(
          db,
          rows.map((r) => r.id),
        );
        // Corrected reviews count as corrected: the latest amendment's rating and results.
        const amended = amendedContent(rows.map((r) => r.id));
        for (const r of rows) {
          const a = amended.get(r.id)?.content;
          const figures = a
            ? { ...r, rating: a.rating, results: a.results }
            : { ...r, results: results.get(r.id) ?? [] };
          out.set(r.employeeId, [...(out.get(r.employeeId) ?? []), figures]);
        }
      }
      return out;
    },
    leavesOverlapping: (from, to) =>
      db
        .select()
        .from(leaves)
        .where(and(lte(leaves.startDate, to), gte(leaves.endDate, from)))
        .all()
        .map((l) => ({
          personId: l.personId,
          startDate: l.startDate,
          endDate: l.endDate,
          kind: kindOf(l.kind),
          // Read only to keep a leave whose reason names a protected ground out of the count.
          reason: leaveReason.open(l.reason),
        })),
    lastConversationOn: (personId) =>
      db
        .select({ heldOn: notes.heldOn })
        .from(notes)
        .where(and(eq(notes.personId, personId), ne(notes.visibility, 'private')))
        .orderBy(desc(notes.heldOn))
        .limit(1)
        .get()?.heldOn ?? null,
    firstFollowUp(personId, since) {
      const found: FollowUp[] = [];
      const note = db
        .select({ id: notes.id, at: notes.createdAt })
        .from(notes)
        .where(
          and(
            eq(notes.personId, personId),
            ne(notes.authorId, personId),
            ne(notes.visibility, 'private'),
            gte(notes.createdAt, since),
          ),
        )
        .orderBy(asc(notes.createdAt))
        .limit(1)
        .get();
      if (note) found.push({ kind: 'conversation', id: String(note.id), at: note.at });
      const planned = db
        .select({ id: plannedConversations.id, at: plannedConversations.createdAt })
        .from(plannedConversations)
        .where(
          and(
            eq(plannedConversations.personId, personId),
            ne(plannedConversations.organizerId, personId),
            ne(plannedConversations.status, 'cancelled'),
            gte(plannedConversations.createdAt, since),
          ),
        )
        .orderBy(asc(plannedConversations.createdAt))
        .limit(1)
        .get();
      if (planned) found.push({ kind: 'planned_conversation', id: String(planned.id), at: planned.at });
      const plan = db
        .select({ id: trainingPlans.id, at: trainingPlans.createdAt })
        .from(trainingPlans)
        .where(and(eq(trainingPlans.personId, personId), gte(trainingPlans.createdAt, since)))
        .orderBy(asc(trainingPlans.createdAt))
        .limit(1)
        .get();
      if (plan) found.push({ kind: 'training_plan', id: String(plan.id), at: plan.at });
      const adj = db
        .select({ id: jobAdjustments.id, at: jobAdjustments.createdAt })
        .from(jobAdjustments)
        .where(and(eq(jobAdjustments.personId, personId), gte(jobAdjustments.createdAt, since)))
        .orderBy(asc(jobAdjustments.createdAt))
        .limit(1)
        .get();
      if (adj) found.push({ kind: 'job_adjustment', id: String(adj.id), at: adj.at });
      return found.sort((a, b) => a.at - b.at)[0] ?? null;
    },
  };
}
