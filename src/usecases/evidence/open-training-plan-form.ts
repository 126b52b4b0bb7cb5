/**
 * `/training @person` and a below-target review's "Create a training plan" button: open the
 * training-plan form, pre-selecting the KPIs missed in the person's latest review.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { Form, Option } from '../../ui/model.js';
import type { ReadTx } from '../../ports/store.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildTrainingForm } from '../../ui/screens/evidence/training.js';
import { missedKpiKeys } from '../../domain/review.js';
import { may } from '../shared/access.js';
import { noKpisYet } from './no-kpis-yet.js';
import { tFor, zoneOf } from '../shared/people.js';
import { personOptions } from './person-options.js';

function trainerOptions(tx: ReadTx, subject: Person, actor: Person): Option[] {
  return personOptions(tx, subject, actor, tx.org.activePeople({ department: subject.department }));
}

/** KPIs missed in the latest review, if it was against the job's current KPI set. */
function missedKpis(tx: ReadTx, subject: Person, kpiVersion: number): string[] {
  const latest = tx.reviews.reviewsOf(subject.id)[0];
  if (!latest || latest.jobId !== subject.jobId || latest.kpiVersion !== kpiVersion) return [];
  return missedKpiKeys(latest.results);
}

export interface OpenTrainingPlanFormInput {
  actorId: string;
  personId: string | undefined;
  /** Pre-filled KPI keys (from a review's "Create a training plan" button). Untrusted. */
  kpiKeys?: string[];
}

export const makeOpenTrainingPlanForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenTrainingPlanFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (!input.personId) return fail('INVALID_INPUT', t('ev.err.mention'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'training_plan'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const job = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!job || !job.kpis.length) return noKpisYet(tx, t, actor, subject, job);
      const wanted = input.kpiKeys?.length ? input.kpiKeys : missedKpis(tx, subject, job.kpiVersion);
      return ok(
        buildTrainingForm(t, {
          personId: subject.id,
          personName: subject.name,
          jobTitle: job.title,
          kpis: job.kpis,
          preselected: wanted.filter((k) => job.kpis.some((x) => x.key === k)),
          trainers: trainerOptions(tx, subject, actor),
          zone: zoneOf(subject, settings),
        }),
      );
    });
