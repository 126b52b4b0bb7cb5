import { fail, type Failure } from '../result.js';
import type { ReadTx } from '../../ports/store.js';
import type { Job, Person } from '../../ports/records.js';
import type { T } from '../../ui/i18n/index.js';
import { nextStep } from '../../ui/screens/next-steps.js';
import { canDefineKpis } from '../review/review-access.js';

/**
 * The refusal of a training plan for someone whose job has no KPIs yet: it names the job and offers
 * Define the KPIs to whoever may (HR, or the manager of one of the job's holders). Without a job
 * at all, only HR's import can help, which the message says.
 */
export function noKpisYet(tx: ReadTx, t: T, actor: Person, subject: Person, job: Job | null): Failure {
  if (!job) return fail('INVALID_INPUT', t('review.open.noJob', { name: subject.name }));
  return fail('INVALID_INPUT', t('ev.err.noJobDefine', { name: subject.name, job: job.title }), {
    ...(canDefineKpis(tx, actor, job.id) ? { actions: [nextStep.defineKpis(t, job.id)] } : {}),
  });
}
