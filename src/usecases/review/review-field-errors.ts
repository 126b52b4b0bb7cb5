import type { T } from '../../ui/i18n/index.js';
import type { FormValues } from '../../ui/model.js';
import { kpiBounds, type Kpi } from '../../domain/kpi.js';
import { literal } from '../../ui/markup.js';
import { TEXT_LIMITS } from '../../domain/text.js';
import {
  kpiInputId,
  kpiReasonInputId,
  kpisBelowTarget,
  type ImportedFigure,
  type ReviewFieldError,
} from '../../domain/review.js';

/**
 * Localises the domain's field error codes, keyed by input id as the form expects. A figure out of
 * range says the range; a missing improvement suggestion names the KPIs that missed their target.
 */
export function reviewFieldErrors(
  t: T,
  errors: Record<string, ReviewFieldError>,
  form: { kpis: Kpi[]; values: FormValues; imported?: Readonly<Record<string, ImportedFigure>> },
): Record<string, string> {
  const kpiOf = new Map(form.kpis.map((k) => [kpiInputId(k.key), k]));
  const feedOf = (id: string) => {
    const k = form.kpis.find((x) => kpiReasonInputId(x.key) === id);
    return k ? form.imported?.[k.key] : undefined;
  };
  const range = (id: string) => {
    const k = kpiOf.get(id);
    const b = k ? kpiBounds(k) : { min: 0, max: 0 };
    return t('review.error.range', { min: b.min, max: b.max, unit: k?.unit ? ` ${k.unit}` : '' });
  };
  const improvement = () => {
    const missed = kpisBelowTarget(form.kpis, form.values).map((k) => k.name);
    return missed.length
      ? t('review.error.improvementMissed', { kpis: missed.join(t('common.listSep')) })
      : t('review.error.improvementRating');
  };
  const text = (id: string, code: ReviewFieldError): string => {
    switch (code) {
      case 'required':
        return t('common.required');
      case 'notANumber':
        return t('common.notANumber');
      case 'belowMin':
      case 'aboveMax':
        return range(id);
      case 'improvementRequired':
        return improvement();
      case 'ratingInvalid':
        return t('review.error.ratingInvalid');
      case 'tooLong':
        return t('review.error.tooLong');
      case 'controlCharacter':
        return t('review.error.controlCharacter');
      case 'changeReasonRequired': {
        const figure = feedOf(id);
        return t('review.error.changeReason', { source: literal(figure?.source ?? ''), value: figure?.value ?? '' });
      }
      case 'reasonTooLong':
        return t('review.error.reasonTooLong', { max: TEXT_LIMITS.line });
      case 'feedMissingReasonRequired':
        return t('review.error.feedMissingReason');
    }
  };
  return Object.fromEntries(Object.entries(errors).map(([id, code]) => [id, text(id, code)]));
}
