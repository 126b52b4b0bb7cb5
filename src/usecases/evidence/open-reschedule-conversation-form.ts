/**
 * "Reschedule" on the organizer's DM of a planned conversation: the form with its date, time,
 * length, place and link as they are now, in the organizer's zone. Submitted to
 * `reschedule-conversation.ts`.
 */
import { ok, type Result } from '../result.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildRescheduleConversationForm } from '../../ui/screens/evidence/conversation-change.js';
import { CONVERSATION_MINUTES, DEFAULT_CONVERSATION_MINUTES } from '../../ui/screens/evidence/conversation.js';
import { timeIn } from '../../ui/screens/evidence/training.js';
import { dateIn } from '../../domain/dates.js';
import { tFor, zoneOf } from '../shared/people.js';
import { conversationView } from './evidence-messages.js';
import { conversationToChange } from './conversation-organizer.js';

export interface OpenRescheduleConversationFormInput {
  actorId: string;
  /** From the button's value. Untrusted. */
  conversationId: number;
}

export const makeOpenRescheduleConversationForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenRescheduleConversationFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const found = conversationToChange(tx, t, actor, input.conversationId, 'reschedule');
      if ('ok' in found) return found;
      const c = found.conversation;
      const zone = zoneOf(actor, settings);
      const minutes = Math.round((c.endsAt - c.startsAt) / 60_000);
      const view = conversationView(tx, settings, c, actor);
      return ok(
        buildRescheduleConversationForm(t, {
          conversationId: c.id,
          employeeName: view.employeeName,
          when: view.when,
          zone,
          date: dateIn(c.startsAt, zone),
          start: timeIn(c.startsAt, zone),
          minutes: (CONVERSATION_MINUTES as readonly number[]).includes(minutes)
            ? minutes
            : DEFAULT_CONVERSATION_MINUTES,
          place: c.location,
          meetingUrl: c.meetingUrl,
        }),
      );
    });
