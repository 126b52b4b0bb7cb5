import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { MANAGERS, seedReviewOrg, slackIdOf } from './org.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';
import type { ReviewSlot } from '../../../src/ports/repos/reviews.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';
const count = (h: SlackHarness, table: string) =>
  (h.db.conn.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

async function startCycle(h: SlackHarness): Promise<void> {
  const res = await h.slackReq.slashCommand(slackIdOf('hana'), '/review', 'start eng');
  expect(res.status).toBe(200);
}

const nudgeOf = (h: SlackHarness, manager: string) => h.fake.dmsWithKey(slackIdOf(manager), 'nudge:');
const slotsOf = (h: SlackHarness, manager: string) =>
  h.db.store.tx((tx) => tx.reviews.pendingSlotsOf(manager)) as ReviewSlot[];

/** The view the last views.open call showed. */
const lastOpenedView = (h: SlackHarness) => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined;

describe('the weekly review loop through Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-23T10:00:00Z' });
    seedReviewOrg(h);
  });
  afterEach(async () => h.close());

  it('opening a cycle for 3 managers × 3 reports sends exactly 3 nudges', async () => {
    await startCycle(h);
    await waitFor(() => MANAGERS.every((m) => nudgeOf(h, m).length === 1), 'a nudge for each manager');
    h.slack.wakeSender();
    await h.slack.senderIdle();
    const nudges = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => String(c.args.metadata?.event_payload?.key).startsWith('nudge:'));
    expect(nudges).toHaveLength(3);
    for (const m of MANAGERS) {
      const [nudge] = nudgeOf(h, m);
      expect(buttonsIn(nudge!.blocks)).toHaveLength(3);
    }
  });

  it('a sender killed mid fan-out and restarted still gives each manager exactly one nudge', async () => {
    // Slow pacing so the kill lands mid-way; the first post is accepted but its response is lost.
    await h.restartAdapter({ pacing: { global: [{ ratePerSec: 0.2, burst: 1 }] } });
    h.fake.dropAfterAccept('chat.postMessage', 1);
    await startCycle(h);
    await waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, 'the first (lost) post');
    await h.slack.stop(); // the crash: the first nudge is in Slack but its row still says 'sending'
    expect(MANAGERS.filter((m) => nudgeOf(h, m).length > 0).length).toBeLessThan(3);

    await h.restartAdapter({ pacing: { global: [{ ratePerSec: 100, burst: 10 }] } });
    await waitFor(() => MANAGERS.every((m) => nudgeOf(h, m).length >= 1), 'every manager nudged');
    await h.slack.senderIdle();
    for (const m of MANAGERS) expect(nudgeOf(h, m)).toHaveLength(1);
    // The lost post was found in the conversation (by its metadata key), not posted again.
    expect(h.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(3);
    const pending = h.db.conn.sqlite
      .prepare(`select count(*) n from outbox where key like 'nudge:%' and status != 'sent'`)
      .get() as { n: number };
    expect(pending.n).toBe(0);
  });

  it('form round trip: button → modal → inline error → stored → employee DM → Acknowledge', async () => {
    await startCycle(h);
    const [nudge] = await waitFor(() => (nudgeOf(h, 'm1').length ? nudgeOf(h, 'm1') : null), 'the nudge');
    const [first] = buttonsIn(nudge!.blocks);
    await h.slackReq.clickButton(slackIdOf('m1'), first!, { messageTs: nudge!.ts });
    const view = await waitFor(() => lastOpenedView(h), 'the review modal');
    expect(view.callback_id).toBe('review.form');
    const slotId = Number(view.private_metadata);
    const slot = h.db.store.tx((tx) => tx.reviews.slot(slotId))!;

    // Calls below target and no improvement suggestion: rejected inline, nothing stored.
    const answers = { kpi_calls: '30', kpi_churn: '1', rating: '3', strengths: 'Friendly with customers' };
    const rejected = await h.slackReq.submitView(slackIdOf('m1'), view, answers);
    expect(rejected.status).toBe(200);
    expect(rejected.json?.response_action).toBe('errors');
    expect(Object.keys(rejected.json?.errors ?? {})).toEqual(['improvement']);
    expect(count(h, 'reviews')).toBe(0);

    const accepted = await h.slackReq.submitView(slackIdOf('m1'), view, {
      ...answers,
      improvement: 'Make ten more calls a day',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json?.response_action ?? 'clear').not.toBe('errors');
    const review = h.db.store.tx((tx) => tx.reviews.reviewBySlot(slotId))!;
    expect(review).toMatchObject({ rating: 3, improvement: 'Make ten more calls a day', authorId: 'm1' });

    // The employee gets the review in a DM, and the manager's nudge shows progress.
    const employee = slackIdOf(slot.employeeId);
    const [dm] = await waitFor(
      () => (h.fake.dmsWithKey(employee, 'review:').length ? h.fake.dmsWithKey(employee, 'review:') : null),
      'the employee DM',
    );
    expect(JSON.stringify(dm!.blocks)).toContain('Make ten more calls a day');
    await waitFor(() => h.fake.callsTo('chat.update').some((c) => c.args.ts === nudge!.ts), 'the nudge to update');

    const ack = buttonsIn(dm!.blocks).find((b) => b.action_id.startsWith('review.acknowledge'))!;
    await h.slackReq.clickButton(employee, ack, { messageTs: dm!.ts });
    const recorded = await waitFor(
      () => h.db.store.tx((tx) => tx.acks.find('review', String(review.id), slot.employeeId)),
      'the acknowledgment',
    );
    expect(recorded.state).toBe('acknowledged');

    // The employee's App Home shows their own record, with this review on it.
    await h.slackReq.event({ type: 'app_home_opened', user: employee, tab: 'home' });
    const home = await waitFor(
      () => h.fake.callsTo('views.publish').find((c) => c.args.user_id === employee),
      'the home tab',
    );
    expect(home.args.view.type).toBe('home');
    expect(JSON.stringify(home.args.view.blocks)).toContain(review.periodLabel);
  });

  it('a report without KPIs: define them in the modal, which then turns into the review form', async () => {
    h.db.store.tx((tx) => tx.org.upsertJob({ id: 'new', title: 'New role', duties: 'TBD', requirements: 'TBD' }));
    const moved = h.db.store.tx((tx) => tx.org.person('m3r1'))!;
    h.db.store.tx((tx) => tx.org.upsertPerson({ ...moved, jobId: 'new' }));
    await startCycle(h);
    const slot = slotsOf(h, 'm3').find((s) => s.employeeId === 'm3r1')!;
    const kpiView = await openReviewModal(h, 'm3', slot.id);
    expect(kpiView.callback_id).toBe('kpi.define_form');

    const res = await h.slackReq.submitView(slackIdOf('m3'), kpiView, {
      kpis: 'calls | Calls | per day | 40 | higher',
    });
    expect(res.json?.response_action).toBe('update');
    expect(res.json?.view.callback_id).toBe('review.form');
    expect(res.json?.view.private_metadata).toBe(String(slot.id));
    // The employee is asked to acknowledge the new KPIs (the law wants targets known in advance).
    await waitFor(() => h.fake.dmsWithKey(slackIdOf('m3r1'), 'kpis:').length === 1, 'the KPI acknowledgment DM');
  });

  it('a dispute keeps the comment verbatim', async () => {
    await startCycle(h);
    const slot = slotsOf(h, 'm2')[0]!;
    const view = await openReviewModal(h, 'm2', slot.id);
    await h.slackReq.submitView(slackIdOf('m2'), view, { kpi_calls: '45', kpi_churn: '0', rating: '4' });
    const review = h.db.store.tx((tx) => tx.reviews.reviewBySlot(slot.id))!;
    const employee = slackIdOf(slot.employeeId);
    const [dm] = await waitFor(
      () => (h.fake.dmsWithKey(employee, 'review:').length ? h.fake.dmsWithKey(employee, 'review:') : null),
      'the employee DM',
    );

    const dispute = buttonsIn(dm!.blocks).find((b) => b.action_id.startsWith('review.dispute'))!;
    const opensBefore = h.fake.callsTo('views.open').length;
    await h.slackReq.clickButton(employee, dispute, { messageTs: dm!.ts });
    const disputeView = await waitFor(
      () => (h.fake.callsTo('views.open').length > opensBefore ? lastOpenedView(h) : null),
      'the dispute modal',
    );
    const comment = 'I made 45 calls *every* day <b>&amp;</b> — see the CRM.\n  Second line, 100% 🙂';
    const commentInput = disputeView.blocks.find((b) => b.type === 'input')!.block_id!;
    const res = await h.slackReq.submitView(employee, disputeView, { [commentInput]: comment });
    expect(res.json?.response_action ?? 'clear').not.toBe('errors');
    const recorded = h.db.store.tx((tx) => tx.acks.find('review', String(review.id), slot.employeeId))!;
    expect(recorded).toMatchObject({ state: 'disputed', comment });
  });

  it("refuses a manager's submission for someone else's report and writes nothing", async () => {
    await startCycle(h);
    const otherSlot = slotsOf(h, 'm1')[0]!;
    const ownView = await openReviewModal(h, 'm2', slotsOf(h, 'm2')[0]!.id);
    const before = { reviews: count(h, 'reviews'), audit: count(h, 'audit_log'), outbox: count(h, 'outbox') };

    // m2 replays their own modal with m1's slot id in private_metadata (untrusted form state).
    const forged = { ...ownView, private_metadata: String(otherSlot.id) };
    const res = await h.slackReq.submitView(slackIdOf('m2'), forged, { kpi_calls: '50', kpi_churn: '0', rating: '5' });
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe('update');
    expect(JSON.stringify(res.json?.view)).toContain('not allowed');
    expect({ reviews: count(h, 'reviews'), audit: count(h, 'audit_log'), outbox: count(h, 'outbox') }).toEqual(before);
    expect(h.db.store.tx((tx) => tx.reviews.slot(otherSlot.id))!.status).toBe('pending');
  });
});

/** Clicks "open form" for one slot the way the nudge button does, and returns the modal. */
async function openReviewModal(h: SlackHarness, manager: string, slotId: number): Promise<OpenedView> {
  const before = h.fake.callsTo('views.open').length;
  await h.slackReq.clickButton(slackIdOf(manager), { action_id: 'review.open_form', value: String(slotId) });
  return waitFor(
    () =>
      h.fake.callsTo('views.open').length > before
        ? (h.fake.callsTo('views.open').at(-1)!.args.view as OpenedView)
        : null,
    'the modal',
  );
}
