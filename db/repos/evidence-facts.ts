/**
 * The facts the policy engine evaluates for one employee (src/domain/policy/facts.ts): every record
 * with both the date a person stated and the instant it was recorded, and never a private note.
 */
import { and, asc, eq, inArray, min } from 'drizzle-orm';
import type { Db } from '../client.js';
import { attachments, jobs, kpis, people, protectedStatuses } from '../schema/index.js';
import type { AckView } from '../../src/ports/repos/cases.js';
import type { AckFact, EvidenceFacts } from '../../src/domain/policy/index.js';
import type { CaseRecords } from './case-records.js';
import { kpiSubjectId, parseKpiSubjectId } from '../../src/domain/kpi.js';

const fact = (a: AckView | null | undefined): AckFact | null =>
  a ? { state: a.state, comment: a.comment, at: a.at } : null;

export function evidenceFactsOf(db: Db, records: CaseRecords, employeeId: string): EvidenceFacts {
  const person = db.select().from(people).where(eq(people.id, employeeId)).get();
  let kpiFact: EvidenceFacts['kpis'] = null;
  const job = person?.jobId ? db.select().from(jobs).where(eq(jobs.id, person.jobId)).get() : undefined;
  const kpiAckViews = records.acksOf(employeeId, 'kpis');
  if (job && job.kpiVersion > 0) {
    const set = records.kpiSet(job.id, job.kpiVersion);
    kpiFact = {
      jobId: job.id,
      jobTitle: job.title,
      version: job.kpiVersion,
      kpiKeys: set.map((k) => k.key),
      definedAt: job.updatedAt,
      ack: fact(kpiAckViews.get(kpiSubjectId(job.id, job.kpiVersion))),
    };
  }
  const kpiAcks = [...kpiAckViews].flatMap(([subject, a]) => {
    const v = parseKpiSubjectId(subject);
    return v ? [{ ...v, ack: fact(a)! }] : [];
  });
  const reviewRows = records.reviewRows(employeeId);
  const trainingRows = records.trainingRows(employeeId);
  // The first file on each session: its signed sign-in sheet (a policy may require one).
  const sessionIds = trainingRows.flatMap((t) => t.sessions.map((s) => s.id));
  const sheets = new Map<number, number>();
  if (sessionIds.length)
    for (const a of db
      .select({ subjectId: attachments.subjectId, at: min(attachments.createdAt) })
      .from(attachments)
      .where(and(eq(attachments.subjectType, 'training_session'), inArray(attachments.subjectId, sessionIds)))
      .groupBy(attachments.subjectId)
      .all())
      if (a.at !== null) sheets.set(a.subjectId, a.at);
  const adjustmentRows = records.adjustmentRows(employeeId);
  // Names of every KPI the records mention, so no screen shows a key.
  const jobIds = [
    ...new Set([
      ...(person?.jobId ? [person.jobId] : []),
      ...trainingRows.map((t) => t.jobId),
      ...adjustmentRows.flatMap((a) => [a.fromJobId, a.toJobId]),
    ]),
  ];
  const kpiNames: Record<string, string> = {};
  if (jobIds.length)
    for (const k of db
      .select({ key: kpis.key, name: kpis.name })
      .from(kpis)
      .where(inArray(kpis.jobId, jobIds))
      .orderBy(asc(kpis.id))
      .all())
      kpiNames[k.key] = k.name;
  for (const r of reviewRows) for (const x of r.results) kpiNames[x.kpiKey] = x.kpiName;
  const handbookAcks = [...records.acksOf(employeeId, 'handbook')].flatMap(([version, a]) =>
    Number.isInteger(Number(version)) ? [{ version: Number(version), ack: fact(a)! }] : [],
  );
  return {
    employeeId,
    person: person
      ? {
          name: person.name,
          hireDate: person.hireDate,
          birthDate: person.birthDate,
          retirementBasis: person.retirementBasis,
        }
      : null,
    kpis: kpiFact,
    kpiAcks,
    kpiNames,
    reviews: reviewRows.map((r) => ({
      id: r.id,
      kind: r.kind,
      periodLabel: r.periodLabel,
      periodStart: r.periodStart,
      jobId: r.jobId,
      kpiVersion: r.kpiVersion,
      belowTarget: r.belowTarget,
      kpiKeys: r.results.map((x) => x.kpiKey),
      missedKpiKeys: r.results.filter((x) => !x.met).map((x) => x.kpiKey),
      trainingPlanId: r.trainingPlanId,
      authorId: r.authorId,
      at: r.submittedAt,
      ack: fact(r.ack),
    })),
    notes: records.noteRows(employeeId).map((n) => ({
      id: n.id,
      kind: n.kind,
      heldOn: n.heldOn,
      authorId: n.authorId,
      at: n.createdAt,
      kpiKeys: n.kpiKeys,
      terms: n.terms,
      ack: fact(n.ack),
    })),
    trainings: trainingRows.map((t) => ({
      id: t.id,
      goal: t.goal,
      jobId: t.jobId,
      kpiKeys: t.kpiKeys,
      at: t.createdAt,
      completedAt: t.completedAt,
      sessions: t.sessions.map((s) => {
        const mark = s.attendance.find((a) => a.personId === employeeId);
        return {
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          present: mark?.status === 'present',
          markedAt: mark?.createdAt ?? null,
          sheetAt: sheets.get(s.id) ?? null,
        };
      }),
      ack: fact(t.ack),
    })),
    jobAdjustments: adjustmentRows.map((j) => ({
      id: j.id,
      fromJobId: j.fromJobId,
      toJobId: j.toJobId,
      toJobTitle: j.toJobTitle,
      reason: j.reason,
      basis: j.basis,
      kpiKeys: j.kpiKeys,
      effectiveOn: j.effectiveOn,
      at: j.createdAt,
      ack: fact(j.ack),
    })),
    handbookRules: records.handbook().map(({ id, section, title, version }) => ({ id, section, title, version })),
    handbookAcks,
    incidents: records.incidentRows(employeeId).map((i) => ({
      id: i.id,
      ruleId: i.ruleId,
      occurredOn: i.occurredOn,
      reportedBy: i.reportedBy,
      evidence: i.evidence,
      at: i.createdAt,
      ack: fact(i.ack),
    })),
    protectedStatuses: db
      .select()
      .from(protectedStatuses)
      .where(and(eq(protectedStatuses.personId, employeeId)))
      .orderBy(asc(protectedStatuses.startsOn))
      .all()
      .map(({ id, kind, startsOn, endsOn }) => ({ id, kind, startsOn, endsOn })),
  };
}
