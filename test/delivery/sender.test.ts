import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { makeOutboxQueue } from '../../db/repos/outbox.js';
import {
  startOutboxSender,
  type DeliveryOutcome,
  type OutboxSender,
  type PacingPolicy,
} from '../../src/delivery/sender.js';
import type { OutboxRow } from '../../src/ports/outbox-queue.js';
import { parseFileConfig } from '../../src/config-yaml.js';
import { slackPacing } from '../../adapters/slack/pacing.js';

/** The platform boundary: records each call with its real start/end time. */
class FakePlatform {
  calls: { key: string; address: string; status: string; start: number; end: number }[] = [];
  inFlight = new Map<string, number>();
  maxPerAddress = 0;
  maxTotal = 0;
  script = new Map<string, DeliveryOutcome[]>();

  deliver = async (row: OutboxRow): Promise<DeliveryOutcome> => {
    const start = performance.now();
    this.inFlight.set(row.address, (this.inFlight.get(row.address) ?? 0) + 1);
    this.maxPerAddress = Math.max(this.maxPerAddress, ...this.inFlight.values());
    this.maxTotal = Math.max(
      this.maxTotal,
      [...this.inFlight.values()].reduce((a, b) => a + b, 0),
    );
    await new Promise((r) => setTimeout(r, 15));
    this.inFlight.set(row.address, this.inFlight.get(row.address)! - 1);
    this.calls.push({ key: row.key, address: row.address, status: row.status, start, end: performance.now() });
    return this.script.get(row.key)?.shift() ?? { kind: 'sent', ref: `${row.address}:${this.calls.length}` };
  };
}

function seed(db: TestDb, rows: { key: string; person: string }[]): void {
  db.store.tx((tx) => {
    for (const r of rows) {
      if (!tx.org.person(r.person)) {
        tx.org.upsertPerson({
          id: r.person,
          name: r.person,
          email: `${r.person}@x.test`,
          managerId: null,
          department: 'd',
          jobId: null,
          role: 'employee',
          slackId: `U${r.person}`,
          feishuOpenId: null,
          locale: null,
          timezone: null,
          hireDate: null,
          teamChannelSlack: null,
          teamChannelFeishu: null,
          monthlyWage: null,
          active: true,
        });
      }
      tx.outbox.post({ key: r.key, to: { person: r.person }, message: { text: r.key, blocks: [] } });
    }
  });
}

