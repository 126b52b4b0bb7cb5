/**
 * Who may read or create which record about a person. This is the single access-control table of
 * the product: every evidence use case and every view goes through `canAccess`, so the rules live
 * in one place and one table-driven test proves them.
 *
 * The asker's relation to the subject is computed by the caller from the database
 * (`relationsOf`) — never from a button value — and passed in as plain data, so this stays pure.
 *
 * Rules (documented choices):
 * - A private note is readable by its author only. Not the employee, not HR, not an admin.
 * - HR and admins read everything else about anyone. Admins count as HR here: they run the
 *   instance and are the HR of last resort in small companies.
 * - Managers anywhere above the person in the chain (own manager, skip-level) read and write the
 *   person's records. A manager outside the chain is just "someone else".
 * - Nobody creates notes, plans or job adjustments about themselves, whatever their role.
 * - Only the employee answers for themselves (acknowledge / dispute); a witnessed refusal is
 *   recorded by HR, because the point is that the employee did not answer.
 * - Attendance is the employee's own sign-in, or a mark by the plan's trainer, the manager chain or
 *   HR (never by the trainee about themselves).
 * - An early warning is read by the manager chain and HR only: never by the employee it is about
 *   (their record says warnings exist only to trigger support) and never by a peer. Nobody creates
 *   one: the weekly run does.
 */

/** How the asker stands to the person the record is about. An asker can hold several. */
export type Relation = 'self' | 'manager' | 'skip_level' | 'hr' | 'admin' | 'other';

export type RecordType =
  | 'review'
  | 'note_private'
  | 'note_shared'
  | 'note_evidence'
  | 'training_plan'
  /** Attendance marked present/absent by the trainer, the manager chain or HR. */
  | 'attendance'
  /** The employee's own sign-in (签到) to a session. */
  | 'sign_in'
  | 'job_adjustment'
  /** The employee's own acknowledgment or dispute. */
  | 'acknowledgment'
  /** "Refused to acknowledge", with a witness. */
  | 'refusal'
  | 'kpis'
  /** An early warning (issue 15): support for the manager, never evidence. */
  | 'warning';

export const RECORD_TYPES: readonly RecordType[] = [
  'review',
  'note_private',
  'note_shared',
  'note_evidence',
  'training_plan',
  'attendance',
  'sign_in',
  'job_adjustment',
  'acknowledgment',
  'refusal',
  'kpis',
  'warning',
];

export type Operation = 'read' | 'create';

export interface AccessContext {
  relations: readonly Relation[];
  /** The asker wrote this record (only meaningful for reads of an existing record). */
  isAuthor?: boolean;
  /** The asker is the trainer named on the training plan. */
  isTrainer?: boolean;
}

type Rule = Partial<Record<Relation, true>>;

const CHAIN_AND_HR: Rule = { manager: true, skip_level: true, hr: true, admin: true };
const EVERYONE_CONCERNED: Rule = { self: true, ...CHAIN_AND_HR };

const READ: Record<RecordType, Rule> = {
  review: EVERYONE_CONCERNED,
  note_private: {}, // the author only, handled below
  note_shared: EVERYONE_CONCERNED,
  note_evidence: EVERYONE_CONCERNED,
  training_plan: EVERYONE_CONCERNED,
  attendance: EVERYONE_CONCERNED,
  sign_in: EVERYONE_CONCERNED,
  job_adjustment: EVERYONE_CONCERNED,
  acknowledgment: EVERYONE_CONCERNED,
  refusal: EVERYONE_CONCERNED,
  kpis: EVERYONE_CONCERNED,
  warning: CHAIN_AND_HR,
};

const CREATE: Record<RecordType, Rule> = {
  // Reviews are the line's job; HR does not score people.
  review: { manager: true, skip_level: true },
  note_private: CHAIN_AND_HR,
  note_shared: CHAIN_AND_HR,
  note_evidence: CHAIN_AND_HR,
  training_plan: CHAIN_AND_HR,
  attendance: CHAIN_AND_HR,
  sign_in: { self: true },
  job_adjustment: CHAIN_AND_HR,
  acknowledgment: { self: true },
  refusal: { hr: true, admin: true },
  kpis: CHAIN_AND_HR,
  warning: {},
};

/** Record types one may never create about oneself, whatever one's role. */
// Everything but the employee's own responses (sign-in, acknowledgment).
const NOT_ABOUT_ONESELF: ReadonlySet<RecordType> = new Set(
  RECORD_TYPES.filter((r) => r !== 'sign_in' && r !== 'acknowledgment'),
);

export function canAccess(ctx: AccessContext, op: Operation, record: RecordType): boolean {
  if (op === 'read') {
    if (record === 'note_private') return ctx.isAuthor === true;
    return ctx.relations.some((r) => READ[record][r]);
  }
  if (ctx.relations.includes('self') && NOT_ABOUT_ONESELF.has(record)) return false;
  if (record === 'attendance' && ctx.isTrainer) return true;
  return ctx.relations.some((r) => CREATE[record][r]);
}

/** The note's record type for its visibility. */
export const noteRecordType = (visibility: 'private' | 'shared' | 'evidence'): RecordType =>
  visibility === 'private' ? 'note_private' : visibility === 'shared' ? 'note_shared' : 'note_evidence';

/**
 * The asker's relations to `subjectId`. `managerChainOfSubject` is the subject's managers from
 * the direct one upwards (as read from the org table).
 */
export function relationsOf(
  asker: { id: string; role: 'employee' | 'hr' | 'admin' },
  subjectId: string,
  managerChainOfSubject: readonly string[],
): Relation[] {
  const out: Relation[] = [];
  if (asker.id === subjectId) out.push('self');
  const at = managerChainOfSubject.indexOf(asker.id);
  if (at === 0) out.push('manager');
  else if (at > 0) out.push('skip_level');
  if (asker.role === 'hr') out.push('hr');
  if (asker.role === 'admin') out.push('admin');
  if (!out.length) out.push('other');
  return out;
}
