/**
 * 调岗: `/dandang adjust @person <job-id>` opens the job-adjustment form, with the named job
 * selected and the KPIs missed in the person's latest review pre-selected as the reason.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { Form } from '../../ui/model.js';
import type { ReadTx } from '../../ports/store.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildJobAdjustmentForm } from '../../ui/screens/evidence/adjust.js';
import { missedKpiKeys } from '../../domain/review.js';
import { may } from '../shared/access.js';
import { tFor, todayFor } from '../shared/people.js';
import { literal } from '../../ui/markup.js';

/** The KPIs missed in the latest review against the current job: the gap an adjustment answers. */
function missedOf(tx: ReadTx, p: Person): string[] {
  const latest = tx.reviews.reviewsOf(p.id)[0];
  return latest && latest.jobId === p.jobId ? missedKpiKeys(latest.results) : [];
}

export interface OpenJobAdjustmentFormInput {
  actorId: string;
  personId: string | undefined;
  /** The job named in the command. Untrusted: offered only if it exists. */
  toJobId?: string;
}

/** Jobs listed in the form; more are reached by naming the job in the command. */
export const JOB_CHOICES = 100;

export const makeOpenJobAdjustmentForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenJobAdjustmentFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (!input.personId) return fail('INVALID_INPUT', t('ev.adjust.usage'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'job_adjustment'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const from = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!from) return fail('INVALID_INPUT', t('ev.err.noJob', { name: subject.name }));
      // A job named in the command must exist and differ from the current one: never ignored silently.
      if (input.toJobId !== undefined) {
        const job = literal(input.toJobId);
        if (input.toJobId === from.id)
          return fail('INVALID_INPUT', t('ev.adjust.sameJob', { name: literal(subject.name), job }));
        if (!tx.org.job(input.toJobId)) return fail('INVALID_INPUT', t('ev.adjust.unknownJob', { job }));
      }
      const jobs = tx.org.allJobs().filter((j) => j.id !== from.id);
      // The form lists JOB_CHOICES jobs (a card holds only so many options); the job named in the
      // command is always among them, and the form says how to name one it does not list.
      const options = [...jobs.filter((j) => j.id === input.toJobId), ...jobs.filter((j) => j.id !== input.toJobId)]
        .slice(0, JOB_CHOICES)
        .map((j) => ({ value: j.id, label: `${j.title} (${j.id})` }));
      return ok(
        buildJobAdjustmentForm(t, {
          personId: subject.id,
          personName: subject.name,
          fromJobTitle: from.title,
          jobs: options,
          unlistedJobs: jobs.length - options.length,
          toJobId: jobs.some((j) => j.id === input.toJobId) ? input.toJobId : undefined,
          kpis: from.kpis,
          preselected: missedOf(tx, subject),
          today: todayFor(subject, settings, clock.now()),
        }),
      );
    });
