/**
 * Issue 13 #11: the Home (`/dandang home`), one screen per person that Slack's App Home, the Feishu
 * bot menu's `home` entry and the local workspace's sidebar all show. Through the real router on the
 * demo organisation: each section's buttons act on what is really due, a pressed button's work
 * leaves the Home, and its shortcuts are the Feishu menu's entries for that reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { testSettings } from '../support/org.js';
import { loadDemo } from '../../adapters/local/demo/index.js';
import { BOT_MENU } from '../../adapters/feishu/parse/menu.js';
import { makeRouter, type Router } from '../../src/app/router.js';
import { allFeatures } from '../../src/app/features.js';
import { actorOf } from '../../src/app/actor.js';
import { ACTIONS, FORMS } from '../../src/ui/actions.js';
import { MENU_ENTRIES, entriesFor } from '../../src/ui/screens/home/entries.js';
import { visibleText } from '../../src/ui/markup.js';
import type { Button, Message, Reply } from '../../src/ui/model.js';
import { seedEndedPlan } from '../support/ended-plan.js';

let db: TestDb;
let router: Router;
const settings = testSettings({ timezone: 'Asia/Shanghai' });

beforeAll(() => {
  db = makeTestDb({ platforms: ['local'], now: '2026-11-24T02:00:00Z' });
  loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
  router = makeRouter(allFeatures({ store: db.store, clock: db.clock, settings }), { store: db.store });
});
afterAll(() => db?.cleanup());

const actor = (id: string) =>
  actorOf(
    db.store.read((tx) => tx.org.person(id))!,
    'local',
    settings,
  );
const command = (id: string, cmd: 'dandang' | 'review' | 'offboard', args: string, mentions: string[] = []) =>
  router.dispatch({ kind: 'command', actor: actor(id), command: cmd, args, mentions });
const press = (id: string, actionId: Button['actionId'], value: string) =>
  router.dispatch({ kind: 'action', actor: actor(id), actionId, value });

async function home(id: string): Promise<Message> {
  const reply = await command(id, 'dandang', 'home');
  if (reply.kind !== 'ok' || !reply.message) throw new Error(`no Home for ${id}: ${JSON.stringify(reply)}`);
  return reply.message;
}
const buttons = (m: Message, actionId?: string): Button[] =>
  m.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).filter((b) => !actionId || b.actionId === actionId);
const text = (m: Message) =>
  m.blocks
    .map((b) => ('text' in b ? visibleText(b.text, (pid) => pid) : ''))
    .filter(Boolean)
    .join('\n');
const okMessage = (r: Reply) => (r.kind === 'ok' ? r.message : undefined);

describe('the Home (issue 13 #11)', () => {
  it('shows a manager each review due with its button, and the team’s cycle', async () => {
    const m = await home('lina');
    const pending = db.store.read((tx) => tx.reviews.pendingSlotsOf('lina'));
    expect(pending.length).toBe(3);
    expect(buttons(m, ACTIONS.openReviewForm).map((b) => b.value)).toEqual(pending.map((s) => String(s.id)));
    expect(text(m)).toContain('Reviews due');
    expect(text(m)).toMatch(/Sales, Week 48: 0\/3 reviews done/);

    // The button opens that report's review form; once submitted it leaves the Home.
    const form = await press('lina', ACTIONS.openReviewForm, String(pending[0]!.id));
    expect(form.kind).toBe('form');
    const submitted = await router.dispatch({
      kind: 'submit',
      actor: actor('lina'),
      formId: FORMS.review,
      state: String(pending[0]!.id),
      values: { kpi_revenue: '210', kpi_new_accounts: '3', rating: '4', strengths: 'Steady week.', improvement: '' },
    });
    expect(submitted.kind).toBe('ok');
    const after = await home('lina');
    expect(buttons(after, ACTIONS.openReviewForm).map((b) => b.value)).not.toContain(String(pending[0]!.id));
    expect(text(after)).toMatch(/Sales, Week 48: 1\/3 reviews done/);
  });

  it('shows a manager the disputes nobody has answered, with Amend and Reply, until one is answered', async () => {
    const m = await home('emily');
    const amend = buttons(m, ACTIONS.amendReview);
    expect(amend.length).toBeGreaterThan(0);
    expect(text(m)).toContain('Tom Baker disputed your review');
    const reviewId = amend[0]!.value;
    expect(buttons(m, ACTIONS.replyToDispute).map((b) => b.value)).toContain(reviewId);
    expect((await press('emily', ACTIONS.replyToDispute, reviewId)).kind).toBe('form');
    const replied = await router.dispatch({
      kind: 'submit',
      actor: actor('emily'),
      formId: FORMS.disputeReply,
      state: reviewId,
      values: { reply: 'The outage is noted; the week will not count against you.' },
    });
    expect(replied.kind).toBe('ok');
    expect(buttons(await home('emily'), ACTIONS.amendReview).map((b) => b.value)).not.toContain(reviewId);
    // Someone else's report's dispute is never on a manager's Home.
    expect(buttons(await home('lina'), ACTIONS.amendReview)).toEqual([]);
  });

  it('shows a manager what waits on them: a plan to complete, then its reassessment, a note to record', async () => {
    const planId = seedEndedPlan(db.store, db.clock, {
      employeeId: 'ben',
      managerId: 'lina',
      jobId: 'sales-rep',
      kpiKeys: ['revenue'],
      goal: 'Pipeline discipline',
    });
    const hour = 3_600_000;
    const now = db.clock.now();
    const [ended] = db.store.tx((tx) =>
      [
        [now - 2 * hour, now - hour],
        [now + 26 * hour, now + 27 * hour],
      ].map(([startsAt, endsAt]) =>
        tx.evidence.insertConversation({
          personId: 'alice',
          organizerId: 'lina',
          startsAt: startsAt!,
          endsAt: endsAt!,
          location: 'Room 5',
          meetingUrl: null,
          agenda: 'Next quarter',
          kpiKeys: [],
          reviewId: null,
        }),
      ),
    );
    const m = await home('lina');
    expect(text(m)).toContain('To finish');
    expect(buttons(m, ACTIONS.completeTraining).map((b) => b.value)).toEqual([String(planId)]);
    expect(buttons(m, ACTIONS.recordConversationNote).map((b) => b.value)).toEqual([String(ended!.id)]);
    expect(text(m)).toContain('Conversation with Alice Wang: Wed 25 Nov');
    // Nobody else's Home offers them.
    expect(buttons(await home('emily'), ACTIONS.completeTraining)).toEqual([]);

    expect((await press('lina', ACTIONS.recordConversationNote, String(ended!.id))).kind).toBe('form');
    expect((await press('lina', ACTIONS.completeTraining, String(planId))).kind).toBe('ok');
    const after = await home('lina');
    expect(buttons(after, ACTIONS.completeTraining)).toEqual([]);
    expect(buttons(after, ACTIONS.openReassessment).map((b) => b.value)).toEqual([String(planId)]);
    expect((await press('lina', ACTIONS.openReassessment, String(planId))).kind).toBe('form');
  });

  it('lists a manager’s people with what a manager does about them, each button opening its form', async () => {
    const m = await home('lina');
    expect(text(m)).toContain('Your people');
    const about = (actionId: string) => buttons(m, actionId).map((b) => b.value);
    const ids = buttons(m, ACTIONS.viewRecord)
      .map((b) => b.value)
      .filter((v) => v !== 'lina');
    expect(ids.sort()).toEqual(['alice', 'ben', 'zhangwei']);
    for (const actionId of [ACTIONS.scheduleConversation, ACTIONS.promptConversation, ACTIONS.promptTrainingPlan]) {
      const values = about(actionId);
      expect(values.map((v) => JSON.parse(v).p).sort()).toEqual(['alice', 'ben', 'zhangwei']);
      const form = await press(
        'lina',
        actionId,
        values.find((v) => JSON.parse(v).p === 'zhangwei')!,
      );
      expect(form.kind).toBe('form');
      // The same button about someone else's report is refused: the value is never trusted.
      expect((await press('lina', actionId, JSON.stringify({ p: 'tom', k: [] }))).kind).toBe('error');
    }
    expect(okMessage(await press('lina', ACTIONS.viewRecord, 'zhangwei'))?.text).toContain('张伟');
    // Someone with no reports has no such section.
    expect(text(await home('alice'))).not.toContain('Your people');
  });

  it('shows an employee their record and the reviews awaiting an answer, with Acknowledge and Dispute', async () => {
    const m = await home('ben');
    expect(text(m)).toContain('Your record');
    const ack = buttons(m, ACTIONS.acknowledgeReview);
    expect(ack.length).toBe(1);
    expect(buttons(m, ACTIONS.disputeReview).map((b) => b.value)).toEqual([ack[0]!.value]);
    expect(buttons(m, ACTIONS.viewRecord).map((b) => b.value)).toEqual(['ben']);
    expect(buttons(m, ACTIONS.openReviewForm)).toEqual([]);
    expect((await press('ben', ACTIONS.acknowledgeReview, ack[0]!.value)).kind).toBe('ok');
    const after = await home('ben');
    expect(buttons(after, ACTIONS.acknowledgeReview)).toEqual([]);
    expect(text(after)).toContain('You acknowledged it.');
  });

  it('shows HR every team and the open cases, each with a button that brings its card back', async () => {
    const before = await home('chenjing');
    expect(text(before)).toContain('没有进行中的案件');
    expect(text(before)).toMatch(/Sales，第 48 周：已完成 1\/3 份考核/);
    expect(text(before)).toMatch(/Warehouse，第 48 周/);

    const opened = await command('lina', 'offboard', 'zhangwei 培训后仍未达到销售目标', ['zhangwei']);
    expect(opened.kind).toBe('ok');
    const id = db.store.read((tx) => tx.cases.open('zhangwei')[0]!.id);
    const m = await home('chenjing');
    expect(text(m)).toContain(`案件 #${id}：张伟`);
    const card = buttons(m, ACTIONS.menuEntry).find((b) => b.value === `case:${id}`)!;
    expect(card.label).toBe(`案件 #${id}：张伟`);
    const shown = okMessage(await press('chenjing', ACTIONS.menuEntry, card.value));
    expect(JSON.stringify(shown)).toContain('张伟');
    // No one else's Home lists cases.
    expect(buttons(await home('lina'), ACTIONS.menuEntry).map((b) => b.value)).not.toContain(`case:${id}`);
  });

  it('offers each reader the Feishu bot menu’s entries for them, which run their commands', async () => {
    const keys = (m: Message) =>
      buttons(m, ACTIONS.menuEntry)
        .map((b) => b.value)
        .filter((v) => !v.includes(':'));
    const expected = (r: { isHr: boolean; isManager: boolean }) =>
      entriesFor(r)
        .map((e) => e.key)
        .filter((k) => k !== 'home');
    expect(keys(await home('alice'))).toEqual(expected({ isHr: false, isManager: false }));
    expect(keys(await home('lina'))).toEqual(expected({ isHr: false, isManager: true }));
    expect(keys(await home('chenjing'))).toEqual(expected({ isHr: true, isManager: false }));
    expect(keys(await home('alice'))).not.toContain('offboard_status');
    // The menu has exactly these entries, and `home` for the Home itself.
    expect(Object.keys(BOT_MENU)).toEqual(MENU_ENTRIES.map((e) => e.key));
    expect(BOT_MENU.home).toEqual({ command: 'dandang', args: 'home' });

    // A shortcut is the command, answered as if typed.
    const typed = await command('lina', 'review', 'status');
    expect(await press('lina', ACTIONS.menuEntry, 'review_status')).toEqual(typed);
    // A forged value names no entry: refused, in the reader's language.
    for (const forged of ['nope', 'case:', 'case:abc', 'help:3', '__proto__', 'review_status; drop'])
      expect(await press('chenjing', ACTIONS.menuEntry, forged)).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
  });

  it('is in the reader’s language, names no raw ids, and survives a reader who left', async () => {
    const zh = await home('zhangwei');
    expect(text(zh)).toContain('主页：张伟');
    expect(text(zh)).toContain('我的记录');
    expect(text(zh)).not.toMatch(/Reviews due|Your record|zhangwei/);
    db.store.tx((tx) => tx.org.setActive('sunli', false));
    expect(await command('sunli', 'dandang', 'home')).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
  });
});
