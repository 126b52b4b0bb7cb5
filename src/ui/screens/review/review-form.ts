import { periodMarkup } from '../../period.js';
import type { Form, Input } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { Kpi } from '../../../ports/records.js';
import { FORMS } from '../../actions.js';
import { REVIEW_INPUTS, RATINGS, kpiInputId, kpiReasonInputId, MAX_TEXT } from '../../../domain/review.js';
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
  /** The period's figures from data feeds by KPI key, with the day each was received (the reader's date). */
  imported?: Record<string, { value: number; source: string; received: string }>;
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

const firstValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The review form: one number input per KPI, a 1–5 rating, and three texts. State = slot id. */
export function buildReviewForm(t: T, f: ReviewFormInput): Form {
  const v = f.values ?? {};
  const kpiInputs: Input[] = f.kpis.flatMap((k) => [kpiInput(t, f, k), ...feedReasonInputs(t, f, k)]);
  const text = (id: string, label: string, extra: Partial<Extract<Input, { kind: 'text' }>> = {}): Input => ({
    id,
    kind: 'text',
    multiline: true,
    optional: true,
    maxLength: MAX_TEXT,
    label,
    ...(firstValue(v[id]) ? { initial: firstValue(v[id]) } : {}),
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
        ...(firstValue(v[REVIEW_INPUTS.rating]) ? { initial: firstValue(v[REVIEW_INPUTS.rating]) } : {}),
      },
      text(REVIEW_INPUTS.strengths, t('review.form.strengths')),
      // Optional to the renderer: whether it is required depends on the other answers, so the use case decides.
      text(REVIEW_INPUTS.improvement, t('review.form.improvement'), { hint: t('review.form.improvementHint') }),
      text(REVIEW_INPUTS.comment, t('review.form.comment')),
    ],
  };
}

/**
 * A KPI's number input: the target, the last figures, and, when a data feed sent one, the feed's
 * figure pre-filled and marked with its source (or, for a `source: feed` KPI, that it has not come).
 */
function kpiInput(t: T, f: ReviewFormInput, k: Kpi): Input {
  const v = f.values ?? {};
  const fromFeed = f.imported?.[k.key];
  const typed = firstValue(v[kpiInputId(k.key)]);
  const initial = typed ?? (fromFeed ? String(fromFeed.value) : undefined);
  return {
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
      fromFeed
        ? t('review.form.fromFeed', {
            source: literal(fromFeed.source),
            value: fromFeed.value,
            date: fromFeed.received,
          })
        : k.source === 'feed'
          ? t('review.form.feedMissing', { period: literal(f.period) })
          : '',
    ]
      .filter(Boolean)
      .join(' · '),
    ...(initial ? { initial } : {}),
  };
}

/**
 * Beside a KPI the feed sent (or should have): the reason a changed or typed figure needs. Optional
 * to the renderer, since it is owed only when the figure differs; the use case decides.
 */
function feedReasonInputs(t: T, f: ReviewFormInput, k: Kpi): Input[] {
  const fromFeed = f.imported?.[k.key];
  if (!fromFeed && k.source !== 'feed') return [];
  const id = kpiReasonInputId(k.key);
  const typed = firstValue(f.values?.[id]);
  const params = { kpi: literal(k.name), source: literal(fromFeed?.source ?? '') };
  return [
    {
      id,
      kind: 'text',
      multiline: true,
      optional: true,
      maxLength: TEXT_LIMITS.line,
      label: t(fromFeed ? 'review.form.reasonChanged' : 'review.form.reasonMissing', params),
      hint: t(fromFeed ? 'review.form.reasonChangedHint' : 'review.form.reasonMissingHint', params),
      ...(typed ? { initial: typed } : {}),
    },
  ];
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
