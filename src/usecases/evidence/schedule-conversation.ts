/**
 * Plans a conversation from the schedule form: a date and time (typed in the organizer's zone), a
 * length, a place and/or an https meeting link, an agenda. Both people get a DM with it and a
 * calendar file; a reminder goes out before it and, once it is over, the organizer is asked to
 * record the note (src/usecases/schedule/conversation-tick.ts). Answering a disputed review, it
 * shows on the manager's dispute notice.
 */
import { ok, fail, type Result } from '../result.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import { textValue, listValue } from '../../ui/form-values.js';
import { CONVERSATION_INPUTS as I } from '../../ui/screens/evidence/conversation.js';
import { may } from '../shared/access.js';
import { tFor, todayFor, zoneOf } from '../shared/people.js';
import { sendDisputeNotice } from '../shared/dispute-notice.js';
import { conversationView } from './evidence-messages.js';
import { sendConversationToBoth } from './conversation-messages.js';
import { textFieldErrors } from '../shared/text-errors.js';
import { readConversationTime } from './conversation-time.js';

export interface ScheduleConversationInput {
  actorId: string;
  /** From the form's state. Untrusted. */
  personId: string;
  reviewId?: number;
  values: FormValues;
}

export const makeScheduleConversation =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: ScheduleConversationInput): Result<{ conversation: PlannedConversation; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'note_shared'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const review = input.reviewId !== undefined ? tx.reviews.review(input.reviewId) : null;
      if (input.reviewId !== undefined && review?.employeeId !== subject.id)
        return fail('NOT_FOUND', t('common.notFound'));

      const v = input.values;
      const now = clock.now();
      const { move, errors } = readConversationTime(t, v, {
        zone: zoneOf(actor, settings),
        today: todayFor(actor, settings, now),
        now,
      });
      const agenda = textValue(v, I.agenda);
      if (!agenda) errors[I.agenda] = t('common.required');
      const jobKpis = subject.jobId ? (tx.org.jobWithKpis(subject.jobId)?.kpis ?? []) : [];
      const kpiKeys = listValue(v, I.kpis);
      if (kpiKeys.some((k) => !jobKpis.some((x) => x.key === k))) errors[I.kpis] = t('ev.err.unknownKpi');
      Object.assign(errors, textFieldErrors(t, v, { [I.agenda]: 'long' }));
      if (Object.keys(errors).length || !move)
        return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });

      const conversation = tx.evidence.insertConversation({
        personId: subject.id,
        organizerId: actor.id,
        ...move,
        agenda,
        kpiKeys,
        reviewId: review?.id ?? null,
      });
      tx.audit.record({
        actorId: actor.id,
        action: 'conversation.schedule',
        subjectType: 'planned_conversation',
        subjectId: conversation.id,
        detail: {
          personId: subject.id,
          startsAt: conversation.startsAt,
          endsAt: conversation.endsAt,
          reviewId: conversation.reviewId,
          kpiKeys,
          link: conversation.meetingUrl !== null,
        },
      });
      sendConversationToBoth(tx, settings, conversation);
      if (review) sendDisputeNotice(tx, review, settings);
      return ok({
        conversation,
        confirmation: t('ev.conv.saved', {
          name: subject.name,
          when: conversationView(tx, settings, conversation, actor).when,
        }),
      });
    });
