/**
 * A completed training plan that is still waiting for its reassessment, with the KPI set it is
 * measured against (the plan's jobId + kpiVersion, even if the job's KPIs changed since). Each
 * refusal names what unblocks it and, when the actor may do it now, offers it as a button.
 */
import { fail, type Failure } from '../result.js';
import type { ReadTx } from '../../ports/store.js';
import type { Person, JobWithKpis } from '../../ports/records.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { T } from '../../ui/i18n/index.js';
import { nextStep } from '../../ui/screens/next-steps.js';
import { sessionMarkupParams } from '../../ui/screens/evidence/training.js';
import { literal } from '../../ui/markup.js';
import { lastSessionEnd } from '../../domain/evidence-rules.js';
import { may } from '../shared/access.js';

export function reassessablePlan(
  tx: ReadTx,
  t: T,
  actor: Person,
  planId: number,
  ctx: { now: number; zone: string },
): { plan: TrainingPlan; employee: Person; job: JobWithKpis } | Failure {
  const plan = tx.evidence.plan(planId);
  const employee = plan ? tx.org.person(plan.personId) : null;
  if (!plan || !employee) return fail('NOT_FOUND', t('common.notFound'));
  if (!may(tx, actor, employee.id, 'create', 'review')) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  if (plan.status !== 'completed') {
    const ends = lastSessionEnd(plan.sessions);
    if (ends !== null && ends > ctx.now) {
      const last = plan.sessions.find((s) => s.endsAt === ends)!;
      return fail(
        'CONFLICT',
        t('ev.err.planNotEnded', { goal: literal(plan.goal), date: sessionMarkupParams(last, ctx.zone).date }),
      );
    }
    const mayComplete = may(tx, actor, employee.id, 'create', 'training_plan');
    return fail('CONFLICT', t('ev.err.planNotDone', { goal: plan.goal }), {
      ...(mayComplete ? { actions: [nextStep.completePlan(t, plan.id)] } : {}),
    });
  }
  if (tx.evidence.reassessmentForPlan(plan.id) !== null)
    return fail('CONFLICT', t('ev.err.reassessedView', { name: employee.name }), {
      actions: [nextStep.viewRecord(t, employee)],
    });
  const job = tx.org.jobWithKpis(plan.jobId, plan.kpiVersion);
  if (!job || !job.kpis.length) return fail('CONFLICT', t('ev.err.noJob', { name: employee.name }));
  return { plan, employee, job };
}
