import type { UseCaseDeps } from '../../ports/deps.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { ownReview } from './review-access.js';
import { updateEmployeeReviewDm } from './employee-review-dm.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';

export interface AcknowledgeReviewInput {
  actorId: string;
  reviewId: number;
}

/** The employee acknowledges their own review (the first response stands). */
export const makeAcknowledgeReview =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AcknowledgeReviewInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const t = tFor(tx.org.person(input.actorId), settings);
      const found = ownReview(tx, input.actorId, input.reviewId);
      if (found === 'not_found') return fail('NOT_FOUND', t('common.notFound'));
      if (found === 'not_authorized') return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const { actor, review } = found;
      const ack = tx.acks.record({
        subjectType: 'review',
        subjectId: String(review.id),
        personId: actor.id,
        state: 'acknowledged',
        recordedBy: actor.id,
      });
      if (!ack) return fail('CONFLICT', t('review.ack.already'));
      tx.audit.record({
        actorId: actor.id,
        action: 'review.acknowledge',
        subjectType: 'review',
        subjectId: review.id,
        detail: { ackId: ack.id },
      });
      updateEmployeeReviewDm(tx, review, actor, settings);
      refreshOpenCases(tx, actor.id, { settings, now: clock.now() });
      return ok({ confirmation: t('review.ack.toast') });
    });
