/**
 * Scheduler tick for planned conversations: a reminder to both people an hour before (once; one
 * missed while the bot was down is dropped, the calendar file carries its own alarm), and once it
 * is over, the organizer is asked to record the note (key `conversation:<id>:record-note`), with a
 * button that opens the note form pre-filled. Returns how many messages were queued.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { CONVERSATION_REMINDER_BEFORE_MS } from '../../domain/evidence-rules.js';
import { buildConversationReminder, buildRecordNotePrompt } from '../../ui/screens/evidence/conversation.js';
import { conversationView } from '../evidence/evidence-messages.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

export const makeRunConversationTick =
  ({ store, clock, settings }: UseCaseDeps) =>
  (): { reminders: number; notePrompts: number } =>
    store.tx((tx) => {
      const now = clock.now();
      let reminders = 0;
      for (const c of tx.evidence.conversationsToRemind(now, CONVERSATION_REMINDER_BEFORE_MS)) {
        tx.evidence.markConversationReminded(c.id, now);
        if (c.startsAt <= now) continue;
        for (const [role, id] of [
          ['employee', c.personId],
          ['organizer', c.organizerId],
        ] as const) {
          const reader = tx.org.person(id);
          if (!reader?.active) continue;
          const message = buildConversationReminder(
            tFor(reader, settings),
            conversationView(tx, settings, c, reader),
            role,
          );
          const to = { person: reader.id };
          if (
            tx.outbox.post({
              key: outboxKeys.conversationReminder(c.id, reader.id, c.sequence),
              to,
              message,
              locale: localeOf(reader, settings),
            })
          )
            reminders++;
        }
      }
      let notePrompts = 0;
      for (const c of tx.evidence.conversationsEnded(now)) {
        tx.evidence.markConversationNotePrompted(c.id, now);
        const organizer = tx.org.person(c.organizerId);
        if (!organizer?.active) continue;
        const message = buildRecordNotePrompt(
          tFor(organizer, settings),
          conversationView(tx, settings, c, organizer),
          null,
        );
        if (
          tx.outbox.post({
            key: outboxKeys.conversationNotePrompt(c.id, c.sequence),
            to: { person: organizer.id },
            message,
            locale: localeOf(organizer, settings),
          })
        )
          notePrompts++;
        tx.audit.record({
          actorId: null,
          action: 'conversation.note_prompt',
          subjectType: 'planned_conversation',
          subjectId: c.id,
          detail: { organizerId: organizer.id },
        });
      }
      return { reminders, notePrompts };
    });
