import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { inputNames, submitValueOf, textOf } from './card-helpers.js';
import { CONFIG, count, seedOrg } from './org.js';

describe('a form opened by a typed command (Feishu)', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  it('`/note @张伟` answers with a card holding the form; its submission stores the note and tells the employee', async () => {
    const mentions = [{ key: '@_user_1', openId: 'ou_zw', name: '张伟' }];
    await h.fake.pushEvent(
      messageEvent({ ...h.envelope(), openId: 'ou_m1', text: '/note @_user_1', mentions, messageId: 'om_note' }),
    );
    const formCard = await waitFor(() => h.fake.repliesTo('om_note')[0], 'the note form card');
    expect(formCard.msgType).toBe('interactive');
    expect(inputNames(formCard.content)).toEqual(expect.arrayContaining(['kind', 'held_on', 'discussion']));

    const values = {
      kind: 'one_on_one',
      held_on: '2026-11-23 +0800',
      discussion: '讨论了电话量的差距',
      visibility: 'shared',
    };
    const res = await h.fake.pushEvent(
      cardActionEvent({
        ...h.envelope(),
        openId: 'ou_m1',
        value: submitValueOf(formCard.content),
        formValue: values,
        messageId: formCard.messageId,
      }),
    );
    expect(res.data.toast?.type).not.toBe('error');
    await waitFor(() => count(h, 'notes') === 1, 'the stored note');
    const note = h.db.conn.sqlite.prepare('select held_on as heldOn from notes').get() as { heldOn: string };
    expect(note.heldOn).toBe('2026-11-23');
    const toEmployee = await waitFor(() => h.fake.messagesTo('ou_zw')[0], 'the note card for the employee');
    expect(textOf(toEmployee.content)).toContain('讨论了电话量的差距');
  });
});
