import { afterEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, addPeople, person, waitFor, type FeishuHarness } from './harness.js';
import { uuidFor } from '../../../adapters/feishu/outbox.js';
import type { Message } from '../../../src/ui/model.js';

const msg = (text: string): Message => ({
  text,
  blocks: [
    { type: 'header', text: 'Dandang' },
    { type: 'text', text },
  ],
});
const row = (h: FeishuHarness, key: string) =>
  h.db.conn.sqlite
    .prepare('select status, sent_ref as sentRef, last_error as lastError from outbox where key = ? and platform = ?')
    .get(key, 'feishu') as { status: string; sentRef: string | null; lastError: string | null } | undefined;
const markdownOf = (card: any): string => JSON.stringify(card.body.elements);

describe('Feishu outbox delivery (real Lark SDK against the fake)', () => {
  let h: FeishuHarness;
  afterEach(async () => h?.close());

  it('gets a tenant token, sends a card DM by open_id with a uuid, then patches it in place', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    addPeople(h, [person({ id: 'mia', name: '米娅' })]);
    h.db.store.tx((tx) =>
      tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message: msg('你有 3 份考核待完成') }),
    );
    h.feishu.wakeSender();

    await waitFor(() => row(h, 'nudge:1:mia')?.status === 'sent', 'the nudge to be sent');
    expect(h.fake.callsTo('tenant_access_token/internal')).toHaveLength(1);
    const create = h.fake.callsTo('/im/v1/messages')[0]!;
    expect(create.query.receive_id_type).toBe('open_id');
    expect(create.body).toMatchObject({ receive_id: 'ou_mia', msg_type: 'interactive', uuid: uuidFor('nudge:1:mia') });
    const [sent] = h.fake.messagesTo('ou_mia');
    expect(sent!.content).toMatchObject({ schema: '2.0', header: { title: { content: 'Dandang' } } });
    expect(markdownOf(sent!.content)).toContain('你有 3 份考核待完成');
    expect(row(h, 'nudge:1:mia')!.sentRef).toBe(sent!.messageId);

    h.db.store.tx((tx) => tx.outbox.update('nudge:1:mia', msg('全部完成 ✅')));
    h.feishu.wakeSender();
    await waitFor(() => sent!.patches === 1, 'the card to be patched');
    expect(markdownOf(sent!.content)).toContain('全部完成 ✅');
    expect(h.fake.messagesTo('ou_mia')).toHaveLength(1);
    expect(h.fake.callsTo(`/im/v1/messages/${sent!.messageId}`)[0]!.method).toBe('PATCH');
  });

  it('replies in the case thread of a chat and uploads the dossier as a file message there', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    const hr = { channel: { feishu: 'oc_hr', local: 'hr' } };
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'case:1:root', to: hr, message: msg('案件 #1') });
      tx.outbox.post({ key: 'case:1:opened', to: hr, threadKey: 'case:1:root', message: msg('证据不足') });
      tx.outbox.upload({
        key: 'case:1:dossier',
        to: hr,
        threadKey: 'case:1:root',
        filename: 'dossier-1.html',
        title: '材料',
        content: '<h1>案件 1</h1>',
      });
    });
    h.feishu.wakeSender();
    await waitFor(() => row(h, 'case:1:dossier')?.status === 'sent', 'the dossier to be sent');

    const [root, reply, file] = h.fake.messagesTo('oc_hr');
    expect(h.fake.callsTo('/im/v1/messages')[0]!.query.receive_id_type).toBe('chat_id');
    expect(reply!.rootId).toBe(root!.messageId);
    expect(file).toMatchObject({ rootId: root!.messageId, msgType: 'file', content: { file_key: 'file_1' } });
    expect(h.fake.files[0]).toMatchObject({ fileName: 'dossier-1.html', content: '<h1>案件 1</h1>' });
  });

  it('answers a rate-limit (HTTP 429, code 99991400) by waiting, then delivers every message once', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    addPeople(
      h,
      ['a', 'b', 'c'].map((id) => person({ id })),
    );
    h.fake.rateLimit(2);
    h.db.store.tx((tx) => {
      for (const id of ['a', 'b', 'c'])
        tx.outbox.post({ key: `nudge:2:${id}`, to: { person: id }, message: msg(`nudge ${id}`) });
    });
    h.feishu.wakeSender();
    await waitFor(
      () => ['a', 'b', 'c'].every((id) => row(h, `nudge:2:${id}`)?.status === 'sent'),
      'all nudges to be sent',
    );

    const creates = h.fake.callsTo('/im/v1/messages');
    expect(creates.filter((c) => c.status === 429)).toHaveLength(2);
    for (const id of ['a', 'b', 'c']) expect(h.fake.messagesTo(`ou_${id}`)).toHaveLength(1);
    expect(h.fake.messages).toHaveLength(3);
  });

  it('resends a message whose answer was lost with the same uuid, so Feishu keeps one copy', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    addPeople(h, [person({ id: 'mia' })]);
    h.fake.dropAfterAccept(1);
    h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:3:mia', to: { person: 'mia' }, message: msg('hello') }));
    h.feishu.wakeSender();
    await waitFor(() => row(h, 'nudge:3:mia')?.status === 'sent', 'the nudge to be sent');

    const creates = h.fake.callsTo('/im/v1/messages');
    expect(creates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(creates.map((c) => c.body.uuid))).toEqual(new Set([uuidFor('nudge:3:mia')]));
    expect(h.fake.messagesTo('ou_mia')).toHaveLength(1);
    expect(row(h, 'nudge:3:mia')!.sentRef).toBe(h.fake.messagesTo('ou_mia')[0]!.messageId);
  });
});

