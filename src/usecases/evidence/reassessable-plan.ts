/**
 * A completed training plan that is still waiting for its reassessment, with the KPI set it is
 * measured against (the plan's jobId + kpiVersion, even if the job's KPIs changed since).
 */
import { fail, type Failure } from '../result.js';
import type { Tx } from '../../ports/store.js';
import type { Person, JobWithKpis } from '../../ports/records.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { T } from '../../ui/i18n/index.js';
import { may } from '../shared/access.js';

export function reassessablePlan(
  tx: Tx,
  t: T,
  actor: Person,
  planId: number,
): { plan: TrainingPlan; employee: Person; job: JobWithKpis } | Failure {
  const plan = tx.evidence.plan(planId);
  const employee = plan ? tx.org.person(plan.personId) : null;
  if (!plan || !employee) return fail('NOT_FOUND', t('common.notFound'));
  if (!may(tx, actor, employee.id, 'create', 'review')) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  if (plan.status !== 'completed') return fail('CONFLICT', t('ev.err.planNotDone'));
  if (tx.evidence.reassessmentForPlan(plan.id) !== null) return fail('CONFLICT', t('ev.err.reassessed'));
  const job = tx.org.jobWithKpis(plan.jobId, plan.kpiVersion);
  if (!job || !job.kpis.length) return fail('CONFLICT', t('ev.err.noJob', { name: employee.name }));
  return { plan, employee, job };
}
