/**
 * 调岗: `/dandang adjust @person <job-id>` opens the form; HR or the manager chain saves it. The
 * reason must name the performance gap (src/domain/evidence-rules.ts). The employee gets a notice to
 * acknowledge. On the effective date the person's job changes (apply-job-adjustments.ts; at once if
 * the date is today), so later reviews use the new job's KPIs.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { JobAdjustment } from '../../ports/repos/evidence.js';
import type { Form, FormValues } from '../../ui/model.js';
import type { Tx } from '../../ports/store.js';
import { buildJobAdjustmentForm } from '../../ui/screens/evidence/adjust.js';
import { namesPerformanceGap } from '../../domain/evidence-rules.js';
import { missedKpiKeys } from '../../domain/review.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { adjustmentKey, adjustmentMessage } from './evidence-messages.js';
import { applyJobAdjustment } from '../schedule/apply-job-adjustments.js';
import { may, tFor, todayFor, isDate, str, list, type EvidenceDeps } from './evidence-support.js';

function missedOf(tx: Tx, p: Person): string[] {
  const latest = tx.reviews.reviewsOf(p.id)[0];
  return latest && latest.jobId === p.jobId ? missedKpiKeys(latest.results) : [];
}

export const makeOpenJobAdjustmentForm =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; personId: string | undefined; toJobId?: string }): Result<Form> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      if (!input.personId) return fail('INVALID_INPUT', t('ev.adjust.usage'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, input.actor, subject.id, 'create', 'job_adjustment'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const from = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!from) return fail('INVALID_INPUT', t('ev.err.noJob', { name: subject.name }));
      const jobs = tx.org.allJobs().filter((j) => j.id !== from.id);
      // A select shows at most 100 options; the job named in the command is always among them.
      const options = [...jobs.filter((j) => j.id === input.toJobId), ...jobs.filter((j) => j.id !== input.toJobId)]
        .slice(0, 100)
        .map((j) => ({ value: j.id, label: `${j.title} (${j.id})` }));
      return ok(
        buildJobAdjustmentForm(t, {
          personId: subject.id,
          personName: subject.name,
          fromJobTitle: from.title,
          jobs: options,
          toJobId: jobs.some((j) => j.id === input.toJobId) ? input.toJobId : undefined,
          kpis: from.kpis,
          preselected: missedOf(tx, subject),
          today: todayFor(subject, settings, clock.now()),
        }),
      );
    });

export const makeAdjustJob =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: {
    actor: Person;
    personId: string;
    values: FormValues;
  }): Result<{ adjustment: JobAdjustment; applied: boolean; confirmation: string }> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, input.actor, subject.id, 'create', 'job_adjustment'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const from = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!from) return fail('INVALID_INPUT', t('ev.err.noJob', { name: subject.name }));

      const v = input.values;
      const errors: Record<string, string> = {};
      const toJobId = str(v, 'to_job');
      if (!toJobId) errors.to_job = t('common.required');
      else if (toJobId === from.id) errors.to_job = t('ev.err.sameJob');
      else if (!tx.org.job(toJobId)) errors.to_job = t('ev.err.unknownJob');
      const kpiKeys = list(v, 'kpis');
      if (kpiKeys.some((k) => !from.kpis.some((x) => x.key === k))) errors.kpis = t('ev.err.unknownKpi');
      const reason = str(v, 'reason');
      if (!namesPerformanceGap(kpiKeys, reason)) errors.reason = t('ev.err.gap');
      const today = todayFor(subject, settings, clock.now());
      const effectiveOn = str(v, 'effective_on');
      if (!isDate(effectiveOn)) errors.effective_on = t('ev.err.date');
      else if (effectiveOn < today) errors.effective_on = t('ev.err.past');
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });

      const adjustment = tx.evidence.insertJobAdjustment({
        personId: subject.id,
        fromJobId: from.id,
        toJobId,
        reason,
        kpiKeys,
        effectiveOn,
        createdBy: input.actor.id,
      });
      tx.audit.record({
        actorId: input.actor.id,
        action: 'job_adjustment.create',
        subjectType: 'job_adjustment',
        subjectId: adjustment.id,
        detail: { personId: subject.id, fromJobId: from.id, toJobId, effectiveOn, kpiKeys, reason },
      });
      tx.outbox.post({
        key: adjustmentKey(adjustment.id),
        to: { person: subject.id },
        message: adjustmentMessage(tx, settings, adjustment),
      });
      const applied = effectiveOn <= today && applyJobAdjustment(tx, settings, adjustment, input.actor.id);
      refreshOpenCases(tx, subject.id, { settings, now: clock.now() });
      return ok({
        adjustment: tx.evidence.jobAdjustment(adjustment.id)!,
        applied,
        confirmation: t('ev.adjust.saved', { name: subject.name }),
      });
    });
