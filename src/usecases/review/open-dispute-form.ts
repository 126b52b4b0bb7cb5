import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { ownReview } from './review-access.js';
import { buildDisputeForm } from '../../ui/screens/review/dispute-form.js';

export interface OpenDisputeFormInput {
  actorId: string;
  reviewId: number;
}

/** The Dispute button: asks the employee for their comment, if they have not responded yet. */
export const makeOpenDisputeForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenDisputeFormInput): Result<Form> =>
    store.read((tx) => {
      const t = tFor(tx.org.person(input.actorId), settings);
      const found = ownReview(tx, input.actorId, input.reviewId);
      if (found === 'not_found') return fail('NOT_FOUND', t('common.notFound'));
      if (found === 'not_authorized') return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (tx.acks.find('review', String(found.review.id), found.actor.id))
        return fail('CONFLICT', t('review.ack.already'));
      return ok(buildDisputeForm(t, { reviewId: found.review.id, period: found.review.periodLabel }));
    });
