/**
 * Before a Feishu row that may already have been delivered (a crash mid-call, a timeout, a lost
 * answer) is sent again, is it already in the chat?
 *
 * Within an hour of the first attempt, Feishu answers: every send carries `uuid` = a hash of the
 * outbox key, and Feishu drops a repeated uuid for one hour, returning the first message. After
 * that the uuid is forgotten, so we look, the way the Slack sender does:
 *  - every card carries a marker derived from its key (`element_id` of its first element; ids are
 *    not shown), and a file message has its file name;
 *  - we list the conversation's history (GET /open-apis/im/v1/messages; the thread for a reply in
 *    a case thread) from just before the first attempt, with `card_msg_content_type=raw_card_content`
 *    so cards come back as sent, and take the app's own message that carries the marker.
 * A DM is addressed by open_id, but history is listed by chat id: we take the chat of the latest
 * message delivered to that person. When there is none (the first message ever to that person),
 * or the app may not read history (a missing im:message scope), we cannot check: the row is sent
 * again, so it may arrive twice, never zero times. The README says when that can happen.
 */
import { createHash } from 'node:crypto';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { OutboxRow, UploadPayload } from '../../src/ports/outbox-queue.js';
import type { Card } from './render/card.js';

/** Feishu drops a repeated uuid for one hour; resend with it only well inside that hour. */
export const UUID_TRUSTED_MS = 50 * 60_000;
/** Feishu's clock and ours may differ a little: look this far before the first attempt. */
const CLOCK_SKEW_MS = 2 * 60_000;
const PAGE_SIZE = 50;

/** A card element id (≤ 20 characters, a letter first) derived from the outbox key. */
export const outboxMarker = (key: string) => `dd${createHash('sha256').update(key).digest('hex').slice(0, 18)}`;

/** The card with the key's marker on its first element (the renderer never sets element ids). */
export function markCard(card: Card, key: string): Card {
  const [first, ...rest] = card.body.elements;
  if (!first || 'element_id' in first) return card;
  return { ...card, body: { elements: [{ ...first, element_id: outboxMarker(key) }, ...rest] } };
}

export type Lookup = { found: string } | { found: null } | { unknown: string };

interface HistoryItem {
  message_id?: string;
  msg_type?: string;
  thread_id?: string;
  chat_id?: string;
  sender?: { sender_type?: string };
  body?: { content?: string };
}

export interface ReconcileDeps {
  client: lark.Client;
  /** The ref (message_id) of the latest post delivered to `address`, from the outbox. */
  lastSentRef(address: string): string | null;
}

export function makeFeishuLookup(deps: ReconcileDeps) {
  const { client } = deps;
  /** p2p chat ids learnt from earlier answers in this process. */
  const chatOf = new Map<string, string>();

  async function message(id: string): Promise<HistoryItem | null> {
    const res = (await client.im.v1.message.get({ path: { message_id: id } })) as {
      code?: number;
      data?: { items?: HistoryItem[] };
    };
    return res.data?.items?.[0] ?? null;
  }

  /** Where to list: the reply's thread, the group, or the person's p2p chat (null: unknown). */
  async function container(row: OutboxRow): Promise<{ type: 'chat' | 'thread'; id: string } | null | 'none'> {
    if (row.threadRef) {
      // A ref may list several cards (a long message); the thread hangs off the first.
      const root = await message(row.threadRef.split(',')[0]!);
      // No thread yet: no reply in the thread was ever delivered, so ours was not either.
      return root?.thread_id ? { type: 'thread', id: root.thread_id } : 'none';
    }
    if (row.address.startsWith('oc_')) return { type: 'chat', id: row.address };
    const known = chatOf.get(row.address);
    if (known) return { type: 'chat', id: known };
    const ref = deps.lastSentRef(row.address);
    const chat = ref ? (await message(ref.split(',')[0]!))?.chat_id : undefined;
    if (!chat) return null;
    chatOf.set(row.address, chat);
    return { type: 'chat', id: chat };
  }

  function isOurs(item: HistoryItem, row: OutboxRow): boolean {
    if (item.sender?.sender_type !== 'app' || !item.message_id) return false;
    const content = item.body?.content ?? '';
    // A chart goes out as an image card with the key's marker; any other file as a file message.
    if (row.op === 'upload' && item.msg_type === 'file')
      return safeJson(content)?.file_name === (row.payload as UploadPayload).filename;
    return item.msg_type === 'interactive' && content.includes(outboxMarker(row.key));
  }

  return {
    /** Remember a DM's chat from a send answer, so a later lookup needs no extra call. */
    learnChat(address: string, chatId: string | undefined): void {
      if (chatId && !address.startsWith('oc_')) chatOf.set(address, chatId);
    },
    /** Is it worth looking? Not for a fresh row, nor within the hour Feishu's uuid covers. */
    needsLookup(row: OutboxRow, now: number): boolean {
      return row.status === 'sending' && (row.sendingSince === null || now - row.sendingSince > UUID_TRUSTED_MS);
    },
    async find(row: OutboxRow): Promise<Lookup> {
      const where = await container(row);
      if (where === 'none') return { found: null };
      if (!where) return { unknown: 'no earlier message to this person to find their chat by' };
      const since = row.sendingSince ?? Date.now() - 7 * 24 * 3_600_000;
      let pageToken: string | undefined;
      for (;;) {
        const res = (await client.im.v1.message.list({
          params: {
            container_id_type: where.type,
            container_id: where.id,
            start_time: String(Math.floor((since - CLOCK_SKEW_MS) / 1000)),
            sort_type: 'ByCreateTimeAsc',
            page_size: PAGE_SIZE,
            card_msg_content_type: 'raw_card_content',
            ...(pageToken ? { page_token: pageToken } : {}),
          },
        })) as {
          code?: number;
          msg?: string;
          data?: { has_more?: boolean; page_token?: string; items?: HistoryItem[] };
        };
        if (res.code) return { unknown: `feishu ${res.code}: ${res.msg ?? ''}` };
        const hit = res.data?.items?.find((item) => isOurs(item, row));
        if (hit?.message_id) return { found: hit.message_id };
        pageToken = res.data?.page_token;
        if (!res.data?.has_more || !pageToken) return { found: null };
      }
    },
  };
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
