/**
 * The reschedule form of a planned conversation (its organizer only): a new date, time, length,
 * place or link. Both DMs show the new time, both people get the calendar file again with the next
 * SEQUENCE (their calendar moves the event), the employee gets a notice, and the reminder and the
 * note prompt follow the new time. Audited with the time before and after.
 */
import { ok, fail, type Result } from '../result.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import { tFor, todayFor, zoneOf } from '../shared/people.js';
import { sendDisputeNotice } from '../shared/dispute-notice.js';
import { conversationView } from './evidence-messages.js';
import { sendConversationChange } from './conversation-messages.js';
import { conversationToChange } from './conversation-organizer.js';
import { readConversationTime } from './conversation-time.js';

export interface RescheduleConversationInput {
  actorId: string;
  /** From the form's state. Untrusted. */
  conversationId: number;
  values: FormValues;
}

export const makeRescheduleConversation =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: RescheduleConversationInput): Result<{ conversation: PlannedConversation; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const found = conversationToChange(tx, t, actor, input.conversationId, 'reschedule');
      if ('ok' in found) return found;
      const before = found.conversation;
      const now = clock.now();
      const { move, errors } = readConversationTime(t, input.values, {
        zone: zoneOf(actor, settings),
        today: todayFor(actor, settings, now),
        now,
      });
      if (!move) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });
      if (
        move.startsAt === before.startsAt &&
        move.endsAt === before.endsAt &&
        move.location === before.location &&
        move.meetingUrl === before.meetingUrl
      )
        return fail('INVALID_INPUT', t('ev.conv.err.unchanged'));

      const conversation = tx.evidence.rescheduleConversation(before.id, move, now);
      tx.audit.record({
        actorId: found.actor.id,
        action: 'conversation.reschedule',
        subjectType: 'planned_conversation',
        subjectId: conversation.id,
        detail: {
          personId: conversation.personId,
          sequence: conversation.sequence,
          from: { startsAt: before.startsAt, endsAt: before.endsAt },
          to: { startsAt: conversation.startsAt, endsAt: conversation.endsAt },
          placeChanged: move.location !== before.location,
          linkChanged: move.meetingUrl !== before.meetingUrl,
        },
      });
      sendConversationChange(tx, settings, conversation, { kind: 'moved', before });
      const review = conversation.reviewId !== null ? tx.reviews.review(conversation.reviewId) : null;
      if (review) sendDisputeNotice(tx, review, settings);
      const view = conversationView(tx, settings, conversation, actor);
      return ok({ conversation, confirmation: t('ev.conv.rescheduled', { name: view.employeeName, when: view.when }) });
    });
