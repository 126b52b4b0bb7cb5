/**
 * `/review mine export`: everything recorded about a person, as one JSON file (structured and
 * machine-readable, so it can be read or moved elsewhere: PIPL Art. 45, GDPR Art. 15 and 20). Field
 * names are English and stable; texts are as written; instants are ISO 8601 in UTC.
 */
import type { T } from '../../i18n/index.js';
import type { Acknowledgment, Person } from '../../../ports/records.js';
import type { JobWithKpis } from '../../../ports/records.js';
import type { Review, ReviewContent, ReviewReply } from '../../../ports/repos/reviews.js';
import type {
  Note,
  TrainingPlan,
  JobAdjustment,
  Attendance,
  PlannedConversation,
} from '../../../ports/repos/evidence.js';

export const EXPORT_FORMAT = 'dandang-personal-data-export/1';

export interface RecordExportView {
  person: Person;
  managerName: string | null;
  job: JobWithKpis | null;
  reviews: {
    review: Review;
    amendments: { authorId: string; reason: string; before: ReviewContent; after: ReviewContent; createdAt: number }[];
    replies: ReviewReply[];
  }[];
  conversations: PlannedConversation[];
  notes: Note[];
  plans: { plan: TrainingPlan; attendance: Attendance[] }[];
  adjustments: JobAdjustment[];
  responses: Acknowledgment[];
  leaves: { startDate: string; endDate: string; kind: string; reason: string; createdAt: number }[];
  names: (id: string) => string;
  exportedAt: number;
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function buildRecordExport(t: T, v: RecordExportView): string {
  const name = v.names;
  const responseTo = (type: Acknowledgment['subjectType'], id: string | number) => {
    const a = v.responses.find((r) => r.subjectType === type && r.subjectId === String(id));
    return a
      ? { state: a.state, comment: a.comment, witness: a.witnessId ? name(a.witnessId) : null, at: iso(a.createdAt) }
      : null;
  };
  const p = v.person;
  const doc = {
    format: EXPORT_FORMAT,
    about: t('sec.export.about'),
    exportedAt: iso(v.exportedAt),
    person: {
      id: p.id,
      name: p.name,
      email: p.email,
      department: p.department,
      role: p.role,
      job: v.job ? { id: v.job.id, title: v.job.title } : null,
      manager: v.managerName,
      hireDate: p.hireDate,
      locale: p.locale,
      timezone: p.timezone,
      monthlyWage: p.monthlyWage,
    },
    kpis: v.job
      ? {
          job: v.job.id,
          version: v.job.kpiVersion,
          kpis: v.job.kpis,
          yourResponse: responseTo('kpis', `${v.job.id}@${v.job.kpiVersion}`),
        }
      : null,
    reviews: v.reviews.map(({ review: r, amendments, replies }) => ({
      id: r.id,
      kind: r.kind,
      period: r.periodLabel,
      submittedAt: iso(r.submittedAt),
      author: name(r.authorId),
      rating: r.rating,
      belowTarget: r.belowTarget,
      strengths: r.strengths,
      improvement: r.improvement,
      comment: r.comment,
      results: r.results,
      amendments: amendments.map((a) => ({
        at: iso(a.createdAt),
        author: name(a.authorId),
        reason: a.reason,
        before: a.before,
        after: a.after,
      })),
      yourResponse: responseTo('review', r.id),
      replies: replies.map((x) => ({ at: iso(x.createdAt), author: name(x.authorId), body: x.body })),
    })),
    plannedConversations: v.conversations.map((c) => ({
      id: c.id,
      organizer: name(c.organizerId),
      startsAt: iso(c.startsAt),
      endsAt: iso(c.endsAt),
      location: c.location,
      meetingUrl: c.meetingUrl,
      agenda: c.agenda,
      status: c.status,
      review: c.reviewId,
      note: c.noteId,
    })),
    notes: v.notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      heldOn: n.heldOn,
      recordedAt: iso(n.createdAt),
      author: name(n.authorId),
      discussion: n.discussion,
      kpis: n.kpiKeys,
      agreedActions: n.actions.map((a) => ({
        description: a.description,
        owner: name(a.ownerId),
        dueOn: a.dueOn,
        doneAt: iso(a.doneAt),
      })),
      nextCheckIn: n.nextCheckIn,
      yourResponse: responseTo('note', n.id),
    })),
    trainingPlans: v.plans.map(({ plan: tp, attendance }) => ({
      id: tp.id,
      createdAt: iso(tp.createdAt),
      createdBy: name(tp.createdBy),
      goal: tp.goal,
      content: tp.content,
      trainer: tp.trainer,
      expectedResult: tp.expectedResult,
      status: tp.status,
      completedAt: iso(tp.completedAt),
      sessions: tp.sessions.map((s) => {
        const a = attendance.find((x) => x.sessionId === s.id && x.personId === p.id);
        return {
          startsAt: iso(s.startsAt),
          endsAt: iso(s.endsAt),
          location: s.location,
          attendance: a ? { status: a.status, method: a.method, reason: a.reason, recordedAt: iso(a.createdAt) } : null,
        };
      }),
      yourResponse: responseTo('training_plan', tp.id),
    })),
    jobAdjustments: v.adjustments.map((j) => ({
      id: j.id,
      from: j.fromJobId,
      to: j.toJobId,
      reason: j.reason,
      effectiveOn: j.effectiveOn,
      recordedAt: iso(j.createdAt),
      yourResponse: responseTo('job_adjustment', j.id),
    })),
    responses: v.responses.map((a) => ({
      to: `${a.subjectType} ${a.subjectId}`,
      state: a.state,
      comment: a.comment,
      recordedBy: name(a.recordedBy),
      at: iso(a.createdAt),
    })),
    leaves: v.leaves.map((l) => ({ ...l, createdAt: iso(l.createdAt) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
