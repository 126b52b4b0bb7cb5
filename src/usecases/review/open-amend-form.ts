import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { canAmendReview } from './review-access.js';
import { buildAmendReviewForm } from '../../ui/screens/review/review-form.js';
import { kpiInputId, REVIEW_INPUTS } from '../../domain/review.js';

export interface OpenAmendFormInput {
  actorId: string;
  reviewId: number;
}

/** The Amend button: the submitted review in its form, pre-filled, with a reason to give. */
export const makeOpenAmendForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenAmendFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const review = tx.reviews.review(input.reviewId);
      if (!review) return fail('NOT_FOUND', t('common.notFound'));
      const employee = tx.org.person(review.employeeId);
      if (!actor || !employee || !canAmendReview(actor, review, employee))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const job = tx.org.job(review.jobId);
      const values: Record<string, string> = {
        [REVIEW_INPUTS.rating]: String(review.rating),
        [REVIEW_INPUTS.strengths]: review.strengths,
        [REVIEW_INPUTS.improvement]: review.improvement,
        [REVIEW_INPUTS.comment]: review.comment,
      };
      for (const r of review.results) values[kpiInputId(r.key)] = String(r.actual);
      return ok(
        buildAmendReviewForm(t, {
          reviewId: review.id,
          employeeName: employee.name,
          jobTitle: job?.title ?? review.jobId,
          period: review.periodLabel,
          due: '',
          kpis: review.results.map(({ key, name, unit, target, direction }) => ({
            key,
            name,
            unit,
            target,
            direction,
          })),
          values,
        }),
      );
    });
