import type { Message } from '../ui/model.js';
import type { Locale } from './records.js';
import type { ArchiveEntry } from './outbox-queue.js';

/**
 * Who a message is for. Use cases name people and logical channels; the outbox resolves them to
 * each enabled platform's address (Slack user id, Feishu open_id, local person id).
 */
export type Recipient = { person: string } | { channel: ChannelAddress };

/** A channel as each platform knows it. `local` is the local workspace's channel id. */
export interface ChannelAddress {
  slack?: string | null;
  feishu?: string | null;
  local: string;
}

export interface OutgoingMessage {
  /** Idempotency key, e.g. `nudge:<cycle>:<manager>`. Enqueueing the same key twice is a no-op. */
  key: string;
  to: Recipient;
  message: Message;
  /** Post as a reply in the thread whose root was sent under this key. */
  threadKey?: string;
  /** Force a locale; otherwise the person's own (src/domain/locale.ts), and the org's for a channel. */
  locale?: Locale;
}

export interface Outbox {
  /** Queue a new message. Returns false if the key was already queued (nothing is written). */
  post(msg: OutgoingMessage): boolean;
  /**
   * Replace the content of the message sent under `targetKey`, in place (chat.update, card patch).
   * Pending updates of the same target are coalesced: only the latest content is sent.
   */
  update(targetKey: string, message: Message, locale?: Locale): void;
  /**
   * Queue a file into the thread of `threadKey` (or a DM): text `content`, one stored file (`blob`),
   * or a ZIP of `archive` entries (the dossier), assembled by the sender from the FileStore.
   */
  upload(msg: {
    key: string;
    to: Recipient;
    threadKey?: string;
    filename: string;
    title: string;
    content?: string;
    blob?: { sha256: string; mime: string };
    archive?: ArchiveEntry[];
  }): boolean;
}
