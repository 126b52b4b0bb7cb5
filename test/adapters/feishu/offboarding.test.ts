import { afterEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, ENCRYPT_KEY, type FeishuHarness } from './harness.js';
import { messageEvent, postCallback } from '../../support/fake-feishu-callbacks.js';
import { textOf } from './card-helpers.js';
import { CONFIG, count, seedOrg } from './org.js';

describe('offboarding through Feishu (HTTP callbacks)', () => {
  let h: FeishuHarness;
  afterEach(async () => h.close());

  it('a typed `/offboard @mention` opens a blocked case whose card in the HR chat lists what is missing', async () => {
    h = await startFeishuHarness({ mode: 'http', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    seedOrg(h);
    const text = '@_user_1 /offboard @_user_2 连续三个月未达标';
    const mentions = [
      { key: '@_user_1', openId: 'ou_dandang_bot', name: '担当' },
      { key: '@_user_2', openId: 'ou_zw', name: '张伟' },
    ];
    const res = await postCallback(
      `${h.httpUrl}/feishu/events`,
      messageEvent({ ...h.envelope(), openId: 'ou_hana', text, mentions, chatType: 'group', messageId: 'om_offboard' }),
      { encryptKey: ENCRYPT_KEY, timestamp: Math.floor(h.db.clock.now() / 1000) },
    );
    expect(res.status).toBe(200);

    // Typed in a group, answered privately: a DM to HR, nothing in the group.
    const answer = await waitFor(() => h.fake.messagesTo('ou_hana')[0], 'the answer to the command');
    expect(answer.msgType).toBe('text');
    expect(h.fake.repliesTo('om_offboard')).toHaveLength(0);
    const root = await waitFor(() => h.fake.messagesTo('oc_hr')[0], 'the case card in the HR chat');
    const body = textOf(root.content);
    expect(body).toContain('张伟');
    expect(body).toContain('❌');
    expect(root.content.header.title.content).toMatch(/[\u4e00-\u9fff]{2,}/);
    const c = h.db.conn.sqlite.prepare('select employee_id as employeeId, status from cases').get() as {
      employeeId: string;
      status: string;
    };
    expect(c.employeeId).toBe('zw');
  });

  it('answers a mention of someone Dandang does not know instead of guessing', async () => {
    h = await startFeishuHarness({ mode: 'http', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    seedOrg(h);
    await postCallback(
      `${h.httpUrl}/feishu/events`,
      messageEvent({
        ...h.envelope(),
        openId: 'ou_hana',
        text: '/offboard @_user_1',
        mentions: [{ key: '@_user_1', openId: 'ou_unknown', name: '路人' }],
        messageId: 'om_x',
      }),
      { encryptKey: ENCRYPT_KEY, timestamp: Math.floor(h.db.clock.now() / 1000) },
    );
    const answer = await waitFor(() => h.fake.repliesTo('om_x')[0], 'the answer');
    expect(answer.content.text).toContain('路人');
    expect(count(h, 'cases')).toBe(0);
  });
});
