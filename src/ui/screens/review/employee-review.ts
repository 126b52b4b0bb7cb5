import type { Message, Block, Field } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { kpiTargetText } from '../../kpi-text.js';
import type { KpiResult } from '../../../ports/repos/reviews.js';
import { ACTIONS } from '../../actions.js';

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
}

export function kpiResultLines(t: T, results: KpiResult[]): string {
  return results
    .map((r) =>
      t(r.met ? 'review.kpi.met' : 'review.kpi.missed', {
        name: r.name,
        actual: r.actual,
        unit: r.unit,
        target: kpiTargetText(t, r, { unit: false }),
      }),
    )
    .join('\n');
}

/** The review as the employee sees it in a DM, with Acknowledge / Dispute. */
export function buildEmployeeReview(t: T, r: EmployeeReviewInput): Message {
  const fields: Field[] = [
    { label: t('review.form.rating'), value: t(`review.rating.${r.rating as 1 | 2 | 3 | 4 | 5}`) },
  ];
  if (r.strengths) fields.push({ label: t('review.form.strengths'), value: r.strengths });
  if (r.improvement) fields.push({ label: t('review.form.improvement'), value: r.improvement });
  if (r.comment) fields.push({ label: t('review.form.comment'), value: r.comment });
  const blocks: Block[] = [
    { type: 'header', text: t('review.employee.header', { period: r.period }) },
    { type: 'text', text: t('review.employee.text', { manager: r.managerName, period: r.period }) },
  ];
  if (r.results.length) blocks.push({ type: 'text', text: kpiResultLines(t, r.results) });
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
          : t('review.disputed', { comment: r.response.comment }),
    });
  }
  return { text: t('review.employee.fallback', { period: r.period, manager: r.managerName }), blocks };
}
