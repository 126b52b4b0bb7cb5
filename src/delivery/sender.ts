/**
 * The paced outbox sender, shared by every platform adapter.
 *
 * An adapter supplies one function, `deliver(row)`, that makes the platform call for one outbox row
 * and classifies the result; the sender does everything else:
 *  - drains `queue.due(platform)` oldest first, leaving out destinations that are busy, paced or
 *    backing off, so one slow channel never holds back the others (no head-of-line blocking); a
 *    destination with a backlog (a busy case thread at 1/s) gets its next row in first, so it is
 *    not left to the end of a fan-out either;
 *  - paces calls (./pacer.ts): fixed buckets, an adaptive rate per kind of call, one bucket per
 *    destination, at most one call in flight per destination and `maxInFlight` overall;
 *  - on `rateLimited` pauses that kind of call for Retry-After and puts the row back, so it is
 *    delivered once, later;
 *  - retries transient failures (5xx, network, timeouts) with capped backoff for as long as
 *    `retryWindowMs` (delivery.retryFor, default 24 h) allows, then sets the row aside as failed and
 *    calls `onGaveUp` (the HR alert) — a row is never dropped silently;
 *  - claims each row (`markSending`) before the call, so a crash leaves evidence of the attempt. A
 *    row handed to `deliver` with `status: 'sending'` may already have been delivered: `deliver`
 *    must look for it on the platform first (Slack: message metadata; Feishu: uuid, then history).
 *
 * Example (Feishu: 50/s and 1,000/min per app, 5/s per chat):
 * ```ts
 * const sender = startOutboxSender({
 *   platform: 'feishu', queue, clock, deliver: deliverToFeishu,
 *   pacing: { global: [{ ratePerSec: 50, burst: 50 }, { ratePerSec: 1000 / 60, burst: 100 }], perChannel: { ratePerSec: 5, burst: 5 } },
 * });
 * // after a use case queued rows: sender.wake();  on shutdown: await sender.stop();
 * ```
 */
import type { OutboxRow } from '../ports/outbox-queue.js';
import { Pacer, monotonic } from './pacer.js';
import type { DeliveryOutcome, GaveUpReason, OutboxSender, OutboxSenderOptions } from './types.js';
import { retryWhileBusy, StoreBusyError } from '../ports/store.js';
import { silentLogger } from '../ports/logger.js';

export type { RateSpec } from './token-bucket.js';
export type { AdaptiveRateSpec } from './adaptive-rate.js';
export type { PacingPolicy } from './pacer.js';
export type { DeliveryOutcome, GaveUpReason, OutboxSender, OutboxSenderOptions } from './types.js';

/** A CLI import held the write lock: look again soon (its batches are short). */
const BUSY_RETRY_MS = 10;
export const DAY_OF_RETRIES_MS = 24 * 60 * 60 * 1000;
/** How often to ask which destinations have a backlog (their rows then go first, see due()). */
const BACKLOG_EVERY_MS = 2000;
const BACKLOG_MIN_ROWS = 3;
const BACKLOG_MAX = 50;
/**
 * A destination its per-channel rate held back stays first in line this long after it was last
 * held: its last rows (fewer than BACKLOG_MIN_ROWS, or queued behind a long fan-out) must not fall
 * back to the end of the fan-out, as the end of a busy case thread did.
 */
const PACED_FOR_MS = 5000;
const PACED_MAX = 20;
const defaultBackoff = (attempt: number) => Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempt - 1));

