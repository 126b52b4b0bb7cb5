import { periodMarkup } from '../../ui/period.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import type { Kpi } from '../../domain/kpi.js';
import { fail, ok, type Result } from '../result.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { canAmendReview } from './review-access.js';
import { reviewFieldErrors } from './review-field-errors.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { updateEmployeeReviewDm } from './employee-review-dm.js';
import { sendDisputeNotice } from '../shared/dispute-notice.js';
import { literal } from '../../ui/markup.js';
import { validateReview } from '../../domain/review.js';
import { verbatimText } from '../../ui/form-values.js';
import { AMEND_REASON_INPUT } from '../../ui/screens/review/review-form.js';
import { textError } from '../shared/text-errors.js';

export interface AmendReviewInput {
  actorId: string;
  reviewId: number;
  values: FormValues;
}

/**
 * The only way a submitted review changes. The author (while still the employee's manager) or
 * HR may amend it with a reason; the amendment keeps before/after, is audited, the employee is
 * told, and their DM of the review is rewritten to show the new figures beside the old ones.
 * Values are validated as in the review form, against the KPI definitions the review was written
 * with (copied into its results), not the job's current set.
 */
export const makeAmendReview =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AmendReviewInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const now = clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const review = tx.reviews.review(input.reviewId);
      if (!review) return fail('NOT_FOUND', t('common.notFound'));
      const employee = tx.org.person(review.employeeId);
      if (!actor || !employee || !canAmendReview(actor, review, employee))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      // The KPIs as the review recorded them; their ranges from the KPI version it was written
      // against (a version is never edited, so it still holds them).
      const versioned = tx.org.jobWithKpis(review.jobId, review.kpiVersion)?.kpis ?? [];
      const kpis: Kpi[] = review.results.length
        ? review.results.map(({ key, name, unit, target, direction }) => {
            const v = versioned.find((k) => k.key === key);
            return {
              key,
              name,
              unit,
              target,
              direction,
              ...(v?.min !== undefined ? { min: v.min } : {}),
              ...(v?.max !== undefined ? { max: v.max } : {}),
            };
          })
        : versioned;
      const checked = validateReview(kpis, input.values);
      const reason = verbatimText(input.values, AMEND_REASON_INPUT).trim();
      const errors = checked.ok ? {} : reviewFieldErrors(t, checked.errors, { kpis, values: input.values });
      if (!reason) errors[AMEND_REASON_INPUT] = t('common.required');
      const reasonError = textError(t, verbatimText(input.values, AMEND_REASON_INPUT), 'long');
      if (reasonError) errors[AMEND_REASON_INPUT] = reasonError;
      if (!checked.ok || !reason || reasonError)
        return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });

      // The data feed's figure stays beside the corrected one, and so does the first reason while the
      // figure still differs from the feed's (the amendment's own reason says why it changed).
      const results = checked.content.results.map((r) => {
        const was = review.results.find((x) => x.key === r.key);
        const stillDiffers = !was?.imported || was.imported.value !== r.actual;
        return {
          ...r,
          ...(was?.imported ? { imported: was.imported } : {}),
          ...(was?.changeReason !== undefined && stillDiffers ? { changeReason: was.changeReason } : {}),
        };
      });
      const amendmentId = tx.reviews.amendReview(review.id, {
        authorId: actor.id,
        reason,
        after: { ...checked.content, results },
        at: now,
      });
      tx.audit.record({
        actorId: actor.id,
        action: 'review.amend',
        subjectType: 'review',
        subjectId: review.id,
        detail: {
          amendmentId,
          before: { rating: review.rating, belowTarget: review.belowTarget },
          after: { rating: checked.content.rating, belowTarget: checked.content.belowTarget },
        },
        text: { reason },
      });
      const text = tFor(employee, settings)('review.amended.notice', {
        period: periodMarkup(t, review.periodLabel),
        author: literal(actor.name),
        reason: literal(reason),
      });
      tx.outbox.post({
        key: outboxKeys.reviewAmended(review.id, amendmentId),
        to: { person: employee.id },
        locale: localeOf(employee, settings),
        message: { text, blocks: [{ type: 'text', text }] },
      });
      // The DM the employee already has shows the amended figures beside the old ones.
      const amended = tx.reviews.review(review.id)!;
      updateEmployeeReviewDm(tx, amended, employee, settings);
      sendDisputeNotice(tx, amended, settings);
      refreshOpenCases(tx, employee.id, { settings, now });
      return ok({ confirmation: t('review.amend.toast') });
    });
