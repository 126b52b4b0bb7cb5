/** Who may mark attendance at a training session: the plan's trainer, the manager chain or HR. */
import { fail, type Failure } from '../result.js';
import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { TrainingPlan, TrainingSession } from '../../ports/repos/evidence.js';
import type { T } from '../../ui/i18n/index.js';
import { may } from '../shared/access.js';

/** The session, its plan and the employee, when `actor` may mark attendance at it. */
export function sessionToMark(
  tx: ReadTx,
  t: T,
  actor: Person,
  sessionId: number,
): { session: TrainingSession; plan: TrainingPlan; employee: Person } | Failure {
  const session = tx.evidence.session(sessionId);
  const plan = session ? tx.evidence.plan(session.planId) : null;
  const employee = plan ? tx.org.person(plan.personId) : null;
  if (!session || !plan || !employee) return fail('NOT_FOUND', t('common.notFound'));
  if (!may(tx, actor, employee.id, 'create', 'attendance', { isTrainer: plan.trainerId === actor.id }))
    return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  return { session, plan, employee };
}
