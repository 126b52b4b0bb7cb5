/**
 * A figure from a data feed in the Slack review modal, through the real Bolt adapter against the
 * fake Slack: pre-filled with its source in the hint, a changed figure refused inline until the
 * manager says why, and both figures and the reason kept on the review.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from './harness.js';
import { seedReviewOrg, slackIdOf } from './org.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';
import { makeRecordKpiActuals } from '../../../src/usecases/review/record-kpi-actuals.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';
const lastOpenedView = (h: SlackHarness) => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined;
type Block = {
  block_id?: string;
  element?: { initial_value?: string };
  hint?: { text: string };
  label?: { text: string };
};
const blockOf = (view: OpenedView, id: string) => (view.blocks as Block[]).find((b) => b.block_id === id);

describe('a data feed figure in the Slack review modal', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-23T10:00:00Z' });
    seedReviewOrg(h);
    // Lost accounts come from the CRM's feed; calls are typed unless a feed sends them.
    h.db.store.tx((tx) =>
      tx.org.replaceKpis('sdr', [
        { key: 'calls', name: 'Calls per day', unit: 'calls', target: 40, direction: 'higher' },
        { key: 'churn', name: 'Lost accounts', unit: 'accounts', target: 2, direction: 'lower', source: 'feed' },
      ]),
    );
  });
  afterEach(async () => h.close());

  it('pre-fills the feed figure with its source, asks why when it changes, and keeps both', async () => {
    expect((await h.slackReq.slashCommand(slackIdOf('hana'), '/review', 'start eng')).status).toBe(200);
    const nudge = await waitFor(() => h.fake.dmsWithKey(slackIdOf('m1'), 'nudge:')[0], 'the nudge');
    const first = buttonsIn(nudge.blocks)[0]!;
    const slotId = Number(first.value);
    const employee = h.db.store.tx((tx) => tx.reviews.slot(slotId))!.employeeId;
    const recorded = makeRecordKpiActuals({ store: h.ctx.store, clock: h.db.clock, settings: h.ctx.settings })({
      csv: `person_id,kpi_key,period,value,source\n${employee},calls,2026-W48,52,dialer`,
    });
    expect(recorded.ok).toBe(true);

    await h.slackReq.clickButton(slackIdOf('m1'), first, { messageTs: nudge.ts });
    const view = await waitFor(() => lastOpenedView(h), 'the review modal');
    expect(blockOf(view, 'kpi_calls')?.element?.initial_value).toBe('52');
    expect(blockOf(view, 'kpi_calls')?.hint?.text).toContain('From dialer: 52, received 2026-11-23');
    expect(blockOf(view, 'kpireason_calls')?.label?.text).toBe('Calls per day: why your figure differs from dialer');
    expect(blockOf(view, 'kpi_churn')?.hint?.text).toContain(
      'Expected from the data feed: nothing has come for 2026-W48 yet',
    );

    const answers = { kpi_calls: '48', kpi_churn: '1', rating: '4', kpireason_churn: 'CRM export, Friday' };
    const rejected = await h.slackReq.submitView(slackIdOf('m1'), view, answers);
    expect(rejected.json?.response_action).toBe('errors');
    expect(rejected.json?.errors).toEqual({ kpireason_calls: 'Your figure differs from the 52 dialer sent: say why.' });
    expect(h.db.store.tx((tx) => tx.reviews.reviewBySlot(slotId))).toBeNull();

    const accepted = await h.slackReq.submitView(slackIdOf('m1'), view, {
      ...answers,
      kpireason_calls: 'Four calls were to the same number',
    });
    expect(accepted.json?.response_action ?? 'clear').not.toBe('errors');
    const review = h.db.store.tx((tx) => tx.reviews.reviewBySlot(slotId))!;
    expect(review.results.map((r) => [r.key, r.actual, r.imported ?? null, r.changeReason ?? null])).toEqual([
      ['calls', 48, { value: 52, source: 'dialer' }, 'Four calls were to the same number'],
      ['churn', 1, null, 'CRM export, Friday'],
    ]);
    const [dm] = await waitFor(
      () =>
        h.fake.dmsWithKey(slackIdOf(employee), 'review:').length
          ? h.fake.dmsWithKey(slackIdOf(employee), 'review:')
          : null,
      'the employee DM',
    );
    expect(JSON.stringify(dm!.blocks)).toContain('dialer sent 52; why it differs: Four calls were to the same number');
  });
});
