/** The employee's Dispute button on a note: opens the form for their comment. */
import { ok, fail, type Result } from '../result.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildDisputeForm } from '../../ui/screens/evidence/responses.js';
import { may } from '../shared/access.js';
import { tFor } from '../shared/people.js';

export interface OpenDisputeNoteFormInput {
  actorId: string;
  noteId: number;
}

export const makeOpenDisputeNoteForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenDisputeNoteFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const note = tx.evidence.note(input.noteId);
      if (!note || note.visibility === 'private') return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, actor, note.personId, 'create', 'acknowledgment'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (tx.acks.find('note', String(note.id), note.personId)) return fail('CONFLICT', t('ev.err.answered'));
      return ok(
        buildDisputeForm(t, note.id, [{ type: 'context', text: `${note.heldOn} · ${t(`ev.noteKind.${note.kind}`)}` }]),
      );
    });
