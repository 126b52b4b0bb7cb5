/**
 * The outbox against a Slack that misbehaves: an outage of 5xx answers, calls that never answer,
 * a crash in a busy thread, and a token that may not read history. Every message must arrive once
 * (or, where Slack will not let us check, at least once), and nothing may be dropped silently.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLogs } from '../../support/logs.js';
import { startSlackHarness, addPeople, person, waitFor, type SlackHarness } from './harness.js';
import { makeOutboxQueue } from '../../../db/repos/outbox.js';
import type { Message } from '../../../src/ui/model.js';

const msg = (text: string): Message => ({ text, blocks: [{ type: 'text', text }] });
const row = (h: SlackHarness, key: string) =>
  h.db.conn.sqlite
    .prepare('select status, sent_ref as sentRef, last_error as lastError, attempts from outbox where key = ?')
    .get(key) as { status: string; sentRef: string | null; lastError: string | null; attempts: number } | undefined;
const statuses = (h: SlackHarness, prefix: string) =>
  (
    h.db.conn.sqlite
      .prepare("select status from outbox where key like ? || '%' and platform = 'slack'")
      .all(prefix) as { status: string }[]
  ).map((r) => r.status);
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const HOUR = 3_600_000;

describe('Slack outbox: outages and hung calls', () => {
  let h: SlackHarness;
  afterEach(async () => {
    vi.restoreAllMocks();
    await h?.close();
  });

  it('delivers every nudge exactly once after a 5xx outage that outlasts the old 8 attempts', async () => {
    // The outage is 3 s of real time (the sender's backoff is shortened in the harness); the app
    // clock moves 3 minutes meanwhile. The retry window (24 h by default) is what bounds retries now.
    h = await startSlackHarness({ features: () => [] });
    const people = ids(32, 'm');
    addPeople(
      h,
      people.map((id) => person({ id })),
    );
    h.fake.outageFor(3000, { status: 503 });
    h.db.store.tx((tx) => {
      for (const id of people)
        tx.outbox.post({ key: `nudge:9:${id}`, to: { person: id }, message: msg(`Reviews due ${id}`) });
    });
    h.slack.wakeSender();
    await waitFor(() => h.fake.callsTo('chat.postMessage').length >= 8, 'calls during the outage');
    h.db.clock.advance(3 * 60_000);

    await waitFor(() => statuses(h, 'nudge:9:').every((s) => s === 'sent'), 'every nudge after the outage', 20_000);
    for (const id of people) expect(h.fake.dmsWithKey(`U${id.toUpperCase()}`, 'nudge:9:')).toHaveLength(1);
    expect(statuses(h, 'nudge:9:')).toHaveLength(32);
    // 5xx answers may hide a delivered post, so each retry looked before posting again.
    expect(h.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(1);
  });

  it('sets rows aside after the retry window, alerts HR once in the channel language, and `outbox retry` delivers them once', async () => {
    h = await startSlackHarness({
      features: () => [],
      fileConfig: 'locale: zh-CN\nhrChannel:\n  slack: CHR\ndelivery:\n  retryFor: 2h\n',
    });
    const errors = captureLogs();
    const people = ids(3, 'p');
    addPeople(
      h,
      people.map((id) => person({ id })),
    );
    h.fake.outageFor(60_000, { status: 502 });
    h.db.store.tx((tx) => {
      for (const id of people) tx.outbox.post({ key: `nudge:5:${id}`, to: { person: id }, message: msg(`Due ${id}`) });
    });
    h.slack.wakeSender();
    await waitFor(
      () => people.every((id) => row(h, `nudge:5:${id}`)!.lastError === 'http_502'),
      'a failed attempt each',
    );
    // Two hours and a bit pass on the app clock while Slack stays down.
    h.db.clock.advance(2 * HOUR + 60_000);
    await waitFor(() => statuses(h, 'nudge:5:').every((s) => s === 'failed'), 'the rows to be set aside', 20_000);
    expect(row(h, 'nudge:5:p1')!.lastError).toMatch(/^http_502 \(gave up after \d+ attempts over 2\.\d h\)$/);
    expect(errors.lines().filter((l) => l.includes('UNDELIVERED'))).toHaveLength(3);

    // Slack comes back: the HR alert (queued while it was down) arrives, once, updated to the count.
    h.fake.outageFor(0);
    await waitFor(() => h.fake.messagesIn('CHR').length === 1 && row(h, 'nudge:5:p3'), 'the HR alert');
    await h.slack.senderIdle();
    const alert = h.fake.messagesIn('CHR')[0]!;
    expect(alert.text).toContain('3 条发往Slack的消息未能送达');
    expect(alert.text).toContain('2 小时');
    expect(h.fake.messagesIn('CHR')).toHaveLength(1);
    expect(people.every((id) => h.fake.dmsWithKey(`U${id.toUpperCase()}`).length === 0)).toBe(true);

    // The operator re-queues them (what `npm run dandang -- outbox retry` does): each arrives once.
    expect(makeOutboxQueue(h.db.conn.db).requeueFailed({ platform: 'slack', now: h.db.clock.now() })).toBe(3);
    h.slack.wakeSender();
    await waitFor(() => statuses(h, 'nudge:5:').every((s) => s === 'sent'), 'the re-queued rows');
    for (const id of people) expect(h.fake.dmsWithKey(`U${id.toUpperCase()}`, 'nudge:5:')).toHaveLength(1);
  });

  it('16 calls that never answer do not stop delivery to healthy DMs; once Slack answers, each hung one arrives once', async () => {
    h = await startSlackHarness({ features: () => [], fileConfig: 'delivery:\n  callTimeoutSeconds: 1\n' });
    const hung = ids(16, 'h');
    const healthy = ids(10, 'ok');
    addPeople(
      h,
      [...hung, ...healthy].map((id) => person({ id })),
    );
    const hungChannels = new Set(hung.map((id) => `U${id.toUpperCase()}`));
    h.fake.hang('chat.postMessage', (a) => hungChannels.has(String(a.channel)));
    h.db.store.tx((tx) => {
      // The hung destinations are queued first, so they take every one of the 16 sending slots.
      for (const id of [...hung, ...healthy])
        tx.outbox.post({ key: `nudge:4:${id}`, to: { person: id }, message: msg(`Due ${id}`) });
    });
    h.slack.wakeSender();

    await waitFor(() => statuses(h, 'nudge:4:ok').every((s) => s === 'sent'), 'the healthy DMs');
    for (const id of healthy) expect(h.fake.dmsWithKey(`U${id.toUpperCase()}`, 'nudge:4:')).toHaveLength(1);
    expect(statuses(h, 'nudge:4:h').every((s) => s === 'sending')).toBe(true);

    h.fake.releaseHangs();
    await waitFor(() => statuses(h, 'nudge:4:').every((s) => s === 'sent'), 'the timed-out DMs', 20_000);
    for (const id of hung) expect(h.fake.dmsWithKey(`U${id.toUpperCase()}`, 'nudge:4:')).toHaveLength(1);
  });
});

describe('Slack outbox: crash recovery in busy conversations', () => {
  let h: SlackHarness;
  afterEach(async () => {
    vi.restoreAllMocks();
    await h?.close();
  });

  it('pages through a case thread of 40 replies and does not post the 41st twice', async () => {
    h = await startSlackHarness({ features: () => [] });
    // Slack may answer fewer than `limit` per page (15 for some apps): the lookup must page.
    h.fake.maxPageSize = 15;
    const hr = { channel: { slack: 'CHR', local: 'hr' } };
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'case:7:root', to: hr, message: msg('Case 7') });
      for (let i = 1; i <= 40; i++)
        tx.outbox.post({ key: `case:7:step:${i}`, to: hr, threadKey: 'case:7:root', message: msg(`Step ${i}`) });
    });
    h.slack.wakeSender();
    await waitFor(() => row(h, 'case:7:step:40')?.status === 'sent', 'forty replies');

    h.fake.dropAfterAccept('chat.postMessage', 1);
    h.db.store.tx((tx) =>
      tx.outbox.post({ key: 'case:7:step:41', to: hr, threadKey: 'case:7:root', message: msg('Step 41') }),
    );
    h.slack.wakeSender();
    await waitFor(() => h.fake.messagesIn('CHR').length === 42, 'the 41st reply, answer lost');
    await h.restartAdapter();
    await waitFor(() => row(h, 'case:7:step:41')?.status === 'sent', 'the reconciled reply');

    const reply = h.fake.messagesIn('CHR').filter((m) => m.metadata?.event_payload.key === 'case:7:step:41');
    expect(reply).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(42);
    expect(h.fake.callsTo('conversations.replies').length).toBeGreaterThanOrEqual(3);
    expect(row(h, 'case:7:step:41')!.sentRef).toBe(`CHR:${reply[0]!.ts}`);
  });

  it('without the history scopes, says so once at start and resends rather than lose the message', async () => {
    const warnings = captureLogs();
    h = await startSlackHarness({
      features: () => [],
      options: { noSender: true },
    });
    await h.slack.stop();
    h.fake.scopes = ['commands', 'chat:write', 'im:write'];
    h.fake.refuseLookups('missing_scope');
    addPeople(h, [person({ id: 'ann' }), person({ id: 'bob' })]);
    await h.restartAdapter({ noSender: false });
    const startLines = warnings.lines();
    expect(startLines.filter((l) => l.includes('lacks im:history, channels:history, groups:history'))).toHaveLength(1);

    h.fake.dropAfterAccept('chat.postMessage', 2);
    h.db.store.tx((tx) => {
      tx.outbox.post({ key: 'nudge:3:ann', to: { person: 'ann' }, message: msg('Due') });
      tx.outbox.post({ key: 'nudge:3:bob', to: { person: 'bob' }, message: msg('Due') });
    });
    h.slack.wakeSender();
    await waitFor(() => ['ann', 'bob'].every((id) => row(h, `nudge:3:${id}`)?.status === 'sent'), 'both nudges');
    // The documented fallback: at least once. Each lost answer means a second copy, never none.
    expect(h.fake.dmsWithKey('UANN', 'nudge:3:')).toHaveLength(2);
    expect(h.fake.dmsWithKey('UBOB', 'nudge:3:')).toHaveLength(2);
    const refusals = warnings.lines().filter((l) => l.includes('refused to let the bot read'));
    expect(refusals).toEqual([expect.stringContaining('the history of a DM (missing_scope)')]);
  });
});
