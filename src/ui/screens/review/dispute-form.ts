import { periodMarkup } from '../../period.js';
import type { Form } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { FORMS } from '../../actions.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

export const DISPUTE_COMMENT_INPUT = 'comment';

/** Asks the employee why they dispute a review. State = review id. */
export function buildDisputeForm(t: T, f: { reviewId: number; period: string }): Form {
  return {
    formId: FORMS.disputeReview,
    title: t('review.dispute.title'),
    submitLabel: t('review.dispute.submit'),
    cancelLabel: t('common.cancel'),
    state: String(f.reviewId),
    intro: [{ type: 'text', text: t('review.employee.header', { period: periodMarkup(t, f.period) }) }],
    inputs: [
      {
        id: DISPUTE_COMMENT_INPUT,
        kind: 'text',
        multiline: true,
        label: t('review.dispute.comment'),
        hint: t('review.dispute.hint'),
        maxLength: TEXT_LIMITS.long,
      },
    ],
  };
}
