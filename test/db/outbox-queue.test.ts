import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedOrg } from '../support/org.js';
import { makeOutboxQueue } from '../../db/repos/outbox.js';

/** The sender's view of the outbox, and the figures /readyz and /metrics read from it. */
describe('the outbox queue', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  const post = (key: string, person: string) =>
    db.store.tx((tx) => tx.outbox.post({ key, to: { person }, message: { text: key, blocks: [] } }));
  const status = (key: string) =>
    (db.conn.sqlite.prepare('SELECT status FROM outbox WHERE key = ?').get(key) as { status: string }).status;

  it('reports depth, oldest age and failed rows per platform', () => {
    db = makeTestDb({ platforms: ['slack', 'feishu'] });
    seedOrg(db.store, {
      people: [
        { id: 'ann', name: 'Ann', slackId: 'UANN', feishuOpenId: 'ou_ann' },
        { id: 'bob', name: 'Bob', slackId: 'UBOB', feishuOpenId: null },
      ],
    });
    const queue = makeOutboxQueue(db.conn.db);
    expect(queue.stats(db.clock.now())).toEqual([]);
    post('k1', 'ann');
    db.clock.advance(90_000);
    post('k2', 'bob');
    const [k1slack] = queue.due('slack', db.clock.now(), 10);
    queue.markSending(k1slack!.id, Date.now());
    queue.markFailed(k1slack!.id, 'channel_not_found', db.clock.now());
    db.clock.advance(10_000);

    expect(queue.stats(db.clock.now())).toEqual([
      { platform: 'feishu', depth: 1, oldestAgeMs: 100_000, failed: 0 },
      { platform: 'slack', depth: 1, oldestAgeMs: 10_000, failed: 1 },
    ]);
    expect(queue.pendingCount('slack')).toBe(1);
    expect(queue.failedRows({ limit: 10 })).toEqual([
      expect.objectContaining({ platform: 'slack', key: 'k1', error: 'channel_not_found', address: 'UANN' }),
    ]);
  });

  it('leaves destinations out on request, and keeps a possibly delivered row "sending" through retries', () => {
    db = makeTestDb();
    seedOrg(db.store, {
      people: [
        { id: 'ann', slackId: 'UANN' },
        { id: 'bob', slackId: 'UBOB' },
      ],
    });
    const queue = makeOutboxQueue(db.conn.db);
    post('a1', 'ann');
    post('a2', 'ann');
    post('b1', 'bob');
    expect(queue.due('slack', db.clock.now(), 10, ['UANN']).map((r) => r.key)).toEqual(['b1']);

    const [a1] = queue.due('slack', db.clock.now(), 1);
    queue.markSending(a1!.id, 1_000);
    // A timeout: it may have arrived. Then a 429 on the retry: nothing new arrived, but the first may have.
    queue.retryLater(a1!.id, { at: db.clock.now(), error: 'timeout', maybeDelivered: true, failingSince: 5 });
    const again = queue.due('slack', db.clock.now(), 1)[0]!;
    expect(again).toMatchObject({ key: 'a1', status: 'sending', sendingSince: 1_000, failingSince: 5 });
    queue.markSending(again.id, 2_000);
    queue.retryLater(again.id, { at: db.clock.now(), error: 'rate_limited', maybeDelivered: true, failingSince: 5 });
    expect(queue.due('slack', db.clock.now(), 1)[0]).toMatchObject({ status: 'sending', sendingSince: 1_000 });

    // A destination with a backlog: its oldest row comes first when asked for, even from the back of the queue.
    expect(queue.backlogged('slack', 2, 10)).toEqual(['UANN']);
    expect(queue.due('slack', db.clock.now(), 1, [], ['UBOB']).map((r) => r.key)).toEqual(['b1']);

    // A row that never reached the platform goes back to plain pending.
    const [b1] = queue.due('slack', db.clock.now(), 10, ['UANN']);
    queue.markSending(b1!.id, 3_000);
    queue.retryLater(b1!.id, { at: db.clock.now(), error: 'http_429', maybeDelivered: false, failingSince: null });
    expect(queue.due('slack', db.clock.now(), 10, ['UANN'])[0]).toMatchObject({
      status: 'pending',
      sendingSince: null,
    });
  });

  it('re-queues failed rows by platform and key prefix; a possibly delivered one is looked for first', () => {
    db = makeTestDb();
    seedOrg(db.store, { people: [{ id: 'ann', slackId: 'UANN' }] });
    const queue = makeOutboxQueue(db.conn.db);
    for (const k of ['nudge:1:ann', 'nudge:2:ann', 'case:1:root']) post(k, 'ann');
    for (const row of queue.due('slack', db.clock.now(), 10)) {
      queue.markSending(row.id, 1_000);
      queue.markFailed(row.id, 'http_503 (gave up)', db.clock.now(), row.key === 'nudge:1:ann');
    }
    expect(queue.requeueFailed({ platform: 'feishu', now: db.clock.now() })).toBe(0);
    expect(queue.requeueFailed({ keyPrefix: 'nudge:', now: db.clock.now() })).toBe(2);
    expect(status('nudge:1:ann')).toBe('sending');
    expect(status('nudge:2:ann')).toBe('pending');
    expect(status('case:1:root')).toBe('failed');
    // A prefix is literal: "_" and "%" are not wildcards.
    expect(queue.requeueFailed({ keyPrefix: 'case_', now: db.clock.now() })).toBe(0);
    expect(queue.due('slack', db.clock.now(), 10).map((r) => [r.key, r.attempts, r.failingSince])).toEqual([
      ['nudge:1:ann', 0, null],
      ['nudge:2:ann', 0, null],
    ]);
  });

  describe('renewing lasting messages (Feishu cards stop answering 14 days after they are sent)', () => {
    const DAY = 86_400_000;
    const message = (text: string, lasting: boolean) => ({
      text,
      blocks: [],
      ...(lasting ? { lasting: true as const } : {}),
    });
    // As the sender settles rows: a renewal's fresh cards become the message's ref, sent now.
    const deliverAll = (queue: ReturnType<typeof makeOutboxQueue>) => {
      for (const r of queue.due('feishu', db.clock.now(), 100)) {
        queue.markSending(r.id, Date.now());
        queue.markSent(r.id, `om_${r.id}`, db.clock.now());
        if (r.renew) queue.retarget('feishu', r.targetKey!, `om_${r.id}`, db.clock.now());
      }
    };
    const start = () => {
      db = makeTestDb({ platforms: ['feishu'] });
      seedOrg(db.store, { people: [{ id: 'ann', name: 'Ann', feishuOpenId: 'ou_ann' }] });
      return makeOutboxQueue(db.conn.db);
    };

    it('queues a renewal of a lasting post with the content people see now, and its age starts again once sent', () => {
      const queue = start();
      db.store.tx((tx) => {
        tx.outbox.post({ key: 'case:1', to: { person: 'ann' }, message: message('opened', true) });
        tx.outbox.post({ key: 'fyi:1', to: { person: 'ann' }, message: message('for your information', false) });
      });
      deliverAll(queue);
      db.clock.advance(5 * DAY);
      db.store.tx((tx) => tx.outbox.update('case:1', message('step 2 of 3', true)));
      deliverAll(queue);
      db.clock.advance(8 * DAY);
      const cutoff = db.clock.now() - 12 * DAY;
      expect(queue.queueRenewals('feishu', cutoff, db.clock.now(), 10)).toBe(1);
      // Queued once: a second round finds it waiting.
      expect(queue.queueRenewals('feishu', cutoff, db.clock.now(), 10)).toBe(0);
      const [renewal] = queue.due('feishu', db.clock.now(), 10);
      expect(renewal).toMatchObject({ op: 'update', targetKey: 'case:1', renew: true, targetRef: 'om_1' });
      expect((renewal!.payload as { text: string }).text).toBe('step 2 of 3');

      queue.markSending(renewal!.id, Date.now());
      queue.markSent(renewal!.id, 'om_9', db.clock.now());
      queue.retarget('feishu', 'case:1', 'om_9', db.clock.now());
      db.clock.advance(11 * DAY);
      expect(queue.queueRenewals('feishu', db.clock.now() - 12 * DAY, db.clock.now(), 10)).toBe(0);
      db.clock.advance(2 * DAY);
      expect(queue.queueRenewals('feishu', db.clock.now() - 12 * DAY, db.clock.now(), 10)).toBe(1);
      expect(queue.due('feishu', db.clock.now(), 10)[0]).toMatchObject({ targetRef: 'om_9', renew: true });
    });

    it('stops once the content no longer needs an answer, waits for a pending edit, and does not pile up failed renewals', () => {
      const queue = start();
      db.store.tx((tx) => {
        tx.outbox.post({ key: 'ack:1', to: { person: 'ann' }, message: message('please acknowledge', true) });
        tx.outbox.post({ key: 'ack:2', to: { person: 'ann' }, message: message('please acknowledge', true) });
      });
      deliverAll(queue);
      db.clock.advance(13 * DAY);
      const round = () => queue.queueRenewals('feishu', db.clock.now() - 12 * DAY, db.clock.now(), 10);
      // ack:1 was acknowledged (its edit is not delivered yet): it is not renewed, then or after.
      db.store.tx((tx) => tx.outbox.update('ack:1', message('acknowledged', false)));
      expect(round()).toBe(1);
      const rows = queue.due('feishu', db.clock.now(), 10);
      expect(rows.map((r) => [r.targetKey, !!r.renew])).toEqual([
        ['ack:1', false],
        ['ack:2', true],
      ]);
      deliverAll(queue);
      expect(round()).toBe(0);

      // A renewal set aside (the chat is gone) is not queued again every hour; `outbox retry` is the way back.
      db.clock.advance(13 * DAY);
      expect(round()).toBe(1);
      const [again] = queue.due('feishu', db.clock.now(), 10);
      queue.markSending(again!.id, Date.now());
      queue.markFailed(again!.id, 'feishu 230002: bot not in chat', db.clock.now());
      db.clock.advance(DAY);
      expect(round()).toBe(0);
    });
  });
});
