import { periodMarkup } from '../../period.js';
import type { Message, Block, Button } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS } from '../../actions.js';
import { literal } from '../../markup.js';

export interface ReviewSubmittedInput {
  reviewId: number;
  employeeId: string;
  employeeName: string;
  period: string;
  /** KPIs below target, by key and display name; follow-up features add buttons for these. */
  missedKpis: { key: string; name: string }[];
  done: number;
  total: number;
  /** Extra follow-up buttons (e.g. "Create a training plan"), supplied by other features. */
  followUps?: Button[];
}

/** What the manager sees after submitting a review. */
export function buildReviewSubmitted(t: T, r: ReviewSubmittedInput): Message {
  const text = t('review.submitted.text', { name: literal(r.employeeName), period: periodMarkup(t, r.period) });
  const blocks: Block[] = [{ type: 'text', text }];
  if (r.missedKpis.length)
    blocks.push({
      type: 'text',
      text: t('review.submitted.missed', { kpis: r.missedKpis.map((k) => literal(k.name)).join(t('common.listSep')) }),
    });
  if (r.total > 0)
    blocks.push({ type: 'context', text: t('review.submitted.progress', { done: r.done, total: r.total }) });
  // Submitted reviews change only through an amendment; the button opens it.
  blocks.push({
    type: 'actions',
    buttons: [
      ...(r.followUps ?? []),
      { actionId: ACTIONS.amendReview, label: t('review.amend.button'), value: String(r.reviewId) },
    ],
  });
  return { text, blocks };
}