export function startOutboxSender(opts: OutboxSenderOptions): OutboxSender {
  const { platform, queue, clock, deliver } = opts;
  const log = (opts.log ?? silentLogger).child({ component: 'outbox', platform });
  const maxInFlight = opts.maxInFlight ?? 16;
  const pollMs = opts.pollMs ?? 500;
  const retryWindowMs = opts.retryWindowMs ?? DAY_OF_RETRIES_MS;
  const pacer = new Pacer(opts.pacing, opts.backoffMs ?? defaultBackoff);

  const inFlightIds = new Set<number>();
  const busyAddresses = new Set<string>();
  /** Rows in flight that failed before: they may take at most half the slots, so hung or failing
   *  destinations cannot crowd out healthy ones. */
  const retryingIds = new Set<number>();
  /** Destinations whose oldest row is failing (in this process): left out of the query while
   *  retries have used their share of slots, so fresh rows for other destinations still go. */
  const failingAddresses = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let blockedOnCap = false;
  const lowWater = Math.floor(maxInFlight / 2);
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  /** A wake() that arrived while the loop was busy: the next sleep returns at once instead of losing it. */
  let wakePending = false;
  let idleWaiters: (() => void)[] = [];
  let backlogged: string[] = [];
  /** Destinations held by their per-channel rate, and when they last were (see PACED_FOR_MS). */
  const paced = new Map<string, number>();
  /** backlogged, then paced destinations: their next rows go first (see queue.due). */
  let first: string[] = [];
  let backlogAt = -Infinity;
  /** A destination with a backlog finished a call: its next row should not wait out the current pass. */
  let backlogFreed = false;

  const wake = () => {
    const w = wakeUp;
    wakeUp = null;
    if (w) w();
    else wakePending = true;
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakePending) {
        wakePending = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        if (wakeUp === done) wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  /** Waits until this kind's rate allows a call; returns false if stopped meanwhile. */
  async function awaitRate(row: OutboxRow): Promise<boolean> {
    for (;;) {
      if (stopped) return false;
      const now = monotonic();
      const wait = Math.max(pacer.pausedMs(row.op, now), pacer.rateWaitMs(row.op, now));
      if (wait <= 0) return true;
      // Wakeable, so stop() does not wait out a long Retry-After; other wakes just re-check.
      await sleep(Math.ceil(wait));
    }
  }

  function giveUp(row: OutboxRow, error: string, reason: GaveUpReason, maybeDelivered: boolean): void {
    queue.markFailed(row.id, error, clock.now(), maybeDelivered);
    if (opts.onGaveUp) opts.onGaveUp(row, error, reason);
    else log.error({ outboxKey: row.key, error }, 'outbox row set aside');
  }

  function settle(row: OutboxRow, outcome: DeliveryOutcome): void {
    const now = monotonic();
    // An earlier attempt may have been delivered: whatever this one says, the row keeps that evidence.
    const earlierMaybe = row.status === 'sending';
    switch (outcome.kind) {
      case 'sent':
        failingAddresses.delete(row.address);
        pacer.sent(row.op, now);
        queue.markSent(row.id, outcome.ref, clock.now());
        if (outcome.retarget && row.targetKey)
          queue.retarget(row.platform, row.targetKey, outcome.retarget, outcome.fresh ? clock.now() : undefined);
        break;
      case 'rateLimited':
        pacer.rateLimited(row.op, outcome.retryAfterMs, now);
        queue.retryLater(row.id, {
          at: clock.now(),
          error: 'rate_limited',
          maybeDelivered: earlierMaybe,
          failingSince: row.failingSince,
        });
        break;
      case 'permanent':
        failingAddresses.delete(row.address);
        giveUp(row, outcome.error, 'permanent', earlierMaybe);
        break;
      case 'transient': {
        const appNow = clock.now();
        const failingSince = row.failingSince ?? appNow;
        const maybeDelivered = outcome.maybeDelivered || earlierMaybe;
        const attempts = row.attempts + 1;
        if (appNow - failingSince >= retryWindowMs || (opts.maxAttempts && attempts >= opts.maxAttempts)) {
          failingAddresses.delete(row.address);
          const hours = ((appNow - failingSince) / 3_600_000).toFixed(1);
          giveUp(
            row,
            `${outcome.error} (gave up after ${attempts} attempts over ${hours} h)`,
            'retry-window',
            maybeDelivered,
          );
          break;
        }
        failingAddresses.add(row.address);
        pacer.failed(row.address, attempts, now);
        queue.retryLater(row.id, { at: appNow, error: outcome.error, maybeDelivered, failingSince });
        break;
      }
    }
  }

  function launch(row: OutboxRow): void {
    // Wall clock: reconciliation compares it with the platform's own message timestamps. The claim
    // comes before the row is marked in flight: if a CLI import holds the write lock it throws
    // StoreBusyError, the pass ends, and the row is still due for the next one.
    queue.markSending(row.id, Date.now());
    inFlightIds.add(row.id);
    if (row.failingSince !== null) retryingIds.add(row.id);
    busyAddresses.add(row.address);
    // Tokens are spent right before the call, so the claim's database write never eats into the spacing.
    pacer.take(row.op, row.address, monotonic());
    const p = (async () => {
      let outcome: DeliveryOutcome;
      try {
        outcome = await deliver(row);
      } catch (err) {
        // A bug or an unexpected I/O failure: we cannot tell whether it was delivered.
        outcome = { kind: 'transient', error: err instanceof Error ? err.message : String(err), maybeDelivered: true };
      }
      try {
        // The call was made: its outcome must be written, so wait out an import's lock (yielding).
        await retryWhileBusy(() => settle(row, outcome), 60_000);
        opts.onOutcome?.(row, outcome);
      } catch (err) {
        // Still 'sending' in the database: the next attempt reconciles it with the platform.
        log.error({ err, outboxKey: row.key }, 'could not record the outcome of a send');
      } finally {
        inFlightIds.delete(row.id);
        retryingIds.delete(row.id);
        busyAddresses.delete(row.address);
        if (first.includes(row.address)) backlogFreed = true;
      }
    })();
    inFlight.add(p);
    void p.finally(() => {
      inFlight.delete(p);
      // When the loop waits on the concurrency cap, wake it only at the low-water mark, so one
      // due() query refills many slots instead of one query per completed call.
      if (!blockedOnCap || inFlightIds.size <= lowWater) wake();
    });
  }

  /** One pass over the due rows; returns how long to wait before the next pass. */
  async function pass(): Promise<number> {
    // While the platform looks down, one probe call at a time.
    const cap = pacer.probing ? 1 : maxInFlight;
    blockedOnCap = inFlightIds.size >= cap;
    if (blockedOnCap) return pollMs;
    let now = monotonic();
    // Destinations paced or backing off: their rows stay out of the query (and keep their order).
    const held = pacer.held(now);
    const skip = new Set([...busyAddresses, ...held.addresses]);
    const retryCap = Math.max(1, Math.floor(cap / 2));
    backlogFreed = false;
    if (now - backlogAt >= BACKLOG_EVERY_MS) {
      backlogAt = now;
      backlogged = queue.backlogged(platform, BACKLOG_MIN_ROWS, BACKLOG_MAX);
    }
    for (const [address, at] of paced) if (now - at > PACED_FOR_MS) paced.delete(address);
    // The most recently paced ones, so a fan-out of people who each get two messages adds few lookups.
    const recentlyPaced = [...paced.keys()].slice(-PACED_MAX);
    first = [...new Set([...backlogged, ...recentlyPaced])];
    // When the next of those destinations frees up; a pass slowed by the rate stops there, so that
    // destination's next row goes first instead of after the rest of this batch.
    let backlogFreeAt = Math.min(...first.map((a) => pacer.freeAt(a) ?? Infinity));
    const limit = 2 * (cap - inFlightIds.size) + 4;
    // Retries have used their share of slots, or the platform looks down (a probe should test the
    // platform, not a destination that keeps failing): fresh rows for other destinations first.
    const freshFirst = pacer.probing || retryingIds.size >= retryCap;
    let rows = queue.due(
      platform,
      clock.now(),
      limit,
      freshFirst ? new Set([...skip, ...failingAddresses]) : skip,
      first,
    );
    if (!rows.length && freshFirst && retryingIds.size < retryCap)
      rows = queue.due(platform, clock.now(), limit, skip, first);
    let nextWait = Math.min(pollMs, held.nextFreeMs);
    let launched = 0;
    for (const row of rows) {
      if (stopped) break;
      if (busyAddresses.has(row.address)) continue; // an older row of this destination went first
      if (row.failingSince !== null && retryingIds.size >= retryCap) continue; // woken when one completes
      now = monotonic();
      const paused = pacer.pausedMs(row.op, now);
      if (paused > 0) {
        nextWait = Math.min(nextWait, paused);
        continue;
      }
      const channelWait = pacer.channelWaitMs(row.address, now);
      if (channelWait > 0) {
        paced.delete(row.address); // re-inserted last: the Map keeps insertion order
        paced.set(row.address, now);
        // Held just now: this pass stops when it frees up, so its next row is not left behind the batch.
        backlogFreeAt = Math.min(backlogFreeAt, now + channelWait);
        nextWait = Math.min(nextWait, channelWait);
        continue;
      }
      if (inFlightIds.size >= cap) {
        blockedOnCap = true;
        return nextWait; // woken when calls complete
      }
      if (!(await awaitRate(row))) break;
      launch(row);
      launched++;
      if (backlogFreed || monotonic() >= backlogFreeAt) return 0;
    }
    if (launched === 0 && rows.length === 0 && held.addresses.length === 0 && inFlightIds.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
    return launched > 0 ? 0 : Math.max(1, nextWait);
  }

  const loop = (async () => {
    while (!stopped) {
      let wait: number;
      try {
        wait = await pass();
      } catch (err) {
        if (err instanceof StoreBusyError) wait = BUSY_RETRY_MS;
        else {
          log.error({ err }, 'outbox sender pass failed');
          wait = pollMs;
        }
      }
      if (!stopped && wait > 0) await sleep(wait);
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
      for (const w of idleWaiters) w();
      idleWaiters = [];
    },
    whenIdle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake();
      });
    },
  };
}
