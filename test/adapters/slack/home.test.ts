/**
 * Issue 13 #11 on Slack: the App Home tab is the Home every platform shows (`/dandang home`): a
 * manager's reviews due with their buttons and the menu's entries. A button pressed in the Home tab
 * opens its modal, a shortcut's answer (there is no response_url in a Home tab) comes as a DM, and
 * the tab is drawn again after an answered button.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';

describe('the Slack App Home', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-23T10:00:00Z' });
    seedReviewOrg(h);
  });
  afterEach(async () => h.close());

  it('shows a manager the reviews due and the menu’s entries, and its buttons work from the tab', async () => {
    expect((await h.slackReq.slashCommand(slackIdOf('hana'), '/review', 'start eng')).status).toBe(200);
    const manager = slackIdOf('m1');
    await waitFor(() => h.db.store.read((tx) => tx.reviews.pendingSlotsOf('m1').length === 3), 'the cycle');

    await h.slackReq.event({ type: 'app_home_opened', user: manager, tab: 'home' });
    const published = await waitFor(
      () => h.fake.callsTo('views.publish').find((c) => c.args.user_id === manager),
      'the home tab',
    );
    const blocks = published.args.view.blocks;
    expect(JSON.stringify(blocks)).toContain('Reviews due');
    const buttons = buttonsIn(blocks);
    const reviews = buttons.filter((b) => b.action_id.startsWith('review.open_form'));
    expect(reviews).toHaveLength(3);
    const entries = buttons.filter((b) => b.action_id.startsWith('menu.entry')).map((b) => b.value);
    expect(entries).toEqual(['review', 'review_status', 'review_mine', 'note', 'training', 'help']);

    // In the Home tab (a view, no response_url): the review button opens its modal …
    const home = { type: 'home', callback_id: '', title: { text: '' }, blocks: [] } as OpenedView;
    await h.slackReq.clickButton(manager, reviews[0]!, { inView: home });
    await waitFor(() => h.fake.callsTo('views.open').length === 1, 'the review modal');
    // … and a shortcut's answer arrives as a DM.
    const status = buttons.find((b) => b.value === 'review_status')!;
    await h.slackReq.clickButton(manager, status, { inView: home });
    await waitFor(
      () =>
        h.fake
          .callsTo('chat.postMessage')
          .find((c) => c.args.channel === manager && JSON.stringify(c.args.blocks).includes('0/3')),
      'the team status in a DM',
    );
    // An answered button redraws the tab (a form opening does not: nothing changed yet).
    await waitFor(
      () => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === manager).length === 2,
      'the home tab drawn again',
    );
  });
});
