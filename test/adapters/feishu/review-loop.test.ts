import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, inputNames, submitValueOf, textOf } from './card-helpers.js';
import { CONFIG, count, seedOrg } from './org.js';
import { translator } from '../../../src/ui/i18n/index.js';

const t = translator('zh-CN');

describe('the weekly review loop through Feishu cards (long connection)', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  it('nudge → inline form → invalid value rejected with a toast → stored → employee card → acknowledge', async () => {
    // HR types the command to the bot; the manager gets a nudge card.
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: '/review start eng' }));
    const nudge = await waitFor(() => h.fake.messagesTo('ou_m1')[0], 'the nudge card');
    expect(nudge.msgType).toBe('interactive');
    expect(nudge.content.header.title.content).toBe(t('review.nudge.header', { period: '2026-W48' }));
    const open = buttonsIn(nudge.content)[0]!;
    expect(open.value.a).toBe('review.open_form');

    // Clicking it replaces the card with the inline form (Feishu has no modals).
    const click = (openId: string, value: unknown, formValue?: Record<string, unknown>, messageId = nudge.messageId) =>
      h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId, value, formValue, messageId }));
    const opened = await click('ou_m1', open.value);
    const formCard = opened.data.card.data;
    expect(inputNames(formCard)).toEqual(expect.arrayContaining(['kpi_calls', 'kpi_churn', 'rating']));
    const submit = submitValueOf(formCard);
    expect(submit.f).toBe('review.form');

    // A value that is not a number: a toast names the error, the form comes back with it under the input.
    const answers = {
      kpi_calls: '很多',
      kpi_churn: '1',
      rating: '3',
      strengths: '客户关系好',
      improvement: '每天多打十个电话',
    };
    const rejected = await click('ou_m1', submit, answers);
    expect(rejected.data.toast.type).toBe('error');
    expect(textOf(rejected.data.card.data)).toContain(rejected.data.toast.content);
    expect(JSON.stringify(rejected.data.card.data)).toContain('很多');
    expect(count(h, 'reviews')).toBe(0);

    const accepted = await click('ou_m1', submitValueOf(rejected.data.card.data), { ...answers, kpi_calls: '30' });
    expect(accepted.data.toast?.type ?? 'success').toBe('success');
    // The form is replaced by its outcome, so it cannot be submitted twice.
    expect(submitValueOf(accepted.data.card.data)).toBeUndefined();
    const review = await waitFor(
      () =>
        h.db.conn.sqlite.prepare('select id, rating from reviews').get() as { id: number; rating: number } | undefined,
      'the stored review',
    );
    expect(review.rating).toBe(3);
    // The nudge the manager already has shows the progress.
    await waitFor(() => nudge.patches >= 1, 'the nudge card to be patched');

    // The employee gets a card with the review, in Chinese, and acknowledges it.
    const card = await waitFor(() => h.fake.messagesTo('ou_zw')[0], 'the employee card');
    expect(textOf(card.content)).toContain('每天多打十个电话');
    const ack = buttonsIn(card.content).find((b) => b.value?.a === 'review.acknowledge')!;
    const acked = await click('ou_zw', ack.value, undefined, card.messageId);
    expect(acked.code).toBe(200);
    const recorded = await waitFor(
      () => h.db.store.tx((tx) => tx.acks.find('review', String(review.id), 'zw')),
      'the acknowledgment',
    );
    expect(recorded.state).toBe('acknowledged');
  });

  it('a dispute opens an inline form in the employee card and keeps the comment verbatim', async () => {
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: 'review start eng' }));
    const nudge = await waitFor(() => h.fake.messagesTo('ou_m1')[0], 'the nudge card');
    const click = (openId: string, messageId: string, value: unknown, formValue?: Record<string, unknown>) =>
      h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId, value, formValue, messageId }));
    const opened = await click('ou_m1', nudge.messageId, buttonsIn(nudge.content)[0]!.value);
    await click('ou_m1', nudge.messageId, submitValueOf(opened.data.card.data), {
      kpi_calls: '45',
      kpi_churn: '0',
      rating: '4',
    });
    const card = await waitFor(() => h.fake.messagesTo('ou_zw')[0], 'the employee card');
    const review = h.db.conn.sqlite.prepare('select id from reviews').get() as { id: number };

    const dispute = buttonsIn(card.content).find((b) => b.value?.a === 'review.dispute')!;
    const form = await click('ou_zw', card.messageId, dispute.value);
    const [commentInput] = inputNames(form.data.card.data);
    const comment = '我每天都打了 45 个电话 **见 CRM** <b>&amp;</b>\n  第二行 100% 🙂';
    const res = await click('ou_zw', card.messageId, submitValueOf(form.data.card.data), { [commentInput!]: comment });
    expect(res.data.toast?.type ?? 'success').not.toBe('error');
    const recorded = h.db.store.tx((tx) => tx.acks.find('review', String(review.id), 'zw'))!;
    expect(recorded).toMatchObject({ state: 'disputed', comment });
  });
});
