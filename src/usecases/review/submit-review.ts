import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues, Message } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { canWriteReview } from './review-access.js';
import { refreshNudge } from './nudge.js';
import { reviewFieldErrors } from './review-field-errors.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { validateReview } from '../../domain/review.js';
import { feedFigures } from './feed-figures.js';
import { buildEmployeeReview } from '../../ui/screens/review/employee-review.js';
import { buildReviewSubmitted } from '../../ui/screens/review/confirmation.js';
import { buildBelowTargetFollowUps } from '../../ui/screens/evidence/follow-ups.js';

export interface SubmitReviewInput {
  actorId: string;
  /** The form's state: the slot the review is written for. */
  slotId: number;
  values: FormValues;
}

/**
 * Stores a review: authorize (the employee's current manager, who owns the slot), refuse a second
 * submission, validate against the job's current KPIs (a figure other than the data feed's needs a
 * reason), then in one transaction write the review with its KPI results (definitions copied, with
 * the feed's figure and the reason beside the manager's), close the slot, audit, DM the employee, and update the
 * manager's nudge to show progress.
 */
export const makeSubmitReview =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: SubmitReviewInput): Result<{ confirmation: string; followUp: Message }> =>
    store.tx((tx) => {
      const now = clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const slot = tx.reviews.slot(input.slotId);
      if (!slot) return fail('NOT_FOUND', t('common.notFound'));
      const employee = tx.org.person(slot.employeeId);
      if (!canWriteReview(actor, slot, employee) || !actor || !employee)
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (slot.status !== 'pending') return fail('CONFLICT', t('review.conflict.submitted'));
      const job = employee.jobId ? tx.org.jobWithKpis(employee.jobId) : null;
      if (!job || job.kpiVersion === 0) return fail('CONFLICT', t('review.open.noJob', { name: employee.name }));

      const cycle = tx.reviews.cycle(slot.cycleId)!;
      // Read now, not from the form: a figure that arrived after the form opened is the one checked.
      const imported = feedFigures(tx, employee.id, cycle.label);
      const checked = validateReview(job.kpis, input.values, imported);
      if (!checked.ok)
        return fail('INVALID_INPUT', t('common.invalidInput'), {
          fieldErrors: reviewFieldErrors(t, checked.errors, { kpis: job.kpis, values: input.values, imported }),
        });

      const review = tx.reviews.insertReview({
        slotId: slot.id,
        employeeId: employee.id,
        authorId: actor.id,
        jobId: job.id,
        kpiVersion: job.kpiVersion,
        periodLabel: cycle.label,
        submittedAt: now,
        ...checked.content,
      });
      if (!tx.reviews.markSlotSubmitted(slot.id)) throw new Error(`slot ${slot.id} changed under a write transaction`);
      tx.audit.record({
        actorId: actor.id,
        action: 'review.submit',
        subjectType: 'review',
        subjectId: review.id,
        detail: {
          slotId: slot.id,
          employeeId: employee.id,
          kpiVersion: job.kpiVersion,
          rating: review.rating,
          belowTarget: review.belowTarget,
          // What the data feeds sent beside what the manager recorded (the reasons are in `text`).
          ...(review.results.some((r) => r.imported || r.changeReason !== undefined)
            ? {
                feed: review.results
                  .filter((r) => r.imported || r.changeReason !== undefined)
                  .map((r) => ({ kpiKey: r.key, actual: r.actual, imported: r.imported ?? null })),
              }
            : {}),
        },
        text: {
          strengths: review.strengths,
          improvement: review.improvement,
          comment: review.comment,
          ...Object.fromEntries(
            review.results.filter((r) => r.changeReason).map((r) => [`changeReason.${r.key}`, r.changeReason!]),
          ),
        },
      });

      const te = tFor(employee, settings);
      tx.outbox.post({
        key: outboxKeys.employeeReview(review.id),
        to: { person: employee.id },
        locale: localeOf(employee, settings),
        message: buildEmployeeReview(te, {
          reviewId: review.id,
          period: review.periodLabel,
          managerName: actor.name,
          ...checked.content,
        }),
      });
      const progress = refreshNudge(tx, slot, settings);
      refreshOpenCases(tx, employee.id, { settings, now });

      const missed = review.results.filter((r) => !r.met).map((r) => ({ key: r.key, name: r.name }));
      const message = buildReviewSubmitted(t, {
        reviewId: review.id,
        employeeId: employee.id,
        employeeName: employee.name,
        period: review.periodLabel,
        missedKpis: missed,
        ...progress,
        // "Create a training plan" / "Schedule a conversation", pre-filled with the missed KPIs.
        followUps: buildBelowTargetFollowUps(
          t,
          employee.id,
          missed.map((k) => k.key),
        ),
      });
      return ok({ confirmation: message.text, followUp: message });
    });
