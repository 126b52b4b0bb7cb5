/**
 * Issue 13 #6 and #14: "Schedule a conversation" schedules one, with a date and a time; both
 * people get it with an .ics calendar file and a reminder; afterwards the manager is asked to
 * record the note, pre-filled. Meeting links are clickable only when checked as https; training
 * sessions and a note's next check-in come as calendar files too.
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
import { makeRunEvidenceTick } from '../../../src/usecases/schedule/run-evidence-tick.js';
import { makeCreateTrainingPlan } from '../../../src/usecases/evidence/create-training-plan.js';
import { followUpValue } from '../../../src/ui/screens/evidence/follow-ups.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import type { FormValues } from '../../../src/ui/model.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

const uploads = queuedUploads;

const valid = {
  date: '2026-11-24',
  start: '14:00',
  minutes: '30',
  place: 'Room 3',
  meeting_url: 'https://meet.example.com/abc',
  agenda: 'Tickets: what gets in the way.',
  kpis: ['tickets'],
};

describe('scheduling a conversation', () => {
  it('plans it with date and time, sends both people a DM and an .ics, reminds them, then asks for the note', async () => {
    w = makeEvidenceWorld(); // Monday 23 Nov 2026, 09:00 in Shanghai
    const h = routerHarness(w);
    const form = formOf(await h.click(w.m1, ACTIONS.scheduleConversation, followUpValue(w.emp.id, ['tickets'])));
    expect(form.formId).toBe(FORMS.scheduleConversation);
    expect(form.inputs.map((i) => i.id)).toEqual([
      'date',
      'start',
      'minutes',
      'place',
      'meeting_url',
      'agenda',
      'kpis',
    ]);
    expect(form.inputs.find((i) => i.id === 'date')).toMatchObject({ initial: '2026-11-24' });
    expect(form.inputs.find((i) => i.id === 'start')).toMatchObject({ hint: 'In Asia/Shanghai.' });

    // Bad input: every problem at once, localised, and nothing written.
    const before = count(w.db.conn.sqlite, 'outbox');
    expect(
      await h.submit(w.m1, FORMS.scheduleConversation, form.state, {
        date: '2020-01-01',
        start: '25:00',
        minutes: '7',
        place: '',
        meeting_url: 'javascript:alert(1)',
        agenda: '',
      }),
    ).toEqual({
      kind: 'formErrors',
      errors: {
        date: 'This date has passed: pick today or a later day, up to 2027-02-21.',
        start: 'Enter a time as HH:MM, e.g. 14:30.',
        minutes: 'Pick a length from the list.',
        meeting_url: 'Paste the meeting’s https link as it is, e.g. https://meet.example.com/abc.',
        agenda: 'This field is required.',
      },
    });
    const errorsOf = async (values: FormValues) => {
      const r = await h.submit(w.m1, FORMS.scheduleConversation, form.state, { ...valid, ...values });
      return r.kind === 'formErrors' ? r.errors : r;
    };
    expect(await errorsOf({ meeting_url: 'http://meet.example.com/abc' })).toHaveProperty('meeting_url');
    expect(await errorsOf({ place: '', meeting_url: '' })).toEqual({ place: 'Give a place, a meeting link, or both.' });
    expect(await errorsOf({ date: '2026-11-23', start: '08:30' })).toEqual({
      start: 'That time has already passed: pick a later one.',
    });
    expect(await errorsOf({ date: '2027-03-01' })).toEqual({ date: 'Pick a date from 2026-11-23 to 2027-02-21.' });
    expect(count(w.db.conn.sqlite, 'planned_conversations')).toBe(0);
    expect(count(w.db.conn.sqlite, 'outbox')).toBe(before);
    // Someone outside the chain may not plan one, whatever the form says.
    expect(await h.submit(w.m2, FORMS.scheduleConversation, form.state, valid)).toMatchObject({
      code: 'NOT_AUTHORIZED',
    });

    expect(await h.submit(w.m1, FORMS.scheduleConversation, form.state, valid)).toMatchObject({
      kind: 'ok',
      toast: `Conversation with ${w.emp.name} planned for Tue 24 Nov 14:00–14:30. You both have it, with a calendar file.`,
    });
    const [toEmp] = outboxRows(w.db.conn.sqlite, 'conversation:1:employee');
    expect(toEmp!.address).toBe(w.emp.slackId);
    expect(textOf(toEmp!.message)).toContain(`${w.m1.name} planned a conversation with you`);
    expect(textOf(toEmp!.message)).toContain('When: Tue 24 Nov 14:00–14:30');
    expect(textOf(toEmp!.message)).toContain('Where: Room 3 · [Join the meeting](https://meet.example.com/abc)');
    expect(textOf(toEmp!.message)).toContain('Tickets closed');
    expect(outboxRows(w.db.conn.sqlite, 'conversation:1:organizer')[0]!.address).toBe(w.m1.slackId);
    const ics = uploads(w, 'conversation:1:ics:%');
    expect(ics.map((u) => u.address)).toEqual([w.emp.slackId, w.m1.slackId]);
    expect(ics[0]!.file.filename).toBe('conversation-1.ics');
    for (const line of [
      'BEGIN:VCALENDAR',
      'UID:conversation-1@dandang',
      'DTSTART:20261124T060000Z',
      'DTEND:20261124T063000Z',
      'URL:https://meet.example.com/abc',
      'TRIGGER:-PT60M',
    ])
      expect(ics[0]!.file.content).toContain(line);
    expect(w.audits('conversation.schedule')).toHaveLength(1);

    // An hour before: both are reminded, once.
    const tick = makeRunEvidenceTick(w.deps);
    w.db.clock.set('2026-11-24T04:59:00Z');
    expect((await tick()).conversationReminders).toBe(0);
    w.db.clock.set('2026-11-24T05:00:00Z');
    expect((await tick()).conversationReminders).toBe(2);
    expect((await tick()).conversationReminders).toBe(0);
    expect(outboxRows(w.db.conn.sqlite, 'conversation:1:reminder:%').map((r) => r.message.text)).toEqual([
      `In an hour: your conversation with ${w.m1.name}, Tue 24 Nov 14:00–14:30.`,
      `In an hour: your conversation with ${w.emp.name}, Tue 24 Nov 14:00–14:30.`,
    ]);

    // Once it is over, the organizer is asked to record the note.
    w.db.clock.set('2026-11-24T06:31:00Z');
    expect((await tick()).conversationNotePrompts).toBe(1);
    const [prompt] = outboxRows(w.db.conn.sqlite, 'conversation:1:record-note');
    expect(prompt!.address).toBe(w.m1.slackId);
    const [record] = buttonsOf(prompt!.message);
    expect(record).toMatchObject({ actionId: ACTIONS.recordConversationNote, label: 'Record the note', value: '1' });

    const noteForm = formOf(await h.click(w.m1, record!.actionId, record!.value));
    expect(noteForm.formId).toBe(FORMS.note);
    expect(noteForm.inputs.find((i) => i.id === 'held_on')).toMatchObject({ initial: '2026-11-24' });
    expect(noteForm.inputs.find((i) => i.id === 'kpis')).toMatchObject({ initial: ['tickets'] });
    expect(textOf({ text: '', blocks: noteForm.intro ?? [] })).toContain('Agenda: Tickets: what gets in the way.');
    const saved = await h.submit(w.m1, FORMS.note, noteForm.state, {
      kind: 'one_on_one',
      held_on: '2026-11-24',
      discussion: 'We went through the queue together.',
      kpis: ['tickets'],
      visibility: 'shared',
    });
    expect(saved.kind).toBe('ok');
    expect(w.db.conn.sqlite.prepare('SELECT status, note_id AS noteId FROM planned_conversations').get()).toEqual({
      status: 'recorded',
      noteId: 1,
    });
    const done = outboxRows(w.db.conn.sqlite, 'conversation:1:record-note#update%').at(-1)!;
    expect(textOf(done.message)).toContain('✅ Note recorded on 2026-11-24.');
    expect(buttonsOf(done.message)).toEqual([]);
    expect(await h.click(w.m1, record!.actionId, record!.value)).toMatchObject({
      kind: 'error',
      text: 'The note of this conversation is already recorded.',
    });
    // The employee's record lists it.
    const own = await h.click(w.emp, ACTIONS.viewRecord, w.emp.id);
    expect(own.kind === 'ok' && textOf(own.message!)).toContain(
      `Tue 24 Nov 14:00–14:30 with ${w.m1.name} · note recorded · Room 3 · [Join the meeting](https://meet.example.com/abc)`,
    );
  });

  it('sends a shared note’s next check-in and a training plan’s sessions as calendar files', async () => {
    w = makeEvidenceWorld();
    const h = routerHarness(w);
    const noteForm = formOf(await h.click(w.m1, ACTIONS.promptConversation, followUpValue(w.emp.id, ['tickets'])));
    expect(
      (
        await h.submit(w.m1, FORMS.note, noteForm.state, {
          kind: 'one_on_one',
          held_on: '2026-11-23',
          discussion: 'Weekly check-in.',
          next_check_in: '2026-12-01',
          visibility: 'shared',
        })
      ).kind,
    ).toBe('ok');
    const checkIn = uploads(w, 'note:1:check-in-ics:%');
    expect(checkIn.map((u) => u.address)).toEqual([w.emp.slackId, w.m1.slackId]);
    expect(checkIn[0]!.file.content).toContain('DTSTART;VALUE=DATE:20261201');

    const plan = valueOf(
      makeCreateTrainingPlan(w.deps)({
        actorId: w.m1.id,
        personId: w.emp.id,
        values: {
          kpis: ['tickets'],
          goal: 'Close 40 tickets a week',
          content: 'Queue triage.',
          trainer_person: w.peer.id,
          session1_date: '2026-11-24',
          session1_start: '14:00',
          session1_end: '16:00',
          session1_place: 'https://meet.example.com/train',
          session2_date: '2026-11-25',
          session2_start: '14:00',
          session2_end: '15:00',
          session2_place: 'Room [3] https://evil.example.com',
          expected: '40 a week',
        },
      }),
    ).plan;
    const files = uploads(w, `training:${plan.id}:ics:%`);
    expect(files.map((u) => u.address)).toEqual([w.emp.slackId, w.peer.slackId]);
    expect(files[0]!.file.content.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(files[0]!.file.content).toContain('URL:https://meet.example.com/train');
    // A place that is a checked https link is clickable; any other text stays text, links and all.
    const dm = textOf(outboxRows(w.db.conn.sqlite, `training:${plan.id}:employee`)[0]!.message);
    expect(dm).toContain('[meet.example.com/train](https://meet.example.com/train)');
    expect(dm).toContain('Room \\[3\\] https://evil.example.com');
  });
});
