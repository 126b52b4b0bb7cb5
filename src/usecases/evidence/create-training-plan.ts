/**
 * `/training @person`: open the training-plan form (pre-selecting the KPIs missed in the person's
 * latest review) and save the plan. The plan is tied to the job's current KPI version, so the
 * reassessment after it is measured against the same KPIs.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { Form, FormValues, Option } from '../../ui/model.js';
import type { Tx } from '../../ports/store.js';
import { buildTrainingForm, buildTrainerMessage, SESSION_ROWS } from '../../ui/screens/evidence/training.js';
import { missedKpiKeys } from '../../domain/review.js';
import { instantOfWallTime } from '../../domain/zoned-time.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { planKey, planMessage, planView } from './evidence-messages.js';
import {
  personOptions,
  may,
  tFor,
  zoneOf,
  isDate,
  str,
  list,
  parseTime,
  type EvidenceDeps,
} from './evidence-support.js';

function trainerOptions(tx: Tx, subject: Person, actor: Person): Option[] {
  return personOptions(tx, subject, actor, tx.org.activePeople({ department: subject.department }));
}

/** KPIs missed in the latest review, if it was against the job's current KPI set. */
function missedKpis(tx: Tx, subject: Person, kpiVersion: number): string[] {
  const latest = tx.reviews.reviewsOf(subject.id)[0];
  if (!latest || latest.jobId !== subject.jobId || latest.kpiVersion !== kpiVersion) return [];
  return missedKpiKeys(latest.results);
}

export interface OpenTrainingFormInput {
  actor: Person;
  personId: string | undefined;
  /** Pre-filled KPI keys (from a review's "Create a training plan" button). Untrusted. */
  kpiKeys?: string[];
}

export const makeOpenTrainingForm =
  ({ store, settings }: EvidenceDeps) =>
  (input: OpenTrainingFormInput): Result<Form> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      if (!input.personId) return fail('INVALID_INPUT', t('ev.err.mention'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, input.actor, subject.id, 'create', 'training_plan'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const job = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!job || !job.kpis.length) return fail('INVALID_INPUT', t('ev.err.noJob', { name: subject.name }));
      const wanted = input.kpiKeys?.length ? input.kpiKeys : missedKpis(tx, subject, job.kpiVersion);
      return ok(
        buildTrainingForm(t, {
          personId: subject.id,
          personName: subject.name,
          jobTitle: job.title,
          kpis: job.kpis,
          preselected: wanted.filter((k) => job.kpis.some((x) => x.key === k)),
          trainers: trainerOptions(tx, subject, input.actor),
          zone: zoneOf(subject, settings),
        }),
      );
    });

export const makeCreateTrainingPlan =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: {
    actor: Person;
    personId: string;
    values: FormValues;
  }): Result<{ plan: TrainingPlan; confirmation: string }> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, input.actor, subject.id, 'create', 'training_plan'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const job = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!job || !job.kpis.length) return fail('INVALID_INPUT', t('ev.err.noJob', { name: subject.name }));

      const v = input.values;
      const errors: Record<string, string> = {};
      const kpiKeys = list(v, 'kpis');
      if (!kpiKeys.length) errors.kpis = t('common.required');
      else if (kpiKeys.some((k) => !job.kpis.some((x) => x.key === k))) errors.kpis = t('ev.err.unknownKpi');
      const goal = str(v, 'goal');
      if (!goal) errors.goal = t('common.required');
      const content = str(v, 'content');
      if (!content) errors.content = t('common.required');
      const expectedResult = str(v, 'expected');
      if (!expectedResult) errors.expected = t('common.required');
      const trainerId = str(v, 'trainer_person');
      const trainerName = str(v, 'trainer_name');
      const trainer = trainerId ? tx.org.person(trainerId) : null;
      if (trainerId && (!trainer || trainer.id === subject.id)) errors.trainer_person = t('ev.err.trainer');
      else if (!trainerId && !trainerName) errors.trainer_name = t('ev.err.trainer');

      const zone = zoneOf(subject, settings);
      const sessions: { startsAt: number; endsAt: number; location: string }[] = [];
      for (let n = 1; n <= SESSION_ROWS; n++) {
        const [date, start, end, place] = ['date', 'start', 'end', 'place'].map((f) => str(v, `session${n}_${f}`)) as [
          string,
          string,
          string,
          string,
        ];
        if (!date && !start && !end && !place) continue;
        const before = Object.keys(errors).length;
        if (!isDate(date)) errors[`session${n}_date`] = date ? t('ev.err.date') : t('common.required');
        const from = parseTime(start);
        const to = parseTime(end);
        if (!from) errors[`session${n}_start`] = t('ev.err.time');
        if (!to) errors[`session${n}_end`] = t('ev.err.time');
        if (!place) errors[`session${n}_place`] = t('common.required');
        if (Object.keys(errors).length > before || !from || !to) continue;
        const startsAt = instantOfWallTime(date, from, zone);
        const endsAt = instantOfWallTime(date, to, zone);
        if (endsAt <= startsAt) {
          errors[`session${n}_end`] = t('ev.err.endBeforeStart');
          continue;
        }
        sessions.push({ startsAt, endsAt, location: place });
      }
      if (!sessions.length && !Object.keys(errors).some((k) => k.startsWith('session')))
        errors.session1_date = t('ev.err.noSession');
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });

      const plan = tx.evidence.insertPlan(
        {
          personId: subject.id,
          createdBy: input.actor.id,
          jobId: job.id,
          kpiVersion: job.kpiVersion,
          kpiKeys,
          goal,
          content,
          trainer: trainerName || trainer!.name,
          trainerId: trainer?.id ?? null,
          expectedResult,
        },
        sessions,
      );
      tx.audit.record({
        actorId: input.actor.id,
        action: 'training.create',
        subjectType: 'training_plan',
        subjectId: plan.id,
        detail: {
          personId: subject.id,
          jobId: job.id,
          kpiVersion: job.kpiVersion,
          kpiKeys,
          sessions: sessions.length,
          trainerId: plan.trainerId,
        },
      });
      tx.outbox.post({ key: planKey(plan.id), to: { person: subject.id }, message: planMessage(tx, settings, plan) });
      // A trainer outside the chain has no other way in: their DM carries the attendance buttons.
      if (trainer && trainer.id !== input.actor.id) {
        tx.outbox.post({
          key: `training:${plan.id}:trainer`,
          to: { person: trainer.id },
          message: buildTrainerMessage(
            tFor(trainer, settings),
            planView(tx, settings, plan, zoneOf(trainer, settings)),
          ),
        });
      }
      refreshOpenCases(tx, subject.id, { settings, now: clock.now() });
      return ok({ plan, confirmation: t('ev.training.saved', { name: subject.name }) });
    });
