import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import { fail } from '../result.js';
import { tFor, reply, type ReplyResult } from './review-context.js';
import { canDefineKpis } from './review-access.js';
import { buildDefineKpisForm } from '../../ui/screens/review/kpi-form.js';
import { formatKpiLines } from '../../domain/review.js';

/** The define/change-KPIs form of a job, pre-filled with its current set. */
export const makeOpenKpiForm =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; jobId: string }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, deps.settings);
      const job = tx.org.jobWithKpis(input.jobId);
      if (!job) return fail('NOT_FOUND', t('common.notFound'));
      if (!canDefineKpis(tx, actor, job.id)) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      return reply({
        kind: 'form',
        form: buildDefineKpisForm(t, { jobId: job.id, jobTitle: job.title, initial: formatKpiLines(job.kpis) }),
      });
    });
