/**
 * What each of the two people in a planned conversation gets: a DM with it (in their language and
 * zone) and its calendar file, which their calendar adds with a reminder an hour before.
 */
import type { Tx, ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import { buildConversationMessage } from '../../ui/screens/evidence/conversation.js';
import { toIcs } from '../../ui/calendar.js';
import { CONVERSATION_REMINDER_BEFORE_MS } from '../../domain/evidence-rules.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { conversationView } from './evidence-messages.js';

/** The conversation's .ics for one reader (its title in their language). */
export function conversationIcs(tx: ReadTx, settings: AppSettings, c: PlannedConversation, reader: Person): string {
  const t = tFor(reader, settings);
  const employee = tx.org.person(c.personId);
  const organizer = tx.org.person(c.organizerId);
  return toIcs([
    {
      uid: `conversation-${c.id}@dandang`,
      when: { start: c.startsAt, end: c.endsAt },
      title: t('ev.conv.icsTitle', { a: organizer?.name ?? c.organizerId, b: employee?.name ?? c.personId }),
      description: c.meetingUrl ? `${c.agenda}\n\n${c.meetingUrl}` : c.agenda,
      ...(c.location || c.meetingUrl ? { location: c.location || c.meetingUrl! } : {}),
      ...(c.meetingUrl ? { url: c.meetingUrl } : {}),
      ...(organizer ? { organizer: { name: organizer.name, email: organizer.email } } : {}),
      ...(employee ? { attendees: [{ name: employee.name, email: employee.email }] } : {}),
      stamp: c.createdAt,
      alarmMinutesBefore: CONVERSATION_REMINDER_BEFORE_MS / 60_000,
    },
  ]);
}

export function sendConversationToBoth(tx: Tx, settings: AppSettings, c: PlannedConversation): void {
  for (const [role, id] of [
    ['employee', c.personId],
    ['organizer', c.organizerId],
  ] as const) {
    const reader = tx.org.person(id);
    if (!reader?.active) continue;
    const t = tFor(reader, settings);
    const view = conversationView(tx, settings, c, reader);
    const locale = localeOf(reader, settings);
    tx.outbox.post({
      key: outboxKeys.conversation(c.id, role),
      to: { person: reader.id },
      message: buildConversationMessage(t, view, role),
      locale,
    });
    tx.outbox.upload({
      key: outboxKeys.conversationIcs(c.id, reader.id),
      to: { person: reader.id },
      filename: `conversation-${c.id}.ics`,
      title: t('ev.conv.icsFile', { when: view.when }),
      content: conversationIcs(tx, settings, c, reader),
    });
  }
}
