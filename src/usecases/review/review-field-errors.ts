import type { T } from '../../ui/i18n/index.js';
import type { ReviewFieldError } from '../../domain/review.js';

/** Localises the domain's field error codes, keyed by input id as the form expects. */
export function reviewFieldErrors(t: T, errors: Record<string, ReviewFieldError>): Record<string, string> {
  const text: Record<ReviewFieldError, string> = {
    required: t('common.required'),
    notANumber: t('common.notANumber'),
    improvementRequired: t('review.error.improvementRequired'),
    ratingInvalid: t('review.error.ratingInvalid'),
    tooLong: t('review.error.tooLong'),
  };
  return Object.fromEntries(Object.entries(errors).map(([id, code]) => [id, text[code]]));
}
