import { afterEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, addPeople, person, waitFor, ENCRYPT_KEY, type FeishuHarness } from './harness.js';
import { messageEvent, menuEvent, postCallback } from '../../support/fake-feishu-callbacks.js';

/** One language rule (src/domain/locale.ts): the org's language unless the person names their own. */
describe('Feishu answers in the language rule every other part uses', () => {
  let h: FeishuHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const events = () => `${h!.httpUrl}/feishu/events`;
  const post = (body: unknown) =>
    postCallback(events(), body, { encryptKey: ENCRYPT_KEY, timestamp: Math.floor(h!.db.clock.now() / 1000) });

  it('an install that chose English answers people without a language, and strangers, in English', async () => {
    h = await startFeishuHarness({ mode: 'http', fileConfig: 'locale: en\n' });
    addPeople(h, [person({ id: 'mia', name: 'Mia' }), person({ id: 'wei', name: '魏', locale: 'zh-CN' })]);

    await post(messageEvent({ ...h.envelope(), openId: 'ou_mia', text: 'dandang help', messageId: 'om_mia' }));
    const help = await waitFor(() => h!.fake.repliesTo('om_mia')[0], 'the help reply');
    expect(help.content.header.title.content).toContain('what I can do');

    await post(menuEvent({ ...h.envelope(), openId: 'ou_wei', eventKey: 'help' }));
    const zh = await waitFor(() => h!.fake.messagesTo('ou_wei')[0], 'the menu answer');
    expect(zh.content.header.title.content).toContain('我能做什么');

    await post(messageEvent({ ...h.envelope(), openId: 'ou_stranger', text: '/review', messageId: 'om_stranger' }));
    const refusal = await waitFor(() => h!.fake.repliesTo('om_stranger')[0], 'the answer to a stranger');
    expect(refusal.content.text).toContain('I could not find you in Dandang');

    h.db.store.tx((tx) => tx.outbox.post({ key: 'k1', to: { person: 'mia' }, message: { text: 'x', blocks: [] } }));
    const row = h.db.conn.sqlite.prepare(`SELECT locale FROM outbox WHERE key = 'k1'`).get() as { locale: string };
    expect(row.locale).toBe('en');
  });

  it('a Feishu-only install that names no language answers strangers and its outbox in Chinese', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    addPeople(h, [person({ id: 'mia', name: 'Mia' })]);
    await post(messageEvent({ ...h.envelope(), openId: 'ou_stranger', text: '/review', messageId: 'om_stranger' }));
    const refusal = await waitFor(() => h!.fake.repliesTo('om_stranger')[0], 'the answer to a stranger');
    expect(refusal.content.text).toContain('在担当中找不到你的账号');
    h.db.store.tx((tx) => tx.outbox.post({ key: 'k1', to: { person: 'mia' }, message: { text: 'x', blocks: [] } }));
    const row = h.db.conn.sqlite.prepare(`SELECT locale FROM outbox WHERE key = 'k1'`).get() as { locale: string };
    expect(row.locale).toBe('zh-CN');
  });
});
