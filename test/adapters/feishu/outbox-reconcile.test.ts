/**
 * Feishu drops a repeated message `uuid` for one hour only. A send whose answer was lost (a crash,
 * a timeout) and that is retried more than an hour later must be looked for, not sent again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../../support/logs.js';
import { startFeishuHarness, addPeople, person, waitFor, type FeishuHarness } from './harness.js';
import type { Message } from '../../../src/ui/model.js';

const msg = (text: string): Message => ({ text, blocks: [{ type: 'text', text }] });
const row = (h: FeishuHarness, key: string) =>
  h.db.conn.sqlite
    .prepare("select status, sent_ref as sentRef from outbox where key = ? and platform = 'feishu'")
    .get(key) as { status: string; sentRef: string | null } | undefined;
const TWO_HOURS = 2 * 60 * 60_000;
/** Rows wait a long time between attempts, so "the crash" happens before any retry. */
const SLOW_RETRY = { sender: { backoffMs: () => 60_000 } };

/** Loses the answer to `key`'s send, stops the adapter, and makes the attempt two hours old. */
async function crashAndWaitTwoHours(h: FeishuHarness, key: string, queue: () => void): Promise<void> {
  const before = h.fake.messages.length;
  h.fake.dropAfterAccept(1);
  queue();
  h.feishu.wakeSender();
  await waitFor(() => h.fake.messages.length === before + 1 && row(h, key)?.status === 'sending', 'the lost answer');
  await h.feishu.stop();
  h.fake.backdate(h.fake.messages.at(-1)!.messageId, TWO_HOURS);
  h.db.conn.sqlite
    .prepare("update outbox set sending_since = sending_since - ? where key = ? and platform = 'feishu'")
    .run(TWO_HOURS, key);
}

describe('Feishu outbox: a send left uncertain for more than an hour', () => {
  let h: FeishuHarness;
  afterEach(async () => {
    vi.restoreAllMocks();
    await h?.close();
  });

  it('finds the DM in the chat history by its marker and does not send it again', async () => {
    h = await startFeishuHarness({ mode: 'http', options: SLOW_RETRY });
    addPeople(h, [person({ id: 'mia' })]);
    h.db.store.tx((tx) => tx.outbox.post({ key: 'welcome:mia', to: { person: 'mia' }, message: msg('你好') }));
    h.feishu.wakeSender();
    await waitFor(() => row(h, 'welcome:mia')?.status === 'sent', 'an earlier message to Mia');

    await crashAndWaitTwoHours(h, 'nudge:8:mia', () =>
      h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:8:mia', to: { person: 'mia' }, message: msg('待办') })),
    );
    const sends = h.fake.callsTo('/im/v1/messages').filter((c) => c.method === 'POST').length;
    await h.restartAdapter(SLOW_RETRY);
    await waitFor(() => row(h, 'nudge:8:mia')?.status === 'sent', 'the reconciled nudge');

    expect(h.fake.messagesTo('ou_mia')).toHaveLength(2);
    expect(row(h, 'nudge:8:mia')!.sentRef).toBe(h.fake.messagesTo('ou_mia')[1]!.messageId);
    expect(h.fake.callsTo('/im/v1/messages').filter((c) => c.method === 'POST')).toHaveLength(sends);
    const list = h.fake.callsTo('/im/v1/messages').find((c) => c.method === 'GET' && c.query.container_id);
    expect(list!.query).toMatchObject({
      container_id_type: 'chat',
      container_id: 'oc_p2p_ou_mia',
      card_msg_content_type: 'raw_card_content',
    });
  });

  it('finds a reply in a case thread by listing the thread', async () => {
    h = await startFeishuHarness({ mode: 'http', options: SLOW_RETRY });
    const hr = { channel: { feishu: 'oc_hr', local: 'hr' } };
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'case:2:root', to: hr, message: msg('案件 #2') });
      tx.outbox.post({ key: 'case:2:opened', to: hr, threadKey: 'case:2:root', message: msg('已立案') });
    });
    h.feishu.wakeSender();
    await waitFor(() => row(h, 'case:2:opened')?.status === 'sent', 'the case thread');

    await crashAndWaitTwoHours(h, 'case:2:step', () =>
      h.db.store.tx((tx) =>
        tx.outbox.post({ key: 'case:2:step', to: hr, threadKey: 'case:2:root', message: msg('第二步') }),
      ),
    );
    await h.restartAdapter(SLOW_RETRY);
    await waitFor(() => row(h, 'case:2:step')?.status === 'sent', 'the reconciled reply');

    const root = h.fake.messagesTo('oc_hr')[0]!;
    expect(h.fake.repliesTo(root.messageId)).toHaveLength(2);
    expect(h.fake.callsTo('/im/v1/messages').some((c) => c.query.container_id_type === 'thread')).toBe(true);
  });

  it('sends again (at least once) when it cannot look — the first message to a person — and says why', async () => {
    const warnings = captureLogs();
    h = await startFeishuHarness({ mode: 'http', options: SLOW_RETRY });
    addPeople(h, [person({ id: 'neo' })]);
    await crashAndWaitTwoHours(h, 'nudge:8:neo', () =>
      h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:8:neo', to: { person: 'neo' }, message: msg('待办') })),
    );
    await h.restartAdapter(SLOW_RETRY);
    await waitFor(() => row(h, 'nudge:8:neo')?.status === 'sent', 'the resent nudge');
    // The README documents this case: the uuid no longer protects it, so the person gets it twice.
    expect(h.fake.messagesTo('ou_neo')).toHaveLength(2);
    expect(warnings.lines()).toContainEqual(
      expect.stringContaining('could not be looked for (no earlier message to this person'),
    );
  });

  it('within the hour, trusts the uuid: no lookup, Feishu keeps one copy', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    addPeople(h, [person({ id: 'mia' })]);
    h.fake.dropAfterAccept(1);
    h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:9:mia', to: { person: 'mia' }, message: msg('待办') }));
    h.feishu.wakeSender();
    await waitFor(() => row(h, 'nudge:9:mia')?.status === 'sent', 'the resent nudge', 20_000);
    expect(h.fake.messagesTo('ou_mia')).toHaveLength(1);
    expect(h.fake.callsTo('/im/v1/messages').filter((c) => c.method === 'GET')).toHaveLength(0);
  });

  it('a send that never answers times out; other chats are not held up, and it is delivered once later', async () => {
    h = await startFeishuHarness({ mode: 'http', fileConfig: 'delivery:\n  callTimeoutSeconds: 1\n' });
    addPeople(h, [person({ id: 'stuck' }), person({ id: 'fine' })]);
    h.fake.hangSends((id) => id === 'ou_stuck');
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'nudge:1:stuck', to: { person: 'stuck' }, message: msg('一') });
      tx.outbox.post({ key: 'nudge:1:fine', to: { person: 'fine' }, message: msg('二') });
    });
    h.feishu.wakeSender();
    await waitFor(() => row(h, 'nudge:1:fine')?.status === 'sent', 'the healthy chat');
    await waitFor(
      () => h.fake.callsTo('/im/v1/messages').filter((c) => c.body?.receive_id === 'ou_stuck').length >= 2,
      'a retry after the timeout',
    );
    expect(row(h, 'nudge:1:stuck')!.status).toBe('sending');
    h.fake.hangSends(null);
    await waitFor(() => row(h, 'nudge:1:stuck')?.status === 'sent', 'the timed-out one', 20_000);
    expect(h.fake.messagesTo('ou_stuck')).toHaveLength(1);
  });
});
