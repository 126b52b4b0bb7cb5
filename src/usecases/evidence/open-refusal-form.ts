/**
 * HR's Record refusal button on a note, training plan or job adjustment the employee has not
 * answered: opens the form naming a witness.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { Form, Option } from '../../ui/model.js';
import type { ReadTx } from '../../ports/store.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildRefusalForm } from '../../ui/screens/evidence/responses.js';
import { may } from '../shared/access.js';
import { tFor } from '../shared/people.js';
import { personOptions } from './person-options.js';
import type { RespondableSubject } from './respond-to-record.js';

/** The employee the record is about; a private note is nobody's to answer, so it is "not found". */
function subjectPerson(tx: ReadTx, type: RespondableSubject, id: number): string | null {
  if (type === 'note') {
    const n = tx.evidence.note(id);
    return n && n.visibility !== 'private' ? n.personId : null;
  }
  if (type === 'training_plan') return tx.evidence.plan(id)?.personId ?? null;
  if (type === 'incident') return tx.conduct.incident(id)?.personId ?? null;
  if (type === 'handbook') return null;
  return tx.evidence.jobAdjustment(id)?.personId ?? null;
}

/** HR, the employee's managers and department colleagues: the people likely to have witnessed it. */
function witnessOptions(tx: ReadTx, employee: Person, actor: Person): Option[] {
  const colleagues = tx.org.activePeople({ department: employee.department });
  return personOptions(tx, employee, actor, [
    ...tx.org.activePeople().filter((p) => p.role !== 'employee'),
    ...colleagues,
  ]);
}

export interface OpenRefusalFormInput {
  actorId: string;
  subjectType: RespondableSubject;
  subjectId: number;
}

export const makeOpenRefusalForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenRefusalFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const personId = subjectPerson(tx, input.subjectType, input.subjectId);
      const employee = personId ? tx.org.person(personId) : null;
      if (!employee) return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, actor, employee.id, 'create', 'refusal')) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (tx.acks.find(input.subjectType, String(input.subjectId), employee.id))
        return fail('CONFLICT', t('ev.err.answered'));
      return ok(
        buildRefusalForm(
          t,
          { type: input.subjectType, id: input.subjectId },
          employee.name,
          witnessOptions(tx, employee, actor),
        ),
      );
    });
