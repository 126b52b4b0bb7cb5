import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { AppSettings } from '../../ports/settings.js';
import { fail } from '../result.js';
import { tFor, reply, type ReplyResult } from './review-context.js';
import { ownReview } from './review-response.js';
import { buildDisputeForm } from '../../ui/screens/review/dispute-form.js';

/** The Dispute button: asks the employee for their comment, if they have not responded yet. */
export const makeOpenDisputeForm =
  (deps: { store: Store; clock: Clock; settings: AppSettings }) =>
  async (input: { actorId: string; reviewId: string }): Promise<ReplyResult> =>
    deps.store.tx((tx) => {
      const t = tFor(tx.org.person(input.actorId), deps.settings);
      const found = ownReview(tx, input.actorId, input.reviewId);
      if (found === 'not_found') return fail('NOT_FOUND', t('common.notFound'));
      if (found === 'not_authorized') return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (tx.acks.find('review', String(found.review.id), found.actor.id))
        return fail('CONFLICT', t('review.ack.already'));
      return reply({
        kind: 'form',
        form: buildDisputeForm(t, { reviewId: found.review.id, period: found.review.periodLabel }),
      });
    });
