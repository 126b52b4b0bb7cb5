/**
 * The paced outbox sender, shared by every platform adapter.
 *
 * An adapter supplies one function, `deliver(row)`, that makes the platform call for one outbox row
 * and classifies the result; the sender does everything else:
 *  - drains `queue.due(platform)` oldest first;
 *  - paces calls with token buckets: every call takes a token from each `pacing.global` bucket
 *    (workspace / app limits) and from the destination's `pacing.perChannel` bucket;
 *  - never has more than one call in flight per destination (`row.address`), and at most
 *    `maxInFlight` overall;
 *  - on `rateLimited` pauses ALL sends for `retryAfterMs` (the platform's Retry-After) and puts the
 *    row back, so it is delivered once, later;
 *  - claims each row (`markSending`) before the call, so a crash leaves evidence of the attempt. A row
 *    handed to `deliver` with `status: 'sending'` may already have been delivered: `deliver` should
 *    look for it on the platform first (Slack does, via message metadata) and report `sent`.
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
import type { OutboxQueue, OutboxRow } from '../ports/outbox-queue.js';
import type { Platform } from '../ports/records.js';
import type { Clock } from '../ports/clock.js';
import { TokenBucket, type RateSpec } from './token-bucket.js';

export type { RateSpec } from './token-bucket.js';

/** What `deliver` reports for one row. */
export type DeliveryOutcome =
  /** Delivered (or found already delivered); `ref` is stored as the row's sent_ref (Slack "C123:1700.01"). */
  | { kind: 'sent'; ref: string }
  /** The platform refused for rate (HTTP 429): nothing was delivered; pause everything this long. */
  | { kind: 'rateLimited'; retryAfterMs: number }
  /** Will never succeed (channel_not_found, invalid_auth…): the row is marked failed with `error`. */
  | { kind: 'permanent'; error: string }
  /**
   * Try again later. `maybeDelivered` is true when the request may have reached the platform (a
   * dropped connection, a timeout): the row then stays 'sending' so the next attempt reconciles.
   */
  | { kind: 'transient'; error: string; maybeDelivered: boolean };

export interface PacingPolicy {
  /** Buckets every call spends from (e.g. a workspace-wide rate). */
  global: RateSpec[];
  /** One bucket per destination address (channel, chat or DM), e.g. Slack's ~1/s per channel. */
  perChannel?: RateSpec;
}

export interface OutboxSenderOptions {
  platform: Platform;
  queue: OutboxQueue;
  /** The app clock: used only to ask the queue which rows are due. Pacing uses real time. */
  clock: Clock;
  deliver: (row: OutboxRow) => Promise<DeliveryOutcome>;
  pacing: PacingPolicy;
  /** Concurrent platform calls (across different destinations). Default 16. */
  maxInFlight?: number;
  /** How often to look for new rows when idle, in ms. `wake()` skips the wait. Default 500. */
  pollMs?: number;
  /** Transient failures before a row is marked failed. Default 8. */
  maxAttempts?: number;
  /** Wait before retrying a transient failure (real time). Default: 1 s doubling, max 60 s. */
  backoffMs?: (attempt: number) => number;
  /** Called on every outcome; for logs and the bench. */
  onOutcome?: (row: OutboxRow, outcome: DeliveryOutcome) => void;
}

export interface OutboxSender {
  /** Look for due rows now (call after queueing rows, instead of waiting for the next poll). */
  wake(): void;
  /** Stops taking rows, waits for in-flight calls to finish. Unsent rows stay queued. */
  stop(): Promise<void>;
  /** Resolves when nothing is due, backing off or in flight (tests, bench). */
  whenIdle(): Promise<void>;
}

const defaultBackoff = (attempt: number) => Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
const monotonic = () => performance.now();

