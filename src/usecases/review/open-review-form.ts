import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import type { ReviewSlot } from '../../ports/repos/reviews.js';
import { fail } from '../result.js';
import { tFor, dueText, reply, type ReplyResult } from './review-context.js';
import { canWriteReview, canDefineKpis, parseId } from './review-access.js';
import { buildReviewForm } from '../../ui/screens/review/review-form.js';
import { buildDefineKpisForm } from '../../ui/screens/review/kpi-form.js';

export interface OpenReviewFormInput {
  actorId: string;
  /** From the nudge button (untrusted). */
  slotId?: string;
  /** From `/review @user`. */
  employeeId?: string;
}

/**
 * Opens the review form of one slot: the one on the button, the pending one of the mentioned
 * report, or the manager's next pending one. A report whose job has no KPIs yet gets the
 * define-KPIs form first (its state carries the slot, so saving continues to the review).
 */
export const makeOpenReviewForm =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: OpenReviewFormInput): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      let slot: ReviewSlot | null = null;
      if (input.slotId !== undefined) {
        const id = parseId(input.slotId);
        slot = id ? tx.reviews.slot(id) : null;
        if (!slot) return fail('NOT_FOUND', t('common.notFound'));
      } else if (input.employeeId !== undefined) {
        const employee = tx.org.person(input.employeeId);
        if (!employee) return fail('NOT_FOUND', t('common.unknownPerson'));
        if (employee.managerId !== actor.id)
          return fail('NOT_AUTHORIZED', t('review.open.notYourReport', { name: employee.name }));
        slot = tx.reviews.pendingSlotsOf(actor.id).find((s) => s.employeeId === employee.id) ?? null;
        if (!slot) return fail('NOT_FOUND', t('review.open.noneFor', { name: employee.name }));
      } else {
        slot =
          tx.reviews.pendingSlotsOf(actor.id).find((s) => tx.org.person(s.employeeId)?.managerId === actor.id) ?? null;
        if (!slot) return fail('NOT_FOUND', t('review.open.none'));
      }

      const employee = tx.org.person(slot.employeeId);
      if (!canWriteReview(actor, slot, employee) || !employee) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (slot.status !== 'pending') return fail('CONFLICT', t('review.conflict.submitted'));
      const job = employee.jobId ? tx.org.jobWithKpis(employee.jobId) : null;
      if (!job) return fail('NOT_FOUND', t('review.open.noJob', { name: employee.name }));
      const cycle = tx.reviews.cycle(slot.cycleId)!;

      if (job.kpiVersion === 0 || job.kpis.length === 0) {
        if (!canDefineKpis(tx, actor, job.id)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
        return reply({
          kind: 'form',
          form: buildDefineKpisForm(t, {
            jobId: job.id,
            jobTitle: job.title,
            slotId: slot.id,
            employeeName: employee.name,
          }),
        });
      }
      return reply({
        kind: 'form',
        form: buildReviewForm(t, {
          slotId: slot.id,
          employeeName: employee.name,
          jobTitle: job.title,
          period: cycle.label,
          due: dueText(slot.dueAt, actor, settings),
          kpis: job.kpis,
        }),
      });
    });
