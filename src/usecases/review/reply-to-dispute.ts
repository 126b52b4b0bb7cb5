import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { sendDisputeNotice } from '../shared/dispute-notice.js';
import { disputeToAnswer } from './review-access.js';
import { updateEmployeeReviewDm } from './employee-review-dm.js';
import { verbatimText } from '../../ui/form-values.js';
import { literal } from '../../ui/markup.js';
import { DISPUTE_REPLY_INPUT } from '../../ui/screens/review/dispute-reply-form.js';
import { textError } from '../shared/text-errors.js';

export interface ReplyToDisputeInput {
  actorId: string;
  /** The form's state: the disputed review. Untrusted. */
  reviewId: number;
  values: FormValues;
}

/**
 * The manager (or HR) answers an employee's dispute in writing. The reply is kept verbatim in the
 * record (it may be read out at a tribunal, as the dispute may), sent to the employee, and shown
 * under the review in their DM; the review itself changes only through an amendment.
 */
export const makeReplyToDispute =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: ReplyToDisputeInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const t = tFor(tx.org.person(input.actorId), settings);
      const d = disputeToAnswer(tx, input.actorId, input.reviewId);
      if (d === 'not_found') return fail('NOT_FOUND', t('common.notFound'));
      if (d === 'not_authorized') return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (d === 'not_disputed') return fail('CONFLICT', t('review.reply.notDisputed'));
      const body = verbatimText(input.values, DISPUTE_REPLY_INPUT);
      const error = !body.trim() ? t('common.required') : textError(t, body, 'long');
      if (error)
        return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: { [DISPUTE_REPLY_INPUT]: error } });

      const { actor, review, employee } = d;
      const reply = tx.reviews.addReply({ reviewId: review.id, authorId: actor.id, body, createdAt: clock.now() });
      tx.audit.record({
        actorId: actor.id,
        action: 'review.reply',
        subjectType: 'review',
        subjectId: review.id,
        detail: { replyId: reply.id, employeeId: employee.id },
        text: { body },
      });
      const text = tFor(employee, settings)('review.reply.toEmployee', {
        author: actor.name,
        period: review.periodLabel,
        body: literal(body),
      });
      tx.outbox.post({
        key: outboxKeys.reviewReply(review.id, reply.id),
        to: { person: employee.id },
        locale: localeOf(employee, settings),
        message: { text, blocks: [{ type: 'text', text }] },
      });
      updateEmployeeReviewDm(tx, review, employee, settings);
      sendDisputeNotice(tx, review, settings);
      return ok({ confirmation: t('review.reply.toast', { name: employee.name }) });
    });
