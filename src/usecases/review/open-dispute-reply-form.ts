import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { disputeToAnswer } from './review-access.js';
import { buildDisputeReplyForm } from '../../ui/screens/review/dispute-reply-form.js';

export interface OpenDisputeReplyFormInput {
  actorId: string;
  reviewId: number;
}

/** The Reply button under a disputed review: the reply form, with the employee's comment above it. */
export const makeOpenDisputeReplyForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenDisputeReplyFormInput): Result<Form> =>
    store.read((tx) => {
      const t = tFor(tx.org.person(input.actorId), settings);
      const d = disputeToAnswer(tx, input.actorId, input.reviewId);
      if (d === 'not_found') return fail('NOT_FOUND', t('common.notFound'));
      if (d === 'not_authorized') return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (d === 'not_disputed') return fail('CONFLICT', t('review.reply.notDisputed'));
      return ok(
        buildDisputeReplyForm(t, {
          reviewId: d.review.id,
          employeeName: d.employee.name,
          period: d.review.periodLabel,
          comment: d.comment,
        }),
      );
    });
