/**
 * Issue 13 #5 and #8: after a dispute the manager has somewhere to go. The dispute DM offers Amend
 * the review, Reply and Schedule a conversation; a reply is kept in the record and shown to the
 * employee; a submitted review can be amended from `/review @person` and from the record view, and
 * the employee's DM then shows both figures. HR hears of every dispute (the HR partner, else the
 * HR channel) and `/review status all` lists the ones nobody has answered.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedOrg, seedTeams, testSettings, type SeededTeams } from '../../support/org.js';
import { makeRouter, type Router } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import { ACTIONS, FORMS, type ActionId, type FormId } from '../../../src/ui/actions.js';
import type { Reply, FormValues } from '../../../src/ui/model.js';
import type { Person } from '../../../src/ports/records.js';
import { outboxRows, textOf, buttonsOf, count } from './support.js';

const good = { kpi_tickets: '30', kpi_response: '3', rating: '2', improvement: 'More tickets', comment: '' };

describe('answering a disputed review', () => {
  let db: TestDb;
  let org: SeededTeams;
  let router: Router;
  let alice: Person;
  let manager: Person;
  const settings = testSettings({ timezone: 'UTC' });

  const who = (p: Person) => ({
    person: db.store.tx((tx) => tx.org.person(p.id))!,
    platform: 'slack' as const,
    locale: 'en' as const,
  });
  const click = (p: Person, actionId: ActionId, value: string) =>
    router.dispatch({ kind: 'action', actor: who(p), actionId, value });
  const submit = (p: Person, formId: FormId, state: string, values: FormValues) =>
    router.dispatch({ kind: 'submit', actor: who(p), formId, state, values });
  const command = (p: Person, command: 'review', args: string, mentions: string[] = []) =>
    router.dispatch({ kind: 'command', actor: who(p), command, args, mentions });
  const form = (r: Reply) => {
    if (r.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(r)}`);
    return r.form;
  };

  beforeEach(async () => {
    db = makeTestDb({ now: '2026-11-24T10:00:00Z' });
    org = seedTeams(db.store, { managers: 2, reportsPerManager: 2 });
    router = makeRouter(allFeatures({ store: db.store, clock: db.clock, settings }));
    manager = org.managers[0]!;
    alice = org.reports[0]![0]!;
    expect((await command(org.hr, 'review', 'start')).kind).toBe('ok');
    const slot = db.conn.sqlite.prepare('SELECT id FROM review_slots WHERE employee_id = ?').pluck().get(alice.id);
    expect((await submit(manager, FORMS.review, String(slot), good)).kind).toBe('ok');
  });
  afterEach(() => db.cleanup());

  const reviewId = () => db.conn.sqlite.prepare('SELECT id FROM reviews').pluck().get() as number;
  const dispute = () =>
    submit(alice, FORMS.disputeReview, String(reviewId()), { comment: 'I closed 41 tickets; 11 were merged away.' });

  it('offers Amend, Reply and Schedule; a reply reaches the employee and the record; HR hears of it', async () => {
    // Before anything is disputed, HR's status has no open dispute.
    const before = await command(org.hr, 'review', 'status all');
    expect(before.kind === 'ok' && textOf(before.message!)).toContain('No dispute is waiting for an answer.');

    expect(await dispute()).toMatchObject({ kind: 'ok', toast: 'Your dispute is recorded.' });
    const id = reviewId();
    const [notice] = outboxRows(db.conn.sqlite, `review:${id}:disputed`);
    expect(notice!.address).toBe(manager.slackId);
    expect(textOf(notice!.message)).toContain(
      `${alice.name} disputed the review for 2026-W48: “I closed 41 tickets; 11 were merged away.”`,
    );
    expect(buttonsOf(notice!.message).map((b) => [b.actionId, b.label])).toEqual([
      [ACTIONS.amendReview, 'Amend the review'],
      [ACTIONS.replyToDispute, 'Reply'],
      [ACTIONS.scheduleConversation, 'Schedule a conversation'],
    ]);
    expect(JSON.parse(buttonsOf(notice!.message)[2]!.value)).toEqual({ p: alice.id, k: ['tickets'], r: id });

    // No HR partner on file: the HR channel is told, with the way to the record.
    const [hr] = outboxRows(db.conn.sqlite, `review:${id}:disputed:hr`);
    expect(hr!.address).toBe('CHR');
    expect(hr!.message.text).toBe(
      `${alice.name} disputed the 2026-W48 review written by ${manager.name}: “I closed 41 tickets; 11 were merged away.”`,
    );
    expect(buttonsOf(hr!.message).map((b) => [b.actionId, b.value])).toEqual([[ACTIONS.viewRecord, alice.id]]);
    const open = await command(org.hr, 'review', 'status all');
    const openText = open.kind === 'ok' ? textOf(open.message!) : '';
    expect(openText).toContain('Open disputes (1)');
    expect(openText).toContain(
      `**${alice.name}** · 2026-W48 review by ${manager.name} · disputed 2026-11-24, 0 days ago`,
    );
    // The status is HR's: a manager asking for all departments is refused.
    expect(await command(manager, 'review', 'status all')).toMatchObject({ kind: 'error', code: 'NOT_AUTHORIZED' });

    // Reply: the form shows the comment; a blank reply is refused and writes nothing.
    const replyForm = form(await click(manager, ACTIONS.replyToDispute, String(id)));
    expect(replyForm.formId).toBe(FORMS.disputeReply);
    expect(textOf({ text: '', blocks: replyForm.intro ?? [] })).toContain('11 were merged away');
    expect(await submit(manager, FORMS.disputeReply, String(id), { reply: '  ' })).toEqual({
      kind: 'formErrors',
      errors: { reply: 'This field is required.' },
    });
    // Someone outside the chain cannot reply, even with the form state.
    expect(await submit(org.managers[1]!, FORMS.disputeReply, String(id), { reply: 'x' })).toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect(count(db.conn.sqlite, 'review_replies')).toBe(0);

    const text = 'Merged tickets count once: we agreed that in September. Let us look at the list together.';
    expect(await submit(manager, FORMS.disputeReply, String(id), { reply: text })).toMatchObject({
      kind: 'ok',
      toast: `Reply sent to ${alice.name} and kept in their record.`,
    });
    const [toAlice] = outboxRows(db.conn.sqlite, `review:${id}:reply:%`);
    expect(toAlice!.address).toBe(alice.slackId);
    expect(toAlice!.message.text).toContain(`${manager.name} replied to your dispute of the 2026-W48 review`);
    const aliceDm = outboxRows(db.conn.sqlite, `review:${id}:employee#update%`).at(-1)!;
    expect(textOf(aliceDm.message)).toContain(`💬 ${manager.name} replied on 2026-11-24: “${text}”`);
    const noticeNow = outboxRows(db.conn.sqlite, `review:${id}:disputed#update%`).at(-1)!;
    expect(textOf(noticeNow.message)).toContain('✅ Replied (1).');
    const record = await click(org.hr, ACTIONS.viewRecord, alice.id);
    expect(record.kind === 'ok' && textOf(record.message!)).toContain(`replied on 2026-11-24: “${text}”`);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'review.reply'")).toBe(1);

    // Answered: HR's list of open disputes is empty again.
    const after = await command(org.hr, 'review', 'status all');
    expect(after.kind === 'ok' && textOf(after.message!)).toContain('Open disputes (0)');
  });

  it('tells the HR partner on file rather than the channel', async () => {
    seedOrg(db.store, {
      jobs: [],
      people: [{ id: 'hrbp', name: 'Bea Partner', role: 'hr', department: 'hr', jobId: null }],
    });
    db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person(alice.id)!, hrPartnerId: 'hrbp' }));
    await dispute();
    const [hr] = outboxRows(db.conn.sqlite, `review:${reviewId()}:disputed:hr`);
    expect(hr!.address).toBe('UHRBP');
    expect(outboxRows(db.conn.sqlite, '%').filter((r) => r.address === 'CHR')).toEqual([]);
  });

  it('amends from /review @person and from the record; the employee DM shows both figures, marked as amended', async () => {
    await dispute();
    const id = reviewId();
    // Nothing pending for Alice: /review @alice says so and offers the amendment.
    const refused = await command(manager, 'review', alice.id, [alice.id]);
    expect(refused).toMatchObject({
      kind: 'error',
      text: `There is no open review for ${alice.name} right now. To change their 2026-W48 review, amend it: the original stays on record.`,
    });
    expect(refused.kind === 'error' && refused.actions?.map((b) => [b.actionId, b.value])).toEqual([
      [ACTIONS.amendReview, String(id)],
    ]);
    // The record view offers it too, to the author; not to the employee.
    const record = await command(manager, 'review', `mine ${alice.id}`, [alice.id]);
    expect(
      record.kind === 'ok' && buttonsOf(record.message!).find((b) => b.actionId === ACTIONS.amendReview),
    ).toMatchObject({
      label: 'Amend 2026-W48',
      value: String(id),
    });
    const own = await command(alice, 'review', 'mine');
    expect(own.kind === 'ok' && buttonsOf(own.message!).some((b) => b.actionId === ACTIONS.amendReview)).toBe(false);

    const amendForm = form(await click(manager, ACTIONS.amendReview, String(id)));
    expect(amendForm.formId).toBe(FORMS.amendReview);
    const saved = await submit(manager, FORMS.amendReview, String(id), {
      ...good,
      kpi_tickets: '41',
      rating: '3',
      improvement: '',
      reason: 'Merged tickets were counted out by mistake.',
    });
    expect(saved).toMatchObject({ kind: 'ok', toast: 'Amendment saved and recorded.' });
    const dm = outboxRows(db.conn.sqlite, `review:${id}:employee#update%`).at(-1)!;
    expect(textOf(dm.message)).toContain('✅ **Tickets closed**: 41 per week (target ≥ 40 per week) (was 30)');
    expect(textOf(dm.message)).toContain('Overall rating: 3 · Meets expectations (was 2 · Below expectations)');
    expect(textOf(dm.message)).toContain(
      `✏️ Amended on 2026-11-24 by ${manager.name}. Reason: Merged tickets were counted out by mistake.`,
    );
    const notice = outboxRows(db.conn.sqlite, `review:${id}:disputed#update%`).at(-1)!;
    expect(textOf(notice.message)).toContain('✅ Amended on 2026-11-24.');
  });
});
