import { and, asc, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  acknowledgments,
  attendance,
  auditLog,
  caseEvents,
  cases,
  jobAdjustments,
  jobs,
  kpis,
  notes,
  people,
  protectedStatuses,
  reviewKpiResults,
  reviews,
  trainingPlans,
  trainingSessions,
} from '../schema/index.js';
import type { Clock } from '../../src/ports/clock.js';
import type {
  AckView,
  CaseEvent,
  CaseRecord,
  CaseRepo,
  DossierData,
  ProtectedStatus,
} from '../../src/ports/repos/cases.js';
import type { AckFact, EvidenceFacts } from '../../src/domain/policy/index.js';
import { GENESIS_HASH } from '../../src/domain/audit-chain.js';
import type { Sealer } from '../sealed.js';

type CaseRow = typeof cases.$inferSelect;
type AckSubject = (typeof acknowledgments.$inferSelect)['subjectType'];

const toCase = (r: CaseRow, reasonText: string): CaseRecord => ({
  id: r.id,
  employeeId: r.employeeId,
  openedBy: r.openedBy,
  reasonKind: r.reasonKind,
  reasonText,
  policyId: r.policyId,
  policyVersion: r.policyVersion,
  policySnapshot: r.policySnapshot,
  status: r.status,
  stepIndex: r.stepIndex,
  confirmations: (r.confirmations ?? {}) as CaseRecord['confirmations'],
  settlement: r.settlement ?? null,
  openedAt: r.openedAt,
  closedAt: r.closedAt,
});

