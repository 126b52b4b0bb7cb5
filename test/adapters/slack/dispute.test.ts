/**
 * Issue 13 #5, #6 and #8 through Slack: the manager's DM about a dispute carries Amend the review,
 * Reply and Schedule a conversation; HR's channel hears of it; scheduling opens a real modal and
 * both people get the conversation with an .ics file uploaded to their DM; a reply reaches the
 * employee.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';

describe('a disputed review through Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-24T10:00:00Z' });
    seedReviewOrg(h);
  });
  afterEach(async () => h.close());

  const opened = async (before: number) =>
    waitFor(
      () =>
        h.fake.callsTo('views.open').length > before
          ? (h.fake.callsTo('views.open').at(-1)!.args.view as OpenedView)
          : null,
      'a modal',
    );
  const click = async (user: string, button: { action_id: string; value?: string }) => {
    const before = h.fake.callsTo('views.open').length;
    await h.slackReq.clickButton(user, button);
    return opened(before);
  };

  it('manager DM with three answers, HR told, a conversation scheduled with .ics files, a reply sent', async () => {
    expect((await h.slackReq.slashCommand(slackIdOf('hana'), '/review', 'start eng')).status).toBe(200);
    const slot = await waitFor(() => h.db.store.tx((tx) => tx.reviews.pendingSlotsOf('m2'))[0], 'a slot');
    const reviewView = await click(slackIdOf('m2'), { action_id: 'review.open_form', value: String(slot.id) });
    await h.slackReq.submitView(slackIdOf('m2'), reviewView, {
      kpi_calls: '30',
      kpi_churn: '0',
      rating: '2',
      improvement: 'Ten more calls a day',
    });
    const employee = slackIdOf(slot.employeeId);
    const [dm] = await waitFor(() => {
      const dms = h.fake.dmsWithKey(employee, 'review:');
      return dms.length ? dms : null;
    }, 'the employee DM');
    const disputeView = await click(
      employee,
      buttonsIn(dm!.blocks).find((b) => b.action_id.startsWith('review.dispute'))!,
    );
    const input = disputeView.blocks.find((b) => b.type === 'input')!.block_id!;
    await h.slackReq.submitView(employee, disputeView, { [input]: 'The CRM lost a day of my calls.' });
    const review = h.db.store.tx((tx) => tx.reviews.reviewBySlot(slot.id))!;

    const [notice] = await waitFor(() => {
      const m = h.fake.dmsWithKey(slackIdOf('m2'), `review:${review.id}:disputed`);
      return m.length ? m : null;
    }, 'the manager DM');
    expect(JSON.stringify(notice!.blocks)).toContain('The CRM lost a day of my calls.');
    const buttons = buttonsIn(notice!.blocks);
    expect(buttons.map((b) => [b.action_id.split('#')[0], b.text?.text])).toEqual([
      ['review.amend', 'Amend the review'],
      ['review.reply', 'Reply'],
      ['conversation.schedule', 'Schedule a conversation'],
    ]);
    await waitFor(
      () =>
        h.fake.conversations
          .get('CHR')
          ?.some((m) => m.metadata?.event_payload.key === `review:${review.id}:disputed:hr`),
      'the HR channel message',
    );

    // Schedule a conversation: a real scheduling modal (not the note form); both get it with a file.
    const schedule = await click(slackIdOf('m2'), buttons[2]!);
    expect(schedule.callback_id).toBe('conversation.schedule_form');
    const res = await h.slackReq.submitView(slackIdOf('m2'), schedule, {
      date: '2026-11-25',
      start: '15:00',
      minutes: '30',
      place: '',
      meeting_url: 'https://meet.example.com/calls',
      agenda: 'The missing CRM day.',
    });
    expect(res.json?.response_action ?? 'clear').not.toBe('errors');
    const [invite] = await waitFor(() => {
      const m = h.fake.dmsWithKey(employee, 'conversation:');
      return m.length ? m : null;
    }, 'the employee invitation');
    expect(JSON.stringify(invite!.blocks)).toContain('<https://meet.example.com/calls|Join the meeting>');
    await waitFor(
      () =>
        h.fake.callsTo('files.getUploadURLExternal').filter((c) => c.args.filename === 'conversation-1.ics').length ===
        2,
      'two .ics uploads',
    );
    await waitFor(() => h.fake.callsTo('files.completeUploadExternal').length === 2, 'both files shared');
    const shared = h.fake.callsTo('files.completeUploadExternal').map((c) => c.args.channel_id);
    expect(shared).toEqual(expect.arrayContaining([`D${employee}`, `D${slackIdOf('m2')}`]));
    expect(h.fake.uploads.every((u) => u.bytes > 100)).toBe(true);

    // Reply: a modal, and the words reach the employee.
    const replyView = await click(slackIdOf('m2'), buttons[1]!);
    expect(replyView.callback_id).toBe('review.reply_form');
    await h.slackReq.submitView(slackIdOf('m2'), replyView, { reply: 'I will ask IT to restore the CRM log.' });
    await waitFor(() => h.fake.dmsWithKey(employee, `review:${review.id}:reply:`).length === 1, 'the reply DM');
  });
});
