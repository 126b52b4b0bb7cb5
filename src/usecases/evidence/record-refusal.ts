/**
 * HR records that the employee refused to acknowledge a note, training plan or job adjustment,
 * naming a witness. It is a third state, neither acknowledged nor silently missing.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person, Acknowledgment } from '../../ports/records.js';
import type { Form, FormValues, Option } from '../../ui/model.js';
import type { Tx } from '../../ports/store.js';
import { buildRefusalForm } from '../../ui/screens/evidence/responses.js';
import { personOptions, may, tFor, str, type EvidenceDeps } from './evidence-support.js';
import { respondToRecord, type RespondableSubject } from './evidence-respond.js';

function subjectPerson(tx: Tx, type: RespondableSubject, id: number): string | null {
  if (type === 'note') {
    const n = tx.evidence.note(id);
    return n && n.visibility !== 'private' ? n.personId : null;
  }
  if (type === 'training_plan') return tx.evidence.plan(id)?.personId ?? null;
  return tx.evidence.jobAdjustment(id)?.personId ?? null;
}

/** HR, the employee's managers and department colleagues: the people likely to have witnessed it. */
function witnessOptions(tx: Tx, employee: Person, actor: Person): Option[] {
  const colleagues = tx.org.activePeople({ department: employee.department });
  return personOptions(tx, employee, actor, [
    ...tx.org.activePeople().filter((p) => p.role !== 'employee'),
    ...colleagues,
  ]);
}

export const makeOpenRefusalForm =
  ({ store, settings }: EvidenceDeps) =>
  (input: { actor: Person; subjectType: RespondableSubject; subjectId: number }): Result<Form> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const personId = subjectPerson(tx, input.subjectType, input.subjectId);
      const employee = personId ? tx.org.person(personId) : null;
      if (!employee) return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, input.actor, employee.id, 'create', 'refusal'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (tx.acks.find(input.subjectType, String(input.subjectId), employee.id))
        return fail('CONFLICT', t('ev.err.answered'));
      return ok(
        buildRefusalForm(
          t,
          { type: input.subjectType, id: input.subjectId },
          employee.name,
          witnessOptions(tx, employee, input.actor),
        ),
      );
    });

export const makeRecordRefusal =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: {
    actor: Person;
    subjectType: RespondableSubject;
    subjectId: number;
    values: FormValues;
  }): Result<Acknowledgment> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actor: input.actor,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        state: 'refused',
        witnessId: str(input.values, 'witness'),
        comment: str(input.values, 'comment') || undefined,
      }),
    );
