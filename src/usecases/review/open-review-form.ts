import type { UseCaseDeps } from '../../ports/deps.js';
import type { ReviewSlot } from '../../ports/repos/reviews.js';
import type { ReadTx } from '../../ports/store.js';
import type { Kpi } from '../../domain/kpi.js';
import type { Form } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localTimeFor, tFor, zoneOf } from '../shared/people.js';
import { formFeedFigures } from './feed-figures.js';
import { canWriteReview, canDefineKpis, canAmendReview } from './review-access.js';
import { nextStep } from '../../ui/screens/next-steps.js';
import { buildReviewForm } from '../../ui/screens/review/review-form.js';
import { buildDefineKpisForm } from '../../ui/screens/review/kpi-form.js';

/** Figures shown beside each KPI's input: the last few reviews', oldest first. */
const HISTORY = 4;

/** Each KPI's figures in the employee's latest reviews (by key, any KPI version), oldest first. */
function kpiHistory(tx: ReadTx, employeeId: string, kpis: Kpi[]): Record<string, number[]> {
  const recent = tx.reviews.reviewsOf(employeeId);
  return Object.fromEntries(
    kpis.map((k) => [
      k.key,
      recent
        .flatMap((r) => r.results.filter((x) => x.key === k.key).map((x) => x.actual))
        .slice(0, HISTORY)
        .reverse(),
    ]),
  );
}

export interface OpenReviewFormInput {
  actorId: string;
  /** From the nudge button. */
  slotId?: number;
  /** From `/review @user`. */
  employeeId?: string;
}

/**
 * Opens the review form of one slot: the one on the button, the pending one of the mentioned
 * report, or the manager's next pending one. With nothing pending for the mentioned report, their
 * latest review is offered for amendment (Amend), as a submitted slot's is. A report whose job has no KPIs yet gets the
 * define-KPIs form first (its state carries the slot, so saving continues to the review). Each KPI's
 * input shows its last 4 figures with the trend, and the figure a data feed sent for the period,
 * pre-filled and marked with its source (docs/kpi-feeds.md).
 */
export const makeOpenReviewForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenReviewFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      let slot: ReviewSlot | null = null;
      if (input.slotId !== undefined) {
        slot = tx.reviews.slot(input.slotId);
        if (!slot) return fail('NOT_FOUND', t('common.notFound'));
      } else if (input.employeeId !== undefined) {
        const employee = tx.org.person(input.employeeId);
        if (!employee) return fail('NOT_FOUND', t('common.unknownPerson'));
        if (employee.managerId !== actor.id)
          return fail('NOT_AUTHORIZED', t('review.open.notYourReport', { name: employee.name }));
        slot = tx.reviews.pendingSlotsOf(actor.id).find((s) => s.employeeId === employee.id) ?? null;
        if (!slot) {
          // Nothing to write: their latest review can still be amended (e.g. after a dispute).
          const latest = tx.reviews.reviewsOf(employee.id)[0];
          return latest && canAmendReview(actor, latest, employee)
            ? fail('NOT_FOUND', t('review.open.noneForAmend', { name: employee.name, period: latest.periodLabel }), {
                actions: [nextStep.amendReview(t, latest.id)],
              })
            : fail('NOT_FOUND', t('review.open.noneFor', { name: employee.name }));
        }
      } else {
        slot =
          tx.reviews.pendingSlotsOf(actor.id).find((s) => tx.org.person(s.employeeId)?.managerId === actor.id) ?? null;
        if (!slot) return fail('NOT_FOUND', t('review.open.none'));
      }

      const employee = tx.org.person(slot.employeeId);
      if (!canWriteReview(actor, slot, employee) || !employee) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (slot.status !== 'pending') {
        const review = tx.reviews.reviewBySlot(slot.id);
        return fail('CONFLICT', t('review.conflict.submitted'), {
          ...(review && canAmendReview(actor, review, employee)
            ? { actions: [nextStep.amendReview(t, review.id)] }
            : {}),
        });
      }
      const job = employee.jobId ? tx.org.jobWithKpis(employee.jobId) : null;
      if (!job) return fail('NOT_FOUND', t('review.open.noJob', { name: employee.name }));
      const cycle = tx.reviews.cycle(slot.cycleId)!;

      if (job.kpiVersion === 0 || job.kpis.length === 0) {
        if (!canDefineKpis(tx, actor, job.id)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
        return ok(
          buildDefineKpisForm(t, { jobId: job.id, jobTitle: job.title, slotId: slot.id, employeeName: employee.name }),
        );
      }
      const imported = formFeedFigures(tx, employee.id, cycle.label, zoneOf(actor, settings));
      return ok(
        buildReviewForm(t, {
          slotId: slot.id,
          imported,
          employeeName: employee.name,
          jobTitle: job.title,
          period: cycle.label,
          due: localTimeFor(actor, settings, slot.dueAt),
          kpis: job.kpis,
          history: kpiHistory(tx, employee.id, job.kpis),
        }),
      );
    });
