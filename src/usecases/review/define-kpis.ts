import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import type { FormValues } from '../../ui/model.js';
import { fail } from '../result.js';
import { tFor, dueText, reply, type ReplyResult } from './review-context.js';
import { canDefineKpis, canWriteReview } from './review-access.js';
import { notifyKpiChange } from '../org/notify-kpi-change.js';
import { parseKpiLines } from '../../domain/review.js';
import { decodeKpiFormState, KPI_LINES_INPUT } from '../../ui/screens/review/kpi-form.js';
import { buildReviewForm } from '../../ui/screens/review/review-form.js';

/**
 * Writes a job's KPIs from the define-KPIs form as a new version and asks every holder to
 * acknowledge it. If the form was opened on the way to a review, the answer is that review form.
 */
export const makeDefineKpis =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; state: string; values: FormValues }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const { settings } = deps;
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const state = decodeKpiFormState(input.state);
      const job = state ? tx.org.job(state.jobId) : null;
      if (!state || !job) return fail('NOT_FOUND', t('common.notFound'));
      if (!canDefineKpis(tx, actor, job.id) || !actor) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const raw = input.values[KPI_LINES_INPUT];
      const parsed = parseKpiLines(Array.isArray(raw) ? raw.join('\n') : (raw ?? ''));
      if (!parsed.ok) {
        const text = parsed.errors.map((e) => t(`kpi.error.${e.error}`, { line: e.line })).join('\n');
        return fail('INVALID_INPUT', text, { fieldErrors: { [KPI_LINES_INPUT]: text }, detail: parsed.errors });
      }
      const version = tx.org.replaceKpis(job.id, parsed.kpis);
      const asked =
        version === null
          ? 0
          : notifyKpiChange(tx, job.id, version, { settings, now: deps.clock.now(), actorId: actor.id });
      const summary =
        version === null
          ? t('kpi.unchanged', { job: job.title })
          : t('kpi.saved', { job: job.title, version, count: asked });

      // Continue to the review that needed these KPIs, if the actor may still write it.
      const slot = state.slotId !== undefined ? tx.reviews.slot(state.slotId) : null;
      const employee = slot ? tx.org.person(slot.employeeId) : null;
      if (
        slot &&
        employee &&
        slot.status === 'pending' &&
        canWriteReview(actor, slot, employee) &&
        employee.jobId === job.id
      ) {
        const current = tx.org.jobWithKpis(job.id)!;
        return reply({
          kind: 'form',
          form: buildReviewForm(t, {
            slotId: slot.id,
            employeeName: employee.name,
            jobTitle: current.title,
            period: tx.reviews.cycle(slot.cycleId)!.label,
            due: dueText(slot.dueAt, actor, settings),
            kpis: current.kpis,
          }),
        });
      }
      return reply({
        kind: 'ok',
        toast: summary,
        message: { text: summary, blocks: [{ type: 'text', text: summary }] },
      });
    });
