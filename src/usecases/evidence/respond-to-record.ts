/**
 * The three answers to a record about an employee, kept in the acknowledgments table:
 * acknowledged, disputed (comment verbatim) and refused (HR names a witness). The first answer
 * stands. The employee's DM is edited in place to show the outcome, and open cases are refreshed.
 * Shared by the acknowledge, dispute and refusal verbs (use cases do not call each other).
 */
import { ok, fail, type Result } from '../result.js';
import type { Tx, ReadTx } from '../../ports/store.js';
import type { Acknowledgment, AckState } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Message } from '../../ui/model.js';
import { may } from '../shared/access.js';
import { tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { noteMessage, planMessage, adjustmentMessage } from './evidence-messages.js';
import { handbookMessage, incidentMessage } from './conduct-messages.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { textError } from '../shared/text-errors.js';

export type RespondableSubject = 'note' | 'training_plan' | 'job_adjustment' | 'incident' | 'handbook';

interface Loaded {
  personId: string;
  key: string;
  render: () => Message;
}

function load(
  tx: ReadTx,
  settings: AppSettings,
  type: RespondableSubject,
  id: number,
  respondent: string,
): Loaded | 'private' | null {
  if (type === 'incident') {
    const i = tx.conduct.incident(id);
    return i
      ? {
          personId: i.personId,
          key: outboxKeys.incident(id),
          render: () => incidentMessage(tx, settings, tx.conduct.incident(id)!),
        }
      : null;
  }
  if (type === 'handbook') {
    // The handbook is everyone's; the one answering is the person it was sent to.
    if (id < 1 || id > tx.conduct.handbookVersion()) return null;
    return {
      personId: respondent,
      key: outboxKeys.handbook(id, respondent),
      render: () => handbookMessage(tx, settings, id, respondent),
    };
  }
  if (type === 'note') {
    const n = tx.evidence.note(id);
    if (!n) return null;
    if (n.visibility === 'private') return 'private';
    return {
      personId: n.personId,
      key: outboxKeys.note(id),
      render: () => noteMessage(tx, settings, tx.evidence.note(id)!),
    };
  }
  if (type === 'training_plan') {
    const p = tx.evidence.plan(id);
    return p
      ? {
          personId: p.personId,
          key: outboxKeys.trainingPlan(id),
          render: () => planMessage(tx, settings, tx.evidence.plan(id)!),
        }
      : null;
  }
  const a = tx.evidence.jobAdjustment(id);
  return a
    ? {
        personId: a.personId,
        key: outboxKeys.jobAdjustment(id),
        render: () => adjustmentMessage(tx, settings, tx.evidence.jobAdjustment(id)!),
      }
    : null;
}

export interface RespondInput {
  actorId: string;
  subjectType: RespondableSubject;
  subjectId: number;
  state: AckState;
  comment?: string;
  witnessId?: string;
  /** The handbook only: who answers (the actor, unless HR records a refusal for someone). */
  personId?: string;
}

/** Runs inside the caller's transaction. */
export function respondToRecord(
  tx: Tx,
  settings: AppSettings,
  now: number,
  input: RespondInput,
): Result<{ acknowledgment: Acknowledgment; confirmation: string }> {
  const actor = tx.org.person(input.actorId);
  const t = tFor(actor, settings);
  if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  const loaded = load(tx, settings, input.subjectType, input.subjectId, input.personId ?? actor.id);
  // A private note answers as "not found" to anyone but its author, so its existence does not leak.
  if (!loaded) return fail('NOT_FOUND', t('common.notFound'));
  if (loaded === 'private') return fail('NOT_FOUND', t('common.notFound'));
  const refusal = input.state === 'refused';
  if (!may(tx, actor, loaded.personId, 'create', refusal ? 'refusal' : 'acknowledgment'))
    return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

  const comment = input.comment?.trim() ?? '';
  // A dispute says why; a statement on an incident is the employee's own account, whichever way it goes.
  if ((input.state === 'disputed' || (input.subjectType === 'incident' && input.state !== 'refused')) && !comment)
    return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: { comment: t('common.required') } });
  const commentError = textError(t, input.comment ?? '', 'long');
  if (commentError) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: { comment: commentError } });
  if (refusal) {
    const witness = input.witnessId ? tx.org.person(input.witnessId) : null;
    if (!witness || witness.id === loaded.personId)
      return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: { witness: t('ev.err.witness') } });
  }
  const subjectId = String(input.subjectId);
  if (tx.acks.find(input.subjectType, subjectId, loaded.personId)) return fail('CONFLICT', t('ev.err.answered'));

  const ack = tx.acks.record({
    subjectType: input.subjectType,
    subjectId,
    personId: loaded.personId,
    state: input.state,
    // Kept verbatim: the comment is the employee's own words (untrimmed).
    comment: comment ? input.comment! : null,
    witnessId: refusal ? input.witnessId! : null,
    recordedBy: actor.id,
  });
  if (!ack) return fail('CONFLICT', t('ev.err.answered'));
  tx.audit.record({
    actorId: actor.id,
    action: `acknowledgment.${input.state}`,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    detail: {
      personId: loaded.personId,
      ...(ack.witnessId ? { witnessId: ack.witnessId } : {}),
    },
    // The comment itself is sealed in the acknowledgment; the chain holds its hash.
    ...(ack.comment ? { text: { comment: ack.comment } } : {}),
  });
  tx.outbox.update(loaded.key, loaded.render());
  refreshOpenCases(tx, loaded.personId, { settings, now });
  return ok({ acknowledgment: ack, confirmation: t(refusal ? 'ev.refusal.saved' : 'ev.ack.recorded') });
}
