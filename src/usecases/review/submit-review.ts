import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import type { FormValues } from '../../ui/model.js';
import { fail } from '../result.js';
import { tFor, localeOf, reply, refreshNudge, employeeReviewKey, type ReplyResult } from './review-context.js';
import { canWriteReview, parseId } from './review-access.js';
import { reviewFieldErrors } from './review-errors.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { validateReview } from '../../domain/review.js';
import { buildEmployeeReview } from '../../ui/screens/review/employee-review.js';
import { buildReviewSubmitted } from '../../ui/screens/review/confirmation.js';
import { buildBelowTargetFollowUps } from '../../ui/screens/evidence/follow-ups.js';

export interface SubmitReviewInput {
  actorId: string;
  /** The form's state: the slot id (untrusted). */
  state: string;
  values: FormValues;
}

/**
 * Stores a review: authorize (the employee's current manager, who owns the slot), refuse a second
 * submission, validate against the job's current KPIs, then in one transaction write the review with
 * its KPI results (definitions copied), close the slot, audit, DM the employee, and update the
 * manager's nudge to show progress.
 */
export const makeSubmitReview =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: SubmitReviewInput): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
      const now = deps.clock.now();
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const slotId = parseId(input.state);
      const slot = slotId ? tx.reviews.slot(slotId) : null;
      if (!slot) return fail('NOT_FOUND', t('common.notFound'));
      const employee = tx.org.person(slot.employeeId);
      if (!canWriteReview(actor, slot, employee) || !actor || !employee)
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (slot.status !== 'pending') return fail('CONFLICT', t('review.conflict.submitted'));
      const job = employee.jobId ? tx.org.jobWithKpis(employee.jobId) : null;
      if (!job || job.kpiVersion === 0) return fail('CONFLICT', t('review.open.noJob', { name: employee.name }));

      const checked = validateReview(job.kpis, input.values);
      if (!checked.ok)
        return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: reviewFieldErrors(t, checked.errors) });
      const cycle = tx.reviews.cycle(slot.cycleId)!;

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
        },
      });

      const te = tFor(employee, settings);
      tx.outbox.post({
        key: employeeReviewKey(review.id),
        to: { person: employee.id },
        locale: localeOf(employee, settings),
        message: buildEmployeeReview(te, {
          reviewId: review.id,
          period: review.periodLabel,
          managerName: actor.name,
          ...checked.content,
        }),
      });
      const progress = refreshNudge(tx, slot.cycleId, actor.id, settings);
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
      return reply({ kind: 'ok', toast: message.text, message });
    });
