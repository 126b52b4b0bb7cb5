/**
 * Saves a training plan from the `/training` form. The plan is tied to the job's current KPI
 * version, so the reassessment after it is measured against the same KPIs. The employee gets the
 * plan to acknowledge, and a trainer outside the chain gets the attendance buttons.
 */
import { ok, fail, type Result } from '../result.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildTrainerMessage, SESSION_ROWS } from '../../ui/screens/evidence/training.js';
import { textValue, listValue } from '../../ui/form-values.js';
import { parseTimeOfDay } from '../../domain/dates.js';
import { dateError } from '../shared/date-errors.js';
import { instantOfWallTime } from '../../domain/zoned-time.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may } from '../shared/access.js';
import { noKpisYet } from './no-kpis-yet.js';
import { tFor, todayFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { planMessage, planView } from './evidence-messages.js';
import { sendTrainingIcs } from './training-calendar.js';
import { textFieldErrors } from '../shared/text-errors.js';

export interface CreateTrainingPlanInput {
  actorId: string;
  /** The form's state: the subject's person id. Untrusted. */
  personId: string;
  values: FormValues;
}

export const makeCreateTrainingPlan =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: CreateTrainingPlanInput): Result<{ plan: TrainingPlan; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'training_plan'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const job = subject.jobId ? tx.org.jobWithKpis(subject.jobId) : null;
      if (!job || !job.kpis.length) return noKpisYet(tx, t, actor, subject, job);

      const v = input.values;
      const errors: Record<string, string> = {};
      const kpiKeys = listValue(v, 'kpis');
      if (!kpiKeys.length) errors.kpis = t('common.required');
      else if (kpiKeys.some((k) => !job.kpis.some((x) => x.key === k))) errors.kpis = t('ev.err.unknownKpi');
      const goal = textValue(v, 'goal');
      if (!goal) errors.goal = t('common.required');
      const content = textValue(v, 'content');
      if (!content) errors.content = t('common.required');
      const expectedResult = textValue(v, 'expected');
      if (!expectedResult) errors.expected = t('common.required');
      const trainerId = textValue(v, 'trainer_person');
      const trainerName = textValue(v, 'trainer_name');
      const trainer = trainerId ? tx.org.person(trainerId) : null;
      if (trainerId && (!trainer || trainer.id === subject.id)) errors.trainer_person = t('ev.err.trainer');
      else if (!trainerId && !trainerName) errors.trainer_name = t('ev.err.trainer');

      const zone = zoneOf(subject, settings);
      const sessions: { startsAt: number; endsAt: number; location: string }[] = [];
      for (let n = 1; n <= SESSION_ROWS; n++) {
        const [date, start, end, place] = ['date', 'start', 'end', 'place'].map((f) =>
          textValue(v, `session${n}_${f}`),
        ) as [string, string, string, string];
        if (!date && !start && !end && !place) continue;
        const before = Object.keys(errors).length;
        const dateProblem = date
          ? dateError(t, 'trainingSession', date, todayFor(subject, settings, clock.now()))
          : t('common.required');
        if (dateProblem) errors[`session${n}_date`] = dateProblem;
        const from = parseTimeOfDay(start);
        const to = parseTimeOfDay(end);
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
      Object.assign(
        errors,
        textFieldErrors(t, v, {
          goal: 'line',
          content: 'long',
          expected: 'long',
          trainer_name: 'line',
          ...Object.fromEntries([1, 2, 3].map((n) => [`session${n}_place`, 'line' as const])),
        }),
      );
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });

      const plan = tx.evidence.insertPlan(
        {
          personId: subject.id,
          createdBy: actor.id,
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
        actorId: actor.id,
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
        text: { goal: plan.goal, content: plan.content, expectedResult: plan.expectedResult },
      });
      tx.outbox.post({
        key: outboxKeys.trainingPlan(plan.id),
        to: { person: subject.id },
        message: planMessage(tx, settings, plan),
      });
      // The sessions, for the employee's and the trainer's calendars.
      sendTrainingIcs(tx, settings, plan);
      // A trainer outside the chain has no other way in: their DM carries the attendance buttons.
      if (trainer && trainer.id !== actor.id) {
        tx.outbox.post({
          key: outboxKeys.trainingTrainer(plan.id),
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
