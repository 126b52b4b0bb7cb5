/**
 * `/note` through the real Bolt app against the fake Slack Web API, with signed requests: the
 * command opens the modal, an invalid submission is rejected inline, a valid one is stored and DMs
 * the employee, whose Acknowledge click is recorded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, waitFor, addPeople, person, type SlackHarness } from '../../adapters/slack/harness.js';
import { buttonsIn, type OpenedView } from '../../support/fake-slack-requests.js';

const count = (h: SlackHarness, table: string) =>
  (h.db.conn.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

describe('/note through Slack', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ fileConfig: 'timezone: UTC\n', now: '2026-11-23T10:00:00Z' });
    h.db.store.tx((tx) => {
      tx.org.upsertJob({ id: 'sdr', title: 'Sales rep', duties: '', requirements: '' });
      tx.org.replaceKpis('sdr', [
        { key: 'calls', name: 'Calls per day', unit: 'calls', target: 40, direction: 'higher' },
      ]);
    });
    addPeople(h, [
      person({ id: 'mia', name: 'Mia Manager' }),
      person({ id: 'max', name: 'Max Manager' }),
      person({ id: 'eli', name: 'Eli Employee', managerId: 'mia', jobId: 'sdr' }),
    ]);
  }, 30_000);
  afterEach(async () => h.close());

  it('modal → inline errors → stored → employee DM → Acknowledge', async () => {
    const res = await h.slackReq.slashCommand('UMIA', '/note', '<@UELI|eli>');
    expect(res.status).toBe(200);
    const view = await waitFor(
      () => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined,
      'the note modal',
    );
    expect(view.callback_id).toBe('note.form');

    const rejected = await h.slackReq.submitView('UMIA', view, {
      kind: 'feedback',
      held_on: '2026-11-23',
      discussion: '',
      visibility: 'evidence',
    });
    expect(rejected.json?.response_action).toBe('errors');
    expect(Object.keys(rejected.json?.errors ?? {})).toEqual(['discussion']);
    expect(count(h, 'notes')).toBe(0);

    const accepted = await h.slackReq.submitView('UMIA', view, {
      kind: 'feedback',
      held_on: '2026-11-23',
      discussion: 'Calls were 31 a day against 40.',
      kpis: ['calls'],
      action1: 'Block two calling hours daily',
      action1_owner: 'eli',
      action1_due: '2026-11-30',
      visibility: 'evidence',
    });
    expect(accepted.json?.response_action ?? 'clear').not.toBe('errors');
    expect(count(h, 'notes')).toBe(1);

    const [dm] = await waitFor(
      () => (h.fake.dmsWithKey('UELI', 'note:').length ? h.fake.dmsWithKey('UELI', 'note:') : null),
      'the employee DM',
    );
    expect(JSON.stringify(dm!.blocks)).toContain('Calls were 31 a day against 40.');
    const ack = buttonsIn(dm!.blocks).find((b) => b.action_id.startsWith('note.acknowledge'))!;
    await h.slackReq.clickButton('UELI', ack, { messageTs: dm!.ts });
    const recorded = await waitFor(() => h.db.store.tx((tx) => tx.acks.find('note', '1', 'eli')), 'the acknowledgment');
    expect(recorded.state).toBe('acknowledged');
  }, 60_000);

  it('a manager outside the chain is refused and nothing is written', async () => {
    await h.slackReq.slashCommand('UMAX', '/note', '<@UELI|eli>');
    await waitFor(() => h.fake.responses.length > 0 || h.fake.callsTo('chat.postEphemeral').length > 0, 'the refusal');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(count(h, 'notes')).toBe(0);
  }, 60_000);
});
