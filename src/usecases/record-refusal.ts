/**
 * HR records that the employee refused to acknowledge a note, training plan or job adjustment,
 * naming a witness. It is a third state, neither acknowledged nor silently missing.
 */
import { ok, fail, type Result } from './result.js';
import type { Person, Acknowledgment } from '../ports/records.js';
import type { Form, FormValues, Option } from '../ui/model.js';
import type { Tx } from '../ports/store.js';
import { buildRefusalForm } from '../ui/screens/evidence/responses.js';
import { may, tFor, managerChain, str, type EvidenceDeps } from './evidence-support.js';
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
  const seen = new Set<string>([employee.id]);
  const out: Option[] = [];
  const add = (p: Person | null) => {
    if (!p || seen.has(p.id) || !p.active || out.length >= 100) return;
    seen.add(p.id);
    out.push({ value: p.id, label: p.name });
  };
  add(actor);
  for (const id of managerChain(tx, employee.id)) add(tx.org.person(id));
  for (const p of tx.org.activePeople()) if (p.role !== 'employee') add(p);
  for (const p of tx.org.activePeople({ department: employee.department })) add(p);
  return out;
}

export const makeOpenRefusalForm = ({ store, settings }: EvidenceDeps) => (input: { actor: Person; subjectType: RespondableSubject; subjectId: number }): Result<Form> =>
  store.tx((tx) => {
    const t = tFor(input.actor, settings);
    const personId = subjectPerson(tx, input.subjectType, input.subjectId);
    const employee = personId ? tx.org.person(personId) : null;
    if (!employee) return fail('NOT_FOUND', t('common.notFound'));
    if (!may(tx, input.actor, employee.id, 'create', 'refusal')) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
    if (tx.acks.find(input.subjectType, String(input.subjectId), employee.id)) return fail('CONFLICT', t('ev.err.answered'));
    return ok(buildRefusalForm(t, { type: input.subjectType, id: input.subjectId }, employee.name, witnessOptions(tx, employee, input.actor)));
  });

export const makeRecordRefusal = ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; subjectType: RespondableSubject; subjectId: number; values: FormValues }): Result<Acknowledgment> =>
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
