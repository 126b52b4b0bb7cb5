/**
 * Issue 13 #5, #6 and #8 through Feishu cards: after a dispute the manager's card offers 修订考核,
 * 回复 and 安排一次谈话; HR's group hears of it; scheduling is an inline form whose result reaches
 * the employee as a card and an .ics file message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, inputNames, submitValueOf, textOf } from './card-helpers.js';
import { CONFIG, seedOrg } from './org.js';

describe('a disputed review through Feishu', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-24T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  it('the manager card offers three answers; a conversation is scheduled inline and sent with a calendar file', async () => {
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: '/review start eng' }));
    const nudge = await waitFor(() => h.fake.messagesTo('ou_m1')[0], 'the nudge card');
    const click = (openId: string, messageId: string, value: unknown, formValue?: Record<string, unknown>) =>
      h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId, value, formValue, messageId }));
    const opened = await click('ou_m1', nudge.messageId, buttonsIn(nudge.content)[0]!.value);
    await click('ou_m1', nudge.messageId, submitValueOf(opened.data.card.data), {
      kpi_calls: '30',
      kpi_churn: '0',
      rating: '2',
      improvement: '每天多打十个电话',
    });
    const card = await waitFor(() => h.fake.messagesTo('ou_zw')[0], 'the employee card');
    const form = await click(
      'ou_zw',
      card.messageId,
      buttonsIn(card.content).find((b) => b.value?.a === 'review.dispute')!.value,
    );
    const [commentInput] = inputNames(form.data.card.data);
    await click('ou_zw', card.messageId, submitValueOf(form.data.card.data), {
      [commentInput!]: 'CRM 丢了一天的记录。',
    });

    const notice = await waitFor(
      () => h.fake.messagesTo('ou_m1').find((m) => textOf(m.content).includes('CRM 丢了一天的记录')),
      'the manager card',
    );
    const labels = buttonsIn(notice.content).map((b) => b.label);
    expect(labels).toEqual(['修订考核', '回复', '安排一次谈话']);
    await waitFor(
      () => h.fake.messagesTo('oc_hr').some((m) => textOf(m.content).includes('张伟')),
      'the HR group card',
    );

    const scheduleButton = buttonsIn(notice.content).find((b) => b.label === '安排一次谈话')!;
    const scheduleForm = await click('ou_m1', notice.messageId, scheduleButton.value);
    expect(inputNames(scheduleForm.data.card.data)).toEqual(
      expect.arrayContaining(['date', 'start', 'minutes', 'place', 'meeting_url', 'agenda']),
    );
    const done = await click('ou_m1', notice.messageId, submitValueOf(scheduleForm.data.card.data), {
      date: '2026-11-25',
      start: '15:00',
      minutes: '30',
      place: '3 号会议室',
      meeting_url: '',
      agenda: 'CRM 记录',
    });
    expect(done.data.toast?.type ?? 'success').toBe('success');
    const invite = await waitFor(
      () => h.fake.messagesTo('ou_zw').find((m) => textOf(m.content).includes('安排了与你的谈话')),
      'the employee invitation card',
    );
    expect(textOf(invite.content)).toContain('3 号会议室');
    const file = await waitFor(() => h.fake.messagesTo('ou_zw').find((m) => m.msgType === 'file'), 'the .ics file');
    const uploaded = h.fake.files.find((f) => f.fileKey === file.content.file_key)!;
    expect(uploaded.fileName).toBe('conversation-1.ics');
    expect(uploaded.content).toContain('BEGIN:VCALENDAR');
  });
});
