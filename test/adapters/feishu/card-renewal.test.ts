/**
 * Issue 11 #5: Feishu cards stop answering (and cannot be edited) 14 days after they are sent, but
 * a dismissal case runs for weeks. A case opened 20 days ago (the test clock; the fake ages cards
 * by it) can still be advanced from chat: its card was sent again, fresh, before the 14 days ran
 * out, the old card says so, and `/offboard case <id>` brings the card back whenever it is needed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, textOf } from './card-helpers.js';
import { CONFIG, seedOrg } from './org.js';

const DAY = 86_400_000;

describe('a Feishu case card older than 14 days', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-02T02:00:00Z' });
    h.fake.cardClock = () => h.db.clock.now();
    seedOrg(h);
  });
  afterEach(async () => h.close());

  const caseRow = () =>
    h.db.conn.sqlite.prepare('select id, step_index as stepIndex, status from cases').get() as
      { id: number; stepIndex: number; status: string } | undefined;
  const click = (openId: string, messageId: string, value: unknown) =>
    h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId, value, messageId }));
  const hrCards = () => h.fake.messagesTo('oc_hr').filter((m) => m.msgType === 'interactive' && !m.rootId);
  const approveButton = (card: unknown) => buttonsIn(card).find((b) => b.value?.a === 'case.advance');

  it('is sent again fresh before it expires, and the fresh card advances the case 20 days after it opened', async () => {
    await h.fake.pushEvent(
      messageEvent({
        ...h.envelope(),
        openId: 'ou_m1',
        text: '/offboard @_user_1 mutual 双方协商一致',
        mentions: [{ key: '@_user_1', openId: 'ou_zw', name: '张伟' }],
      }),
    );
    const first = await waitFor(() => hrCards()[0], 'the case card in the HR group');
    const opened = caseRow()!;
    expect(opened).toMatchObject({ stepIndex: 0, status: 'open' });
    expect(approveButton(first.content)).toBeDefined();

    // The card is in Feishu once the fake has it, but the outbox marks it sent only when the answer
    // arrives: wait for that, or the round below could run before the card counts as sent.
    await waitFor(
      () => h.db.conn.sqlite.prepare(`select 1 from outbox where key = 'case:1:root' and status = 'sent'`).get(),
      'the case card marked sent',
    );
    // Day 13: the hourly round finds the card close to its 14 days and sends it again.
    h.db.clock.advance(13 * DAY);
    expect(h.feishu.renewCards()).toBeGreaterThanOrEqual(1);
    const fresh = await waitFor(() => hrCards()[1], 'the case card sent again');
    expect(textOf(fresh.content)).toContain('张伟');
    expect(approveButton(fresh.content)).toBeDefined();
    // The old card now points at the new one instead of offering buttons that are about to die.
    await waitFor(() => textOf(first.content).includes('重新发送'), 'the old card pointing at the new one');
    expect(buttonsIn(first.content)).toEqual([]);

    // Day 20: the first card is past Feishu's lifetime; the fresh one is 7 days old.
    h.db.clock.advance(7 * DAY);
    expect(h.fake.cardLive(first)).toBe(false);
    expect((await click('ou_hana', first.messageId, approveButton(fresh.content)!.value)).expired).toBe(true);
    expect(caseRow()!.stepIndex).toBe(0);

    await click('ou_hana', fresh.messageId, approveButton(fresh.content)!.value);
    await waitFor(() => caseRow()!.stepIndex === 1, 'the case advanced by the fresh card');
    // The fresh card follows the case: it is edited in place (not refused as expired), and no
    // edit was set aside.
    await waitFor(() => fresh.patches > 0 && !approveButton(fresh.content), 'the fresh card updated');
    expect(h.fake.refused).toEqual([]);
    const failed = h.db.conn.sqlite.prepare("select count(*) n from outbox where status = 'failed'").get() as {
      n: number;
    };
    expect(failed.n).toBe(0);
    expect(hrCards()).toHaveLength(2);
    // The case's thread goes on under the fresh card.
    const replies = h.fake.messagesTo('oc_hr').filter((m) => m.rootId);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((m) => m.rootId === fresh.messageId)).toBe(true);
  });

  it('`/offboard case <id>` brings a fresh card with the buttons of the step the case is on, to HR only', async () => {
    await h.fake.pushEvent(
      messageEvent({
        ...h.envelope(),
        openId: 'ou_m1',
        text: '/offboard @_user_1 mutual 双方协商一致',
        mentions: [{ key: '@_user_1', openId: 'ou_zw', name: '张伟' }],
      }),
    );
    await waitFor(() => hrCards()[0], 'the case card in the HR group');
    const { id } = caseRow()!;
    h.db.clock.advance(20 * DAY);

    await h.fake.pushEvent(
      messageEvent({ ...h.envelope(), openId: 'ou_hana', text: `/offboard case ${id}`, messageId: 'om_typed_hr' }),
    );
    const card = await waitFor(
      () => h.fake.repliesTo('om_typed_hr').find((m) => m.msgType === 'interactive' && approveButton(m.content)),
      'the case card in HR’s chat',
    );
    expect(textOf(card.content)).toContain('张伟');
    await click('ou_hana', card.messageId, approveButton(card.content)!.value);
    await waitFor(() => caseRow()!.stepIndex === 1, 'the case advanced from the typed command’s card');

    // The line manager gets their own view of the case (`/offboard <id>` is the short form).
    await h.fake.pushEvent(
      messageEvent({ ...h.envelope(), openId: 'ou_m1', text: `/offboard ${id}`, messageId: 'om_typed_m1' }),
    );
    const managerCard = await waitFor(() => h.fake.repliesTo('om_typed_m1')[0], 'the case card for the manager');
    expect(managerCard.msgType).toBe('interactive');
    expect(textOf(managerCard.content)).toContain('张伟');

    // The employee is no one to show the case to.
    await h.fake.pushEvent(
      messageEvent({ ...h.envelope(), openId: 'ou_zw', text: `/offboard case ${id}`, messageId: 'om_typed_zw' }),
    );
    const answer = await waitFor(() => h.fake.repliesTo('om_typed_zw')[0], 'the answer to the employee');
    expect(buttonsIn(answer.content)).toEqual([]);
    expect(textOf(answer.content) + JSON.stringify(answer.content)).not.toContain('双方协商一致');
  });

  it('an edit of a card too old to edit goes out as a fresh card instead of failing', async () => {
    const message = (text: string) => ({ text, blocks: [{ type: 'text' as const, text }] });
    h.db.store.tx((tx) => tx.outbox.post({ key: 'fyi:1', to: { person: 'zw' }, message: message('第一版') }));
    h.feishu.wakeSender();
    const old = await waitFor(() => h.fake.messagesTo('ou_zw')[0], 'the first card');
    h.db.clock.advance(15 * DAY);
    h.db.store.tx((tx) => tx.outbox.update('fyi:1', message('第二版')));
    h.feishu.wakeSender();
    const fresh = await waitFor(() => h.fake.messagesTo('ou_zw')[1], 'the edit, sent as a fresh card');
    expect(textOf(fresh.content)).toContain('第二版');
    expect(textOf(old.content)).toContain('第一版');
    await waitFor(
      () =>
        (h.db.conn.sqlite.prepare("select count(*) n from outbox where status = 'sent'").get() as { n: number }).n ===
        2,
      'both rows sent',
    );
    // Later edits go to the fresh card.
    h.db.store.tx((tx) => tx.outbox.update('fyi:1', message('第三版')));
    h.feishu.wakeSender();
    await waitFor(() => textOf(fresh.content).includes('第三版'), 'the fresh card edited in place');
    expect(h.fake.messagesTo('ou_zw')).toHaveLength(2);
  });
});
