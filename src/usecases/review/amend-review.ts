import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import type { FormValues } from '../../ui/model.js';
import type { Kpi } from '../../ports/records.js';
import { fail } from '../result.js';
import { tFor, localeOf, reply, type ReplyResult } from './review-context.js';
import { parseId } from './review-access.js';
import { reviewFieldErrors } from './review-errors.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { validateReview } from '../../domain/review.js';
import { AMEND_REASON_INPUT } from '../../ui/screens/review/review-form.js';
import { canAmendReview } from './review-access.js';

/**
 * The only way a submitted review changes. The author (while still the employee's manager) or
 * HR may amend it with a reason; the amendment keeps before/after, is audited, and the employee
 * is told. Values are validated as in the review form, against the KPI definitions the review
 * was written with (copied into its results), not the job's current set.
 */
export const makeAmendReview =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; reviewId: string; values: FormValues }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
      const now = deps.clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const id = parseId(input.reviewId);
      const review = id ? tx.reviews.review(id) : null;
      if (!review) return fail('NOT_FOUND', t('common.notFound'));
      const employee = tx.org.person(review.employeeId);
      if (!actor || !employee || !canAmendReview(actor, review, employee))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const kpis: Kpi[] = review.results.length
        ? review.results.map(({ key, name, unit, target, direction }) => ({ key, name, unit, target, direction }))
        : (tx.org.jobWithKpis(review.jobId, review.kpiVersion)?.kpis ?? []);
      const checked = validateReview(kpis, input.values);
      const rawReason = input.values[AMEND_REASON_INPUT];
      const reason = (Array.isArray(rawReason) ? rawReason.join('\n') : (rawReason ?? '')).trim();
      const errors = checked.ok ? {} : reviewFieldErrors(t, checked.errors);
      if (!reason) errors[AMEND_REASON_INPUT] = t('common.required');
      if (!checked.ok || !reason) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });

      const amendmentId = tx.reviews.amendReview(review.id, {
        authorId: actor.id,
        reason,
        after: checked.content,
        at: now,
      });
      tx.audit.record({
        actorId: actor.id,
        action: 'review.amend',
        subjectType: 'review',
        subjectId: review.id,
        detail: {
          amendmentId,
          reason,
          before: { rating: review.rating, belowTarget: review.belowTarget },
          after: { rating: checked.content.rating, belowTarget: checked.content.belowTarget },
        },
      });
      const text = tFor(employee, settings)('review.amended.notice', {
        period: review.periodLabel,
        author: actor.name,
        reason,
      });
      tx.outbox.post({
        key: `review:${review.id}:amended:${amendmentId}`,
        to: { person: employee.id },
        locale: localeOf(employee, settings),
        message: { text, blocks: [{ type: 'text', text }] },
      });
      refreshOpenCases(tx, employee.id, { settings, now });
      return reply({ kind: 'ok', toast: t('review.amend.toast') });
    });