describe('Feishu ids by email', () => {
  let h: FeishuHarness;
  afterEach(async () => h?.close());

  it('fills a missing open_id from the contact API by email, and then reaches the person', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    addPeople(h, [person({ id: 'lei', email: 'Li.Lei@example.test', feishuOpenId: null })]);
    h.fake.directory.set('Li.Lei@example.test', 'ou_lilei');
    expect(await h.feishu.resolveOpenIds()).toBe(1);
    expect(h.db.store.tx((tx) => tx.org.person('lei'))!.feishuOpenId).toBe('ou_lilei');
    expect(h.fake.callsTo('/contact/v3/users/batch_get_id').at(-1)!.query.user_id_type).toBe('open_id');
    expect(await h.feishu.resolveOpenIds()).toBe(0);
  });

  it('looks up at most 50 emails per contact API call, and fills everyone it finds', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    const ids = Array.from({ length: 120 }, (_, i) => `p${i}`);
    addPeople(
      h,
      ids.map((id) => person({ id, feishuOpenId: null })),
    );
    for (const id of ids.slice(0, 110)) h.fake.directory.set(`${id}@example.test`, `ou_${id}`);
    expect(await h.feishu.resolveOpenIds()).toBe(110);
    expect(h.fake.callsTo('/contact/v3/users/batch_get_id').map((c) => c.body.emails.length)).toEqual([50, 50, 20]);
    expect(h.db.store.tx((tx) => tx.org.person('p109'))!.feishuOpenId).toBe('ou_p109');
    expect(h.db.store.tx((tx) => tx.org.person('p110'))!.feishuOpenId).toBeNull();
  });

  it('paces sends by delivery.feishu from dandang.yml when no test pacing is given', async () => {
    // 0.5/s per chat: the second card to the same person waits 2 s (the default 5/s would allow 0.2 s).
    h = await startFeishuHarness({
      mode: 'http',
      fileConfig: 'delivery:\n  feishu:\n    perChatPerSecond: 0.5\n',
      options: { pacing: undefined },
    });
    addPeople(h, [person({ id: 'mia' })]);
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'k:1', to: { person: 'mia' }, message: msg('one') });
      tx.outbox.post({ key: 'k:2', to: { person: 'mia' }, message: msg('two') });
    });
    h.feishu.wakeSender();
    await waitFor(() => h.fake.messagesTo('ou_mia').length >= 1, 'the first card');
    const firstSeen = performance.now();
    await waitFor(() => h.fake.messagesTo('ou_mia').length === 2, 'the second card');
    // A lower bound only: seeing the first card late can only shrink the measured gap.
    expect(performance.now() - firstSeen).toBeGreaterThanOrEqual(1000);
  });
});
