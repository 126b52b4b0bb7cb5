/**
 * `/note @person` and a below-target review's "Record a conversation" button: open the
 * conversation-note form. Who may write: the person's manager, anyone above in the chain, or HR
 * (src/domain/access.ts).
 */
import { ok, fail, type Result } from '../result.js';
import type { NoteKind } from '../../ports/repos/evidence.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildNoteForm } from '../../ui/screens/evidence/note.js';
import { may } from '../shared/access.js';
import { tFor, todayFor } from '../shared/people.js';
import { noteOwnerOptions } from './note-owners.js';

export interface OpenNoteFormInput {
  actorId: string;
  personId: string | undefined;
  /** Pre-selected KPIs, e.g. the missed ones of a below-target review. Untrusted: filtered against the job. */
  kpiKeys?: string[];
  kind?: NoteKind;
}

export const makeOpenNoteForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenNoteFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (!input.personId) return fail('INVALID_INPUT', t('ev.err.mention'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'note_shared'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const kpis = subject.jobId ? (tx.org.jobWithKpis(subject.jobId)?.kpis ?? []) : [];
      return ok(
        buildNoteForm(t, {
          personId: subject.id,
          personName: subject.name,
          kpis,
          owners: noteOwnerOptions(tx, subject, actor, settings),
          today: todayFor(actor, settings, clock.now()),
          prefill: { kpiKeys: input.kpiKeys, kind: input.kind },
        }),
      );
    });
