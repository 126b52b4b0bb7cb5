import { describe, it, expect, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import {
  makeEvidenceWorld,
  valueOf,
  codeOf,
  snapshot,
  outboxRows,
  textOf,
  buttonsOf,
  count,
  type EvidenceWorld,
} from './support.js';
import { makeOpenNoteForm } from '../../../src/usecases/evidence/open-note-form.js';
import { makeCreateNote } from '../../../src/usecases/evidence/create-note.js';
import { makeAcknowledgeNote } from '../../../src/usecases/evidence/acknowledge-note.js';
import { makeOpenDisputeNoteForm } from '../../../src/usecases/evidence/open-dispute-note-form.js';
import { makeDisputeNote } from '../../../src/usecases/evidence/dispute-note.js';
import { makeOpenRefusalForm } from '../../../src/usecases/evidence/open-refusal-form.js';
import { makeRecordRefusal } from '../../../src/usecases/evidence/record-refusal.js';
import { makeRemindOverdueActions } from '../../../src/usecases/schedule/remind-overdue-actions.js';
import { ACTIONS } from '../../../src/ui/actions.js';

let w: EvidenceWorld;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
afterEach(() => w.db.cleanup());

const validNote = (w: EvidenceWorld, over: Record<string, string | string[]> = {}) => ({
  kind: 'feedback',
  held_on: '2026-11-22',
  discussion: 'Tickets closed were 28 against 40. We went through the queue together.',
  kpis: ['tickets'],
  action1: 'Pair with Chen on the backlog',
  action1_owner: w.emp.id,
  action1_due: '2026-11-27',
  next_check_in: '2026-11-30',
  visibility: 'evidence',
  ...over,
});

describe('/note form round trip', () => {
  it('opens with the KPIs of the person’s job and the owners to choose from', () => {
    w = makeEvidenceWorld();
    const form = valueOf(
      makeOpenNoteForm(w.deps)({ actorId: w.m1.id, personId: w.emp.id, kpiKeys: ['response', 'bogus'] }),
    );
    const kpis = form.inputs.find((i) => i.id === 'kpis');
    expect(kpis?.kind === 'multiselect' && kpis.options.map((o) => o.value)).toEqual(['tickets', 'response']);
    expect(kpis?.kind === 'multiselect' && kpis.initial).toEqual(['response']);
    const owner = form.inputs.find((i) => i.id === 'action1_owner');
    expect(owner?.kind === 'select' && owner.options.map((o) => o.value)).toEqual([w.emp.id, w.m1.id]);
    expect(form.state).toBe(w.emp.id);
  });

  it('rejects invalid input with field errors and writes nothing', () => {
    w = makeEvidenceWorld();
    const before = snapshot(w.db);
    const r = makeCreateNote(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: {
        kind: 'chat',
        held_on: '2026-12-25',
        discussion: '  ',
        kpis: ['nope'],
        action1: 'x',
        action1_due: '',
        action2: '',
        action2_due: '2026-11-30',
        next_check_in: '30/11',
        visibility: 'public',
      },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('INVALID_INPUT');
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      'action1_due',
      'action2',
      'discussion',
      'held_on',
      'kind',
      'kpis',
      'next_check_in',
      'visibility',
    ]);
    expect(snapshot(w.db)).toEqual(before);
  });

  it('saves an evidence-grade note, DMs the employee with Acknowledge and Dispute, and audits it', () => {
    w = makeEvidenceWorld();
    const { note, sent } = valueOf(
      makeCreateNote(w.deps)({ actorId: w.m1.id, personId: w.emp.id, values: validNote(w) }),
    );
    expect(sent).toBe(true);
    expect(note.actions).toMatchObject([
      { description: 'Pair with Chen on the backlog', ownerId: w.emp.id, dueOn: '2026-11-27' },
    ]);
    const [dm] = outboxRows(w.db.conn.sqlite, `note:${note.id}:employee`);
    expect(dm?.address).toBe(w.emp.slackId);
    expect(textOf(dm!.message)).toContain('Tickets closed were 28 against 40');
    expect(textOf(dm!.message)).toContain('Tickets closed');
    expect(buttonsOf(dm!.message).map((b) => b.actionId)).toEqual([ACTIONS.acknowledgeNote, ACTIONS.disputeNote]);
    expect(w.audits('note.create')).toMatchObject([
      { actor_id: w.m1.id, subject_type: 'note', subject_id: String(note.id) },
    ]);
  });

  it('keeps a private note to its author: no outbox row, and the audit row holds no content', () => {
    w = makeEvidenceWorld();
    const { note, sent } = valueOf(
      makeCreateNote(w.deps)({ actorId: w.m1.id, personId: w.emp.id, values: validNote(w, { visibility: 'private' }) }),
    );
    expect(sent).toBe(false);
    expect(count(w.db.conn.sqlite, 'outbox')).toBe(0);
    const [audit] = w.audits('note.create');
    expect(audit?.detail).not.toContain('Tickets closed were');
    expect(JSON.parse(audit!.detail)).toMatchObject({ visibility: 'private' });
    // Nobody can respond to it, or even learn that it exists.
    expect(codeOf(makeAcknowledgeNote(w.deps)({ actorId: w.emp.id, noteId: note.id }))).toBe('NOT_FOUND');
    expect(codeOf(makeOpenRefusalForm(w.deps)({ actorId: w.hr.id, subjectType: 'note', subjectId: note.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('lets the skip-level manager and HR write, but not a manager outside the chain or the employee', () => {
    w = makeEvidenceWorld();
    const create = makeCreateNote(w.deps);
    expect(
      codeOf(create({ actorId: w.dir.id, personId: w.emp.id, values: validNote(w, { action1_owner: w.dir.id }) })),
    ).toBe('ok');
    expect(
      codeOf(create({ actorId: w.hr.id, personId: w.emp.id, values: validNote(w, { action1_owner: w.hr.id }) })),
    ).toBe('ok');
    const before = snapshot(w.db);
    expect(codeOf(create({ actorId: w.m2.id, personId: w.emp.id, values: validNote(w) }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(create({ actorId: w.emp.id, personId: w.emp.id, values: validNote(w) }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(create({ actorId: w.peer.id, personId: w.emp.id, values: validNote(w) }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(makeOpenNoteForm(w.deps)({ actorId: w.m2.id, personId: w.emp.id }))).toBe('NOT_AUTHORIZED');
    expect(snapshot(w.db)).toEqual(before);
  });

  it('re-reads the actor: a deactivated manager or employee is refused and nothing is written', () => {
    w = makeEvidenceWorld();
    const note = valueOf(makeCreateNote(w.deps)({ actorId: w.m1.id, personId: w.emp.id, values: validNote(w) })).note;
    w.db.store.tx((tx) => {
      tx.org.upsertPerson({ ...w.m1, active: false });
      tx.org.upsertPerson({ ...w.emp, active: false });
    });
    const before = snapshot(w.db);
    expect(codeOf(makeOpenNoteForm(w.deps)({ actorId: w.m1.id, personId: w.emp.id }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(makeCreateNote(w.deps)({ actorId: w.m1.id, personId: w.emp.id, values: validNote(w) }))).toBe(
      'NOT_AUTHORIZED',
    );
    expect(codeOf(makeAcknowledgeNote(w.deps)({ actorId: w.emp.id, noteId: note.id }))).toBe('NOT_AUTHORIZED');
    expect(codeOf(makeCreateNote(w.deps)({ actorId: 'nobody', personId: w.emp.id, values: validNote(w) }))).toBe(
      'NOT_AUTHORIZED',
    );
    expect(snapshot(w.db)).toEqual(before);
  });
});

describe('responses to a note', () => {
  const shared = (w: EvidenceWorld) =>
    valueOf(makeCreateNote(w.deps)({ actorId: w.m1.id, personId: w.emp.id, values: validNote(w) })).note;

  it('records an acknowledgment, edits the DM in place, and audits it', () => {
    w = makeEvidenceWorld();
    const note = shared(w);
    const ack = valueOf(makeAcknowledgeNote(w.deps)({ actorId: w.emp.id, noteId: note.id })).acknowledgment;
    expect(ack).toMatchObject({
      subjectType: 'note',
      subjectId: String(note.id),
      personId: w.emp.id,
      state: 'acknowledged',
      recordedBy: w.emp.id,
    });
    const [update] = outboxRows(w.db.conn.sqlite, `note:${note.id}:employee#update%`);
    expect(update?.op).toBe('update');
    expect(textOf(update!.message)).toContain('Acknowledged by');
    expect(buttonsOf(update!.message)).toEqual([]);
    expect(w.audits('acknowledgment.acknowledged')).toMatchObject([{ actor_id: w.emp.id, subject_type: 'note' }]);
    // The first answer stands.
    expect(codeOf(makeDisputeNote(w.deps)({ actorId: w.emp.id, noteId: note.id, values: { comment: 'late' } }))).toBe(
      'CONFLICT',
    );
  });

  it('records a dispute with the comment kept verbatim, and requires a comment', () => {
    w = makeEvidenceWorld();
    const note = shared(w);
    expect(
      valueOf(makeOpenDisputeNoteForm(w.deps)({ actorId: w.emp.id, noteId: note.id })).inputs.map((i) => i.id),
    ).toEqual(['comment']);
    const empty = makeDisputeNote(w.deps)({ actorId: w.emp.id, noteId: note.id, values: { comment: '   ' } });
    expect(!empty.ok && empty.fieldErrors).toHaveProperty('comment');
    const words = '  I closed 28 because 12 tickets were re-assigned to me on Friday.\nSee INC-4411.  ';
    const ack = valueOf(
      makeDisputeNote(w.deps)({ actorId: w.emp.id, noteId: note.id, values: { comment: words } }),
    ).acknowledgment;
    expect(ack.state).toBe('disputed');
    expect(ack.comment).toBe(words);
    // The chain holds the comment's hash (the comment itself is encrypted at rest; docs/security.md).
    expect(JSON.parse(w.audits('acknowledgment.disputed')[0]!.detail).textSha256.comment).toBe(sha256(words));
    expect(w.audits('acknowledgment.disputed')[0]!.detail).not.toContain('INC-4411');
  });

  it('only the employee answers for themselves', () => {
    w = makeEvidenceWorld();
    const note = shared(w);
    for (const actor of [w.m1, w.hr, w.peer])
      expect(codeOf(makeAcknowledgeNote(w.deps)({ actorId: actor.id, noteId: note.id }))).toBe('NOT_AUTHORIZED');
    expect(count(w.db.conn.sqlite, 'acknowledgments')).toBe(0);
  });

  it('lets HR record a witnessed refusal; a manager cannot, and the witness must be someone else', () => {
    w = makeEvidenceWorld();
    const note = shared(w);
    const form = valueOf(makeOpenRefusalForm(w.deps)({ actorId: w.hr.id, subjectType: 'note', subjectId: note.id }));
    const witnesses = form.inputs.find((i) => i.id === 'witness');
    expect(witnesses?.kind === 'select' && witnesses.options.map((o) => o.value)).toContain(w.m1.id);
    expect(witnesses?.kind === 'select' && witnesses.options.map((o) => o.value)).not.toContain(w.emp.id);
    const refuse = makeRecordRefusal(w.deps);
    expect(
      codeOf(refuse({ actorId: w.m1.id, subjectType: 'note', subjectId: note.id, values: { witness: w.hr.id } })),
    ).toBe('NOT_AUTHORIZED');
    const self = refuse({ actorId: w.hr.id, subjectType: 'note', subjectId: note.id, values: { witness: w.emp.id } });
    expect(!self.ok && self.fieldErrors).toHaveProperty('witness');
    const ack = valueOf(
      refuse({
        actorId: w.hr.id,
        subjectType: 'note',
        subjectId: note.id,
        values: { witness: w.m1.id, comment: 'Declined to sign in the meeting room.' },
      }),
    ).acknowledgment;
    expect(ack).toMatchObject({ state: 'refused', witnessId: w.m1.id, recordedBy: w.hr.id, personId: w.emp.id });
    expect(w.audits('acknowledgment.refused')).toMatchObject([
      { actor_id: w.hr.id, subject_type: 'note', subject_id: String(note.id) },
    ]);
    const [update] = outboxRows(w.db.conn.sqlite, `note:${note.id}:employee#update%`);
    expect(textOf(update!.message)).toContain('refused to acknowledge');
  });
});

describe('overdue agreed actions', () => {
  it('reminds each owner once after the due date, in their zone', async () => {
    w = makeEvidenceWorld();
    valueOf(
      makeCreateNote(w.deps)({
        actorId: w.m1.id,
        personId: w.emp.id,
        values: validNote(w, {
          action2: 'Send the weekly queue summary',
          action2_owner: w.m1.id,
          action2_due: '2026-11-28',
        }),
      }),
    );
    const remind = makeRemindOverdueActions(w.deps);
    expect(await remind()).toBe(0);
    w.db.clock.set('2026-11-27T15:00:00Z'); // 23:00 on the due day in Shanghai: not overdue yet
    expect(await remind()).toBe(0);
    w.db.clock.set('2026-11-27T16:30:00Z'); // 00:30 on the 28th in Shanghai
    expect(await remind()).toBe(1);
    const [row] = outboxRows(w.db.conn.sqlite, 'action-remind:%');
    expect(row?.address).toBe(w.emp.slackId);
    expect(textOf(row!.message)).toContain('Pair with Chen on the backlog');
    expect(await remind()).toBe(0);
    w.db.clock.set('2026-11-29T02:00:00Z');
    expect(await remind()).toBe(1);
    expect(outboxRows(w.db.conn.sqlite, 'action-remind:%').map((r) => r.address)).toEqual([
      w.emp.slackId,
      w.m1.slackId,
    ]);
    expect(w.audits('note_action.remind')).toHaveLength(2);
  });
});

describe('locale', () => {
  it('the employee reads the note in their own language, whatever the author’s', () => {
    w = makeEvidenceWorld();
    w.db.store.tx((tx) => tx.org.upsertPerson({ ...w.emp, locale: 'zh-CN' }));
    const { note } = valueOf(makeCreateNote(w.deps)({ actorId: w.m1.id, personId: w.emp.id, values: validNote(w) }));
    const [dm] = outboxRows(w.db.conn.sqlite, `note:${note.id}:employee`);
    expect(textOf(dm!.message)).toContain('记录了与你的一次谈话');
    expect(buttonsOf(dm!.message).map((b) => b.label)).toEqual(['确认', '提出异议']);
  });
});
