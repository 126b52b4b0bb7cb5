import { afterEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, addPeople, person, waitFor, ENCRYPT_KEY, type FeishuHarness } from './harness.js';
import { transportTestFeatures, auditCount, RECORDING_ACTION, THROWING_ACTION } from './test-features.js';
import {
  cardActionEvent,
  messageEvent,
  menuEvent,
  postCallback,
  encryptPayload,
} from '../../support/fake-feishu-callbacks.js';
import { GuardedDispatcher } from '../../../adapters/feishu/guard.js';

describe('Feishu HTTP callback mode', () => {
  let h: FeishuHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const cards = () => `${h!.httpUrl}/feishu/cards`;
  const events = () => `${h!.httpUrl}/feishu/events`;
  const now = () => Math.floor(h!.db.clock.now() / 1000);
  const mia = () => person({ id: 'mia', name: '米娅' });

  it('refuses to start without an encrypt key unless explicitly allowed', async () => {
    await expect(startFeishuHarness({ mode: 'http', encryptKey: null })).rejects.toThrow(/FEISHU_ENCRYPT_KEY/);
    h = await startFeishuHarness({ mode: 'http', encryptKey: null, allowInsecure: true });
    expect(h.feishu.platform).toBe('feishu');
  });

  it('answers the URL check with the challenge only for the right token', async () => {
    h = await startFeishuHarness({ mode: 'http' });
    const ok = await postCallback(
      events(),
      { challenge: 'abc', token: 'v-token-test', type: 'url_verification' },
      { encryptKey: ENCRYPT_KEY, timestamp: now() },
    );
    expect(ok).toEqual({ status: 200, body: { challenge: 'abc' } });
    const bad = await postCallback(
      events(),
      { challenge: 'abc', token: 'guess', type: 'url_verification' },
      { encryptKey: ENCRYPT_KEY, timestamp: now() },
    );
    expect(bad.status).toBe(401);
  });

  it('handles an encrypted, signed card callback and answers { toast, card } in place', async () => {
    h = await startFeishuHarness({ mode: 'http', features: transportTestFeatures });
    addPeople(h, [mia()]);
    const res = await postCallback(
      cards(),
      cardActionEvent({ ...h.envelope(), openId: 'ou_mia', value: { a: RECORDING_ACTION, v: 'r1' } }),
      { encryptKey: ENCRYPT_KEY, timestamp: now() },
    );
    expect(res.status).toBe(200);
    expect(res.body.toast).toEqual({ type: 'success', content: 'clicked r1' });
    expect(res.body.card.type).toBe('raw');
    expect(res.body.card.data.body.elements).toEqual([{ tag: 'markdown', content: '✅ r1' }]);
    expect(auditCount(h)).toBe(1);
  });

  it('changes nothing for a forged signature, a wrong token, a stale, future or replayed event, and survives a throwing handler', async () => {
    h = await startFeishuHarness({ mode: 'http', features: transportTestFeatures });
    addPeople(h, [mia()]);
    const click = (extra: Parameters<FeishuHarness['envelope']>[0] = {}, v = 'r1') =>
      cardActionEvent({ ...h!.envelope(extra), openId: 'ou_mia', value: { a: RECORDING_ACTION, v } });

    const forged = await postCallback(cards(), click(), {
      encryptKey: ENCRYPT_KEY,
      timestamp: now(),
      signWith: 'not-the-key',
    });
    expect(forged.status).toBe(401);
    const wrongToken = await postCallback(cards(), click({ token: 'someone-else' }), {
      encryptKey: ENCRYPT_KEY,
      timestamp: now(),
    });
    expect(wrongToken.body).toEqual({});
    const stale = await postCallback(cards(), click({ createTime: h.db.clock.now() - 10 * 60_000 }), {
      encryptKey: ENCRYPT_KEY,
      timestamp: now(),
    });
    expect(stale.body).toEqual({});
    const staleHeader = await postCallback(cards(), click(), { encryptKey: ENCRYPT_KEY, timestamp: now() - 3600 });
    expect(staleHeader.body).toEqual({});
    const future = await postCallback(cards(), click({ createTime: h.db.clock.now() + 10 * 60_000 }), {
      encryptKey: ENCRYPT_KEY,
      timestamp: now(),
    });
    expect(future.body).toEqual({});
    const futureHeader = await postCallback(cards(), click(), { encryptKey: ENCRYPT_KEY, timestamp: now() + 3600 });
    expect(futureHeader.body).toEqual({});
    expect(auditCount(h)).toBe(0);

    const once = click({ eventId: 'ev-replayed' });
    expect((await postCallback(cards(), once, { encryptKey: ENCRYPT_KEY, timestamp: now() })).body.toast.content).toBe(
      'clicked r1',
    );
    expect((await postCallback(cards(), once, { encryptKey: ENCRYPT_KEY, timestamp: now() })).body).toEqual({});
    expect(auditCount(h)).toBe(1);

    const boom = await postCallback(
      cards(),
      cardActionEvent({ ...h.envelope(), openId: 'ou_mia', value: { a: THROWING_ACTION, v: 'x' } }),
      { encryptKey: ENCRYPT_KEY, timestamp: now() },
    );
    expect(boom.status).toBe(200);
    expect(boom.body.toast).toEqual({ type: 'error', content: '出了点问题，请稍后再试。' });
    // Still serving.
    const after = await postCallback(cards(), click({}, 'r2'), { encryptKey: ENCRYPT_KEY, timestamp: now() });
    expect(after.body.toast.content).toBe('clicked r2');
    expect(auditCount(h)).toBe(2);
  });

  it('refuses a plaintext body when an encrypt key is set, even when it is validly signed', async () => {
    h = await startFeishuHarness({ mode: 'http', features: transportTestFeatures });
    addPeople(h, [mia()]);
    const click = cardActionEvent({ ...h.envelope(), openId: 'ou_mia', value: { a: RECORDING_ACTION, v: 'r1' } });
    const plain = await postCallback(cards(), click, { signWith: ENCRYPT_KEY, timestamp: now() });
    expect(plain.status).toBe(400);
    expect(plain.body.toast).toBeUndefined();
    const check = await postCallback(
      events(),
      { challenge: 'abc', token: 'v-token-test', type: 'url_verification' },
      { signWith: ENCRYPT_KEY, timestamp: now() },
    );
    expect(check.status).toBe(400);
    expect(check.body.challenge).toBeUndefined();
    expect(auditCount(h)).toBe(0);
    // The control: the same click, encrypted, is handled.
    const sealed = await postCallback(cards(), click, { encryptKey: ENCRYPT_KEY, timestamp: now() });
    expect(sealed.body.toast.content).toBe('clicked r1');
    expect(auditCount(h)).toBe(1);
  });

  it('the SDK itself refuses a bad signature when an encrypt key is set', async () => {
    h = await startFeishuHarness({ mode: 'http', features: transportTestFeatures });
    const dispatcher = new GuardedDispatcher({
      encryptKey: ENCRYPT_KEY,
      store: h.db.store,
      clock: h.db.clock,
      log: () => {},
    });
    let ran = 0;
    dispatcher.register({ 'card.action.trigger': async () => ++ran } as never);
    const body = {
      encrypt: encryptPayload(ENCRYPT_KEY, cardActionEvent({ ...h.envelope(), openId: 'ou_mia', value: {} })),
    };
    const data = Object.assign(
      Object.create({
        headers: { 'x-lark-request-timestamp': '1', 'x-lark-request-nonce': 'n', 'x-lark-signature': 'forged' },
      }) as object,
      body,
    );
    expect(dispatcher.signatureValid(data)).toBe(false);
    expect(await dispatcher.invoke(data)).toBeUndefined();
    expect(ran).toBe(0);
  });

  it('runs a typed command and a bot menu entry, answering in Chinese', async () => {
    h = await startFeishuHarness({ mode: 'http', features: transportTestFeatures });
    addPeople(h, [mia()]);
    await postCallback(
      events(),
      messageEvent({ ...h.envelope(), openId: 'ou_mia', text: 'dandang help', messageId: 'om_typed' }),
      { encryptKey: ENCRYPT_KEY, timestamp: now() },
    );
    const reply = await waitFor(() => h!.fake.repliesTo('om_typed')[0], 'the help reply');
    expect(reply.msgType).toBe('interactive');
    expect(reply.content.header.title.content).toContain('担当');

    await postCallback(events(), menuEvent({ ...h.envelope(), openId: 'ou_mia', eventKey: 'help' }), {
      encryptKey: ENCRYPT_KEY,
      timestamp: now(),
    });
    const dm = await waitFor(() => h!.fake.messagesTo('ou_mia')[0], 'the menu answer');
    expect(dm.content.header.title.content).toContain('担当');

    await postCallback(
      events(),
      messageEvent({ ...h.envelope(), openId: 'ou_stranger', text: '/review', messageId: 'om_stranger' }),
      { encryptKey: ENCRYPT_KEY, timestamp: now() },
    );
    const refusal = await waitFor(() => h!.fake.repliesTo('om_stranger')[0], 'the answer to a stranger');
    expect(refusal.content.text).toContain('HR');
  });
});
