import { and, asc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { acknowledgments, caseEvents, cases, jobs, people, protectedStatuses } from '../schema/index.js';
import { makeCaseRecords } from './case-records.js';
import { evidenceFactsOf } from './evidence-facts.js';
import { kpiSubjectId } from '../../src/domain/kpi.js';
import type { Clock } from '../../src/ports/clock.js';
import type { CaseEvent, CaseRecord, CaseRepo, DossierData, ProtectedStatus } from '../../src/ports/repos/cases.js';
import type { EvidenceFacts } from '../../src/domain/policy/index.js';
import type { Sealer } from '../sealed.js';

type CaseRow = typeof cases.$inferSelect;

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
  const records = makeCaseRecords(db, sealer);
  const { acksOf, reviewRows, noteRows, trainingRows, adjustmentRows, incidentRows, kpiSet } = records;
  const sealed = {
    reasonText: sealer.column(cases.reasonText),
    eventDetail: sealer.json(caseEvents.detail),
    statusNote: sealer.column(protectedStatuses.note),
  };
  const toCaseRecord = (r: CaseRow) => toCase(r, sealed.reasonText.open(r.reasonText));
  const toStatus = (r: typeof protectedStatuses.$inferSelect): ProtectedStatus => ({
    ...r,
    note: sealed.statusNote.open(r.note),
  });

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

    evidenceFacts: (employeeId): EvidenceFacts => evidenceFactsOf(db, records, employeeId),

    dossierData(employeeId, since): DossierData {
      const person = db.select({ jobId: people.jobId }).from(people).where(eq(people.id, employeeId)).get();
      const adjustments = adjustmentRows(employeeId, since);
      const rules = records.handbook();
      // The current job's KPIs plus those of every job the person was moved from in the window.
      const jobIds = [...new Set([...(person?.jobId ? [person.jobId] : []), ...adjustments.map((a) => a.fromJobId)])];
      const kpiSets: DossierData['kpiSets'] = [];
      for (const jobId of jobIds) {
        const job = db.select().from(jobs).where(eq(jobs.id, jobId)).get();
        if (!job || job.kpiVersion === 0) continue;
        const subject = kpiSubjectId(job.id, job.kpiVersion);
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
        reviews: reviewRows(employeeId, since).map(
          ({ jobId: _j, kpiVersion: _v, trainingPlanId: _t, periodStart: _p, ...r }) => r,
        ),
        notes: noteRows(employeeId, since).map(({ createdAt, ...n }) => ({ ...n, recordedAt: createdAt })),
        trainings: trainingRows(employeeId, since).map(({ jobId: _j, ...t }) => t),
        jobAdjustments: adjustments.map(({ createdAt, toJobTitle: _t, ...a }) => ({ ...a, recordedAt: createdAt })),
        incidents: incidentRows(employeeId, since).map((i) => {
          const rule = i.ruleId === null ? undefined : rules.find((r) => r.id === i.ruleId);
          return {
            id: i.id,
            rule: rule ? { section: rule.section, title: rule.title, version: rule.version } : null,
            occurredOn: i.occurredOn,
            description: i.description,
            evidence: i.evidence,
            reportedBy: i.reportedBy,
            recordedAt: i.createdAt,
            ack: i.ack,
          };
        }),
        handbookAcks: [...acksOf(employeeId, 'handbook')].map(([version, ack]) => ({ version: Number(version), ack })),
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
  };
  return repo;
}
