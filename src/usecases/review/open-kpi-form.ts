import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { fail, ok, type Result } from '../result.js';
import { tFor } from '../shared/people.js';
import { canDefineKpis } from './review-access.js';
import { buildDefineKpisForm } from '../../ui/screens/review/kpi-form.js';
import { formatKpiLines } from '../../domain/review.js';

export interface OpenKpiFormInput {
  actorId: string;
  jobId: string;
}

/** The define/change-KPIs form of a job, pre-filled with its current set. */
export const makeOpenKpiForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenKpiFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const job = tx.org.jobWithKpis(input.jobId);
      if (!job) return fail('NOT_FOUND', t('common.notFound'));
      if (!canDefineKpis(tx, actor, job.id)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      return ok(buildDefineKpisForm(t, { jobId: job.id, jobTitle: job.title, initial: formatKpiLines(job.kpis) }));
    });
