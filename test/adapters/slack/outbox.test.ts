import { afterEach, describe, expect, it } from 'vitest';
import { startSlackHarness, addPeople, person, waitFor, type SlackHarness } from './harness.js';
import type { Message } from '../../../src/ui/model.js';

const msg = (text: string): Message => ({ text, blocks: [{ type: 'text', text }] });
const row = (h: SlackHarness, key: string) =>
  h.db.conn.sqlite
    .prepare('select status, sent_ref as sentRef, last_error as lastError, attempts from outbox where key = ?')
    .get(key) as { status: string; sentRef: string | null; lastError: string | null; attempts: number } | undefined;

describe('Slack outbox delivery', () => {
  let h: SlackHarness;
  afterEach(async () => h?.close());

  it('retries a 429 on chat.postMessage after Retry-After and delivers it once', async () => {
    h = await startSlackHarness({ features: () => [] });
    addPeople(h, [person({ id: 'mia' })]);
    h.fake.rateLimitNext('chat.postMessage', 1, 1);
    h.db.store.tx((tx) =>
      tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message: msg('You have 3 reviews due') }),
    );
    h.slack.wakeSender();

    await waitFor(() => row(h, 'nudge:1:mia')?.status === 'sent', 'the nudge to be sent');
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950); // waited out Retry-After: 1
    expect(h.fake.dmsWithKey('UMIA', 'nudge:1:mia')).toHaveLength(1);
    expect(h.fake.dmsWithKey('UMIA')[0]!.text).toBe('You have 3 reviews due');
  });

  it('reconciles a post whose response was lost in a crash instead of posting it twice', async () => {
    h = await startSlackHarness({ features: () => [] });
    addPeople(h, [person({ id: 'mia' })]);
    h.fake.dropAfterAccept('chat.postMessage', 1);
    h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message: msg('Reviews due') }));
    h.slack.wakeSender();
    await waitFor(
      () =>
        h.fake.callsTo('chat.postMessage').length === 1 &&
        row(h, 'nudge:1:mia')?.status === 'sending' &&
        row(h, 'nudge:1:mia'),
      'the lost response',
    );

    // "Kill" the process: the row is still 'sending', although Slack has the message.
    await h.restartAdapter();
    await waitFor(() => row(h, 'nudge:1:mia')?.status === 'sent', 'the reconciled row');

    const delivered = h.fake.dmsWithKey('UMIA', 'nudge:1:mia');
    expect(delivered).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(1);
    expect(row(h, 'nudge:1:mia')!.sentRef).toBe(`DUMIA:${delivered[0]!.ts}`);
  });

  it('stopped halfway and restarted, gives each recipient exactly one message', async () => {
    // One call per five seconds overall, so the stop lands after the first delivery even on a slow machine.
    h = await startSlackHarness({
      features: () => [],
      options: { pacing: { global: [{ ratePerSec: 0.2, burst: 1 }] } },
    });
    addPeople(
      h,
      ['a', 'b', 'c'].map((id) => person({ id })),
    );
    h.db.store.tx((tx) => {
      for (const id of ['a', 'b', 'c'])
        tx.outbox.post({ key: `nudge:7:${id}`, to: { person: id }, message: msg(`nudge ${id}`) });
    });
    h.slack.wakeSender();
    await waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, 'a first delivery');
    await h.slack.stop();
    const sentBefore = h.fake.callsTo('chat.postMessage').length;
    expect(sentBefore).toBeLessThan(3);

    await h.restartAdapter({ pacing: { global: [{ ratePerSec: 100, burst: 10 }] } });
    await waitFor(() => ['a', 'b', 'c'].every((id) => row(h, `nudge:7:${id}`)?.status === 'sent'), 'all nudges');
    for (const id of ['A', 'B', 'C']) expect(h.fake.dmsWithKey(`U${id}`, 'nudge:7:')).toHaveLength(1);
  });

  it('paces sends by delivery.slack from dandang.yml when no test pacing is given', async () => {
    // 0.5/s per channel: the second message to the same DM waits 2 s (the default 1/s would allow 1 s).
    h = await startSlackHarness({
      features: () => [],
      fileConfig: 'delivery:\n  slack:\n    perSecond: 100\n    burst: 10\n    perChannelPerSecond: 0.5\n',
      options: { pacing: undefined },
    });
    addPeople(h, [person({ id: 'mia' })]);
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'k:1', to: { person: 'mia' }, message: msg('one') });
      tx.outbox.post({ key: 'k:2', to: { person: 'mia' }, message: msg('two') });
    });
    h.slack.wakeSender();
    await waitFor(() => row(h, 'k:2')?.status === 'sent', 'both messages');
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1500);
  });

  it('marks a row failed on a permanent error and keeps going', async () => {
    h = await startSlackHarness({ features: () => [] });
    addPeople(h, [person({ id: 'gone' }), person({ id: 'here' })]);
    h.fake.failNext('chat.postMessage', 'channel_not_found', 1);
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'k:gone', to: { person: 'gone' }, message: msg('one') });
      tx.outbox.post({ key: 'k:here', to: { person: 'here' }, message: msg('two') });
    });
    h.slack.wakeSender();
    await waitFor(() => row(h, 'k:here')?.status === 'sent', 'the second row');
    expect(row(h, 'k:gone')).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
    expect(h.fake.dmsWithKey('UGONE')).toHaveLength(0);
  });

  it('edits a delivered message in place, threads replies under their root, and uploads into the thread', async () => {
    h = await startSlackHarness({ features: () => [] });
    addPeople(h, [person({ id: 'mia' })]);
    const hr = { slack: 'CHR', local: 'hr' };
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'case:1:root', to: { channel: hr }, message: msg('Case 1 opened') });
      tx.outbox.post({
        key: 'case:1:step',
        to: { channel: hr },
        threadKey: 'case:1:root',
        message: msg('Step approved'),
      });
      tx.outbox.upload({
        key: 'case:1:dossier',
        to: { channel: hr },
        threadKey: 'case:1:root',
        filename: 'dossier.md',
        title: 'Dossier',
        content: '# Case 1',
      });
    });
    h.slack.wakeSender();
    await waitFor(
      () => h.db.store && row(h, 'case:1:dossier')?.status === 'sent' && row(h, 'case:1:step')?.status === 'sent',
      'thread rows',
    );
    h.db.store.tx((tx) => tx.outbox.update('case:1:root', msg('Case 1: approved')));
    h.slack.wakeSender();
    await waitFor(() => h.fake.callsTo('chat.update').length === 1, 'the edit');

    const [root, reply, file] = h.fake.messagesIn('CHR');
    expect(root!.text).toBe('Case 1: approved');
    expect(reply!.thread_ts).toBe(root!.ts);
    expect(file!.thread_ts).toBe(root!.ts);
    expect(h.fake.uploads).toHaveLength(1);
    expect(h.fake.callsTo('chat.update')[0]!.args).toMatchObject({ channel: 'CHR', ts: root!.ts });
  });
});
