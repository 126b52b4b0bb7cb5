import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import type { FormValues } from '../../ui/model.js';
import { fail } from '../result.js';
import { tFor, localeOf, reply, type ReplyResult } from './review-context.js';
import { ownReview, updateEmployeeReviewDm } from './review-response.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { DISPUTE_COMMENT_INPUT } from '../../ui/screens/review/dispute-form.js';
import { MAX_TEXT } from '../../domain/review.js';

/**
 * The employee disputes their own review. The comment is stored exactly as typed (no trimming or
 * normalising: it may be quoted in a tribunal); only an all-blank comment is refused.
 */
export const makeDisputeReview =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; state: string; values: FormValues }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
      const t = tFor(tx.org.person(input.actorId), settings);
      const found = ownReview(tx, input.actorId, input.state);
      if (found === 'not_found') return fail('NOT_FOUND', t('common.notFound'));
      if (found === 'not_authorized') return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const raw = input.values[DISPUTE_COMMENT_INPUT];
      const comment = Array.isArray(raw) ? raw.join('\n') : (raw ?? '');
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
        detail: { ackId: ack.id, comment },
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
          key: `review:${review.id}:disputed`,
          to: { person: author.id },
          locale: localeOf(author, settings),
          message: { text, blocks: [{ type: 'text', text }] },
        });
      }
      refreshOpenCases(tx, actor.id, { settings, now: deps.clock.now() });
      return reply({ kind: 'ok', toast: t('review.dispute.toast') });
    });
