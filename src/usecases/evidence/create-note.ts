/**
 * `/note @person`: open the conversation-note form, and save it.
 * Who may write: the person's manager, anyone above in the chain, or HR (src/domain/access.ts).
 * A private note is written and audited, and nothing else: no DM, no outbox row.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { Note, NoteKind, NoteVisibility } from '../../ports/repos/evidence.js';
import type { Form, FormValues, Option } from '../../ui/model.js';
import type { Tx } from '../../ports/store.js';
import { noteRecordType } from '../../domain/access.js';
import { buildNoteForm, NOTE_KINDS, NOTE_VISIBILITIES, ACTION_ROWS } from '../../ui/screens/evidence/note.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { noteKey, noteMessage } from './evidence-messages.js';
import { may, tFor, todayFor, isDate, str, list, type EvidenceDeps } from './evidence-support.js';
import type { AppSettings } from '../../ports/settings.js';

function ownerOptions(tx: Tx, subject: Person, author: Person, settings: AppSettings): Option[] {
  const t = tFor(author, settings);
  const opts: Option[] = [{ value: subject.id, label: t('ev.note.ownerEmployee', { name: subject.name }) }];
  if (author.id !== subject.id) opts.push({ value: author.id, label: t('ev.note.ownerAuthor', { name: author.name }) });
  const manager = subject.managerId ? tx.org.person(subject.managerId) : null;
  if (manager && manager.id !== author.id) opts.push({ value: manager.id, label: manager.name });
  return opts;
}

export interface OpenNoteFormInput {
  actor: Person;
  personId: string | undefined;
  /** Pre-selected KPIs, e.g. the missed ones of a below-target review. Untrusted: filtered against the job. */
  kpiKeys?: string[];
  kind?: NoteKind;
}

export const makeOpenNoteForm =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: OpenNoteFormInput): Result<Form> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      if (!input.personId) return fail('INVALID_INPUT', t('ev.err.mention'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, input.actor, subject.id, 'create', 'note_shared'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const kpis = subject.jobId ? (tx.org.jobWithKpis(subject.jobId)?.kpis ?? []) : [];
      return ok(
        buildNoteForm(t, {
          personId: subject.id,
          personName: subject.name,
          kpis,
          owners: ownerOptions(tx, subject, input.actor, settings),
          today: todayFor(input.actor, settings, clock.now()),
          prefill: { kpiKeys: input.kpiKeys, kind: input.kind },
        }),
      );
    });

export interface CreateNoteInput {
  actor: Person;
  /** The form's state: the subject's person id. Untrusted. */
  personId: string;
  values: FormValues;
}

export const makeCreateNote =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: CreateNoteInput): Result<{ note: Note; sent: boolean; confirmation: string }> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      // Every visibility has the same create rule; check before reading the form so nothing leaks.
      if (!may(tx, input.actor, subject.id, 'create', 'note_shared'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const v = input.values;
      const errors: Record<string, string> = {};
      const today = todayFor(input.actor, settings, clock.now());
      const kind = str(v, 'kind') as NoteKind;
      if (!NOTE_KINDS.includes(kind)) errors.kind = t('common.required');
      const heldOn = str(v, 'held_on');
      if (!isDate(heldOn)) errors.held_on = t('ev.err.date');
      else if (heldOn > today) errors.held_on = t('ev.err.future');
      const discussion = str(v, 'discussion');
      if (!discussion) errors.discussion = t('common.required');
      const jobKpis = subject.jobId ? (tx.org.jobWithKpis(subject.jobId)?.kpis ?? []) : [];
      const kpiKeys = list(v, 'kpis');
      if (kpiKeys.some((k) => !jobKpis.some((x) => x.key === k))) errors.kpis = t('ev.err.unknownKpi');
      const owners = new Set(ownerOptions(tx, subject, input.actor, settings).map((o) => o.value));
      const actions: { description: string; ownerId: string; dueOn: string }[] = [];
      for (let n = 1; n <= ACTION_ROWS; n++) {
        const description = str(v, `action${n}`);
        const ownerId = str(v, `action${n}_owner`) || subject.id;
        const dueOn = str(v, `action${n}_due`);
        if (!description) {
          if (dueOn) errors[`action${n}`] = t('ev.err.actionDesc');
          continue;
        }
        if (!dueOn) errors[`action${n}_due`] = t('ev.err.actionDue');
        else if (!isDate(dueOn)) errors[`action${n}_due`] = t('ev.err.date');
        if (!owners.has(ownerId)) errors[`action${n}_owner`] = t('ev.err.owner');
        actions.push({ description, ownerId, dueOn });
      }
      const nextCheckIn = str(v, 'next_check_in');
      if (nextCheckIn && !isDate(nextCheckIn)) errors.next_check_in = t('ev.err.date');
      const visibility = str(v, 'visibility') as NoteVisibility;
      if (!NOTE_VISIBILITIES.includes(visibility)) errors.visibility = t('common.required');
      if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });
      if (!may(tx, input.actor, subject.id, 'create', noteRecordType(visibility)))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const note = tx.evidence.insertNote(
        {
          personId: subject.id,
          authorId: input.actor.id,
          kind,
          heldOn,
          discussion,
          kpiKeys,
          nextCheckIn: nextCheckIn || null,
          visibility,
        },
        actions,
      );
      // A private note's audit row says that it exists, never what it says.
      tx.audit.record({
        actorId: input.actor.id,
        action: 'note.create',
        subjectType: 'note',
        subjectId: note.id,
        detail: {
          personId: subject.id,
          kind,
          visibility,
          heldOn,
          ...(visibility === 'private' ? {} : { kpiKeys, actions: actions.length }),
        },
      });
      let sent = false;
      if (visibility !== 'private') {
        sent = tx.outbox.post({
          key: noteKey(note.id),
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