const statusOf = (db: TestDb, key: string) =>
  (db.conn.sqlite.prepare('select status from outbox where key = ?').get(key) as { status: string }).status;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the paced outbox sender', () => {
  let db: TestDb;
  let sender: OutboxSender | undefined;
  afterEach(async () => {
    await sender?.stop();
    db.cleanup();
  });

  const start = (platform: FakePlatform, pacing: PacingPolicy, extra: { maxInFlight?: number } = {}) =>
    (sender = startOutboxSender({
      platform: 'slack',
      queue: makeOutboxQueue(db.conn.db),
      clock: db.clock,
      deliver: platform.deliver,
      pacing,
      pollMs: 20,
      backoffMs: () => 30,
      ...extra,
    }));

  it('keeps one call in flight per destination, spaces them by the per-channel rate, and caps concurrency', async () => {
    db = makeTestDb();
    seed(db, [
      ...[1, 2, 3].map((i) => ({ key: `same:${i}`, person: 'p0' })),
      ...[1, 2, 3, 4, 5, 6].map((i) => ({ key: `other:${i}`, person: `p${i}` })),
    ]);
    const platform = new FakePlatform();
    start(
      platform,
      { global: [{ ratePerSec: 1000, burst: 100 }], perChannel: { ratePerSec: 10, burst: 1 } },
      { maxInFlight: 3 },
    );
    await until(() => platform.calls.length === 9, 'all nine rows');
    expect(platform.maxPerAddress).toBe(1);
    expect(platform.maxTotal).toBeLessThanOrEqual(3);
    const same = platform.calls.filter((c) => c.address === 'Up0').map((c) => c.start);
    expect(same[1]! - same[0]!).toBeGreaterThanOrEqual(90);
    expect(same[2]! - same[1]!).toBeGreaterThanOrEqual(90);
  });

  it('honours a per-channel rate set in dandang.yml, slower than the default, without holding up other channels', async () => {
    db = makeTestDb();
    seed(db, [
      { key: 'same:1', person: 'p0' },
      { key: 'same:2', person: 'p0' },
      ...[1, 2, 3].map((i) => ({ key: `other:${i}`, person: `p${i}` })),
    ]);
    const platform = new FakePlatform();
    const file = parseFileConfig(
      'delivery:\n  slack:\n    perSecond: 1000\n    burst: 100\n    perChannelPerSecond: 0.5\n',
    );
    start(platform, slackPacing(file.delivery.slack));
    await until(() => platform.calls.length === 5, 'all five rows');
    const same = platform.calls.filter((c) => c.address === 'Up0').map((c) => c.start);
    // 0.5/s is one message every 2 s to the same channel; the default (1/s) would allow 1 s.
    expect(same[1]! - same[0]!).toBeGreaterThanOrEqual(1990);
    for (const c of platform.calls.filter((c) => c.address !== 'Up0')) expect(c.start).toBeLessThan(same[1]!);
  });

  it('pauses every destination on a rate limit and delivers the limited row once, afterwards', async () => {
    db = makeTestDb();
    seed(db, [
      { key: 'a', person: 'pa' },
      { key: 'b', person: 'pb' },
      { key: 'c', person: 'pc' },
    ]);
    const platform = new FakePlatform();
    platform.script.set('a', [{ kind: 'rateLimited', retryAfterMs: 400 }]);
    start(platform, { global: [{ ratePerSec: 1000, burst: 1 }] }, { maxInFlight: 1 });
    await until(() => ['a', 'b', 'c'].every((k) => statusOf(db, k) === 'sent'), 'all sent');
    const first = platform.calls[0]!;
    expect(first.key).toBe('a');
    for (const c of platform.calls.slice(1)) expect(c.start - first.end).toBeGreaterThanOrEqual(380);
    expect(platform.calls.filter((c) => c.key === 'a')).toHaveLength(2);
  });

  it('keeps a possibly delivered row "sending", so the retry knows to look before posting', async () => {
    db = makeTestDb();
    seed(db, [{ key: 'x', person: 'px' }]);
    const platform = new FakePlatform();
    platform.script.set('x', [{ kind: 'transient', error: 'socket hang up', maybeDelivered: true }]);
    start(platform, { global: [{ ratePerSec: 1000, burst: 10 }] });
    await until(() => statusOf(db, 'x') === 'sent', 'the retry');
    expect(platform.calls.map((c) => c.status)).toEqual(['pending', 'sending']);
  });

  it('gives up after maxAttempts transient failures and marks the row failed', async () => {
    db = makeTestDb();
    seed(db, [{ key: 'y', person: 'py' }]);
    const platform = new FakePlatform();
    platform.script.set(
      'y',
      Array.from({ length: 5 }, () => ({ kind: 'transient', error: 'http_503', maybeDelivered: false }) as const),
    );
    sender = startOutboxSender({
      platform: 'slack',
      queue: makeOutboxQueue(db.conn.db),
      clock: db.clock,
      deliver: platform.deliver,
      pacing: { global: [{ ratePerSec: 1000, burst: 10 }] },
      pollMs: 20,
      backoffMs: () => 10,
      maxAttempts: 3,
    });
    await until(() => statusOf(db, 'y') === 'failed', 'the row to fail');
    expect(platform.calls).toHaveLength(3);
  });

  it('does not let a busy, paced channel hold back rows for other destinations (no head-of-line blocking)', async () => {
    db = makeTestDb();
    // 60 messages to one channel, queued first, then 20 DMs to other people.
    seed(db, [
      ...Array.from({ length: 60 }, (_, i) => ({ key: `busy:${i + 1}`, person: 'p0' })),
      ...Array.from({ length: 20 }, (_, i) => ({ key: `dm:${i + 1}`, person: `q${i + 1}` })),
    ]);
    const platform = new FakePlatform();
    start(
      platform,
      { global: [{ ratePerSec: 1000, burst: 100 }], perChannel: { ratePerSec: 5, burst: 1 } },
      { maxInFlight: 4 },
    );
    await until(() => platform.calls.filter((c) => c.key.startsWith('dm:')).length === 20, 'the 20 DMs');
    // The busy channel is paced at 5/s: the DMs all went out while it sent its first few.
    expect(platform.calls.filter((c) => c.key.startsWith('busy:')).length).toBeLessThanOrEqual(4);
    // And its own messages keep their order.
    await until(() => platform.calls.filter((c) => c.key.startsWith('busy:')).length >= 6, 'six busy ones');
    const busy = platform.calls.filter((c) => c.key.startsWith('busy:')).map((c) => c.key);
    expect(busy).toEqual(busy.map((_, i) => `busy:${i + 1}`));
  });

  it('retries transient failures for the whole retry window, then sets the row aside and says so', async () => {
    db = makeTestDb();
    seed(db, [{ key: 'z', person: 'pz' }]);
    const platform = new FakePlatform();
    platform.script.set(
      'z',
      Array.from({ length: 1000 }, () => ({ kind: 'transient', error: 'http_503', maybeDelivered: true }) as const),
    );
    const gaveUp: string[] = [];
    sender = startOutboxSender({
      platform: 'slack',
      queue: makeOutboxQueue(db.conn.db),
      clock: db.clock,
      deliver: platform.deliver,
      pacing: { global: [{ ratePerSec: 1000, burst: 10 }] },
      pollMs: 20,
      backoffMs: () => 10,
      retryWindowMs: 60 * 60_000,
      onGaveUp: (row, error, reason) => gaveUp.push(`${row.key} ${reason} ${error}`),
    });
    // Far more attempts than the old limit of 8, and still queued while the hour has not passed.
    await until(() => platform.calls.length >= 20, 'twenty attempts');
    expect(statusOf(db, 'z')).toBe('sending');
    expect(gaveUp).toEqual([]);
    db.clock.advance(60 * 60_000);
    await until(() => statusOf(db, 'z') === 'failed', 'the row to be set aside');
    expect(gaveUp).toEqual([
      expect.stringMatching(/^z retry-window http_503 \(gave up after \d+ attempts over 1\.0 h\)$/),
    ]);
  });

  it('starts a channel with a backlog at once, instead of leaving it to the end of a fan-out', async () => {
    db = makeTestDb();
    // 60 DMs queued first, then a 10-message case thread to one channel that can only take 5/s.
    seed(db, [
      ...Array.from({ length: 60 }, (_, i) => ({ key: `dm:${i + 1}`, person: `q${i + 1}` })),
      ...Array.from({ length: 10 }, (_, i) => ({ key: `case:${i + 1}`, person: 'hr' })),
    ]);
    const platform = new FakePlatform();
    start(
      platform,
      { global: [{ ratePerSec: 50, burst: 1 }], perChannel: { ratePerSec: 5, burst: 1 } },
      { maxInFlight: 4 },
    );
    await until(() => platform.calls.length === 70, 'every row');
    const order = platform.calls.map((c) => c.key);
    // The thread ran alongside the DMs (so the whole fan-out took about as long as the DMs alone).
    expect(order.indexOf('case:1')).toBeLessThan(5);
    expect(order.indexOf('case:5')).toBeLessThan(order.indexOf('dm:60'));
    const thread = order.filter((k) => k.startsWith('case:'));
    expect(thread).toEqual(thread.map((_, i) => `case:${i + 1}`));
  });

  it("sends a paced channel's last rows as they free up, not after the rest of the fan-out", async () => {
    db = makeTestDb();
    // 60 DMs queued first (6 s at 10/s), then a 10-message thread to one channel at 2/s (4.5 s). Its
    // last rows are too few to count as a backlog, and were left behind the remaining DMs.
    seed(db, [
      ...Array.from({ length: 60 }, (_, i) => ({ key: `dm:${i + 1}`, person: `q${i + 1}` })),
      ...Array.from({ length: 10 }, (_, i) => ({ key: `case:${i + 1}`, person: 'hr' })),
    ]);
    const platform = new FakePlatform();
    start(
      platform,
      { global: [{ ratePerSec: 10, burst: 1 }], perChannel: { ratePerSec: 2, burst: 1 } },
      { maxInFlight: 4 },
    );
    await until(() => platform.calls.length === 70, 'every row');
    const order = platform.calls.map((c) => c.key);
    expect(order.indexOf('case:10')).toBeLessThan(order.indexOf('dm:55'));
    const thread = platform.calls.filter((c) => c.key.startsWith('case:'));
    expect(thread.map((c) => c.key)).toEqual(thread.map((_, i) => `case:${i + 1}`));
  });
});
