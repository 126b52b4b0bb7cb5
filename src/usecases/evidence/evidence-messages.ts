/**
 * Builds, from the database, the message each evidence record is shown with to the employee, in
 * the employee's locale and zone. Used when the record is first sent and again when the employee
 * responds (the DM is then edited in place, so the chat keeps the history with its outcome line).
 */
import type { ReadTx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Note, TrainingPlan, JobAdjustment } from '../../ports/repos/evidence.js';
import type { Message } from '../../ui/model.js';
import type { T } from '../../ui/i18n/index.js';
import { buildNoteMessage, type NoteView } from '../../ui/screens/evidence/note.js';
import { buildPlanMessage, type PlanView } from '../../ui/screens/evidence/training.js';
import { buildJobAdjustmentMessage, type AdjustView } from '../../ui/screens/evidence/adjust.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import type { Person } from '../../ports/records.js';
import type { ConversationView } from '../../ui/screens/evidence/conversation.js';
import { timeIn } from '../../ui/screens/evidence/training.js';
import { localTimeFor, tFor, zoneOf } from '../shared/people.js';
import { dateIn } from '../../domain/dates.js';
import { isHr } from '../../domain/people.js';

const namesOf = (tx: ReadTx) => (id: string) => tx.org.person(id)?.name ?? id;

function kpiNames(tx: ReadTx, jobId: string | null, keys: string[], version?: number): string[] {
  const kpis = jobId ? (tx.org.jobWithKpis(jobId, version)?.kpis ?? []) : [];
  return keys.map((k) => kpis.find((x) => x.key === k)?.name ?? k);
}

export function noteView(tx: ReadTx, settings: AppSettings, note: Note, viewerZone?: string): NoteView {
  const subject = tx.org.person(note.personId);
  return {
    note,
    authorName: namesOf(tx)(note.authorId),
    authorIsHr: isHr(tx.org.person(note.authorId)),
    employeeName: subject?.name ?? note.personId,
    kpiNames: kpiNames(tx, subject?.jobId ?? null, note.kpiKeys),
    names: namesOf(tx),
    ack: tx.acks.find('note', String(note.id), note.personId),
    zone: viewerZone ?? zoneOf(subject, settings),
  };
}

export function planView(tx: ReadTx, settings: AppSettings, plan: TrainingPlan, viewerZone?: string): PlanView {
  const subject = tx.org.person(plan.personId);
  return {
    plan,
    authorIsHr: isHr(tx.org.person(plan.createdBy)),
    employeeName: subject?.name ?? plan.personId,
    kpiNames: kpiNames(tx, plan.jobId, plan.kpiKeys, plan.kpiVersion),
    attendance: tx.evidence.attendanceFor(plan.sessions.map((s) => s.id)),
    ack: tx.acks.find('training_plan', String(plan.id), plan.personId),
    names: namesOf(tx),
    zone: viewerZone ?? zoneOf(subject, settings),
  };
}

export function adjustmentView(tx: ReadTx, settings: AppSettings, a: JobAdjustment, viewerZone?: string): AdjustView {
  const subject = tx.org.person(a.personId);
  return {
    adjustment: a,
    authorIsHr: isHr(tx.org.person(a.createdBy)),
    employeeName: subject?.name ?? a.personId,
    fromTitle: tx.org.job(a.fromJobId)?.title ?? a.fromJobId,
    toTitle: tx.org.job(a.toJobId)?.title ?? a.toJobId,
    kpiNames: kpiNames(tx, a.fromJobId, a.kpiKeys),
    ack: tx.acks.find('job_adjustment', String(a.id), a.personId),
    names: namesOf(tx),
    zone: viewerZone ?? zoneOf(subject, settings),
  };
}

const employeeT = (tx: ReadTx, settings: AppSettings, personId: string): T => tFor(tx.org.person(personId), settings);

export const noteMessage = (tx: ReadTx, settings: AppSettings, note: Note): Message =>
  buildNoteMessage(employeeT(tx, settings, note.personId), noteView(tx, settings, note));
export const planMessage = (tx: ReadTx, settings: AppSettings, plan: TrainingPlan): Message =>
  buildPlanMessage(employeeT(tx, settings, plan.personId), planView(tx, settings, plan));
export const adjustmentMessage = (tx: ReadTx, settings: AppSettings, a: JobAdjustment): Message =>
  buildJobAdjustmentMessage(employeeT(tx, settings, a.personId), adjustmentView(tx, settings, a));

/** A planned conversation as `reader` sees it: the time in their zone and language. */
export function conversationView(
  tx: ReadTx,
  settings: AppSettings,
  c: PlannedConversation,
  reader: Pick<Person, 'locale' | 'timezone'> | null,
): ConversationView {
  const subject = tx.org.person(c.personId);
  return {
    conversation: c,
    employeeName: subject?.name ?? c.personId,
    organizerName: namesOf(tx)(c.organizerId),
    kpiNames: kpiNames(tx, subject?.jobId ?? null, c.kpiKeys),
    when: `${localTimeFor(reader, settings, c.startsAt)}–${timeIn(c.endsAt, zoneOf(reader, settings))}`,
    changedOn: c.changedAt === null ? null : dateIn(c.changedAt, zoneOf(reader, settings)),
  };
}
