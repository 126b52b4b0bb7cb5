/**
 * A record files can be attached to, read from the database, and who may see or add its files.
 * Files follow the record they belong to (src/domain/access.ts): whoever may read the record may
 * read its files, so a private note's files are its author's alone. Adding a file is recording
 * evidence: the record's author, a plan's trainer, or whoever may create that kind of record about
 * the person (the manager chain and HR), never the employee about themselves. A plan's trainer,
 * who takes the paper sign-in sheet, reads and adds the files of its plan and sessions. A case's
 * files are HR's, as the case is.
 */
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import { canAccess, noteRecordType, type RecordType } from '../../domain/access.js';
import { isHr } from '../../domain/people.js';
import type { SubjectRef } from '../../domain/files.js';
import { accessContext } from '../shared/access.js';
import { parseSubjectRef } from '../../domain/files.js';
import type { AppSettings } from '../../ports/settings.js';
import type { T } from '../../ui/i18n/index.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';

export interface Attachable {
  ref: SubjectRef;
  /** The person the record is about. */
  personId: string;
  /** The access-table row the record reads under; null for a case (HR's). */
  recordType: RecordType | null;
  authorId: string | null;
  trainerId: string | null;
}

/** The record named by `ref`, or null when there is none. */
export function findAttachable(tx: ReadTx, ref: SubjectRef): Attachable | null {
  const base = { ref, authorId: null, trainerId: null };
  switch (ref.type) {
    case 'note': {
      const n = tx.evidence.note(ref.id);
      return n
        ? { ...base, personId: n.personId, recordType: noteRecordType(n.visibility), authorId: n.authorId }
        : null;
    }
    case 'training_plan':
    case 'training_session': {
      const planId = ref.type === 'training_plan' ? ref.id : tx.evidence.session(ref.id)?.planId;
      const p = planId ? tx.evidence.plan(planId) : null;
      return p
        ? { ...base, personId: p.personId, recordType: 'training_plan', authorId: p.createdBy, trainerId: p.trainerId }
        : null;
    }
    case 'review': {
      const r = tx.reviews.review(ref.id);
      return r ? { ...base, personId: r.employeeId, recordType: 'review', authorId: r.authorId } : null;
    }
    case 'job_adjustment': {
      const j = tx.evidence.jobAdjustment(ref.id);
      return j ? { ...base, personId: j.personId, recordType: 'job_adjustment', authorId: j.createdBy } : null;
    }
    case 'incident': {
      // Incidents are recorded and read as evidence notes are (record-incident.ts).
      const i = tx.conduct.incident(ref.id);
      return i ? { ...base, personId: i.personId, recordType: 'note_evidence', authorId: i.reportedBy } : null;
    }
    case 'case': {
      const c = tx.cases.get(ref.id);
      return c ? { ...base, personId: c.employeeId, recordType: null, authorId: c.openedBy } : null;
    }
  }
}

/** Whether `actor` may see the record's files (exactly when they may read the record). */
export function mayReadFiles(tx: ReadTx, actor: Person, a: Attachable): boolean {
  if (!actor.active) return false;
  if (a.recordType === null) return isHr(actor);
  if (a.trainerId === actor.id) return true;
  const ctx = accessContext(tx, actor, a.personId, {
    isAuthor: a.authorId === actor.id,
    isTrainer: a.trainerId === actor.id,
  });
  return canAccess(ctx, 'read', a.recordType);
}

/** Whether `actor` may add a file to the record. */
export function mayAttach(tx: ReadTx, actor: Person, a: Attachable): boolean {
  if (!mayReadFiles(tx, actor, a)) return false;
  if (a.recordType === null) return isHr(actor);
  if (actor.id === a.personId) return false;
  if (a.authorId === actor.id || a.trainerId === actor.id) return true;
  const ctx = accessContext(tx, actor, a.personId);
  return canAccess(ctx, 'create', a.recordType) || canAccess(ctx, 'create', 'note_evidence');
}

/**
 * The person who pressed a file button and the record it names, both re-read from the database (a
 * button's value is untrusted) and checked with `may`: one refusal for a stranger, a left person or
 * a record that does not exist, in the presser's language.
 */
export function pressedRecord(
  tx: ReadTx,
  settings: Pick<AppSettings, 'locale'>,
  input: { actorId: string; subject: string },
  may: (tx: ReadTx, actor: Person, a: Attachable) => boolean,
): Result<{ actor: Person; t: T; ref: SubjectRef; record: Attachable }> {
  const actor = tx.org.person(input.actorId);
  const t = tFor(actor, settings);
  if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  const ref = parseSubjectRef(input.subject);
  const record = ref ? findAttachable(tx, ref) : null;
  if (!ref || !record) return fail('NOT_FOUND', t('common.notFound'));
  if (!may(tx, actor, record)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  return ok({ actor, t, ref, record });
}
