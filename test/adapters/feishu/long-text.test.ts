/**
 * Text someone acknowledges reaches them in full on Feishu too: the manager types a review whose
 * texts are at the product's 3,000-character limit (Chinese, with `& < >` and would-be tags) into
 * the card form, in the 1,000-character boxes a Feishu input allows; the employee's card holds all
 * of it (several cards when one card's 30 KB is not enough), through the real Lark SDK against a
 * fake Feishu that refuses what Feishu refuses. The same after a 3,000-character dispute.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, inputNames, submitValueOf } from './card-helpers.js';
import { CONFIG, seedOrg } from './org.js';
import { feishuTexts, feishuVisible } from '../../support/read-payloads.js';
import { TEXT_LIMITS } from '../../../src/domain/text.js';
import { FEISHU } from '../../../adapters/feishu/render/limits.js';

const fill = (s: string, n: number) => [...s.repeat(Math.ceil(n / [...s].length))].slice(0, n).join('');
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** A text as the card form takes it: in boxes of at most 1,000 characters (`id`, `id~2`, …). */
const inParts = (id: string, text: string) =>
  Object.fromEntries(
    Array.from({ length: Math.ceil([...text].length / FEISHU.inputMaxLength) }, (_, i) => [
      i === 0 ? id : `${id}~${i + 1}`,
      [...text].slice(i * FEISHU.inputMaxLength, (i + 1) * FEISHU.inputMaxLength).join(''),
    ]),
  );

describe('long texts through Feishu', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  /** Everything the employee can read in the cards Dandang sent them. */
  const readCards = () =>
    h.fake
      .messagesTo('ou_zw')
      .filter((m) => m.msgType === 'interactive')
      .flatMap((m) => feishuTexts(m.content))
      .map(([kind, text]) => (kind === 'md' ? feishuVisible(text, (id) => id) : text))
      .join('\n');

  it('a 3,000-character comment with & < > reaches the employee in full, and so does their 3,000-character dispute', async () => {
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: '/review start eng' }));
    const nudge = await waitFor(() => h.fake.messagesTo('ou_m1')[0], 'the nudge card');
    const click = (openId: string, messageId: string, value: unknown, formValue?: Record<string, unknown>) =>
      h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId, value, formValue, messageId }));
    const opened = await click('ou_m1', nudge.messageId, buttonsIn(nudge.content)[0]!.value);
    const form = opened.data.card.data;
    // 3,000 characters, typed in three boxes: Feishu's inputs hold 1,000 each.
    expect(inputNames(form)).toEqual(expect.arrayContaining(['comment', 'comment~2', 'comment~3']));

    const texts = {
      strengths: fill('客户关系维护得很好，回款超过季度目标，团队合作积极主动&<b>加粗</b>；', TEXT_LIMITS.long),
      improvement: fill('每天多打十个电话，拜访记录及时录入系统，跟进不超过三天<at id=all></at>；', TEXT_LIMITS.long),
      comment: fill(
        '第四季度业绩低于第三季度，请重点关注回款与客户流失<font color=red>红</font>>1；',
        TEXT_LIMITS.long,
      ),
    };
    const res = await click('ou_m1', nudge.messageId, submitValueOf(form), {
      kpi_calls: '30',
      kpi_churn: '1',
      rating: '2',
      ...inParts('strengths', texts.strengths),
      ...inParts('improvement', texts.improvement),
      ...inParts('comment', texts.comment),
    });
    expect(res.data.toast?.type ?? 'success').toBe('success');
    const review = h.db.conn.sqlite.prepare('select id, comment from reviews').get() as { id: number; comment: string };
    expect(review.comment).toBe(texts.comment.trim());

    await waitFor(() => h.fake.messagesTo('ou_zw').length > 0, 'the employee card');
    await waitFor(() => squeeze(readCards()).includes(squeeze(texts.comment)), 'the whole comment');
    expect(h.fake.refused).toEqual([]);
    const cards = h.fake.messagesTo('ou_zw');
    for (const text of Object.values(texts)) expect(squeeze(readCards())).toContain(squeeze(text));
    // Nothing typed became a tag: no @all, no colour.
    for (const c of cards) expect(JSON.stringify(feishuTexts(c.content))).not.toMatch(/<at id=all|<font/);

    // The employee disputes with 3,000 characters: the form opens in their card, the cards grow in place.
    const withButton = cards.find((c) => buttonsIn(c.content).some((b) => b.value?.a === 'review.dispute'))!;
    const dispute = buttonsIn(withButton.content).find((b) => b.value?.a === 'review.dispute')!;
    const disputeForm = await click('ou_zw', withButton.messageId, dispute.value);
    const why = fill('我打了 45 个电话 & 都有记录 <见 CRM> ', TEXT_LIMITS.long);
    await click('ou_zw', withButton.messageId, submitValueOf(disputeForm.data.card.data), inParts('comment', why));
    const ack = await waitFor(
      () => h.db.store.tx((tx) => tx.acks.find('review', String(review.id), 'zw')),
      'the dispute',
    );
    expect(ack).toMatchObject({ state: 'disputed', comment: why });
    await waitFor(() => squeeze(readCards()).includes(squeeze(why)), 'the dispute on the employee card');
    expect(h.fake.refused).toEqual([]);
    // With the dispute the review no longer fits one card's 30 KB: the card was patched and a
    // second one sent after it, and every text is still there.
    const after = h.fake.messagesTo('ou_zw').filter((m) => m.msgType === 'interactive');
    expect(after.length).toBeGreaterThan(1);
    expect(after.reduce((n, c) => n + Buffer.byteLength(JSON.stringify(c.content)), 0)).toBeGreaterThan(28 * 1024);
    for (const text of Object.values(texts)) expect(squeeze(readCards())).toContain(squeeze(text.trim()));
  });
});
