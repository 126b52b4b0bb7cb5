/**
 * The review loop's commands, buttons and forms: each handler parses the untrusted ids of the
 * neutral event, calls one use case, and maps its result to a Reply with `./reply.ts`. No rules
 * here; the use cases authorize from the db.
 */
import type { UseCaseDeps, FeatureHandlers } from './types.js';
import { ACTIONS, FORMS } from '../ui/actions.js';
import { decodeKpiFormState } from '../ui/screens/review/kpi-form.js';
import { parseKpiSubjectId } from '../domain/kpi.js';
import { formReply, messageReply, nextFormReply, notFoundReply, parseId, toastReply } from './reply.js';
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
import { makeCompleteOpeningCycles } from '../usecases/schedule/open-cycles-in-chunks.js';
import { makeOpenDisputeReplyForm } from '../usecases/review/open-dispute-reply-form.js';
import { makeReplyToDispute } from '../usecases/review/reply-to-dispute.js';

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
  const completeOpening = makeCompleteOpeningCycles(deps);
  const openDisputeReplyForm = makeOpenDisputeReplyForm(deps);
  const replyToDispute = makeReplyToDispute(deps);

  return {
    commands: {
      review: {
        // `/review` → next pending form; `/review @user` → that report's form.
        '': (ev) =>
          formReply(
            openReviewForm({
              actorId: ev.actor.person.id,
              ...(ev.argv.person ? { employeeId: ev.argv.person } : {}),
            }),
          ),
        status: (ev) => messageReply(reviewStatus({ actorId: ev.actor.person.id, all: !!ev.argv.words.all })),
        start: (ev) => {
          const r = startCycle({
            actorId: ev.actor.person.id,
            ...(ev.argv.text ? { department: ev.argv.text } : {}),
          });
          // A large cycle is only claimed in the command: fill it and nudge after the answer, in chunks.
          if (r.ok && r.value.inBackground)
            setImmediate(() =>
              completeOpening().catch((err: unknown) => deps.log?.error({ err }, 'opening a cycle failed')),
            );
          return toastReply(r);
        },
      },
    },
    actions: {
      [ACTIONS.openReviewForm]: (ev) =>
        formReply(openReviewForm({ actorId: ev.actor.person.id, slotId: parseId(ev.value) })),
      [ACTIONS.acknowledgeReview]: (ev) =>
        toastReply(acknowledgeReview({ actorId: ev.actor.person.id, reviewId: parseId(ev.value) })),
      [ACTIONS.disputeReview]: (ev) =>
        formReply(openDisputeForm({ actorId: ev.actor.person.id, reviewId: parseId(ev.value) })),
      [ACTIONS.openKpiForm]: (ev) => formReply(openKpiForm({ actorId: ev.actor.person.id, jobId: ev.value })),
      [ACTIONS.acknowledgeKpis]: (ev) => {
        const subject = parseKpiSubjectId(ev.value);
        if (!subject) return notFoundReply(ev.actor.locale);
        return toastReply(acknowledgeKpis({ actorId: ev.actor.person.id, ...subject }));
      },
      [ACTIONS.replyToDispute]: (ev) =>
        formReply(openDisputeReplyForm({ actorId: ev.actor.person.id, reviewId: parseId(ev.value) })),
      [ACTIONS.amendReview]: (ev) =>
        formReply(openAmendForm({ actorId: ev.actor.person.id, reviewId: parseId(ev.value) })),
    },
    forms: {
      [FORMS.review]: (ev) =>
        toastReply(submitReview({ actorId: ev.actor.person.id, slotId: parseId(ev.state), values: ev.values })),
      [FORMS.defineKpis]: (ev) => {
        const state = decodeKpiFormState(ev.state);
        if (!state) return notFoundReply(ev.actor.locale);
        return nextFormReply(defineKpis({ actorId: ev.actor.person.id, ...state, values: ev.values }));
      },
      [FORMS.disputeReview]: (ev) =>
        toastReply(disputeReview({ actorId: ev.actor.person.id, reviewId: parseId(ev.state), values: ev.values })),
      [FORMS.disputeReply]: (ev) =>
        toastReply(replyToDispute({ actorId: ev.actor.person.id, reviewId: parseId(ev.state), values: ev.values })),
      [FORMS.amendReview]: (ev) =>
        toastReply(amendReview({ actorId: ev.actor.person.id, reviewId: parseId(ev.state), values: ev.values })),
    },
  };
}
