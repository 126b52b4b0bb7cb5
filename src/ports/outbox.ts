import type { ChartSpec, Message, Workbook } from '../ui/model.js';
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
   * Queue a file to a person, a channel or the thread of `threadKey`: text `content`, a `body`
   * made when sent (a chart, a spreadsheet), one stored file (`blob`), or a ZIP of `archive`
   * entries (the dossier), assembled by the sender from the FileStore.
   */
  upload(msg: OutgoingUpload): boolean;
}

/**
 * What a file carries. Text is kept as it is; bytes as base64 with their content type, so a binary
 * file survives the JSON outbox row intact; a chart or a workbook as its neutral model, which the
 * platform's sender draws (PNG) or writes (XLSX) when it sends, after the interaction was answered.
 */
export type UploadBody =
  | { kind: 'text'; text: string; contentType?: string }
  | { kind: 'bytes'; base64: string; contentType: string }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'workbook'; workbook: Workbook };

export type OutgoingUpload = {
  key: string;
  to: Recipient;
  threadKey?: string;
  filename: string;
  title: string;
  /** One line shown with the file (a chart's summary): what a screen reader or a notification says. */
  comment?: string;
  /** Text, sent as UTF-8. */
  content?: string;
  /** A chart, a workbook or bytes, made into a file when sent. */
  body?: UploadBody;
  /** One stored evidence file, by hash. */
  blob?: { sha256: string; mime: string };
  /** A ZIP of these entries (the dossier), assembled when sent. */
  archive?: ArchiveEntry[];
};
