/**
 * Issue 13 #11 on Feishu: the bot menu's `home` entry sends the Home card (the screen Slack's App
 * Home and the local workspace show), in the reader's language, and its buttons work like the
 * menu's entries: a review due opens its form in place, a shortcut answers as its command would.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, menuEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, inputNames, textOf } from './card-helpers.js';
import { CONFIG, seedOrg } from './org.js';

describe('the Home from the Feishu bot menu', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  it('sends the manager’s Home card, whose buttons open the review due and run the menu’s entries', async () => {
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: '/review start eng' }));
    await waitFor(() => h.fake.messagesTo('ou_m1')[0], 'the nudge card');

    await h.fake.pushEvent(menuEvent({ ...h.envelope(), openId: 'ou_m1', eventKey: 'home' }));
    const card = await waitFor(
      () => h.fake.messagesTo('ou_m1').find((m) => textOf(m.content).includes('待完成的考核')),
      'the Home card',
    );
    expect(card.content.header.title.content).toBe('主页：王经理');
    expect(textOf(card.content)).toContain('张伟');
    const labels = buttonsIn(card.content).map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['考核 张伟', '团队进度', '我的记录', '帮助']));
    // HR's entries are not offered to a manager.
    expect(labels).not.toContain('进行中的案件');

    const click = (value: unknown) =>
      h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId: 'ou_m1', value, messageId: card.messageId }));
    const review = buttonsIn(card.content).find((b) => b.label === '考核 张伟')!;
    const form = await click(review.value);
    expect(inputNames(form.data.card.data)).toEqual(expect.arrayContaining(['kpi_calls', 'kpi_churn', 'rating']));

    const status = buttonsIn(card.content).find((b) => b.label === '团队进度')!;
    expect(status.value.a).toBe('menu.entry');
    // Feishu answers a card's button in place: the card shows the team's status, as `/review status` would.
    const answer = await click(status.value);
    expect(answer.data.card.data.header.title.content).toBe('考核 · eng · 第 48 周');
    expect(textOf(answer.data.card.data)).toContain('张伟');
  });
});
