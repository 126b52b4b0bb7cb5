/**
 * The review loop's commands, buttons and forms: each handler maps the neutral event to one use
 * case and its result to a Reply. No rules here; the use cases authorize from the db.
 */
import type { UseCaseDeps, FeatureHandlers } from './types.js';
import type { Reply } from '../ui/model.js';
import type { ReplyResult } from '../usecases/review/review-context.js';
import { ACTIONS, FORMS } from '../ui/actions.js';
import { makeOpenReviewForm } from '../usecases/review/open-review-form.js';
import { makeSubmitReview } from '../usecases/review/submit-review.js';
import { makeAcknowledgeReview } from '../usecases/review/acknowledge-review.js';
import { makeOpenDisputeForm } from '../usecases/review/open-dispute-form.js';
import { makeDisputeReview } from '../usecases/review/dispute-review.js';
import { makeOpenKpiForm } from '../usecases/review/open-kpi-form.js';
import { makeDefineKpis } from '../usecases/review/define-kpis.js';
import { makeAcknowledgeKpis } from '../usecases/review/acknowledge-kpis.js';
import { makeReviewStatus } from '../usecases/review/review-status.js';
import { makeStartCycle } from '../usecases/review/start-cycle.js';
import { makeOpenAmendForm } from '../usecases/review/open-amend-form.js';
import { makeAmendReview } from '../usecases/review/amend-review.js';

/** A failure with field errors goes back into the form; anything else is an error message. */
export function replyOf(r: ReplyResult): Reply {
  if (r.ok) return r.value;
  if (r.fieldErrors && Object.keys(r.fieldErrors).length) return { kind: 'formErrors', errors: r.fieldErrors };
  return { kind: 'error', code: r.code, text: r.message };
}

export function reviewHandlers(deps: UseCaseDeps): FeatureHandlers {
  const openReviewForm = makeOpenReviewForm(deps);
  const submitReview = makeSubmitReview(deps);
  const acknowledgeReview = makeAcknowledgeReview(deps);
  const openDisputeForm = makeOpenDisputeForm(deps);
  const disputeReview = makeDisputeReview(deps);
  const openKpiForm = makeOpenKpiForm(deps);
  const defineKpis = makeDefineKpis(deps);
  const acknowledgeKpis = makeAcknowledgeKpis(deps);
  const reviewStatus = makeReviewStatus(deps);
  const startCycle = makeStartCycle(deps);
  const openAmendForm = makeOpenAmendForm(deps);
  const amendReview = makeAmendReview(deps);

  return {
    commands: {
      review: {
        // `/review` → next pending form; `/review @user` → that report's form.
        '': async (ev) =>
          replyOf(
            await openReviewForm({
              actorId: ev.actor.person.id,
              ...(ev.mentions[0] ? { employeeId: ev.mentions[0] } : {}),
            }),
          ),
        status: async (ev) =>
          replyOf(await reviewStatus({ actorId: ev.actor.person.id, all: ev.args.trim().toLowerCase() === 'all' })),
        start: async (ev) =>
          replyOf(
            await startCycle({
              actorId: ev.actor.person.id,
              ...(ev.args.trim() ? { department: ev.args.trim() } : {}),
            }),
          ),
      },
    },
    actions: {
      [ACTIONS.openReviewForm]: async (ev) =>
        replyOf(await openReviewForm({ actorId: ev.actor.person.id, slotId: ev.value })),
      [ACTIONS.acknowledgeReview]: async (ev) =>
        replyOf(await acknowledgeReview({ actorId: ev.actor.person.id, reviewId: ev.value })),
      [ACTIONS.disputeReview]: async (ev) =>
        replyOf(await openDisputeForm({ actorId: ev.actor.person.id, reviewId: ev.value })),
      [ACTIONS.openKpiForm]: async (ev) => replyOf(await openKpiForm({ actorId: ev.actor.person.id, jobId: ev.value })),
      [ACTIONS.acknowledgeKpis]: async (ev) =>
        replyOf(await acknowledgeKpis({ actorId: ev.actor.person.id, value: ev.value })),
      [ACTIONS.amendReview]: async (ev) =>
        replyOf(await openAmendForm({ actorId: ev.actor.person.id, reviewId: ev.value })),
    },
    forms: {
      [FORMS.review]: async (ev) =>
        replyOf(await submitReview({ actorId: ev.actor.person.id, state: ev.state, values: ev.values })),
      [FORMS.defineKpis]: async (ev) =>
        replyOf(await defineKpis({ actorId: ev.actor.person.id, state: ev.state, values: ev.values })),
      [FORMS.disputeReview]: async (ev) =>
        replyOf(await disputeReview({ actorId: ev.actor.person.id, state: ev.state, values: ev.values })),
      [FORMS.amendReview]: async (ev) =>
        replyOf(await amendReview({ actorId: ev.actor.person.id, reviewId: ev.state, values: ev.values })),
    },
  };
}
