/**
 * What a saved note does besides its own DM: it closes the planned conversation it records (the
 * organizer's "record the note" prompt says it is done), and a shared note's next check-in comes to
 * both people as a calendar file.
 */
import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Note, PlannedConversation } from '../../ports/repos/evidence.js';
import { buildConversationMessage, buildRecordNotePrompt } from '../../ui/screens/evidence/conversation.js';
import { toIcs } from '../../ui/calendar.js';
import { localeOf, tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { conversationView } from './evidence-messages.js';

export function recordConversationNote(
  tx: Tx,
  settings: AppSettings,
  c: PlannedConversation,
  note: Note,
  now: number,
): void {
  tx.evidence.linkConversationNote(c.id, note.id);
  const organizer = tx.org.person(c.organizerId);
  if (!organizer) return;
  // Its DM loses the reschedule and cancel buttons: it happened.
  const t = tFor(organizer, settings);
  const recorded = { ...c, status: 'recorded' as const, noteId: note.id };
  tx.outbox.update(
    outboxKeys.conversation(c.id, 'organizer'),
    buildConversationMessage(t, conversationView(tx, settings, recorded, organizer), 'organizer'),
    localeOf(organizer, settings),
  );
  tx.outbox.update(
    outboxKeys.conversationNotePrompt(c.id, c.sequence),
    buildRecordNotePrompt(t, conversationView(tx, settings, c, organizer), todayFor(organizer, settings, now)),
    localeOf(organizer, settings),
  );
}

/** The next check-in of a note the employee sees, as an all-day event for the employee and the author. */
export function sendCheckInIcs(tx: Tx, settings: AppSettings, note: Note): void {
  if (!note.nextCheckIn || note.visibility === 'private') return;
  const employee = tx.org.person(note.personId);
  const author = tx.org.person(note.authorId);
  if (!employee || !author) return;
  for (const reader of [employee, author]) {
    if (!reader.active) continue;
    const t = tFor(reader, settings);
    tx.outbox.upload({
      key: outboxKeys.checkInIcs(note.id, reader.id),
      to: { person: reader.id },
      filename: `check-in-${note.id}.ics`,
      title: t('ev.note.checkInFile', { date: note.nextCheckIn }),
      content: toIcs([
        {
          uid: `check-in-${note.id}@dandang`,
          when: { date: note.nextCheckIn },
          title: t('ev.note.checkInTitle', { a: author.name, b: employee.name }),
          description: t('ev.note.checkInText', { heldOn: note.heldOn }),
          organizer: { name: author.name, email: author.email },
          attendees: [{ name: employee.name, email: employee.email }],
          stamp: note.createdAt,
        },
      ]),
    });
  }
}
