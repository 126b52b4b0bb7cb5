/**
 * The cancel form of a planned conversation (its organizer, or active HR once the organizer has left;
 * the employee cannot: `conversation-organizer.ts`). Both DMs say
 * it is cancelled and lose their buttons, both people get a calendar file with METHOD:CANCEL (their
 * calendar removes the event), the employee gets a notice with the organizer's word if given, and
 * no reminder or note prompt follows. A disputed review it answered shows as unanswered again.
 */
import { ok, fail, type Result } from '../result.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import { textValue } from '../../ui/form-values.js';
import { CANCEL_REASON_INPUT } from '../../ui/screens/evidence/conversation-change.js';
import { tFor } from '../shared/people.js';
import { sendDisputeNotice } from '../shared/dispute-notice.js';
import { textFieldErrors } from '../shared/text-errors.js';
import { conversationView } from './evidence-messages.js';
import { sendConversationChange } from './conversation-messages.js';
import { conversationToChange } from './conversation-organizer.js';

export interface CancelConversationInput {
  actorId: string;
  /** From the form's state. Untrusted. */
  conversationId: number;
  values: FormValues;
}

export const makeCancelConversation =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: CancelConversationInput): Result<{ conversation: PlannedConversation; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const found = conversationToChange(tx, t, actor, input.conversationId, 'cancel');
      if ('ok' in found) return found;
      const errors = textFieldErrors(t, input.values, { [CANCEL_REASON_INPUT]: 'long' });
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });
      const reason = textValue(input.values, CANCEL_REASON_INPUT);

      const conversation = tx.evidence.cancelConversation(found.conversation.id, clock.now());
      tx.audit.record({
        actorId: found.actor.id,
        action: 'conversation.cancel',
        subjectType: 'planned_conversation',
        subjectId: conversation.id,
        detail: {
          personId: conversation.personId,
          sequence: conversation.sequence,
          startsAt: conversation.startsAt,
          reason: reason !== '',
          // HR cancelled it for an organizer who has left: whose conversation it was.
          ...(found.organizerLeft ? { organizerLeft: found.organizerLeft.id } : {}),
        },
      });
      sendConversationChange(tx, settings, conversation, {
        kind: 'cancelled',
        reason,
        byHr: found.organizerLeft ? found.actor.name : null,
      });
      const review = conversation.reviewId !== null ? tx.reviews.review(conversation.reviewId) : null;
      if (review) sendDisputeNotice(tx, review, settings);
      const view = conversationView(tx, settings, conversation, actor);
      const confirmation = found.organizerLeft
        ? t('ev.conv.cancelledForLeaver', {
            organizer: found.organizerLeft.name,
            name: view.employeeName,
            when: view.when,
          })
        : t('ev.conv.cancelled', { name: view.employeeName, when: view.when });
      return ok({ conversation, confirmation });
    });
