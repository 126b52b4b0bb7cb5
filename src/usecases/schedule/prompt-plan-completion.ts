/**
 * Scheduler tick: when a training plan's last session has ended, the person who owns the
 * reassessment (the employee's manager, else the plan's author) gets a DM with **Mark the plan
 * complete** and the attendance so far (key `training:<plan>:ended`), once. Completing the plan
 * rewrites that DM in place. Returns how many prompts were queued.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildPlanEndedPrompt } from '../../ui/screens/evidence/plan-completion.js';
import { planView } from '../evidence/evidence-messages.js';
import { planOwner } from '../evidence/plan-owner.js';
import { localeOf, tFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

export const makePromptPlanCompletion =
  ({ store, clock, settings }: UseCaseDeps) =>
  (): number =>
    store.tx((tx) => {
      const now = clock.now();
      let queued = 0;
      for (const plan of tx.evidence.plansEndedUnprompted(now)) {
        tx.evidence.markPlanCompletionPrompted(plan.id, now);
        const employee = tx.org.person(plan.personId);
        const owner = planOwner(tx, plan, employee);
        if (!employee || !owner?.active) continue;
        const message = buildPlanEndedPrompt(
          tFor(owner, settings),
          planView(tx, settings, plan, zoneOf(owner, settings)),
          { state: 'open' },
        );
        if (
          tx.outbox.post({
            key: outboxKeys.planEnded(plan.id),
            to: { person: owner.id },
            message,
            locale: localeOf(owner, settings),
          })
        )
          queued++;
        tx.audit.record({
          actorId: null,
          action: 'training.completion_prompt',
          subjectType: 'training_plan',
          subjectId: plan.id,
          detail: { personId: employee.id, ownerId: owner.id },
        });
      }
      return queued;
    });
