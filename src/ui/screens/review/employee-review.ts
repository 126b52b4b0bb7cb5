import { periodMarkup } from '../../period.js';
import type { Message, Block, Field } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { kpiTargetMarkup } from '../../kpi-text.js';
import type { KpiResult } from '../../../ports/repos/reviews.js';
import { ACTIONS } from '../../actions.js';
import { literal, userText } from '../../markup.js';

export interface EmployeeReviewInput {
  reviewId: number;
  period: string;
  managerName: string;
  rating: number;
  strengths: string;
  improvement: string;
  comment: string;
  results: KpiResult[];
  /** Once the employee responded, the buttons are replaced by the outcome (the DM keeps the history). */
  response?: { state: 'acknowledged' } | { state: 'disputed'; comment: string };
  /** The latest amendment: the figures shown are the amended ones, each changed one with what it was. */
  amendment?: { author: string; date: string; reason: string; before: { rating: number; results: KpiResult[] } };
  /** Replies to the employee's dispute, oldest first. */
  replies?: { author: string; date: string; body: string }[];
}

/**
 * One line per KPI; with `before` (an amendment), a changed figure says what it was. A figure other
 * than the data feed's says what the feed sent and the manager's reason: the employee reads both.
 */
export function kpiResultLines(t: T, results: KpiResult[], before?: KpiResult[]): string {
  return results
    .map((r) => {
      const line = t(r.met ? 'review.kpi.met' : 'review.kpi.missed', {
        name: literal(r.name),
        actual: r.actual,
        unit: literal(r.unit),
        target: kpiTargetMarkup(t, r),
      });
      const was = before?.find((b) => b.key === r.key);
      const amended =
        was && was.actual !== r.actual
          ? `${t('common.sentenceSep')}${t('review.kpi.was', { before: was.actual })}`
          : '';
      return `${line}${amended}${feedNote(t, r)}`;
    })
    .join('\n');
}

/** What the data feed sent and why the recorded figure differs; '' when it does not. */
function feedNote(t: T, r: KpiResult): string {
  if (r.changeReason === undefined) return '';
  const reason = userText(r.changeReason);
  return ` ${
    r.imported
      ? t('review.kpi.changedFrom', { source: literal(r.imported.source), value: r.imported.value, reason })
      : t('review.kpi.typedForFeed', { reason })
  }`;
}

/** The review as the employee sees it in a DM, with Acknowledge / Dispute. */
export function buildEmployeeReview(t: T, r: EmployeeReviewInput): Message {
  const rating = (n: number) => t(`review.rating.${n as 1 | 2 | 3 | 4 | 5}`);
  const ratingBefore = r.amendment?.before.rating;
  const fields: Field[] = [
    {
      label: t('review.form.rating'),
      value:
        ratingBefore !== undefined && ratingBefore !== r.rating
          ? t('review.rating.was', { now: rating(r.rating), before: rating(ratingBefore) })
          : rating(r.rating),
    },
  ];
  if (r.strengths) fields.push({ label: t('review.form.strengths'), value: userText(r.strengths) });
  if (r.improvement) fields.push({ label: t('review.form.improvement'), value: userText(r.improvement) });
  if (r.comment) fields.push({ label: t('review.form.comment'), value: userText(r.comment) });
  const blocks: Block[] = [
    { type: 'header', text: t('review.employee.header', { period: periodMarkup(t, r.period) }) },
    {
      type: 'text',
      text: t('review.employee.text', { manager: literal(r.managerName), period: periodMarkup(t, r.period) }),
    },
  ];
  if (r.amendment)
    blocks.push({
      type: 'context',
      text: t('review.employee.amended', {
        date: r.amendment.date,
        author: r.amendment.author,
        reason: userText(r.amendment.reason),
      }),
    });
  if (r.results.length) blocks.push({ type: 'text', text: kpiResultLines(t, r.results, r.amendment?.before.results) });
  blocks.push({ type: 'fields', fields });
  if (!r.response) {
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.acknowledgeReview,
          label: t('review.acknowledge'),
          value: String(r.reviewId),
          style: 'primary',
        },
        { actionId: ACTIONS.disputeReview, label: t('review.dispute'), value: String(r.reviewId) },
      ],
    });
  } else {
    blocks.push({
      type: 'context',
      text:
        r.response.state === 'acknowledged'
          ? t('review.acknowledged')
          : t('review.disputed', { comment: userText(r.response.comment) }),
    });
  }
  if (r.replies?.length)
    blocks.push({
      type: 'text',
      text: r.replies
        .map((x) => t('review.employee.replyLine', { author: literal(x.author), date: x.date, body: literal(x.body) }))
        .join('\n'),
    });
  return {
    text: t('review.employee.fallback', { period: periodMarkup(t, r.period), manager: literal(r.managerName) }),
    blocks,
    // Acknowledged or disputed whenever the employee gets to it.
    ...(r.response ? {} : { lasting: true as const }),
  };
}
