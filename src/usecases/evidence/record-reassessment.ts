/**
 * The reassessment after a completed training plan: a review against the plan's KPI set (its
 * jobId + kpiVersion, even if the job's KPIs changed since), stored as a review of kind
 * 'reassessment' linked to the plan (reviews.trainingPlanId). It is validated by the review
 * domain's rules and delivered to the employee as a review, so they acknowledge or dispute it with
 * the review feature's buttons.
 */
import { reassessmentPeriodLabel } from '../../domain/review.js';
import { ok, fail, type Result } from '../result.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { Review } from '../../ports/repos/reviews.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { validateReview } from '../../domain/review.js';
import { buildEmployeeReview } from '../../ui/screens/review/employee-review.js';
import { reviewFieldErrors } from '../review/review-field-errors.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { tFor, localeOf, todayFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { reassessablePlan } from './reassessable-plan.js';

export interface RecordReassessmentInput {
  actorId: string;
  planId: number;
  values: FormValues;
}

export const makeRecordReassessment =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: RecordReassessmentInput): Result<{ review: Review; plan: TrainingPlan; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const l = reassessablePlan(tx, t, actor, input.planId, { now: clock.now(), zone: zoneOf(actor, settings) });
      if ('ok' in l) return l;
      const checked = validateReview(l.job.kpis, input.values);
      if (!checked.ok)
        return fail('INVALID_INPUT', t('common.invalidInput'), {
          fieldErrors: reviewFieldErrors(t, checked.errors, { kpis: l.job.kpis, values: input.values }),
        });
      const now = clock.now();
      const review = tx.reviews.insertReview({
        slotId: null,
        kind: 'reassessment',
        trainingPlanId: l.plan.id,
        employeeId: l.employee.id,
        authorId: actor.id,
        jobId: l.job.id,
        kpiVersion: l.plan.kpiVersion,
        periodLabel: reassessmentPeriodLabel(todayFor(actor, settings, now)),
        submittedAt: now,
        ...checked.content,
      });
      tx.audit.record({
        actorId: actor.id,
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
        text: { strengths: review.strengths, improvement: review.improvement, comment: review.comment },
      });
      tx.outbox.post({
        key: outboxKeys.employeeReview(review.id),
        to: { person: l.employee.id },
        locale: localeOf(l.employee, settings),
        message: buildEmployeeReview(tFor(l.employee, settings), {
          reviewId: review.id,
          period: review.periodLabel,
          managerName: actor.name,
          ...checked.content,
        }),
      });
      refreshOpenCases(tx, l.employee.id, { settings, now });
      const result = t(review.belowTarget ? 'ev.reassess.below' : 'ev.reassess.met');
      return ok({ review, plan: l.plan, confirmation: t('ev.reassess.saved', { result }) });
    });
