import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import { fail } from '../result.js';
import { tFor, reply, type ReplyResult } from './review-context.js';
import { canAmendReview, parseId } from './review-access.js';
import { buildAmendReviewForm } from '../../ui/screens/review/review-form.js';
import { kpiInputId, REVIEW_INPUTS } from '../../domain/review.js';

/** The Amend button: the submitted review in its form, pre-filled, with a reason to give. */
export const makeOpenAmendForm =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; reviewId: string }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, deps.settings);
      const id = parseId(input.reviewId);
      const review = id ? tx.reviews.review(id) : null;
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
      return reply({
        kind: 'form',
        form: buildAmendReviewForm(t, {
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
      });
    });
