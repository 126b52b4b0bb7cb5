/**
 * Saves a conversation note from the `/note` form.
 * Who may write: the person's manager, anyone above in the chain, or HR (src/domain/access.ts).
 * A private note is written and audited, and nothing else: no DM, no outbox row (beyond marking
 * a planned conversation's note as recorded, for its organizer). A shared note with a next
 * check-in sends both people a calendar file for it.
 */
import { ok, fail, type Result } from '../result.js';
import type { Note, NoteKind, NoteVisibility } from '../../ports/repos/evidence.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { noteRecordType } from '../../domain/access.js';
import type { DateField } from '../../domain/date-rules.js';
import { dateError } from '../shared/date-errors.js';
import { recordConversationNote, sendCheckInIcs } from './note-calendar.js';
import { NOTE_KINDS, NOTE_VISIBILITIES, ACTION_ROWS } from '../../ui/screens/evidence/note.js';
import { textValue, listValue } from '../../ui/form-values.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may } from '../shared/access.js';
import { tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { noteMessage } from './evidence-messages.js';
import { noteOwnerOptions } from './note-owners.js';
import { readNoteTerms } from './note-terms.js';
import { textFieldErrors } from '../shared/text-errors.js';

export interface CreateNoteInput {
  actorId: string;
  /** The form's state: the subject's person id. Untrusted. */
  personId: string;
  /** The planned conversation this note records (from the form's state). Untrusted. */
  conversationId?: number;
  values: FormValues;
}

export const makeCreateNote =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: CreateNoteInput): Result<{ note: Note; sent: boolean; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      // Every visibility has the same create rule; check before reading the form so nothing leaks.
      if (!may(tx, actor, subject.id, 'create', 'note_shared'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const conversation = input.conversationId !== undefined ? tx.evidence.conversation(input.conversationId) : null;
      if (
        input.conversationId !== undefined &&
        (conversation?.personId !== subject.id || conversation.status === 'cancelled')
      )
        return fail('NOT_FOUND', t('common.notFound'));
      if (conversation?.status === 'recorded') return fail('CONFLICT', t('ev.err.conversationDone'));

      const v = input.values;
      const errors: Record<string, string> = {};
      const today = todayFor(actor, settings, clock.now());
      const dateOk = (id: string, field: DateField, value: string) => {
        const problem = dateError(t, field, value, today);
        if (problem) errors[id] = problem;
      };
      const kind = textValue(v, 'kind') as NoteKind;
      if (!NOTE_KINDS.includes(kind)) errors.kind = t('common.required');
      const heldOn = textValue(v, 'held_on');
      dateOk('held_on', 'noteHeldOn', heldOn);
      const discussion = textValue(v, 'discussion');
      if (!discussion) errors.discussion = t('common.required');
      const jobKpis = subject.jobId ? (tx.org.jobWithKpis(subject.jobId)?.kpis ?? []) : [];
      const kpiKeys = listValue(v, 'kpis');
      if (kpiKeys.some((k) => !jobKpis.some((x) => x.key === k))) errors.kpis = t('ev.err.unknownKpi');
      const owners = new Set(noteOwnerOptions(tx, subject, actor, settings).map((o) => o.value));
      const actions: { description: string; ownerId: string; dueOn: string }[] = [];
      for (let n = 1; n <= ACTION_ROWS; n++) {
        const description = textValue(v, `action${n}`);
        const ownerId = textValue(v, `action${n}_owner`) || subject.id;
        const dueOn = textValue(v, `action${n}_due`);
        if (!description) {
          if (dueOn) errors[`action${n}`] = t('ev.err.actionDesc');
          continue;
        }
        if (!dueOn) errors[`action${n}_due`] = t('ev.err.actionDue');
        else dateOk(`action${n}_due`, 'noteActionDue', dueOn);
        if (!owners.has(ownerId)) errors[`action${n}_owner`] = t('ev.err.owner');
        actions.push({ description, ownerId, dueOn });
      }
      const nextCheckIn = textValue(v, 'next_check_in');
      if (nextCheckIn) dateOk('next_check_in', 'noteNextCheckIn', nextCheckIn);
      const terms = NOTE_KINDS.includes(kind) ? readNoteTerms(t, kind, v, today, errors) : {};
      const visibility = textValue(v, 'visibility') as NoteVisibility;
      if (!NOTE_VISIBILITIES.includes(visibility)) errors.visibility = t('common.required');
      // Lengths and characters last: they replace any other message for the same field.
      Object.assign(
        errors,
        textFieldErrors(t, v, { discussion: 'long', action1: 'line', action2: 'line', action3: 'line' }),
      );
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });
      if (!may(tx, actor, subject.id, 'create', noteRecordType(visibility)))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const note = tx.evidence.insertNote(
        {
          personId: subject.id,
          authorId: actor.id,
          kind,
          heldOn,
          discussion,
          kpiKeys,
          nextCheckIn: nextCheckIn || null,
          terms,
          visibility,
        },
        actions,
      );
      // A private note's audit row says that it exists, never what it says.
      tx.audit.record({
        actorId: actor.id,
        action: 'note.create',
        subjectType: 'note',
        subjectId: note.id,
        detail: {
          personId: subject.id,
          kind,
          visibility,
          heldOn,
          ...(conversation ? { conversationId: conversation.id } : {}),
          ...(visibility === 'private' ? {} : { kpiKeys, actions: actions.length, terms }),
        },
        // A private note's audit row says that it exists, never what it says (not even a hash).
        ...(visibility === 'private'
          ? {}
          : {
              text: {
                discussion,
                ...Object.fromEntries(actions.map((a, i) => [`action${i + 1}`, a.description])),
              },
            }),
      });
      if (conversation) recordConversationNote(tx, settings, conversation, note, clock.now());
      sendCheckInIcs(tx, settings, note);
      let sent = false;
      if (visibility !== 'private') {
        sent = tx.outbox.post({
          key: outboxKeys.note(note.id),
          to: { person: subject.id },
          message: noteMessage(tx, settings, note),
        });
        refreshOpenCases(tx, subject.id, { settings, now: clock.now() });
      }
      return ok({
        note,
        sent,
        confirmation: visibility === 'private' ? t('ev.note.saved') : t('ev.note.savedShared', { name: subject.name }),
      });
    });
