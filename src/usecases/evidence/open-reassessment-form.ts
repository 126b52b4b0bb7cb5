/** The Record reassessment button of a completed training plan: opens the review form for it. */
import { ok, fail, type Result } from '../result.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildReassessmentForm } from '../../ui/screens/evidence/training.js';
import { tFor, zoneOf } from '../shared/people.js';
import { reassessablePlan } from './reassessable-plan.js';

export interface OpenReassessmentFormInput {
  actorId: string;
  planId: number;
}

export const makeOpenReassessmentForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenReassessmentFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const l = reassessablePlan(tx, t, actor, input.planId, { now: clock.now(), zone: zoneOf(actor, settings) });
      if ('ok' in l) return l;
      return ok(buildReassessmentForm(t, { plan: l.plan, jobTitle: l.job.title, kpis: l.job.kpis }));
    });
