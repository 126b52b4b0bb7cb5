/**
 * The manager chain or HR marks a training plan completed. That makes a reassessment due: the
 * plan's creator (or the direct manager) gets a DM with a Record reassessment button.
 */
import { ok, fail, type Result } from '../result.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { ACTIONS } from '../../ui/actions.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may } from '../shared/access.js';
import { tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

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
      if (plan.status === 'completed') return fail('CONFLICT', t('ev.err.planDone'));
      tx.evidence.completePlan(plan.id);
      tx.audit.record({
        actorId: actor.id,
        action: 'training.complete',
        subjectType: 'training_plan',
        subjectId: plan.id,
        detail: { personId: employee.id },
      });

      // Whoever reviews the person owns the reassessment: the direct manager, else the plan's author.
      const owner = (employee.managerId ? tx.org.person(employee.managerId) : null) ?? tx.org.person(plan.createdBy);
      if (owner) {
        const to = tFor(owner, settings);
        const text = to('ev.training.reassessDue', { name: employee.name, goal: plan.goal });
        tx.outbox.post({
          key: outboxKeys.reassessmentDue(plan.id),
          to: { person: owner.id },
          message: {
            text,
            blocks: [
              { type: 'text', text },
              {
                type: 'actions',
                buttons: [
                  {
                    actionId: ACTIONS.openReassessment,
                    label: to('ev.training.reassessButton'),
                    value: String(plan.id),
                    style: 'primary',
                  },
                ],
              },
            ],
          },
        });
      }
      refreshOpenCases(tx, employee.id, { settings, now: clock.now() });
      return ok({ plan: tx.evidence.plan(plan.id)!, confirmation: t('ev.training.completed') });
    });
