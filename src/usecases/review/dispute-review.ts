import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { ownReview } from './review-access.js';
import { sendDisputeNotice } from '../shared/dispute-notice.js';
import { buildDisputeHrNotice } from '../../ui/screens/review/dispute-notice.js';
import { isHr } from '../../domain/people.js';
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { Review } from '../../ports/repos/reviews.js';
import type { AppSettings } from '../../ports/settings.js';
import { updateEmployeeReviewDm } from './employee-review-dm.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { verbatimText } from '../../ui/form-values.js';
import { DISPUTE_COMMENT_INPUT } from '../../ui/screens/review/dispute-form.js';
import { literal } from '../../ui/markup.js';
import { textError } from '../shared/text-errors.js';
import { hrChannelLocale } from '../shared/channels.js';
import { translator, type T } from '../../ui/i18n/index.js';

export interface DisputeReviewInput {
  actorId: string;
  reviewId: number;
  values: FormValues;
}

/**
 * HR hears of every dispute (the dispute form says the comment is shown to the manager and HR): a
 * DM to the employee's HR partner when the org names an active one, else the HR channel.
 */
function tellHr(tx: Tx, review: Review, employee: Person, comment: string, settings: AppSettings): void {
  const partner = employee.hrPartnerId ? tx.org.person(employee.hrPartnerId) : null;
  const notice = (t: T) =>
    buildDisputeHrNotice(t, {
      employeeId: employee.id,
      employeeName: employee.name,
      managerName: tx.org.person(review.authorId)?.name ?? review.authorId,
      period: review.periodLabel,
      comment,
    });
  const key = outboxKeys.reviewDisputedHr(review.id);
  if (partner && isHr(partner))
    tx.outbox.post({
      key,
      to: { person: partner.id },
      message: notice(tFor(partner, settings)),
      locale: localeOf(partner, settings),
    });
  else {
    const locale = hrChannelLocale(tx, settings);
    tx.outbox.post({ key, to: { channel: settings.hrChannel }, message: notice(translator(locale)), locale });
  }
}

/**
 * The employee disputes their own review. The comment is stored exactly as typed (no trimming or
 * normalising: it may be quoted in a tribunal); only an all-blank comment is refused. Their
 * manager is asked to answer it, and HR is told.
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
      const tooLong = textError(t, comment, 'long');
      if (tooLong)
        return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: { [DISPUTE_COMMENT_INPUT]: tooLong } });

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
      updateEmployeeReviewDm(tx, review, actor, settings);
      // The manager who answers it gets the comment with Amend / Reply / Schedule a conversation.
      sendDisputeNotice(tx, review, settings);
      tellHr(tx, review, actor, comment, settings);
      refreshOpenCases(tx, actor.id, { settings, now: clock.now() });
      return ok({ confirmation: t('review.dispute.toast') });
    });
