/**
 * Scheduler tick: an agreed action of a conversation note whose due date has passed (in its
 * owner's zone) is reminded to its owner once (key `action-remind:<id>`). Returns how many were
 * queued. Actions of a private note are reminded only when the owner is the author: a private
 * note never reaches anyone else.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { DAY_MS, utcDate } from '../../domain/dates.js';
import { tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { literal } from '../../ui/markup.js';

export const makeRemindOverdueActions =
  ({ store, clock, settings }: UseCaseDeps) =>
  (): number =>
    store.tx((tx) => {
      const now = clock.now();
      // "Overdue" = due strictly before the owner's today; UTC+14 is the furthest ahead any zone is.
      const horizon = utcDate(now + DAY_MS);
      let queued = 0;
      for (const a of tx.evidence.overdueActions(horizon)) {
        const owner = tx.org.person(a.ownerId);
        if (owner && a.dueOn >= todayFor(owner, settings, now)) continue;
        tx.evidence.markActionReminded(a.id);
        const note = tx.evidence.note(a.noteId);
        if (!owner || !owner.active || !note) continue;
        if (note.visibility === 'private' && owner.id !== note.authorId) continue;
        const t = tFor(owner, settings);
        const subject = tx.org.person(a.personId);
        const text = t('ev.remind.action', {
          description: literal(a.description),
          due: a.dueOn,
          name: literal(subject?.name ?? a.personId),
          heldOn: note.heldOn,
        });
        if (
          tx.outbox.post({
            key: outboxKeys.actionReminder(a.id),
            to: { person: owner.id },
            message: { text, blocks: [{ type: 'text', text }] },
          })
        )
          queued++;
        tx.audit.record({
          actorId: null,
          action: 'note_action.remind',
          subjectType: 'note_action',
          subjectId: a.id,
          detail: { noteId: a.noteId, ownerId: owner.id },
        });
      }
      return queued;
    });
