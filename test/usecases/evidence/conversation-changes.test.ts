/**
 * The manager who scheduled a conversation can move or cancel it from the buttons on their DM:
 * both people get the update (the DMs rebuilt, a calendar file with the next SEQUENCE or with
 * METHOD:CANCEL, a notice to the employee), the reminder moves or stops, and it is audited. The
 * employee, and anyone else, cannot.
 */
import { describe, it, expect, afterEach } from 'vitest';
import {
  makeEvidenceWorld,
  valueOf,
  outboxRows,
  textOf,
  buttonsOf,
  count,
  routerHarness,
  formOf,
  queuedUploads,
  type EvidenceWorld,
} from './support.js';
import { makeScheduleConversation } from '../../../src/usecases/evidence/schedule-conversation.js';
import { makeRunEvidenceTick } from '../../../src/usecases/schedule/run-evidence-tick.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import type { Person } from '../../../src/ports/records.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

const icsFiles = (w: EvidenceWorld, keyLike: string) =>
  queuedUploads(w, keyLike).map((r) => ({ address: r.address, ...r.file }));
const latest = (w: EvidenceWorld, key: string) => outboxRows(w.db.conn.sqlite, `${key}%`).at(-1)!.message;
const statusOf = (w: EvidenceWorld) =>
  (w.db.conn.sqlite.prepare('SELECT status, sequence FROM planned_conversations WHERE id = 1').get() as {
    status: string;
    sequence: number;
  }) ?? null;

/** Monday 23 Nov 2026, 09:00 in Shanghai: m1 plans a talk with emp on Tue 24 Nov 14:00–14:30. */
function planned() {
  w = makeEvidenceWorld();
  valueOf(
    makeScheduleConversation(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: { date: '2026-11-24', start: '14:00', minutes: '30', place: 'Room 3', agenda: 'The ticket queue.' },
    }),
  );
  return routerHarness(w);
}

