/**
 * Issue 14, "never stall the event loop": at a due time every team channel's digest falls due at
 * once (2,500 of them in a large department). The tick writes them a chunk of channels per
 * transaction and yields between chunks; a crash between chunks sends the rest on the next tick,
 * each digest once.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedOrg, seedTeams, testSettings } from '../../support/org.js';
import { makeRunScheduleTick } from '../../../src/usecases/schedule/run-schedule-tick.js';
import { readyDigestGroups, sendChannelDigests } from '../../../src/usecases/schedule/cycle-digests.js';
import { makeSubmitReview } from '../../../src/usecases/review/submit-review.js';
import { outboxRows, count } from './support.js';

const good = { kpi_tickets: '45', kpi_response: '3', rating: '4', strengths: '', improvement: '', comment: '' };
const DUE = '2026-11-27T18:00:00Z'; // W48 2026: opens Mon 23 Nov 09:00, due Fri 27 Nov 18:00 (UTC)

describe('team digests at a due time, in chunks', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  const digestCount = () => count(db.conn.sqlite, 'outbox', "key LIKE 'digest:%'");

  it('lets other work run between chunks of channels and sends each channel one digest', async () => {
    db = makeTestDb({ now: '2026-11-23T09:00:00Z' });
    const settings = testSettings({ timezone: 'UTC' });
    const deps = { store: db.store, clock: db.clock, settings };
    seedTeams(db.store, { managers: 9, reportsPerManager: 2 });
    const tick = makeRunScheduleTick(deps, { channelsPerDigest: 2 });
    await tick();
    const slot = db.conn.sqlite.prepare(`SELECT id FROM review_slots WHERE employee_id = 'm4r1'`).get() as {
      id: number;
    };
    expect((await makeSubmitReview(deps)({ actorId: 'm4', slotId: slot.id, values: good })).ok).toBe(true);

    db.clock.set(DUE);
    const seen: number[] = [];
    let ticking = true;
    const probe = () => {
      if (!ticking) return;
      seen.push(digestCount());
      setImmediate(probe);
    };
    setImmediate(probe);
    const report = await tick();
    ticking = false;

    expect(report.digests).toBe(9);
    // Something interactive got turns while the digests were partly written.
    expect(seen.some((n) => n > 0 && n < 9)).toBe(true);
    expect(outboxRows(db.conn.sqlite, 'digest:%').map((r) => r.address)).toEqual(
      ['CM1', 'CM2', 'CM3', 'CM4', 'CM5', 'CM6', 'CM7', 'CM8', 'CM9'].sort(),
    );
    expect(outboxRows(db.conn.sqlite, 'digest:1:CM4')[0]!.message.text).toBe(
      'Week 48 reviews: 1/2 done. Waiting on <@person:m4r2>.',
    );
    expect(count(db.conn.sqlite, 'audit_log', "action = 'review.digest'")).toBe(9);
    db.clock.advance(60_000);
    expect((await tick()).digests).toBe(0);
    expect(digestCount()).toBe(9);
  });

  it('after a crash between chunks, the next tick sends the rest once', async () => {
    db = makeTestDb({ now: '2026-11-23T09:00:00Z' });
    const settings = testSettings({ timezone: 'UTC' });
    const deps = { store: db.store, clock: db.clock, settings };
    seedTeams(db.store, { managers: 5, reportsPerManager: 1 });
    await makeRunScheduleTick(deps)();
    db.clock.set(DUE);
    // The tick wrote one chunk (two channels) and the process died before the next.
    db.store.tx((tx) => {
      const [group] = readyDigestGroups(tx, db.clock.now(), settings);
      sendChannelDigests(tx, group!.cycleId, tx.reviews.digestChannelsDue(group!, 2), settings);
    });
    expect(digestCount()).toBe(2);

    const report = await makeRunScheduleTick(deps, { channelsPerDigest: 2 })();
    expect(report.digests).toBe(3);
    const keys = outboxRows(db.conn.sqlite, 'digest:%').map((r) => r.key);
    expect(keys.sort()).toEqual(['digest:1:CM1', 'digest:1:CM2', 'digest:1:CM3', 'digest:1:CM4', 'digest:1:CM5']);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'review.digest'")).toBe(5);
  });

  it('counts a channel shared by managers in two zones once, when the first zone is due', async () => {
    db = makeTestDb({ now: '2026-11-23T00:00:00Z' });
    const settings = testSettings({ timezone: 'UTC' });
    const deps = { store: db.store, clock: db.clock, settings };
    // One team channel: Ana's report works in Tokyo, Ben's in London.
    seedOrg(db.store, {
      people: [
        { id: 'ana', name: 'Ana', timezone: 'Asia/Tokyo', teamChannelSlack: null },
        { id: 'ben', name: 'Ben', timezone: 'Europe/London', teamChannelSlack: null },
        { id: 'a1', name: 'Aoi', managerId: 'ana', teamChannelSlack: 'CSHARED' },
        { id: 'b1', name: 'Bea', managerId: 'ben', teamChannelSlack: 'CSHARED' },
      ],
    });
    const tick = makeRunScheduleTick(deps, { channelsPerDigest: 1 });
    db.clock.set('2026-11-23T09:00:00Z');
    await tick();
    // Tokyo's Friday 18:00 (09:00Z) passes first: the shared channel gets its digest then, once.
    db.clock.set('2026-11-27T09:00:00Z');
    expect((await tick()).digests).toBe(1);
    expect(outboxRows(db.conn.sqlite, 'digest:%').map((r) => r.message.text)).toEqual([
      'Week 48 reviews: 0/2 done. Waiting on <@person:a1>, <@person:b1>.',
    ]);
    db.clock.set(DUE);
    expect((await tick()).digests).toBe(0);
    expect(digestCount()).toBe(1);
  });
});
