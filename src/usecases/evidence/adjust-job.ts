/**
 * 调岗: HR or the manager chain saves a job adjustment. The reason must name the performance gap
 * (src/domain/evidence-rules.ts). The employee gets a notice to acknowledge. On the effective date
 * the person's job changes (apply-job-adjustment.ts; at once if the date is today), so later
 * reviews use the new job's KPIs.
 */
import { ok, fail, type Result } from '../result.js';
import type { JobAdjustment } from '../../ports/repos/evidence.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { textValue, listValue } from '../../ui/form-values.js';
import { namesPerformanceGap } from '../../domain/evidence-rules.js';
import { dateError } from '../shared/date-errors.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { applyJobAdjustment } from './apply-job-adjustment.js';
import { may } from '../shared/access.js';
import { tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { adjustmentMessage } from './evidence-messages.js';
import { textFieldErrors } from '../shared/text-errors.js';

export interface AdjustJobInput {
  actorId: string;
  /** The form's state: the subject's person id. Untrusted. */
  personId: string;
  values: FormValues;
}

export const makeAdjustJob =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AdjustJobInput): Result<{ adjustment: JobAdjustment; applied: boolean; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'job_adjustment'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const from = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!from) return fail('INVALID_INPUT', t('ev.err.noJob', { name: subject.name }));

      const v = input.values;
      const errors: Record<string, string> = {};
      const toJobId = textValue(v, 'to_job');
      if (!toJobId) errors.to_job = t('common.required');
      else if (toJobId === from.id) errors.to_job = t('ev.err.sameJob');
      else if (!tx.org.job(toJobId)) errors.to_job = t('ev.err.unknownJob');
      const kpiKeys = listValue(v, 'kpis');
      if (kpiKeys.some((k) => !from.kpis.some((x) => x.key === k))) errors.kpis = t('ev.err.unknownKpi');
      const reason = textValue(v, 'reason');
      if (!namesPerformanceGap(kpiKeys, reason)) errors.reason = t('ev.err.gap');
      // No answer (an older client) records `other`: such a change never counts as the Art. 40(2) remedy.
      const basis = (textValue(v, 'basis') || 'other') as JobAdjustment['basis'];
      if (!['performance', 'restructuring', 'other'].includes(basis)) errors.basis = t('common.required');
      // A change because of the gap names the KPIs it answers: the gate counts nothing less.
      else if (basis === 'performance' && !kpiKeys.length) errors.kpis = t('ev.terms.basisNeedsKpis');
      const today = todayFor(subject, settings, clock.now());
      const effectiveOn = textValue(v, 'effective_on');
      const dateProblem = dateError(t, 'jobAdjustmentEffective', effectiveOn, today);
      if (dateProblem) errors.effective_on = dateProblem;
      Object.assign(errors, textFieldErrors(t, v, { reason: 'long' }));
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });

      const adjustment = tx.evidence.insertJobAdjustment({
        personId: subject.id,
        fromJobId: from.id,
        toJobId,
        reason,
        basis,
        kpiKeys,
        effectiveOn,
        createdBy: actor.id,
      });
      tx.audit.record({
        actorId: actor.id,
        action: 'job_adjustment.create',
        subjectType: 'job_adjustment',
        subjectId: adjustment.id,
        detail: { personId: subject.id, fromJobId: from.id, toJobId, effectiveOn, kpiKeys, basis },
        text: { reason },
      });
      tx.outbox.post({
        key: outboxKeys.jobAdjustment(adjustment.id),
        to: { person: subject.id },
        message: adjustmentMessage(tx, settings, adjustment),
      });
      const applied = effectiveOn <= today && applyJobAdjustment(tx, settings, adjustment, actor.id);
      refreshOpenCases(tx, subject.id, { settings, now: clock.now() });
      return ok({
        adjustment: tx.evidence.jobAdjustment(adjustment.id)!,
        applied,
        confirmation: t('ev.adjust.saved', { name: subject.name }),
      });
    });
