import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { ownReview } from './review-access.js';
import { updateEmployeeReviewDm } from './employee-review-dm.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { verbatimText } from '../../ui/form-values.js';
import { DISPUTE_COMMENT_INPUT } from '../../ui/screens/review/dispute-form.js';
import { MAX_TEXT } from '../../domain/review.js';

export interface DisputeReviewInput {
  actorId: string;
  reviewId: number;
  values: FormValues;
}

/**
 * The employee disputes their own review. The comment is stored exactly as typed (no trimming or
 * normalising: it may be quoted in a tribunal); only an all-blank comment is refused.
 */
export const makeDisputeReview =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: DisputeReviewInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const t = tFor(tx.org.person(input.actorId), settings);
      const found = ownReview(tx, input.actorId, input.reviewId);
      if (found === 'not_found') return fail('NOT_FOUND', t('common.notFound'));
      if (found === 'not_authorized') return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const comment = verbatimText(input.values, DISPUTE_COMMENT_INPUT);
      if (!comment.trim())
        return fail('INVALID_INPUT', t('common.invalidInput'), {
          fieldErrors: { [DISPUTE_COMMENT_INPUT]: t('common.required') },
        });
      if (comment.length > MAX_TEXT)
        return fail('INVALID_INPUT', t('common.invalidInput'), {
          fieldErrors: { [DISPUTE_COMMENT_INPUT]: t('review.error.tooLong') },
        });

      const { actor, review } = found;
      const ack = tx.acks.record({
        subjectType: 'review',
        subjectId: String(review.id),
        personId: actor.id,
        state: 'disputed',
        comment,
        recordedBy: actor.id,
      });
      if (!ack) return fail('CONFLICT', t('review.ack.already'));
      tx.audit.record({
        actorId: actor.id,
        action: 'review.dispute',
        subjectType: 'review',
        subjectId: review.id,
        detail: { ackId: ack.id },
        text: { comment },
      });
      updateEmployeeReviewDm(tx, review, actor, settings, { state: 'disputed', comment });

      const author = tx.org.person(review.authorId);
      if (author) {
        const text = tFor(author, settings)('review.dispute.managerNotice', {
          name: actor.name,
          period: review.periodLabel,
          comment,
        });
        tx.outbox.post({
          key: outboxKeys.reviewDisputed(review.id),
          to: { person: author.id },
          locale: localeOf(author, settings),
          message: { text, blocks: [{ type: 'text', text }] },
        });
      }
      refreshOpenCases(tx, actor.id, { settings, now: clock.now() });
      return ok({ confirmation: t('review.dispute.toast') });
    });
