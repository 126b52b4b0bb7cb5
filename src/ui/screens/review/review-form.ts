import { periodMarkup } from '../../period.js';
import type { Form, Input } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { Kpi } from '../../../ports/records.js';
import { FORMS } from '../../actions.js';
import { REVIEW_INPUTS, RATINGS, kpiInputId, MAX_TEXT } from '../../../domain/review.js';
import { kpiLabelMarkup } from '../../kpi-text.js';
import { literal } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';
import { kpiBounds, kpiTrend, trendIsBetter } from '../../../domain/kpi.js';

export interface ReviewFormInput {
  slotId: number;
  employeeName: string;
  jobTitle: string;
  period: string;
  /** Formatted due time; empty to leave the line out (an amendment). */
  due: string;
  kpis: Kpi[];
  /** Initial values by input id (an amendment opens with the submitted review). */
  values?: Record<string, string | string[] | undefined>;
  /** Each KPI's figures in the last reviews (key → up to 4, oldest first), shown beside its input. */
  history?: Record<string, number[]>;
}

/** "Last 4: 38 → 41 → 36 → 44 (↗ improving)", or '' with no history. */
function historyText(t: T, k: Kpi, values: number[] | undefined): string {
  if (!values?.length) return '';
  const trend = kpiTrend(values);
  const arrow =
    trend === null
      ? ''
      : trend === 'flat'
        ? ` ${t('review.form.trendFlat')}`
        : ` ${t(trendIsBetter(k.direction, trend) ? 'review.form.trendBetter' : 'review.form.trendWorse', {
            arrow: trend === 'up' ? '↗' : '↘',
          })}`;
  return t('review.form.history', { count: values.length, values: values.join(' → ') }) + arrow;
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The review form: one number input per KPI, a 1–5 rating, and three texts. State = slot id. */
export function buildReviewForm(t: T, f: ReviewFormInput): Form {
  const v = f.values ?? {};
  const kpiInputs: Input[] = f.kpis.map((k) => ({
    id: kpiInputId(k.key),
    kind: 'number',
    decimal: true,
    label: kpiLabelMarkup(t, k),
    ...kpiBounds(k),
    hint: [
      t(k.direction === 'higher' ? 'review.form.kpiHintHigher' : 'review.form.kpiHintLower', {
        target: k.target,
        unit: literal(k.unit),
      }).trim(),
      historyText(t, k, f.history?.[k.key]),
    ]
      .filter(Boolean)
      .join(' · '),
    ...(str(v[kpiInputId(k.key)]) ? { initial: str(v[kpiInputId(k.key)]) } : {}),
  }));
  const text = (id: string, label: string, extra: Partial<Extract<Input, { kind: 'text' }>> = {}): Input => ({
    id,
    kind: 'text',
    multiline: true,
    optional: true,
    maxLength: MAX_TEXT,
    label,
    ...(str(v[id]) ? { initial: str(v[id]) } : {}),
    ...extra,
  });
  return {
    formId: FORMS.review,
    title: t('review.form.title'),
    submitLabel: t('review.form.submit'),
    cancelLabel: t('common.cancel'),
    state: String(f.slotId),
    intro: [
      {
        type: 'text',
        text: t('review.form.intro', {
          name: literal(f.employeeName),
          job: literal(f.jobTitle),
          period: periodMarkup(t, f.period),
        }),
      },
      ...(f.due ? [{ type: 'context' as const, text: t('review.form.dueLine', { due: f.due }) }] : []),
    ],
    inputs: [
      ...kpiInputs,
      {
        id: REVIEW_INPUTS.rating,
        kind: 'select',
        label: t('review.form.rating'),
        options: RATINGS.map((r) => ({ value: String(r), label: t(`review.rating.${r}`) })),
        ...(str(v[REVIEW_INPUTS.rating]) ? { initial: str(v[REVIEW_INPUTS.rating]) } : {}),
      },
      text(REVIEW_INPUTS.strengths, t('review.form.strengths')),
      // Optional to the renderer: whether it is required depends on the other answers, so the use case decides.
      text(REVIEW_INPUTS.improvement, t('review.form.improvement'), { hint: t('review.form.improvementHint') }),
      text(REVIEW_INPUTS.comment, t('review.form.comment')),
    ],
  };
}

/** Input id of the amendment reason. */
export const AMEND_REASON_INPUT = 'reason';

/** The review form pre-filled with a submitted review, plus a required reason. State = review id. */
export function buildAmendReviewForm(t: T, f: Omit<ReviewFormInput, 'slotId'> & { reviewId: number }): Form {
  const base = buildReviewForm(t, { ...f, slotId: f.reviewId });
  return {
    ...base,
    formId: FORMS.amendReview,
    title: t('review.amend.title'),
    submitLabel: t('review.amend.submit'),
    state: String(f.reviewId),
    inputs: [
      ...base.inputs,
      {
        id: AMEND_REASON_INPUT,
        kind: 'text',
        multiline: true,
        label: t('review.amend.reason'),
        hint: t('review.amend.hint'),
        maxLength: TEXT_LIMITS.long,
        ...(typeof f.values?.[AMEND_REASON_INPUT] === 'string' ? { initial: f.values[AMEND_REASON_INPUT] } : {}),
      },
    ],
  };
}