describe('rescheduling a planned conversation', () => {
  it('moves it for both, with a new calendar file and notice, and the reminder follows the new time', async () => {
    const h = planned();
    const tick = makeRunEvidenceTick(w.deps);
    expect(buttonsOf(latest(w, 'conversation:1:employee'))).toEqual([]);
    // Feishu renews the organizer's card while its buttons matter.
    expect(latest(w, 'conversation:1:organizer').lasting).toBe(true);
    const [reschedule, cancel] = buttonsOf(latest(w, 'conversation:1:organizer'));
    expect(reschedule).toMatchObject({ actionId: ACTIONS.rescheduleConversation, label: 'Reschedule', value: '1' });
    expect(cancel).toMatchObject({ actionId: ACTIONS.cancelConversation, label: 'Cancel it', value: '1' });

    // The reminder of the first time goes out.
    w.db.clock.set('2026-11-24T05:00:00Z');
    expect((await tick()).conversationReminders).toBe(2);

    // The employee cannot move it (they are told who can); someone with no part learns nothing.
    const outboxBefore = count(w.db.conn.sqlite, 'outbox');
    expect(await h.click(w.emp, reschedule!.actionId, reschedule!.value)).toMatchObject({
      kind: 'error',
      text: `Only ${w.m1.name}, who planned this conversation, can move or cancel it.`,
    });
    const move = { date: '2026-11-25', start: '15:00', minutes: '30', place: 'Room 5', meeting_url: '' };
    expect(await h.submit(w.emp, FORMS.rescheduleConversation, '1', move)).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await h.submit(w.m2, FORMS.rescheduleConversation, '1', move)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.submit(w.m1, FORMS.rescheduleConversation, 'x', move)).toMatchObject({ code: 'NOT_FOUND' });

    // The form opens with the time as it is, in the organizer's zone.
    const form = formOf(await h.click(w.m1, reschedule!.actionId, reschedule!.value));
    expect(form.formId).toBe(FORMS.rescheduleConversation);
    expect(Object.fromEntries(form.inputs.map((i) => [i.id, 'initial' in i ? i.initial : undefined]))).toEqual({
      date: '2026-11-24',
      start: '14:00',
      minutes: '30',
      place: 'Room 3',
      meeting_url: undefined,
    });
    // Bad or unchanged input writes nothing.
    expect(await h.submit(w.m1, form.formId, form.state, { ...move, start: '25:00', place: '' })).toEqual({
      kind: 'formErrors',
      errors: { start: 'Enter a time as HH:MM, e.g. 14:30.', place: 'Give a place, a meeting link, or both.' },
    });
    expect(
      await h.submit(w.m1, form.formId, form.state, {
        date: '2026-11-24',
        start: '14:00',
        minutes: '30',
        place: 'Room 3',
      }),
    ).toMatchObject({ kind: 'error', text: 'That is the time and place it already has.' });
    expect(count(w.db.conn.sqlite, 'outbox')).toBe(outboxBefore);
    expect(statusOf(w)).toEqual({ status: 'planned', sequence: 0 });

    w.db.clock.set('2026-11-24T05:10:00Z');
    expect(await h.submit(w.m1, form.formId, form.state, move)).toMatchObject({
      kind: 'ok',
      toast: `Conversation with ${w.emp.name} moved to Wed 25 Nov 15:00–15:30. You both have the new calendar file.`,
    });
    expect(statusOf(w)).toEqual({ status: 'planned', sequence: 1 });
    // Both DMs show the new time; the organizer keeps the buttons.
    for (const role of ['employee', 'organizer']) {
      const dm = textOf(latest(w, `conversation:1:${role}#update`));
      expect(dm).toContain('When: Wed 25 Nov 15:00–15:30');
      expect(dm).toContain('Where: Room 5');
      expect(dm).toContain('Rescheduled on 2026-11-24.');
    }
    expect(buttonsOf(latest(w, 'conversation:1:organizer#update')).map((b) => b.actionId)).toEqual([
      ACTIONS.rescheduleConversation,
      ACTIONS.cancelConversation,
    ]);
    expect(outboxRows(w.db.conn.sqlite, 'conversation:1:change:1').map((r) => [r.address, r.message.text])).toEqual([
      [w.emp.slackId, `${w.m1.name} moved your conversation from Tue 24 Nov 14:00–14:30 to Wed 25 Nov 15:00–15:30.`],
    ]);
    const files = icsFiles(w, 'conversation:1:ics:%:1');
    expect(files.map((f) => f.address)).toEqual([w.emp.slackId, w.m1.slackId]);
    for (const line of ['UID:conversation-1@dandang', 'SEQUENCE:1', 'DTSTART:20261125T070000Z', 'LOCATION:Room 5'])
      expect(files[0]!.content).toContain(line);
    expect(files[0]!.content).not.toContain('METHOD:CANCEL');
    expect(files[0]!.title).toBe('Calendar file: conversation moved to Wed 25 Nov 15:00–15:30');
    const [audit] = w.audits('conversation.reschedule');
    expect(audit).toMatchObject({ actor_id: w.m1.id, subject_id: '1' });
    expect(JSON.parse(audit!.detail)).toMatchObject({
      sequence: 1,
      from: { startsAt: Date.parse('2026-11-24T06:00:00Z') },
      to: { startsAt: Date.parse('2026-11-25T07:00:00Z') },
      placeChanged: true,
    });

    // No prompt for the old end; the reminder comes again an hour before the new start.
    w.db.clock.set('2026-11-24T06:31:00Z');
    expect(await tick()).toMatchObject({ conversationReminders: 0, conversationNotePrompts: 0 });
    w.db.clock.set('2026-11-25T05:59:00Z');
    expect((await tick()).conversationReminders).toBe(0);
    w.db.clock.set('2026-11-25T06:00:00Z');
    expect((await tick()).conversationReminders).toBe(2);
    expect(outboxRows(w.db.conn.sqlite, 'conversation:1:reminder:%:1').map((r) => r.message.text)).toEqual([
      `In an hour: your conversation with ${w.m1.name}, Wed 25 Nov 15:00–15:30.`,
      `In an hour: your conversation with ${w.emp.name}, Wed 25 Nov 15:00–15:30.`,
    ]);
    w.db.clock.set('2026-11-25T07:31:00Z');
    expect((await tick()).conversationNotePrompts).toBe(1);
    const [prompt] = outboxRows(w.db.conn.sqlite, 'conversation:1:record-note:1');
    const [record] = buttonsOf(prompt!.message);

    // Once its note is recorded, it can no longer be moved: the buttons go.
    const noteForm = formOf(await h.click(w.m1, record!.actionId, record!.value));
    const saved = await h.submit(w.m1, FORMS.note, noteForm.state, {
      kind: 'one_on_one',
      held_on: '2026-11-25',
      discussion: 'We went through the queue together.',
      visibility: 'shared',
    });
    expect(saved.kind).toBe('ok');
    expect(buttonsOf(latest(w, 'conversation:1:organizer#update'))).toEqual([]);
    expect(latest(w, 'conversation:1:organizer#update').lasting).toBeUndefined();
    expect(await h.click(w.m1, ACTIONS.rescheduleConversation, '1')).toMatchObject({
      kind: 'error',
      text: 'The note of this conversation is already recorded.',
    });
  });
});

