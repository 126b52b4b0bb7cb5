/**
 * Issue 11 #7: a form opened from a card in a group (the HR group's case card) goes to the person
 * who clicked, in their chat with Dandang; the group's card stays as it was until the outcome
 * changes it for everyone. #3: the re-shown form's submit value is a snapshot key, not the form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, inputNames, submitValueOf, textOf } from './card-helpers.js';
import { CONFIG, seedOrg } from './org.js';

describe('a form opened from the HR group’s case card', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-02T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  const click = (openId: string, messageId: string, value: unknown, formValue?: Record<string, unknown>) =>
    h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId, value, formValue, messageId }));
  const caseStatus = () =>
    (h.db.conn.sqlite.prepare('select status from cases').get() as { status: string } | undefined)?.status;

  it('goes to the clicker privately, leaves the group card alone, and the outcome updates the group card', async () => {
    await h.fake.pushEvent(
      messageEvent({
        ...h.envelope(),
        openId: 'ou_m1',
        text: '/offboard @_user_1 mutual 双方协商一致',
        mentions: [{ key: '@_user_1', openId: 'ou_zw', name: '张伟' }],
      }),
    );
    const group = await waitFor(
      () => h.fake.messagesTo('oc_hr').find((m) => m.msgType === 'interactive' && !m.rootId),
      'the case card in the HR group',
    );
    const before = JSON.stringify(group.content);
    const withdraw = buttonsIn(group.content).find((b) => b.value?.a === 'case.open_withdraw');
    expect(withdraw).toBeDefined();

    const ack = await click('ou_hana', group.messageId, withdraw!.value);
    // A toast, and no card in the answer: the group's card is not replaced by HR's form.
    expect(ack.data?.toast?.content).toBe('已发到你与担当的单聊中。');
    expect(ack.data?.card).toBeUndefined();
    const dm = await waitFor(
      () => h.fake.messagesTo('ou_hana').find((m) => inputNames(m.content).length > 0),
      'the withdraw form in HR’s chat with Dandang',
    );
    expect(JSON.stringify(group.content)).toBe(before);
    expect(group.patches).toBe(0);
    // Nobody else in the group got a form.
    expect(h.fake.messagesTo('oc_hr').filter((m) => inputNames(m.content).length > 0)).toEqual([]);

    // The submit value names the form by a key; it does not carry the form.
    const submit = submitValueOf(dm.content);
    expect(JSON.stringify(submit).length).toBeLessThan(200);
    const [reason] = inputNames(dm.content);
    const reasonText = '员工已接受内部转岗，<at id=all></at> 无需继续。';
    const done = await click('ou_hana', dm.messageId, submit, { [reason!]: reasonText });
    expect(done.data?.toast?.type).not.toBe('error');
    await waitFor(() => caseStatus() === 'withdrawn', 'the case withdrawn');
    // The outcome reaches the group's card for everyone, through the outbox.
    await waitFor(() => group.patches > 0, 'the group card updated with the outcome');
    expect(buttonsIn(group.content).find((b) => b.value?.a === 'case.open_withdraw')).toBeUndefined();
    // What HR typed is shown as text: the group is not @-mentioned by it.
    const shown = JSON.stringify(group.content);
    expect(shown).not.toContain('<at id=all>');
    expect(shown).not.toContain('<at user_id="all">');
    expect(textOf(group.content)).toContain('员工已接受内部转岗');
  });
});
