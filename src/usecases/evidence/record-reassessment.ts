/**
 * The reassessment after a completed training plan: a review against the plan's KPI set (its
 * jobId + kpiVersion, even if the job's KPIs changed since), stored as a review of kind
 * 'reassessment' linked to the plan (reviews.trainingPlanId). It is validated by the review
 * domain's rules and delivered to the employee as a review, so they acknowledge or dispute it with
 * the review feature's buttons.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { Review } from '../../ports/repos/reviews.js';
import type { Form, FormValues } from '../../ui/model.js';
import type { Tx } from '../../ports/store.js';
import type { Failure } from '../result.js';
import type { AppSettings } from '../../ports/settings.js';
import { validateReview } from '../../domain/review.js';
import { buildReassessmentForm } from '../../ui/screens/evidence/training.js';
import { buildEmployeeReview } from '../../ui/screens/review/employee-review.js';
import { reviewFieldErrors } from '../review/review-errors.js';
import { employeeReviewKey } from '../review/review-context.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may, tFor, localeOf, todayFor, type EvidenceDeps } from './evidence-support.js';

function load(tx: Tx, settings: AppSettings, actor: Person, planId: number) {
  const t = tFor(actor, settings);
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

const isFailure = (x: object): x is Failure => 'ok' in x;

export const makeOpenReassessmentForm =
  ({ store, settings }: EvidenceDeps) =>
  (input: { actor: Person; planId: number }): Result<Form> =>
    store.tx((tx) => {
      const l = load(tx, settings, input.actor, input.planId);
      if (isFailure(l)) return l;
      return ok(
        buildReassessmentForm(tFor(input.actor, settings), { plan: l.plan, jobTitle: l.job.title, kpis: l.job.kpis }),
      );
    });

export const makeRecordReassessment =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: {
    actor: Person;
    planId: number;
    values: FormValues;
  }): Result<{ review: Review; plan: TrainingPlan; confirmation: string }> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const l = load(tx, settings, input.actor, input.planId);
      if (isFailure(l)) return l;
      const checked = validateReview(l.job.kpis, input.values);
      if (!checked.ok)
        return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: reviewFieldErrors(t, checked.errors) });
      const now = clock.now();
      const review = tx.reviews.insertReview({
        slotId: null,
        kind: 'reassessment',
        trainingPlanId: l.plan.id,
        employeeId: l.employee.id,
        authorId: input.actor.id,
        jobId: l.job.id,
        kpiVersion: l.plan.kpiVersion,
        periodLabel: `${todayFor(input.actor, settings, now)} · ${t('ev.reassess.formTitle')}`,
        submittedAt: now,
        ...checked.content,
      });
      tx.audit.record({
        actorId: input.actor.id,
        action: 'review.reassessment',
        subjectType: 'review',
        subjectId: review.id,
        detail: {
          trainingPlanId: l.plan.id,
          employeeId: l.employee.id,
          jobId: l.job.id,
          kpiVersion: l.plan.kpiVersion,
          belowTarget: review.belowTarget,
        },
      });
      tx.outbox.post({
        key: employeeReviewKey(review.id),
        to: { person: l.employee.id },
        locale: localeOf(l.employee, settings),
        message: buildEmployeeReview(tFor(l.employee, settings), {
          reviewId: review.id,
          period: review.periodLabel,
          managerName: input.actor.name,
          ...checked.content,
        }),
      });
      refreshOpenCases(tx, l.employee.id, { settings, now });
      const result = t(review.belowTarget ? 'ev.reassess.below' : 'ev.reassess.met');
      return ok({ review, plan: l.plan, confirmation: t('ev.reassess.saved', { result }) });
    });
