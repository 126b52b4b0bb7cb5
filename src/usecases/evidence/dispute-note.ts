/** The employee's Dispute button on a note: a form for their comment, kept verbatim. */
import { ok, fail, type Result } from '../result.js';
import type { Person, Acknowledgment } from '../../ports/records.js';
import type { Form, FormValues } from '../../ui/model.js';
import { buildDisputeForm } from '../../ui/screens/evidence/responses.js';
import { may, tFor, type EvidenceDeps } from './evidence-support.js';
import { respondToRecord } from './evidence-respond.js';

export const makeOpenDisputeNoteForm =
  ({ store, settings }: EvidenceDeps) =>
  (input: { actor: Person; noteId: number }): Result<Form> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const note = tx.evidence.note(input.noteId);
      if (!note || note.visibility === 'private') return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, input.actor, note.personId, 'create', 'acknowledgment'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (tx.acks.find('note', String(note.id), note.personId)) return fail('CONFLICT', t('ev.err.answered'));
      return ok(
        buildDisputeForm(t, note.id, [{ type: 'context', text: `${note.heldOn} · ${t(`ev.noteKind.${note.kind}`)}` }]),
      );
    });

export const makeDisputeNote =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; noteId: number; values: FormValues }): Result<Acknowledgment> =>
    store.tx((tx) => {
      const raw = input.values.comment;
      const comment = typeof raw === 'string' ? raw : '';
      return respondToRecord(tx, settings, clock.now(), {
        actor: input.actor,
        subjectType: 'note',
        subjectId: input.noteId,
        state: 'disputed',
        comment,
      });
    });
