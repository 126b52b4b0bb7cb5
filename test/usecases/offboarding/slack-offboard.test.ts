/** `/offboard @user` end to end through Bolt: signed request → case → HR channel thread in the fake Slack. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, type SlackHarness } from '../../adapters/slack/harness.js';
import { seedReviewOrg, slackIdOf } from '../../adapters/slack/org.js';
import { buttonsIn } from '../../support/fake-slack-requests.js';

const CONFIG = 'timezone: UTC\nhrChannel:\n  slack: CHR\n';

describe('/offboard through Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: CONFIG, now: '2026-11-23T10:00:00Z' });
    seedReviewOrg(h);
  });
  afterEach(async () => h.close());

  it('opens a case in the HR channel with its checklist, explains the ranking in the thread, and refuses HR confirming for the manager', async () => {
    const res = await h.slackReq.slashCommand(
      slackIdOf('hana'),
      '/offboard',
      `<@${slackIdOf('m1r1')}|report> bottom 10%`,
    );
    expect(res.status).toBe(200);

    const root = await waitFor(
      () => h.fake.messagesIn('CHR').find((m) => !m.thread_ts),
      'the case message in the HR channel',
    );
    const rootText = JSON.stringify(root.blocks);
    expect(rootText).toContain('Incompetence (Art. 40(2)) · case #1: Report m1r1');
    expect(rootText).toContain('Reviews below target');
    expect(rootText).toContain('Manager m1 must record a review of Report m1r1 with the actual figures below target.');
    const thread = await waitFor(
      () => h.fake.messagesIn('CHR').find((m) => m.thread_ts === root.ts),
      'the ranking explanation in the thread',
    );
    expect(thread.text).toContain('SPC Guiding Case No. 18');
    const dm = await waitFor(() => h.fake.dmsWithKey(slackIdOf('m1'), 'case:1:manager')[0], "the manager's DM");
    expect(JSON.stringify(dm.blocks)).not.toContain('2N');

    // HR can never confirm for the manager, so the HR channel shows no such button.
    expect(buttonsIn(root.blocks).find((b) => b.value === '1:manager_confirms')).toBeUndefined();
    // A forged click on the manager's step: refused as a matter of permission, nothing changes, audited.
    const confirm = { action_id: 'case.advance', value: '1:manager_confirms' };
    await h.slackReq.clickButton(slackIdOf('hana'), confirm, { channelId: 'CHR', messageTs: root.ts });
    await waitFor(
      () => h.fake.responses.some((r) => JSON.stringify(r.body).includes('Only the line manager can do')),
      'the refusal shown to HR',
    );
    const row = h.db.conn.sqlite.prepare('SELECT step_index AS s FROM cases WHERE id = 1').get() as { s: number };
    expect(row.s).toBe(0);
    const audited = h.db.conn.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.step_refused' AND actor_id = 'hana'`)
      .get() as { n: number };
    expect(audited.n).toBe(1);
  });
});
