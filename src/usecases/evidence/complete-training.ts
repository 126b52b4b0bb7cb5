/**
 * The manager chain or HR marks a training plan completed. That makes a reassessment due: the
 * plan's owner (the direct manager, else its author) gets a DM with a Record the reassessment
 * button, and the "training finished" DM they got when the last session ended is rewritten in
 * place to say who completed it.
 */
import { ok, fail, type Result } from '../result.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { nextStep } from '../../ui/screens/next-steps.js';
import { buildPlanEndedPrompt } from '../../ui/screens/evidence/plan-completion.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may } from '../shared/access.js';
import { localeOf, tFor, todayFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { planView } from './evidence-messages.js';
import { planOwner } from './plan-owner.js';
import { literal } from '../../ui/markup.js';
import { dateIn } from '../../domain/dates.js';
import { timeIn } from '../../ui/screens/evidence/training.js';

export interface CompleteTrainingInput {
  actorId: string;
  planId: number;
}

export const makeCompleteTraining =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: CompleteTrainingInput): Result<{ plan: TrainingPlan; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const plan = tx.evidence.plan(input.planId);
      const employee = plan ? tx.org.person(plan.personId) : null;
      if (!plan || !employee) return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, actor, employee.id, 'create', 'training_plan'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (plan.status === 'completed') {
        // Already done: say what comes next, and offer it while it is still to do.
        const reassessable =
          tx.evidence.reassessmentForPlan(plan.id) === null && may(tx, actor, employee.id, 'create', 'review');
        return reassessable
          ? fail('CONFLICT', t('ev.err.planDoneNext'), { actions: [nextStep.recordReassessment(t, plan.id)] })
          : fail('CONFLICT', t('ev.err.planDone'), { actions: [nextStep.viewRecord(t, employee)] });
      }
      // Nothing in the future counts: a plan is complete only once its last session has ended.
      const lastEnd = Math.max(0, ...plan.sessions.map((x) => x.endsAt));
      if (clock.now() < lastEnd)
        return fail(
          'CONFLICT',
          t('ev.terms.notEnded', {
            when: `${dateIn(lastEnd, zoneOf(actor, settings))} ${timeIn(lastEnd, zoneOf(actor, settings))}`,
          }),
        );
      tx.evidence.completePlan(plan.id);
      tx.audit.record({
        actorId: actor.id,
        action: 'training.complete',
        subjectType: 'training_plan',
        subjectId: plan.id,
        detail: { personId: employee.id },
      });

      const owner = planOwner(tx, plan, employee);
      if (owner) {
        const to = tFor(owner, settings);
        const text = to('ev.training.reassessDue', { name: literal(employee.name), goal: literal(plan.goal) });
        tx.outbox.post({
          key: outboxKeys.reassessmentDue(plan.id),
          to: { person: owner.id },
          message: {
            text,
            blocks: [
              { type: 'text', text },
              { type: 'actions', buttons: [nextStep.recordReassessment(to, plan.id)] },
            ],
          },
        });
        // The "training finished" prompt, if it was sent, now says who completed the plan.
        const completed = tx.evidence.plan(plan.id)!;
        tx.outbox.update(
          outboxKeys.planEnded(plan.id),
          buildPlanEndedPrompt(to, planView(tx, settings, completed, zoneOf(owner, settings)), {
            state: 'completed',
            by: actor.name,
            date: todayFor(owner, settings, clock.now()),
            reassessed: false,
          }),
          localeOf(owner, settings),
        );
      }
      refreshOpenCases(tx, employee.id, { settings, now: clock.now() });
      return ok({ plan: tx.evidence.plan(plan.id)!, confirmation: t('ev.training.completed') });
    });
