/**
 * What each of the two people in a planned conversation gets: a DM with it (in their language and
 * zone) and its calendar file, which their calendar adds with a reminder an hour before. When the
 * organizer moves or cancels it, both DMs are rebuilt in place, both get the calendar file again
 * (a higher SEQUENCE, or METHOD:CANCEL) and the employee gets a notice.
 */
import type { Tx, ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { PlannedConversation } from '../../ports/repos/evidence.js';
import { buildConversationMessage } from '../../ui/screens/evidence/conversation.js';
import {
  buildConversationCancelledNotice,
  buildConversationMovedNotice,
} from '../../ui/screens/evidence/conversation-change.js';
import { toIcs } from '../../ui/calendar.js';
import { CONVERSATION_REMINDER_BEFORE_MS } from '../../domain/evidence-rules.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { conversationView } from './evidence-messages.js';

const ROLES = (c: PlannedConversation) =>
  [
    ['employee', c.personId],
    ['organizer', c.organizerId],
  ] as const;

/** The conversation's .ics for one reader (its title in their language). */
export function conversationIcs(tx: ReadTx, settings: AppSettings, c: PlannedConversation, reader: Person): string {
  const t = tFor(reader, settings);
  const employee = tx.org.person(c.personId);
  const organizer = tx.org.person(c.organizerId);
  return toIcs(
    [
      {
        uid: `conversation-${c.id}@dandang`,
        when: { start: c.startsAt, end: c.endsAt },
        title: t('ev.conv.icsTitle', { a: organizer?.name ?? c.organizerId, b: employee?.name ?? c.personId }),
        description: c.meetingUrl ? `${c.agenda}\n\n${c.meetingUrl}` : c.agenda,
        ...(c.location || c.meetingUrl ? { location: c.location || c.meetingUrl! } : {}),
        ...(c.meetingUrl ? { url: c.meetingUrl } : {}),
        ...(organizer ? { organizer: { name: organizer.name, email: organizer.email } } : {}),
        ...(employee ? { attendees: [{ name: employee.name, email: employee.email }] } : {}),
        stamp: c.changedAt ?? c.createdAt,
        alarmMinutesBefore: CONVERSATION_REMINDER_BEFORE_MS / 60_000,
        sequence: c.sequence,
        cancelled: c.status === 'cancelled',
      },
    ],
    undefined,
    c.status === 'cancelled' ? 'CANCEL' : undefined,
  );
}

/** Its calendar file to one reader, under a key of its own for each sequence. */
function uploadIcs(tx: Tx, settings: AppSettings, c: PlannedConversation, reader: Person, title: string): void {
  tx.outbox.upload({
    key: outboxKeys.conversationIcs(c.id, reader.id, c.sequence),
    to: { person: reader.id },
    filename: `conversation-${c.id}.ics`,
    title,
    content: conversationIcs(tx, settings, c, reader),
  });
}

export function sendConversationToBoth(tx: Tx, settings: AppSettings, c: PlannedConversation): void {
  for (const [role, id] of ROLES(c)) {
    const reader = tx.org.person(id);
    if (!reader?.active) continue;
    const t = tFor(reader, settings);
    const view = conversationView(tx, settings, c, reader);
    tx.outbox.post({
      key: outboxKeys.conversation(c.id, role),
      to: { person: reader.id },
      message: buildConversationMessage(t, view, role),
      locale: localeOf(reader, settings),
    });
    uploadIcs(tx, settings, c, reader, t('ev.conv.icsFile', { when: view.when }));
  }
}

/**
 * How it changed: moved from `before` (the conversation as it was), or cancelled (with the word of
 * whoever cancelled it; `byHr` names the HR person who did when the organizer has left).
 */
export type ConversationChange =
  { kind: 'moved'; before: PlannedConversation } | { kind: 'cancelled'; reason: string; byHr: string | null };

/** After a reschedule or the cancellation (`c` as it is now): both DMs, both calendar files, the employee's notice. */
export function sendConversationChange(
  tx: Tx,
  settings: AppSettings,
  c: PlannedConversation,
  change: ConversationChange,
): void {
  for (const [role, id] of ROLES(c)) {
    const reader = tx.org.person(id);
    if (!reader?.active) continue;
    const t = tFor(reader, settings);
    const locale = localeOf(reader, settings);
    const view = conversationView(tx, settings, c, reader);
    tx.outbox.update(outboxKeys.conversation(c.id, role), buildConversationMessage(t, view, role), locale);
    uploadIcs(
      tx,
      settings,
      c,
      reader,
      change.kind === 'moved'
        ? t('ev.conv.icsFileMoved', { when: view.when })
        : t('ev.conv.icsFileCancelled', { when: view.when }),
    );
    if (role !== 'employee') continue;
    tx.outbox.post({
      key: outboxKeys.conversationChange(c.id, c.sequence),
      to: { person: reader.id },
      message:
        change.kind === 'moved'
          ? buildConversationMovedNotice(t, view, conversationView(tx, settings, change.before, reader).when)
          : buildConversationCancelledNotice(t, view, change.reason, change.byHr),
      locale,
    });
  }
}