export function startOutboxSender(opts: OutboxSenderOptions): OutboxSender {
  const { platform, queue, clock, deliver, pacing } = opts;
  const maxInFlight = opts.maxInFlight ?? 16;
  const pollMs = opts.pollMs ?? 500;
  const maxAttempts = opts.maxAttempts ?? 8;
  const backoffMs = opts.backoffMs ?? defaultBackoff;

  const globalBuckets = pacing.global.map((spec) => new TokenBucket(spec, monotonic()));
  const channelBuckets = new Map<string, TokenBucket>();
  const inFlightIds = new Set<number>();
  const busyChannels = new Set<string>();
  /** Real-time "not before" for rows that failed transiently in this process. */
  const notBefore = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  let pausedUntil = 0;
  let blockedOnCap = false;
  const lowWater = Math.floor(maxInFlight / 2);
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  /** A wake() that arrived while the loop was busy: the next sleep returns at once instead of losing it. */
  let wakePending = false;
  let idleWaiters: (() => void)[] = [];

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

  function channelBucket(address: string): TokenBucket | null {
    if (!pacing.perChannel) return null;
    let b = channelBuckets.get(address);
    if (!b) {
      // Forget idle destinations so 10,000 DMs do not keep 10,000 buckets alive.
      if (channelBuckets.size > 5000)
        for (const [k, v] of channelBuckets)
          if (v.isFull(monotonic()) && !busyChannels.has(k)) channelBuckets.delete(k);
      b = new TokenBucket(pacing.perChannel, monotonic());
      channelBuckets.set(address, b);
    }
    return b;
  }

  /** Waits for the global pause and every global bucket; returns false if stopped meanwhile. */
  async function takeGlobalToken(): Promise<boolean> {
    for (;;) {
      if (stopped) return false;
      const now = monotonic();
      const wait = Math.max(pausedUntil - now, ...globalBuckets.map((b) => b.waitMs(now)));
      if (wait <= 0) {
        for (const b of globalBuckets) b.take(now);
        return true;
      }
      // Wakeable, so stop() does not wait out a long Retry-After; other wakes just re-check.
      await sleep(Math.ceil(wait));
    }
  }

  function settle(row: OutboxRow, outcome: DeliveryOutcome): void {
    switch (outcome.kind) {
      case 'sent':
        notBefore.delete(row.id);
        queue.markSent(row.id, outcome.ref, clock.now());
        break;
      case 'rateLimited':
        pausedUntil = Math.max(pausedUntil, monotonic() + outcome.retryAfterMs);
        queue.retryAt(row.id, clock.now(), 'rate_limited');
        break;
      case 'permanent':
        notBefore.delete(row.id);
        queue.markFailed(row.id, outcome.error);
        break;
      case 'transient': {
        const attempts = row.attempts + 1;
        if (attempts >= maxAttempts) {
          queue.markFailed(row.id, `${outcome.error} (after ${attempts} attempts)`);
          notBefore.delete(row.id);
          break;
        }
        notBefore.set(row.id, monotonic() + backoffMs(attempts));
        // A possibly delivered row stays 'sending', so whoever retries it reconciles first.
        if (!outcome.maybeDelivered) queue.retryAt(row.id, clock.now(), outcome.error);
        break;
      }
    }
  }

  function launch(row: OutboxRow): void {
    inFlightIds.add(row.id);
    busyChannels.add(row.address);
    queue.markSending(row.id);
    const p = (async () => {
      let outcome: DeliveryOutcome;
      try {
        outcome = await deliver(row);
      } catch (err) {
        // A bug or an unexpected I/O failure: we cannot tell whether it was delivered.
        outcome = { kind: 'transient', error: err instanceof Error ? err.message : String(err), maybeDelivered: true };
      }
      try {
        settle(row, outcome);
        opts.onOutcome?.(row, outcome);
      } finally {
        inFlightIds.delete(row.id);
        busyChannels.delete(row.address);
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
    blockedOnCap = inFlightIds.size >= maxInFlight;
    if (blockedOnCap) return pollMs;
    // Rows in flight are still 'sending' and come back from due(); ask for enough beyond them.
    const rows = queue.due(platform, clock.now(), inFlightIds.size + 2 * (maxInFlight - inFlightIds.size) + 4);
    let nextWait = pollMs;
    let launched = 0;
    let waiting = 0;
    for (const row of rows) {
      if (stopped) break;
      if (inFlightIds.has(row.id) || busyChannels.has(row.address)) continue;
      // Rows backing off or waiting for their channel count as work, so whenIdle() waits for them.
      waiting++;
      const nb = notBefore.get(row.id);
      if (nb !== undefined && nb > monotonic()) {
        nextWait = Math.min(nextWait, nb - monotonic());
        continue;
      }
      const cb = channelBucket(row.address);
      const chWait = cb?.waitMs(monotonic()) ?? 0;
      if (chWait > 0) {
        nextWait = Math.min(nextWait, chWait);
        continue;
      }
      if (inFlightIds.size >= maxInFlight) {
        blockedOnCap = true;
        return nextWait; // woken when calls complete
      }
      if (!(await takeGlobalToken())) break;
      cb?.take(monotonic());
      launch(row);
      launched++;
    }
    if (launched === 0 && waiting === 0 && inFlightIds.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
    return launched > 0 && rows.length > 0 ? 0 : nextWait;
  }

  const loop = (async () => {
    while (!stopped) {
      let wait: number;
      try {
        wait = await pass();
      } catch (err) {
        console.error(`[outbox:${platform}] sender pass failed`, err);
        wait = pollMs;
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
