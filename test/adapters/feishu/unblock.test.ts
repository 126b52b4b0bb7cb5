/**
 * Issue 13 #7 on Feishu: a card click refused with an unblocking action answers with an error toast
 * (the clicked card stays as it was) and sends the refusal as its own card with the button; a typed
 * command's refusal is that card.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, textOf } from './card-helpers.js';
import { CONFIG, seedOrg } from './org.js';
import { seedEndedPlan } from '../../support/ended-plan.js';

describe('Feishu: refusals offer the button that unblocks them', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-25T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  it('a refused click: error toast, the card untouched, and a card with 标记计划已完成 that works', async () => {
    const planId = seedEndedPlan(h.db.store, h.db.clock, {
      employeeId: 'zw',
      managerId: 'm1',
      jobId: 'sdr',
      kpiKeys: ['calls'],
      goal: '每天四十通电话',
    });
    const answer = await h.fake.pushEvent(
      cardActionEvent({
        ...h.envelope(),
        openId: 'ou_m1',
        value: { a: 'training.open_reassessment', v: String(planId) },
        messageId: 'om_plan',
      }),
    );
    expect(answer.data.toast).toEqual({
      type: 'error',
      content: '请先将培训计划“每天四十通电话”标记为已完成，再记录再次考核。',
    });
    expect(answer.data.card).toBeUndefined();
    const card = await waitFor(() => h.fake.messagesTo('ou_m1').at(-1), 'the refusal card');
    expect(textOf(card.content)).toContain('标记为已完成');
    const [complete] = buttonsIn(card.content);
    expect(complete).toMatchObject({ label: '标记计划已完成', value: { a: 'training.complete', v: String(planId) } });

    await h.fake.pushEvent(
      cardActionEvent({ ...h.envelope(), openId: 'ou_m1', value: complete!.value, messageId: card.messageId }),
    );
    await waitFor(() => h.db.store.tx((tx) => tx.evidence.plan(planId))?.status === 'completed', 'the completion');
  });
});
