import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import { fail } from '../result.js';
import { tFor, reply, type ReplyResult } from './review-context.js';
import { ownReview, updateEmployeeReviewDm } from './review-response.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';

/** The employee acknowledges their own review (the first response stands). */
export const makeAcknowledgeReview =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; reviewId: string }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
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
      updateEmployeeReviewDm(tx, review, actor, settings, { state: 'acknowledged' });
      refreshOpenCases(tx, actor.id, { settings, now: deps.clock.now() });
      return reply({ kind: 'ok', toast: t('review.ack.toast') });
    });