describe('cancelling a planned conversation', () => {
  it('cancels it for both (METHOD:CANCEL, a notice in the employee’s language), stops the reminder; the employee cannot', async () => {
    const h = planned();
    w.db.store.tx((tx) => tx.org.upsertPerson({ ...w.emp, locale: 'zh-CN' }));
    const tick = makeRunEvidenceTick(w.deps);
    const [, cancel] = buttonsOf(latest(w, 'conversation:1:organizer'));

    expect(await h.click(w.emp, cancel!.actionId, cancel!.value)).toMatchObject({ kind: 'error' });
    expect(await h.submit(w.emp, FORMS.cancelConversation, '1', {})).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(statusOf(w)).toEqual({ status: 'planned', sequence: 0 });
    expect(w.audits('conversation.cancel')).toEqual([]);

    const form = formOf(await h.click(w.m1, cancel!.actionId, cancel!.value));
    expect(form.formId).toBe(FORMS.cancelConversation);
    expect(textOf({ text: '', blocks: form.intro ?? [] })).toContain(
      `Cancel your conversation with **${w.emp.name}**, Tue 24 Nov 14:00–14:30?`,
    );
    expect(
      await h.submit(w.m1, form.formId, form.state, { reason: 'I am out sick; let us find a day next week.' }),
    ).toMatchObject({
      kind: 'ok',
      toast: `Conversation with ${w.emp.name} on Tue 24 Nov 14:00–14:30 cancelled. They are told, and both calendars drop it.`,
    });
    expect(statusOf(w)).toEqual({ status: 'cancelled', sequence: 1 });

    // Both DMs say so, without buttons; the employee's in Chinese.
    expect(textOf(latest(w, 'conversation:1:employee#update'))).toContain('🚫 已于 2026-11-23 取消。');
    expect(textOf(latest(w, 'conversation:1:organizer#update'))).toContain('🚫 Cancelled on 2026-11-23.');
    expect(buttonsOf(latest(w, 'conversation:1:organizer#update'))).toEqual([]);
    const [notice] = outboxRows(w.db.conn.sqlite, 'conversation:1:change:1');
    expect(notice!.address).toBe(w.emp.slackId);
    expect(textOf(notice!.message)).toContain(`${w.m1.name} 已取消与你在 `);
    expect(textOf(notice!.message)).toContain('I am out sick; let us find a day next week.');
    expect(textOf(notice!.message)).toContain('随后的日历文件会将其从你的日历中移除。');
    const files = icsFiles(w, 'conversation:1:ics:%:1');
    expect(files.map((f) => f.address)).toEqual([w.emp.slackId, w.m1.slackId]);
    for (const file of files)
      for (const line of ['METHOD:CANCEL', 'UID:conversation-1@dandang', 'STATUS:CANCELLED', 'SEQUENCE:1'])
        expect(file.content).toContain(line);
    expect(files[1]!.content).not.toContain('BEGIN:VALARM');
    expect(JSON.parse(w.audits('conversation.cancel')[0]!.detail)).toMatchObject({ sequence: 1, reason: true });

    // No reminder, no note prompt; it cannot be changed again, nor recorded.
    w.db.clock.set('2026-11-24T05:00:00Z');
    expect((await tick()).conversationReminders).toBe(0);
    w.db.clock.set('2026-11-24T06:31:00Z');
    expect((await tick()).conversationNotePrompts).toBe(0);
    expect(await h.submit(w.m1, FORMS.cancelConversation, '1', {})).toMatchObject({
      kind: 'error',
      text: 'This conversation was cancelled.',
    });
    expect(await h.click(w.m1, ACTIONS.rescheduleConversation, '1')).toMatchObject({
      kind: 'error',
      text: 'This conversation was cancelled.',
    });
    expect(w.audits('conversation.cancel')).toHaveLength(1);
  });
});

