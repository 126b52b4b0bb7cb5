/**
 * Evidence files sent to the bot on Feishu (issue 16). A card cannot carry a file input, so a person
 * attaches a file by sending it in the chat: as a reply to the record's card (the card's outbox key
 * names the record), or right after pressing Attach file (the bot remembers the ask for a few
 * minutes). The bytes are read with the message-resource API
 * (GET /open-apis/im/v1/messages/:message_id/resources/:file_key, the im:resource scope), counted
 * as they arrive so an oversize file is dropped without being read whole, then checked by content
 * and stored like any other platform's (../files/intake.ts).
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import type { T } from '../../src/ui/i18n/index.js';
import { literal } from '../../src/ui/markup.js';
import { refusalText, type ReceivedFile } from '../files/intake.js';

/** A file or an image message, as Feishu's content JSON names it. */
export interface FeishuFileRef {
  /** `file_key` or `image_key`. */
  key: string;
  /** The message-resource API's `type`. */
  type: 'file' | 'image';
  /** The sender's name for it; an image has none, so it is `image` (its extension comes from its real type). */
  name: string;
}

/**
 * The file a message carries, or null for any other message. Seen: `file` →
 * `{"file_key":"file_v3_…","file_name":"签到表.pdf"}`, `image` → `{"image_key":"img_v3_…"}`.
 */
export function fileOfMessage(messageType: string | undefined, content: string | undefined): FeishuFileRef | null {
  if (messageType !== 'file' && messageType !== 'image') return null;
  let parsed: { file_key?: unknown; file_name?: unknown; image_key?: unknown };
  try {
    parsed = JSON.parse(content ?? '{}');
  } catch {
    return null;
  }
  if (messageType === 'file' && typeof parsed.file_key === 'string' && parsed.file_key)
    return { key: parsed.file_key, type: 'file', name: typeof parsed.file_name === 'string' ? parsed.file_name : '' };
  if (messageType === 'image' && typeof parsed.image_key === 'string' && parsed.image_key)
    return { key: parsed.image_key, type: 'image', name: 'image' };
  return null;
}

/** Reads the file of message `messageId`, stopping at the size limit. */
export async function fetchFeishuFile(
  client: lark.Client,
  messageId: string,
  ref: FeishuFileRef,
  opts: { maxBytes: number; t: T },
): Promise<{ ok: true; file: ReceivedFile } | { ok: false; message: string }> {
  const { t, maxBytes } = opts;
  const shown = ref.name || ref.key; // a file Feishu sent without a name
  const failed = { ok: false as const, message: t('files.refused.fetch', { name: literal(shown) }) };
  let stream: NodeJS.ReadableStream;
  try {
    const res = await client.im.v1.messageResource.get({
      path: { message_id: messageId, file_key: ref.key },
      params: { type: ref.type },
    });
    stream = res.getReadableStream();
  } catch {
    return failed;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        return { ok: false, message: refusalText(t, shown, { reason: 'too_large', maxBytes }, size) };
      }
      chunks.push(chunk);
    }
  } catch {
    return failed;
  }
  return { ok: true, file: { name: ref.name, bytes: Buffer.concat(chunks) } };
}
