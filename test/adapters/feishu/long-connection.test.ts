import { afterEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, addPeople, person, waitFor, type FeishuHarness } from './harness.js';
import { transportTestFeatures, auditCount, RECORDING_ACTION, THROWING_ACTION, SLOW_ACTION } from './test-features.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';

describe('Feishu long connection (WSClient against the fake pbbp2 server)', () => {
  let h: FeishuHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('connects through /callback/ws/endpoint, pings, and answers a card callback frame with { toast, card }', async () => {
    h = await startFeishuHarness({ mode: 'ws', features: transportTestFeatures });
    addPeople(h, [person({ id: 'mia' })]);
    expect(h.fake.callsTo('/callback/ws/endpoint')[0]!.body).toMatchObject({
      AppID: 'cli_0123456789abcdef',
      AppSecret: 'app-secret-test',
    });
    await waitFor(() => h!.fake.pings > 0, 'the first ping');

    const ack = await h.fake.pushEvent(
      cardActionEvent({ ...h.envelope(), openId: 'ou_mia', value: { a: RECORDING_ACTION, v: 'w1' } }),
    );
    expect(ack.code).toBe(200);
    expect(ack.data.toast).toEqual({ type: 'success', content: 'clicked w1' });
    expect(ack.data.card.data.schema).toBe('2.0');
    expect(auditCount(h)).toBe(1);
  });

  it('reassembles a fragmented message event and replies to the typed command', async () => {
    h = await startFeishuHarness({ mode: 'ws', features: transportTestFeatures });
    addPeople(h, [person({ id: 'mia' })]);
    const ack = await h.fake.pushEvent(
      messageEvent({ ...h.envelope(), openId: 'ou_mia', text: '/dandang help', messageId: 'om_ws' }),
      { parts: 3 },
    );
    expect(ack.code).toBe(200);
    const reply = await waitFor(() => h!.fake.repliesTo('om_ws')[0], 'the reply');
    expect(reply.content.header.title.content).toContain('担当');
  });

  it('drops a wrong token, a replay and survives a throwing handler without closing the connection', async () => {
    h = await startFeishuHarness({ mode: 'ws', features: transportTestFeatures });
    addPeople(h, [person({ id: 'mia' })]);
    const click = (extra: Parameters<FeishuHarness['envelope']>[0], v: string) =>
      cardActionEvent({ ...h!.envelope(extra), openId: 'ou_mia', value: { a: RECORDING_ACTION, v } });

    expect((await h.fake.pushEvent(click({ token: 'wrong' }, 'x'))).data).toBeUndefined();
    const first = await h.fake.pushEvent(click({ eventId: 'ev-ws-1' }, 'y'));
    expect(first.data.toast.content).toBe('clicked y');
    expect((await h.fake.pushEvent(click({ eventId: 'ev-ws-1' }, 'y'))).data).toEqual({});

    const boom = await h.fake.pushEvent(
      cardActionEvent({ ...h.envelope(), openId: 'ou_mia', value: { a: THROWING_ACTION, v: 'z' } }),
    );
    expect(boom.code).toBe(200);
    expect(boom.data.toast.type).toBe('error');
    const after = await h.fake.pushEvent(click({}, 'after'));
    expect(after.data.toast.content).toBe('clicked after');
    expect(auditCount(h)).toBe(2);
    expect(h.fake.wsConnections).toBe(1);
  });

  it('answers a slow handler with "still working" inside the deadline, and the work still completes', async () => {
    h = await startFeishuHarness({ mode: 'ws', features: transportTestFeatures, options: { callbackDeadlineMs: 300 } });
    addPeople(h, [person({ id: 'mia' })]);
    const ack = await h.fake.pushEvent(
      cardActionEvent({ ...h.envelope(), openId: 'ou_mia', value: { a: SLOW_ACTION, v: 's1' } }),
    );
    expect(ack.data.toast).toEqual({ type: 'info', content: '正在处理，完成后卡片会自动更新。' });
    await waitFor(() => auditCount(h!) === 1, 'the slow action to finish');
  });
});