describe('a planned conversation whose organizer has left', () => {
  it('HR can cancel it from the employee’s record (not move it), audited; nobody else can', async () => {
    const h = planned();
    const tick = makeRunEvidenceTick(w.deps);
    const recordButtons = async (p: Person) => {
      const r = await h.click(p, ACTIONS.viewRecord, w.emp.id);
      if (r.kind !== 'ok' || !r.message) throw new Error(`expected the record, got ${JSON.stringify(r)}`);
      return buttonsOf(r.message).filter((b) => b.actionId === ACTIONS.cancelConversation);
    };
    const nothingWritten = () => ({
      outbox: count(w.db.conn.sqlite, 'outbox'),
      audits: w.audits('conversation.cancel').length,
      conversation: statusOf(w),
    });

    // While the organizer is here, it is theirs alone: HR has no button and cannot cancel it.
    expect(await recordButtons(w.hr)).toEqual([]);
    expect(await h.click(w.hr, ACTIONS.cancelConversation, '1')).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
    expect(await h.submit(w.hr, FORMS.cancelConversation, '1', {})).toMatchObject({ code: 'NOT_FOUND' });

    // m1 leaves.
    w.db.store.tx((tx) => tx.org.upsertPerson({ ...w.person(w.m1.id), active: false }));
    const before = nothingWritten();

    // HR may not move it: a new time is a new conversation, planned by the employee's manager.
    expect(await h.click(w.hr, ACTIONS.rescheduleConversation, '1')).toMatchObject({
      kind: 'error',
      text: `${w.m1.name}, who planned this conversation, has left: HR can cancel it, and the employee’s manager can plan a new one.`,
    });
    const move = { date: '2026-11-25', start: '15:00', minutes: '30', place: 'Room 5' };
    expect(await h.submit(w.hr, FORMS.rescheduleConversation, '1', move)).toMatchObject({ code: 'NOT_AUTHORIZED' });
    // Nor may anyone else cancel it: another manager learns nothing, the employee is told who planned it,
    // and an HR account that is itself deactivated has no HR powers.
    expect(await h.submit(w.m2, FORMS.cancelConversation, '1', {})).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.submit(w.dir, FORMS.cancelConversation, '1', {})).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.submit(w.emp, FORMS.cancelConversation, '1', {})).toMatchObject({ code: 'NOT_AUTHORIZED' });
    w.db.store.tx((tx) => tx.org.upsertPerson({ ...w.person(w.admin.id), active: false }));
    expect(await h.submit(w.admin, FORMS.cancelConversation, '1', {})).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(await recordButtons(w.dir)).toEqual([]);
    expect(nothingWritten()).toEqual(before);

    // HR sees it on the employee's record, with a button that opens the cancel form.
    const [button] = await recordButtons(w.hr);
    expect(button).toMatchObject({ label: 'Cancel the talk of Tue 24 Nov 14:00–14:30', value: '1' });
    const form = formOf(await h.click(w.hr, button!.actionId, button!.value));
    expect(form.formId).toBe(FORMS.cancelConversation);
    expect(textOf({ text: '', blocks: form.intro ?? [] })).toContain(
      `Cancel the conversation ${w.m1.name} planned with **${w.emp.name}**, Tue 24 Nov 14:00–14:30? ${w.m1.name} has left.`,
    );
    expect(await h.submit(w.hr, form.formId, form.state, { reason: 'Your new manager will plan one.' })).toMatchObject({
      kind: 'ok',
      toast: `The conversation ${w.m1.name} planned with ${w.emp.name} on Tue 24 Nov 14:00–14:30 is cancelled. ${w.emp.name} is told, and their calendar drops it.`,
    });
    expect(statusOf(w)).toEqual({ status: 'cancelled', sequence: 1 });

    // The employee is told who cancelled it and why; only they get the calendar file (m1 is gone).
    const [notice] = outboxRows(w.db.conn.sqlite, 'conversation:1:change:1');
    expect(notice!.address).toBe(w.emp.slackId);
    expect(textOf(notice!.message)).toContain(
      `${w.hr.name} (HR) cancelled your conversation of Tue 24 Nov 14:00–14:30: ${w.m1.name}, who planned it, has left.`,
    );
    expect(textOf(notice!.message)).toContain('Your new manager will plan one.');
    expect(textOf(latest(w, 'conversation:1:employee#update'))).toContain('🚫 Cancelled on 2026-11-23.');
    expect(outboxRows(w.db.conn.sqlite, 'conversation:1:organizer#update')).toEqual([]);
    const files = icsFiles(w, 'conversation:1:ics:%:1');
    expect(files.map((f) => f.address)).toEqual([w.emp.slackId]);
    for (const line of ['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:1']) expect(files[0]!.content).toContain(line);

    const [audit] = w.audits('conversation.cancel');
    expect(audit).toMatchObject({ actor_id: w.hr.id, subject_id: '1' });
    expect(JSON.parse(audit!.detail)).toMatchObject({ organizerLeft: w.m1.id, sequence: 1, reason: true });

    // No reminder follows, the button is gone, and it cannot be cancelled twice.
    w.db.clock.set('2026-11-24T05:00:00Z');
    expect((await tick()).conversationReminders).toBe(0);
    expect(await recordButtons(w.hr)).toEqual([]);
    expect(await h.submit(w.hr, FORMS.cancelConversation, '1', {})).toMatchObject({
      kind: 'error',
      text: 'This conversation was cancelled.',
    });
    expect(w.audits('conversation.cancel')).toHaveLength(1);
  });
});
