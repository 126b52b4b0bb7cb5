import type { Message } from '../ui/model.js';
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
  /** 'sending' means a previous process claimed it and may have crashed mid-call. */
  status: 'pending' | 'sending';
}

export interface UploadPayload {
  filename: string;
  title: string;
  content: string;
}

/** The sender's view of the outbox. Implemented in db/repos/outbox.ts. */
export interface OutboxQueue {
  /**
   * Rows due now, oldest first, whose thread root / update target is already delivered.
   * Includes rows left in 'sending' by a crashed process, so the sender can reconcile them.
   */
  due(platform: Platform, now: number, limit: number): OutboxRow[];
  /** Mark claimed before the platform call, so a crash leaves evidence of an attempt. */
  markSending(id: number): void;
  markSent(id: number, ref: string, now: number): void;
  /** Put back for a later attempt (429, network error). */
  retryAt(id: number, at: number, error: string): void;
  /** Give up (a permanent error, e.g. channel_not_found). The row stays for inspection. */
  markFailed(id: number, error: string): void;
  pendingCount(platform?: Platform): number;
}
