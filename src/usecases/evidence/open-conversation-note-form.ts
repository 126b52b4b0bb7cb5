/**
 * "Record the note" after a planned conversation: the note form, pre-filled with the day it was
 * held and the KPIs it was about, its agenda above the form; saving it links the note to the
 * conversation. Who may: the organizer, or anyone who may write a note about the person.
 */
import { ok, fail, type Result } from '../result.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildNoteForm } from '../../ui/screens/evidence/note.js';
import { dateIn } from '../../domain/dates.js';
import { may } from '../shared/access.js';
import { tFor, todayFor, zoneOf } from '../shared/people.js';
import { noteOwnerOptions } from './note-owners.js';
import { conversationView } from './evidence-messages.js';

export interface OpenConversationNoteFormInput {
  actorId: string;
  conversationId: number;
}

export const makeOpenConversationNoteForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenConversationNoteFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const c = tx.evidence.conversation(input.conversationId);
      const subject = c ? tx.org.person(c.personId) : null;
      if (!c || !subject || c.status === 'cancelled') return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, actor, subject.id, 'create', 'note_shared'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (c.status === 'recorded') return fail('CONFLICT', t('ev.err.conversationDone'));
      const kpis = subject.jobId ? (tx.org.jobWithKpis(subject.jobId)?.kpis ?? []) : [];
      return ok(
        buildNoteForm(t, {
          personId: subject.id,
          personName: subject.name,
          kpis,
          owners: noteOwnerOptions(tx, subject, actor, settings),
          today: todayFor(actor, settings, clock.now()),
          prefill: { kpiKeys: c.kpiKeys, kind: 'one_on_one' },
          conversation: {
            id: c.id,
            heldOn: dateIn(c.startsAt, zoneOf(actor, settings)),
            agenda: c.agenda,
            when: conversationView(tx, settings, c, actor).when,
          },
        }),
      );
    });
