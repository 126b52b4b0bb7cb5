import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form, FormValues, Message } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { localTimeFor, tFor, zoneOf } from '../shared/people.js';
import { formFeedFigures } from './feed-figures.js';
import { canDefineKpis, canWriteReview } from './review-access.js';
import { notifyKpiChange } from '../org/notify-kpi-change.js';
import { parseKpiLines, type KpiLineError } from '../../domain/review.js';
import { verbatimText } from '../../ui/form-values.js';
import { KPI_LINES_INPUT } from '../../ui/screens/review/kpi-form.js';
import { buildReviewForm } from '../../ui/screens/review/review-form.js';
import { literal } from '../../ui/markup.js';
import { textError } from '../shared/text-errors.js';
import { MAX_KPIS_PER_JOB, TEXT_LIMITS } from '../../domain/text.js';

export interface DefineKpisInput {
  actorId: string;
  jobId: string;
  /** The review slot the form was opened on the way to, if any. */
  slotId?: number;
  values: FormValues;
}

/** The review form that needed these KPIs, or what was saved. */
export type DefineKpisOutcome = { next: Form } | { confirmation: string; followUp: Message };

/**
 * Writes a job's KPIs from the define-KPIs form as a new version and asks every holder to
 * acknowledge it. If the form was opened on the way to a review, the answer is that review form.
 */
/** The limit a KPI line broke, for the message (src/domain/text.ts). */
const KPI_LIMITS: Partial<Record<KpiLineError, number>> = {
  nameTooLong: TEXT_LIMITS.name,
  unitTooLong: TEXT_LIMITS.unit,
  tooMany: MAX_KPIS_PER_JOB,
};

export const makeDefineKpis =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: DefineKpisInput): Result<DefineKpisOutcome> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const job = tx.org.job(input.jobId);
      if (!job) return fail('NOT_FOUND', t('common.notFound'));
      if (!canDefineKpis(tx, actor, job.id) || !actor) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const typed = verbatimText(input.values, KPI_LINES_INPUT);
      const tooLong = textError(t, typed, 'long');
      if (tooLong)
        return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: { [KPI_LINES_INPUT]: tooLong } });
      const parsed = parseKpiLines(typed);
      if (!parsed.ok) {
        const text = parsed.errors
          .map((e) => t(`kpi.error.${e.error}`, { line: e.line, max: KPI_LIMITS[e.error] ?? '' }))
          .join('\n');
        return fail('INVALID_INPUT', text, { fieldErrors: { [KPI_LINES_INPUT]: text }, detail: parsed.errors });
      }
      // The lines carry no source: a KPI fed by a data feed stays fed when the set is edited in chat.
      const fed = new Set(
        (tx.org.jobWithKpis(job.id)?.kpis ?? []).filter((k) => k.source === 'feed').map((k) => k.key),
      );
      const next = parsed.kpis.map((k) => (fed.has(k.key) ? { ...k, source: 'feed' as const } : k));
      const version = tx.org.replaceKpis(job.id, next);
      const asked =
        version === null ? 0 : notifyKpiChange(tx, job.id, version, { settings, now: clock.now(), actorId: actor.id });
      const summary =
        version === null
          ? t('kpi.unchanged', { job: literal(job.title) })
          : t('kpi.saved', { job: literal(job.title), version, count: asked });

      // Continue to the review that needed these KPIs, if the actor may still write it.
      const slot = input.slotId !== undefined ? tx.reviews.slot(input.slotId) : null;
      const employee = slot ? tx.org.person(slot.employeeId) : null;
      if (
        slot &&
        employee &&
        slot.status === 'pending' &&
        canWriteReview(actor, slot, employee) &&
        employee.jobId === job.id
      ) {
        const current = tx.org.jobWithKpis(job.id)!;
        const period = tx.reviews.cycle(slot.cycleId)!.label;
        return ok({
          next: buildReviewForm(t, {
            slotId: slot.id,
            imported: formFeedFigures(tx, employee.id, period, zoneOf(actor, settings)),
            employeeName: employee.name,
            jobTitle: current.title,
            period,
            due: localTimeFor(actor, settings, slot.dueAt),
            kpis: current.kpis,
          }),
        });
      }
      return ok({ confirmation: summary, followUp: { text: summary, blocks: [{ type: 'text', text: summary }] } });
    });
