import { periodMarkup } from '../../period.js';
import type { Form } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { FORMS } from '../../actions.js';
import { literal, userText } from '../../markup.js';
import { MAX_TEXT } from '../../../domain/review.js';

export const DISPUTE_REPLY_INPUT = 'reply';

/** Reply to an employee's dispute of a review: kept in the record, sent to them. State = review id. */
export function buildDisputeReplyForm(
  t: T,
  f: { reviewId: number; employeeName: string; period: string; comment: string },
): Form {
  return {
    formId: FORMS.disputeReply,
    title: t('review.reply.title'),
    submitLabel: t('review.reply.submit'),
    cancelLabel: t('common.cancel'),
    state: String(f.reviewId),
    intro: [
      {
        type: 'text',
        text: t('review.dispute.managerNotice', {
          name: literal(f.employeeName),
          period: periodMarkup(t, f.period),
          comment: userText(f.comment),
        }),
      },
    ],
    inputs: [
      {
        id: DISPUTE_REPLY_INPUT,
        kind: 'text',
        multiline: true,
        label: t('review.reply.label'),
        hint: t('review.reply.hint', { name: literal(f.employeeName) }),
        maxLength: MAX_TEXT,
      },
    ],
  };
}
