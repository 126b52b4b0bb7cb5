import type { Message } from '../ui/model.js';
import type { UploadBody } from './outbox.js';
import type { Locale, Platform } from './records.js';

/** One row of the outbox as the sender sees it. */
export interface OutboxRow {
  id: number;
  platform: Platform;
  key: string;
  op: 'post' | 'update' | 'upload';
  address: string;
  /** op=update: the delivered ref of the message to edit (null if that post is not sent yet). */
  targetRef: string | null;
  targetKey: string | null;
  /** The delivered ref of the thread root, if this is a reply (null if the root is not sent yet). */
  threadRef: string | null;
  threadKey: string | null;
  locale: Locale;
  payload: Message | UploadPayload;
  attempts: number;
  /**
   * 'sending' means an earlier attempt may have reached the platform (a crash mid-call, a timeout,
   * a lost answer): `deliver` must look for the message before sending it again.
   */
  status: 'pending' | 'sending';
  /**
   * Wall-clock ms of the first attempt that may have been delivered (null when unknown, e.g. rows
   * claimed before this column existed). Lookups search the platform's history from here on.
   */
  sendingSince: number | null;
  /** App-clock ms of the first transient failure in the current run (null when the last attempt did not fail). */
  failingSince: number | null;
  /**
   * op=update queued by `queueRenewals`: send the content as a fresh message (the target's cards are
   * about to stop answering) instead of editing it in place.
   */
  renew?: boolean;
}

/**
 * A file to deliver, in one of four forms: text (a calendar file, a JSON export), a `body` made
 * when sent (a chart drawn as PNG, a workbook written as XLSX, bytes; src/ports/outbox.ts), one
 * stored evidence file, or a ZIP assembled when sent (the dossier: its pages and every attached
 * file). Stored files are read from the FileStore by the sender, so a row never holds their bytes.
 */
export interface UploadPayload {
  filename: string;
  title: string;
  /** One line shown with the file (a chart's summary): what a screen reader or a notification says. */
  comment?: string;
  /** Text content, sent as UTF-8. */
  content?: string;
  /** A chart, a workbook or bytes (adapters/reports/materialize.ts makes the file). */
  body?: UploadBody;
  /** One stored file, by hash. */
  blob?: { sha256: string; mime: string };
  /** The entries of a ZIP archive, in order. */
  archive?: ArchiveEntry[];
}

/** One file inside an archive: text, or a stored file by hash. */
export type ArchiveEntry = { path: string; text: string } | { path: string; sha256: string };

/** How a row goes back to the queue after an attempt that did not deliver it. */
export interface RetryLater {
  /** App-clock ms before which the row is not due (a restart honours it too). */
  at: number;
  error: string;
  /**
   * This attempt or an earlier one may have been delivered: the row stays 'sending' so the next
   * attempt looks for the message first. Otherwise it goes back to 'pending'.
   */
  maybeDelivered: boolean;
  /** App-clock ms of the first failure of this run (kept across retries); null for a rate limit. */
  failingSince: number | null;
}

/** Outbox depth per platform, for /readyz and /metrics. */
export interface OutboxStats {
  platform: Platform;
  /** Rows waiting to be delivered (pending, or sending and to be reconciled). */
  depth: number;
  /** Age in ms of the oldest waiting row (0 when none). */
  oldestAgeMs: number;
  /** Rows set aside as failed (see `npm run dandang -- outbox status` / `outbox retry`). */
  failed: number;
}

/** A row set aside as failed, for `outbox status`. */
export interface FailedRow {
  id: number;
  platform: Platform;
  key: string;
  address: string;
  error: string | null;
  failedAt: number | null;
}

/** The sender's view of the outbox. Implemented in db/repos/outbox-queue.ts. */
export interface OutboxQueue {
  /**
   * Rows due now, oldest first, whose thread root / update target is already delivered. Includes
   * rows left 'sending' (to reconcile). Rows for `skipAddresses` (destinations busy, paced or
   * backing off) are left out, so they cannot hold back rows for other destinations. The oldest
   * due row of each of `firstAddresses` (destinations with a backlog) comes first, so a channel
   * with many messages at 1/s starts at once instead of behind thousands of DMs.
   */
  due(
    platform: Platform,
    now: number,
    limit: number,
    skipAddresses?: Iterable<string>,
    firstAddresses?: Iterable<string>,
  ): OutboxRow[];
  /** Destinations with at least `minRows` rows waiting, the most first (at most `limit`). */
  backlogged(platform: Platform, minRows: number, limit: number): string[];
  /** Claim before the platform call, so a crash leaves evidence of an attempt (`sendingAt`: wall clock). */
  markSending(id: number, sendingAt: number): void;
  markSent(id: number, ref: string, now: number): void;
  /**
   * The message first posted under `key` now lives at `ref` (it spans more pages, or was re-sent as
   * a fresh card): later edits and thread replies use the new ref. `freshAt` (app clock): every card
   * at `ref` was sent then (a renewal), so its age starts again.
   */
  retarget(platform: Platform, key: string, ref: string, freshAt?: number): void;
  /**
   * Queues a renewal (an update row with `renew`, carrying the latest delivered content) for every
   * lasting post of `platform` (`Message.lasting`) last sent fresh before `sentBefore`, with nothing
   * else waiting for it and no renewal set aside since. At most `limit`; returns how many.
   */
  queueRenewals(platform: Platform, sentBefore: number, now: number, limit: number): number;
  /** Put back for a later attempt (429, network error, timeout). */
  retryLater(id: number, retry: RetryLater): void;
  /**
   * Give up (a permanent error, or the retry window ran out). The row stays for inspection and
   * `outbox retry`; `maybeDelivered` keeps the evidence that an attempt may have reached the platform.
   */
  markFailed(id: number, error: string, now: number, maybeDelivered?: boolean): void;
  pendingCount(platform?: Platform): number;
  /** Depth, oldest age and failed count per platform that has any row. */
  stats(now: number): OutboxStats[];
  /** The ref of the latest post or upload delivered to `address` (Feishu: finds the chat of a DM). */
  lastSentRef(platform: Platform, address: string): string | null;
  /**
   * The key of the message delivered to `address` as `ref` (one of its pages), or null: what a
   * person replied to (Feishu: a file sent as a reply to a record's card attaches to that record).
   */
  keyOfSentMessage(platform: Platform, address: string, ref: string): string | null;
  /** Rows of `platform` set aside since `since` (app clock), leaving out keys starting with `exceptKeyPrefix`. */
  countFailedSince(platform: Platform, since: number, exceptKeyPrefix?: string): number;
  /** Failed rows, newest first. */
  failedRows(opts: { platform?: Platform; keyPrefix?: string; limit: number }): FailedRow[];
  /**
   * Puts failed rows back in the queue (due at `now`, attempts and the retry window reset). A row
   * that may have been delivered goes back as 'sending', so it is looked for before it is resent.
   * Returns how many rows were re-queued.
   */
  requeueFailed(opts: { platform?: Platform; keyPrefix?: string; now: number }): number;
}
