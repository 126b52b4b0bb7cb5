/**
 * Text someone acknowledges reaches them in full: a review whose three texts are at the product's
 * 3,000-character limit, full of `& < >` and would-be markup, goes from the manager's modal to the
 * employee's DM through the real Bolt app and Web API client, against a fake Slack that refuses
 * what Slack refuses (invalid_blocks, msg_blocks_too_long). The DM is split into as many Slack
 * messages as it needs, and every character is in them; so is the update after a 3,000-character
 * dispute.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';
import { slackTexts, slackVisible } from '../../support/read-payloads.js';
import { TEXT_LIMITS } from '../../../src/domain/text.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';
const fill = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** What the employee can read in their DM: every page of the review, in order. */
const readDm = (h: SlackHarness, user: string) =>
  h.fake
    .dmsWithKey(user, 'review:')
    .flatMap((m) => slackTexts(m.blocks))
    .map(([kind, text]) => (kind === 'mrkdwn' ? slackVisible(text, (id) => id) : text))
    .join('\n');

describe('long texts through Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-23T10:00:00Z' });
    seedReviewOrg(h);
  });
  afterEach(async () => h.close());

  it('a 3,000-character comment with & < > reaches the employee in full, and so does their 3,000-character dispute', async () => {
    await h.slackReq.slashCommand(slackIdOf('hana'), '/review', 'start eng');
    const slot = await waitFor(() => h.db.store.tx((tx) => tx.reviews.pendingSlotsOf('m1'))[0], 'a slot');
    await h.slackReq.clickButton(slackIdOf('m1'), { action_id: 'review.open_form', value: String(slot.id) });
    const view = await waitFor(() => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView, 'the modal');
    // The form allows what the product allows, on Slack as everywhere.
    const comment = view.blocks.find((b) => b.block_id === 'comment') as unknown as { element: { max_length: number } };
    expect(comment.element.max_length).toBe(TEXT_LIMITS.long);

    const texts = {
      strengths: fill('Strong & steady <b>calls</b> > target; ', TEXT_LIMITS.long),
      improvement: fill('*Follow up* within 2 < 3 days & log it in `CRM`; ', TEXT_LIMITS.long),
      comment: fill('Q4 < Q3 & <!channel> <@U123> _keep_ ~going~ :smile: > 1; ', TEXT_LIMITS.long),
    };
    const res = await h.slackReq.submitView(slackIdOf('m1'), view, {
      kpi_calls: '30',
      kpi_churn: '1',
      rating: '2',
      ...texts,
    });
    expect(res.json?.response_action ?? 'clear').not.toBe('errors');
    const review = h.db.store.tx((tx) => tx.reviews.reviewBySlot(slot.id))!;
    expect(review.comment).toBe(texts.comment.trim());

    const employee = slackIdOf(slot.employeeId);
    await waitFor(() => h.fake.dmsWithKey(employee, 'review:').length > 0, 'the employee DM');
    h.slack.wakeSender();
    await h.slack.senderIdle();
    expect(h.fake.refused).toEqual([]);
    const pages = h.fake.dmsWithKey(employee, 'review:');
    expect(pages.length).toBeGreaterThan(1); // 9,000 characters and more, escaped: more than one message holds
    const shown = squeeze(readDm(h, employee));
    for (const text of Object.values(texts)) expect(shown).toContain(squeeze(text.trim()));
    // Nothing the manager typed became a mention or a channel ping.
    expect(JSON.stringify(pages)).not.toMatch(/<!channel>|<@U123>/);

    // The employee disputes with 3,000 characters; the DM is updated in place and grows as needed.
    const dispute = pages.flatMap((p) => buttonsIn(p.blocks)).find((b) => b.action_id.startsWith('review.dispute'))!;
    const pageWithButton = pages.find((p) => buttonsIn(p.blocks).some((b) => b.action_id === dispute.action_id))!;
    await h.slackReq.clickButton(employee, dispute, { messageTs: pageWithButton.ts });
    const disputeView = await waitFor(() => {
      const v = h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView;
      return v?.callback_id === 'review.dispute_form' ? v : null;
    }, 'the dispute modal');
    const why = fill('I made 45 calls & logged <all> of them > see CRM; ', TEXT_LIMITS.long);
    await h.slackReq.submitView(employee, disputeView, { comment: why });
    await waitFor(
      () => h.db.store.tx((tx) => tx.acks.find('review', String(review.id), slot.employeeId))?.state === 'disputed',
      'the dispute',
    );
    h.slack.wakeSender();
    await h.slack.senderIdle();
    await waitFor(() => squeeze(readDm(h, employee)).includes(squeeze(why.trim())), 'the dispute in the DM');
    expect(h.fake.refused).toEqual([]);
    for (const text of Object.values(texts)) expect(squeeze(readDm(h, employee))).toContain(squeeze(text.trim()));
  });
});
