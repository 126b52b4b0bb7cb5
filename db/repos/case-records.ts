/**
 * Readers of everything recorded about one employee, shared by the gate's facts
 * (`evidence-facts.ts`) and the dossier (`cases.ts`). Never a private note.
 */
import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  acknowledgments,
  attendance,
  cycles,
  handbookRules,
  incidents,
  jobAdjustments,
  jobs,
  kpis,
  notes,
  reviewKpiResults,
  reviewSlots,
  reviews,
  trainingPlans,
  trainingSessions,
} from '../schema/index.js';
import type { AckView } from '../../src/ports/repos/cases.js';
import type { NoteTerms } from '../../src/domain/policy/facts.js';
import type { Sealer } from '../sealed.js';
import { makeAmendedContent } from './review-amendments.js';
import { latestAttendance } from './evidence.js';

type AckSubject = (typeof acknowledgments.$inferSelect)['subjectType'];

export function makeCaseRecords(db: Db, sealer: Sealer) {
  const amendedContent = makeAmendedContent(db, sealer);
  const sealed = {
    ackComment: sealer.column(acknowledgments.comment),
    reviewComment: sealer.column(reviews.comment),
    strengths: sealer.column(reviews.strengths),
    improvement: sealer.column(reviews.improvement),
    changeReason: sealer.column(reviewKpiResults.changeReason),
    discussion: sealer.column(notes.discussion),
    goal: sealer.column(trainingPlans.goal),
    content: sealer.column(trainingPlans.content),
    absenceReason: sealer.column(attendance.reason),
    adjustmentReason: sealer.column(jobAdjustments.reason),
    incidentDescription: sealer.column(incidents.description),
    incidentEvidence: sealer.column(incidents.evidence),
  };
  /** The employee's responses to one kind of subject, keyed by subject id. */
  function acksOf(personId: string, subjectType: AckSubject, ids?: string[]): Map<string, AckView> {
    const out = new Map<string, AckView>();
    if (ids && !ids.length) return out;
    for (const a of db
      .select()
      .from(acknowledgments)
      .where(
        and(
          eq(acknowledgments.personId, personId),
          eq(acknowledgments.subjectType, subjectType),
          ...(ids ? [inArray(acknowledgments.subjectId, ids)] : []),
        ),
      )
      .all()) {
      out.set(a.subjectId, {
        state: a.state,
        comment: sealed.ackComment.open(a.comment),
        witnessId: a.witnessId,
        at: a.createdAt,
      });
    }
    return out;
  }

  function reviewRows(employeeId: string, since = 0) {
    const rows = db
      .select({
        id: reviews.id,
        kind: reviews.kind,
        periodLabel: reviews.periodLabel,
        periodStart: cycles.periodStart,
        authorId: reviews.authorId,
        jobId: reviews.jobId,
        kpiVersion: reviews.kpiVersion,
        rating: reviews.rating,
        belowTarget: reviews.belowTarget,
        comment: reviews.comment,
        strengths: reviews.strengths,
        improvement: reviews.improvement,
        trainingPlanId: reviews.trainingPlanId,
        submittedAt: reviews.submittedAt,
      })
      .from(reviews)
      .leftJoin(reviewSlots, eq(reviewSlots.id, reviews.slotId))
      .leftJoin(cycles, eq(cycles.id, reviewSlots.cycleId))
      .where(and(eq(reviews.employeeId, employeeId), gte(reviews.submittedAt, since)))
      .orderBy(asc(reviews.submittedAt))
      .all();
    const results = rows.length
      ? db
          .select()
          .from(reviewKpiResults)
          .where(
            inArray(
              reviewKpiResults.reviewId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(reviewKpiResults.id))
          .all()
      : [];
    const acks = acksOf(
      employeeId,
      'review',
      rows.map((r) => String(r.id)),
    );
    const amended = amendedContent(rows.map((r) => r.id));
    return rows.map((r) => {
      const a = amended.get(r.id)?.content;
      return {
        ...r,
        // A corrected review counts as corrected (the amendment's content), never as first written.
        rating: a?.rating ?? r.rating,
        belowTarget: a?.belowTarget ?? r.belowTarget,
        comment: a ? a.comment : sealed.reviewComment.open(r.comment),
        strengths: a ? a.strengths : sealed.strengths.open(r.strengths),
        improvement: a ? a.improvement : sealed.improvement.open(r.improvement),
        results: a
          ? a.results.map(({ key, name, unit, target, direction, actual, met, imported, changeReason }) => ({
              kpiKey: key,
              kpiName: name,
              unit,
              target,
              direction,
              actual,
              met,
              imported: imported ?? null,
              changeReason: changeReason ?? null,
            }))
          : results
              .filter((x) => x.reviewId === r.id)
              .map((x) => ({
                kpiKey: x.kpiKey,
                kpiName: x.kpiName,
                unit: x.unit,
                target: x.target,
                direction: x.direction,
                actual: x.actual,
                met: x.met,
                imported:
                  x.importedValue !== null && x.importedSource !== null
                    ? { value: x.importedValue, source: x.importedSource }
                    : null,
                changeReason: sealed.changeReason.open(x.changeReason),
              })),
        ack: acks.get(String(r.id)) ?? null,
      };
    });
  }

  function noteRows(employeeId: string, since = 0) {
    // A private note is its author's alone: it is never evidence and never leaves their view.
    const rows = db
      .select({
        id: notes.id,
        kind: notes.kind,
        heldOn: notes.heldOn,
        authorId: notes.authorId,
        discussion: notes.discussion,
        kpiKeys: notes.kpiKeys,
        terms: notes.terms,
        createdAt: notes.createdAt,
      })
      .from(notes)
      .where(and(eq(notes.personId, employeeId), ne(notes.visibility, 'private'), gte(notes.createdAt, since)))
      .orderBy(asc(notes.heldOn), asc(notes.id))
      .all();
    const acks = acksOf(
      employeeId,
      'note',
      rows.map((r) => String(r.id)),
    );
    return rows.map((r) => ({
      ...r,
      discussion: sealed.discussion.open(r.discussion),
      kpiKeys: r.kpiKeys ?? [],
      terms: (r.terms ?? {}) as NoteTerms,
      ack: acks.get(String(r.id)) ?? null,
    }));
  }

  function trainingRows(employeeId: string, since = 0) {
    const plans = db
      .select({
        id: trainingPlans.id,
        goal: trainingPlans.goal,
        content: trainingPlans.content,
        trainer: trainingPlans.trainer,
        jobId: trainingPlans.jobId,
        kpiKeys: trainingPlans.kpiKeys,
        status: trainingPlans.status,
        completedAt: trainingPlans.completedAt,
        createdAt: trainingPlans.createdAt,
      })
      .from(trainingPlans)
      .where(and(eq(trainingPlans.personId, employeeId), gte(trainingPlans.createdAt, since)))
      .orderBy(asc(trainingPlans.createdAt))
      .all();
    const sessions = plans.length
      ? db
          .select({
            id: trainingSessions.id,
            planId: trainingSessions.planId,
            startsAt: trainingSessions.startsAt,
            endsAt: trainingSessions.endsAt,
            location: trainingSessions.location,
          })
          .from(trainingSessions)
          .where(
            inArray(
              trainingSessions.planId,
              plans.map((p) => p.id),
            ),
          )
          .orderBy(asc(trainingSessions.startsAt))
          .all()
      : [];
    const marks = sessions.length
      ? db
          .select({
            sessionId: attendance.sessionId,
            personId: attendance.personId,
            status: attendance.status,
            method: attendance.method,
            reason: attendance.reason,
            createdAt: attendance.createdAt,
          })
          .from(attendance)
          .where(
            inArray(
              attendance.sessionId,
              sessions.map((s) => s.id),
            ),
          )
          .orderBy(asc(attendance.id))
          .all()
      : [];
    const latestMarks = latestAttendance(marks);
    const acks = acksOf(
      employeeId,
      'training_plan',
      plans.map((p) => String(p.id)),
    );
    return plans.map((p) => ({
      ...p,
      goal: sealed.goal.open(p.goal),
      content: sealed.content.open(p.content),
      kpiKeys: p.kpiKeys ?? [],
      sessions: sessions
        .filter((s) => s.planId === p.id)
        .map((s) => ({
          id: s.id,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          location: s.location,
          attendance: latestMarks
            .filter((m) => m.sessionId === s.id)
            .map(({ sessionId: _s, ...m }) => ({ ...m, reason: sealed.absenceReason.open(m.reason) })),
        })),
      ack: acks.get(String(p.id)) ?? null,
    }));
  }

  function adjustmentRows(employeeId: string, since = 0) {
    const rows = db
      .select({
        id: jobAdjustments.id,
        fromJobId: jobAdjustments.fromJobId,
        toJobId: jobAdjustments.toJobId,
        toJobTitle: jobs.title,
        reason: jobAdjustments.reason,
        basis: jobAdjustments.basis,
        kpiKeys: jobAdjustments.kpiKeys,
        effectiveOn: jobAdjustments.effectiveOn,
        createdAt: jobAdjustments.createdAt,
      })
      .from(jobAdjustments)
      .leftJoin(jobs, eq(jobs.id, jobAdjustments.toJobId))
      .where(and(eq(jobAdjustments.personId, employeeId), gte(jobAdjustments.createdAt, since)))
      .orderBy(asc(jobAdjustments.createdAt))
      .all();
    const acks = acksOf(
      employeeId,
      'job_adjustment',
      rows.map((r) => String(r.id)),
    );
    return rows.map((r) => ({
      ...r,
      reason: sealed.adjustmentReason.open(r.reason),
      toJobTitle: r.toJobTitle ?? r.toJobId,
      kpiKeys: r.kpiKeys ?? [],
      ack: acks.get(String(r.id)) ?? null,
    }));
  }

  function incidentRows(employeeId: string, since = 0) {
    const rows = db
      .select()
      .from(incidents)
      .where(and(eq(incidents.personId, employeeId), gte(incidents.createdAt, since)))
      .orderBy(asc(incidents.occurredOn), asc(incidents.id))
      .all();
    const acks = acksOf(
      employeeId,
      'incident',
      rows.map((r) => String(r.id)),
    );
    return rows.map((r) => ({
      ...r,
      description: sealed.incidentDescription.open(r.description),
      evidence: sealed.incidentEvidence.open(r.evidence),
      ack: acks.get(String(r.id)) ?? null,
    }));
  }

  const handbook = () => db.select().from(handbookRules).orderBy(asc(handbookRules.id)).all();

  function kpiSet(jobId: string, version: number) {
    return db
      .select()
      .from(kpis)
      .where(and(eq(kpis.jobId, jobId), eq(kpis.version, version)))
      .orderBy(asc(kpis.position))
      .all();
  }

  return { acksOf, reviewRows, noteRows, trainingRows, adjustmentRows, incidentRows, handbook, kpiSet };
}

export type CaseRecords = ReturnType<typeof makeCaseRecords>;
