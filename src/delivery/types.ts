/** The sender's contract with the adapters: what `deliver` reports, and the sender's options. */
import type { Logger } from '../ports/logger.js';
import type { OutboxQueue, OutboxRow } from '../ports/outbox-queue.js';
import type { Platform } from '../ports/records.js';
import type { Clock } from '../ports/clock.js';
import type { PacingPolicy } from './pacer.js';

/** What `deliver` reports for one row. */
export type DeliveryOutcome =
  /**
   * Delivered (or found already delivered); `ref` is stored as the row's sent_ref (Slack "C123:1700.01").
   * `retarget`: the message this update edits is now at a new ref (it grew into more pages, or was
   * re-sent as a fresh card); later updates and thread replies go there. `fresh`: the cards at
   * `retarget` were all sent just now (a renewal), so the message's age starts again.
   */
  | { kind: 'sent'; ref: string; retarget?: string; fresh?: true }
  /** The platform refused for rate (HTTP 429): nothing was delivered; pause this kind of call this long. */
  | { kind: 'rateLimited'; retryAfterMs: number }
  /** Will never succeed (channel_not_found, invalid_auth…): the row is marked failed with `error`. */
  | { kind: 'permanent'; error: string }
  /**
   * Try again later. `maybeDelivered` is true when the request may have reached the platform (a
   * dropped connection, a timeout, a 5xx): the row then stays 'sending' so the next attempt reconciles.
   */
  | { kind: 'transient'; error: string; maybeDelivered: boolean };

/** Why a row was set aside. */
export type GaveUpReason = 'permanent' | 'retry-window';

export interface OutboxSenderOptions {
  platform: Platform;
  queue: OutboxQueue;
  /** The app clock: asks the queue which rows are due and measures the retry window. Pacing uses real time. */
  clock: Clock;
  deliver: (row: OutboxRow) => Promise<DeliveryOutcome>;
  pacing: PacingPolicy;
  /** Concurrent platform calls (across different destinations). Default 16. */
  maxInFlight?: number;
  /** How often to look for new rows when idle, in ms. `wake()` skips the wait. Default 500. */
  pollMs?: number;
  /** How long transient failures are retried (app clock), from the first failure. Default 24 h. */
  retryWindowMs?: number;
  /** Also give up after this many attempts (tests). Default: no limit, only the window. */
  maxAttempts?: number;
  /** Wait before retrying a transient failure (real time). Default: 1 s doubling, at most 5 min. */
  backoffMs?: (attempt: number) => number;
  /** Called on every outcome; for logs, metrics and the bench. */
  onOutcome?: (row: OutboxRow, outcome: DeliveryOutcome) => void;
  /** Called when a row is set aside as failed (the HR alert). Not called for rate limits or retries. */
  onGaveUp?: (row: OutboxRow, error: string, reason: GaveUpReason) => void;
  /** Where a failed pass is reported (the adapter's logger). */
  log?: Logger;
}

export interface OutboxSender {
  /** Look for due rows now (call after queueing rows, instead of waiting for the next poll). */
  wake(): void;
  /** Stops taking rows, waits for in-flight calls to finish. Unsent rows stay queued. */
  stop(): Promise<void>;
  /** Resolves when nothing is due, backing off or in flight (tests, bench). */
  whenIdle(): Promise<void>;
}