export function makeCaseRepo(db: Db, clock: Clock, sealer: Sealer): CaseRepo {
  const sealed = {
    reasonText: sealer.column(cases.reasonText),
    eventDetail: sealer.json(caseEvents.detail),
    statusNote: sealer.column(protectedStatuses.note),
    ackComment: sealer.column(acknowledgments.comment),
    reviewComment: sealer.column(reviews.comment),
    improvement: sealer.column(reviews.improvement),
    discussion: sealer.column(notes.discussion),
    goal: sealer.column(trainingPlans.goal),
    content: sealer.column(trainingPlans.content),
    absenceReason: sealer.column(attendance.reason),
    adjustmentReason: sealer.column(jobAdjustments.reason),
  };
  const toCaseRecord = (r: CaseRow) => toCase(r, sealed.reasonText.open(r.reasonText));
  const toStatus = (r: typeof protectedStatuses.$inferSelect): ProtectedStatus => ({
    ...r,
    note: sealed.statusNote.open(r.note),
  });
  /** The employee's responses to one kind of subject, keyed by subject id. */
  function acksOf(personId: string, subjectType: AckSubject, ids: string[]): Map<string, AckView> {
    const out = new Map<string, AckView>();
    if (!ids.length) return out;
    for (const a of db
      .select()
      .from(acknowledgments)
      .where(
        and(
          eq(acknowledgments.personId, personId),
          eq(acknowledgments.subjectType, subjectType),
          inArray(acknowledgments.subjectId, ids),
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
  const fact = (a: AckView | undefined): AckFact | null =>
    a ? { state: a.state, comment: a.comment, at: a.at } : null;

  function reviewRows(employeeId: string, since = 0) {
    const rows = db
      .select({
        id: reviews.id,
        kind: reviews.kind,
        periodLabel: reviews.periodLabel,
        authorId: reviews.authorId,
        jobId: reviews.jobId,
        kpiVersion: reviews.kpiVersion,
        rating: reviews.rating,
        belowTarget: reviews.belowTarget,
        comment: reviews.comment,
        improvement: reviews.improvement,
        trainingPlanId: reviews.trainingPlanId,
        submittedAt: reviews.submittedAt,
      })
      .from(reviews)
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
    return rows.map((r) => ({
      ...r,
      comment: sealed.reviewComment.open(r.comment),
      improvement: sealed.improvement.open(r.improvement),
      results: results
        .filter((x) => x.reviewId === r.id)
        .map(({ kpiKey, kpiName, unit, target, direction, actual, met }) => ({
          kpiKey,
          kpiName,
          unit,
          target,
          direction,
          actual,
          met,
        })),
      ack: acks.get(String(r.id)) ?? null,
    }));
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
          })
          .from(attendance)
          .where(
            inArray(
              attendance.sessionId,
              sessions.map((s) => s.id),
            ),
          )
          .all()
      : [];
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
          location: s.location,
          attendance: marks
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
        reason: jobAdjustments.reason,
        effectiveOn: jobAdjustments.effectiveOn,
        createdAt: jobAdjustments.createdAt,
      })
      .from(jobAdjustments)
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
      ack: acks.get(String(r.id)) ?? null,
    }));
  }

  function kpiSet(jobId: string, version: number) {
    return db
      .select()
      .from(kpis)
      .where(and(eq(kpis.jobId, jobId), eq(kpis.version, version)))
      .orderBy(asc(kpis.position))
      .all();
  }

  // Every evidence write asks for the employee's open cases (usually none): one indexed lookup
  // (cases_employee), prepared once per connection.
  const openCasesOf = db
    .select()
    .from(cases)
    .where(and(eq(cases.status, 'open'), eq(cases.employeeId, sql.placeholder('employeeId'))))
    .orderBy(asc(cases.openedAt), asc(cases.id))
    .prepare();

  const repo: CaseRepo = {
    create(c) {
      const row = db
        .insert(cases)
        .values({ ...c, reasonText: sealed.reasonText.seal(c.reasonText), openedAt: clock.now() })
        .returning()
        .get();
      return toCase(row, c.reasonText);
    },
    get(id) {
      const r = db.select().from(cases).where(eq(cases.id, id)).get();
      return r ? toCaseRecord(r) : null;
    },
    open(employeeId) {
      if (employeeId) return openCasesOf.all({ employeeId }).map(toCaseRecord);
      return db
        .select()
        .from(cases)
        .where(eq(cases.status, 'open'))
        .orderBy(asc(cases.openedAt), asc(cases.id))
        .all()
        .map(toCaseRecord);
    },
    openedSince: (since) =>
      db.select().from(cases).where(gte(cases.openedAt, since)).orderBy(asc(cases.id)).all().map(toCaseRecord),
    update(id, patch) {
      if (Object.keys(patch).length) db.update(cases).set(patch).where(eq(cases.id, id)).run();
    },

    addEvent(e) {
      const row = db
        .insert(caseEvents)
        .values({ ...e, detail: sealed.eventDetail.seal(e.detail), at: clock.now() })
        .returning()
        .get();
      return { ...row, detail: e.detail };
    },
    events: (caseId) =>
      db
        .select()
        .from(caseEvents)
        .where(eq(caseEvents.caseId, caseId))
        .orderBy(asc(caseEvents.id))
        .all()
        .map((r): CaseEvent => ({ ...r, detail: sealed.eventDetail.open<Record<string, unknown>>(r.detail) })),

    addProtectedStatus(s) {
      return toStatus(
        db
          .insert(protectedStatuses)
          .values({ ...s, note: sealed.statusNote.seal(s.note), createdAt: clock.now() })
          .returning()
          .get(),
      );
    },
    protectedStatuses: (personId) =>
      db
        .select()
        .from(protectedStatuses)
        .where(eq(protectedStatuses.personId, personId))
        .orderBy(asc(protectedStatuses.startsOn))
        .all()
        .map(toStatus),

    evidenceFacts(employeeId): EvidenceFacts {
      const person = db.select({ jobId: people.jobId }).from(people).where(eq(people.id, employeeId)).get();
      let kpiFact: EvidenceFacts['kpis'] = null;
      const job = person?.jobId ? db.select().from(jobs).where(eq(jobs.id, person.jobId)).get() : undefined;
      if (job && job.kpiVersion > 0) {
        const set = kpiSet(job.id, job.kpiVersion);
        const subject = `${job.id}@${job.kpiVersion}`;
        kpiFact = {
          jobId: job.id,
          jobTitle: job.title,
          version: job.kpiVersion,
          kpiKeys: set.map((k) => k.key),
          definedAt: job.updatedAt,
          ack: fact(acksOf(employeeId, 'kpis', [subject]).get(subject)),
        };
      }
      return {
        employeeId,
        kpis: kpiFact,
        reviews: reviewRows(employeeId).map((r) => ({
          id: r.id,
          kind: r.kind,
          periodLabel: r.periodLabel,
          jobId: r.jobId,
          kpiVersion: r.kpiVersion,
          belowTarget: r.belowTarget,
          kpiKeys: r.results.map((x) => x.kpiKey),
          missedKpiKeys: r.results.filter((x) => !x.met).map((x) => x.kpiKey),
          trainingPlanId: r.trainingPlanId,
          at: r.submittedAt,
          ack: fact(r.ack ?? undefined),
        })),
        notes: noteRows(employeeId).map((n) => ({
          id: n.id,
          kind: n.kind,
          heldOn: n.heldOn,
          at: n.createdAt,
          kpiKeys: n.kpiKeys,
          ack: fact(n.ack ?? undefined),
        })),
        trainings: trainingRows(employeeId).map((t) => ({
          id: t.id,
          goal: t.goal,
          jobId: t.jobId,
          kpiKeys: t.kpiKeys,
          at: t.createdAt,
          sessions: t.sessions.length,
          attended: t.sessions.filter((s) =>
            s.attendance.some((a) => a.personId === employeeId && a.status === 'present'),
          ).length,
          ack: fact(t.ack ?? undefined),
        })),
        jobAdjustments: adjustmentRows(employeeId).map((j) => ({
          id: j.id,
          toJobId: j.toJobId,
          reason: j.reason,
          effectiveOn: j.effectiveOn,
          at: j.createdAt,
          ack: fact(j.ack ?? undefined),
        })),
        protectedStatuses: repo
          .protectedStatuses(employeeId)
          .map(({ id, kind, startsOn, endsOn }) => ({ id, kind, startsOn, endsOn })),
      };
    },

    dossierData(employeeId, since): DossierData {
      const person = db.select({ jobId: people.jobId }).from(people).where(eq(people.id, employeeId)).get();
      const adjustments = adjustmentRows(employeeId, since);
      // The current job's KPIs plus those of every job the person was moved from in the window.
      const jobIds = [...new Set([...(person?.jobId ? [person.jobId] : []), ...adjustments.map((a) => a.fromJobId)])];
      const kpiSets: DossierData['kpiSets'] = [];
      for (const jobId of jobIds) {
        const job = db.select().from(jobs).where(eq(jobs.id, jobId)).get();
        if (!job || job.kpiVersion === 0) continue;
        const subject = `${job.id}@${job.kpiVersion}`;
        kpiSets.push({
          jobId: job.id,
          jobTitle: job.title,
          version: job.kpiVersion,
          kpis: kpiSet(job.id, job.kpiVersion).map(({ key, name, unit, target, direction }) => ({
            key,
            name,
            unit,
            target,
            direction,
          })),
          ack: acksOf(employeeId, 'kpis', [subject]).get(subject) ?? null,
        });
      }
      return {
        kpiSets,
        reviews: reviewRows(employeeId, since).map(({ jobId: _j, kpiVersion: _v, trainingPlanId: _t, ...r }) => r),
        notes: noteRows(employeeId, since).map(({ createdAt: _c, ...n }) => n),
        trainings: trainingRows(employeeId, since).map(({ jobId: _j, ...t }) => t),
        jobAdjustments: adjustments.map(({ createdAt: _c, ...a }) => a),
      };
    },

    disputeCounts(personIds) {
      if (!personIds.length) return { disputed: 0, refused: 0 };
      const rows = db
        .select({ state: acknowledgments.state })
        .from(acknowledgments)
        .where(
          and(inArray(acknowledgments.personId, personIds), inArray(acknowledgments.state, ['disputed', 'refused'])),
        )
        .all();
      return {
        disputed: rows.filter((r) => r.state === 'disputed').length,
        refused: rows.filter((r) => r.state === 'refused').length,
      };
    },

    auditHead: () =>
      db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.hash ?? GENESIS_HASH,
  };
  return repo;
}
