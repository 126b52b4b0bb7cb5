/**
 * Builds event and card-callback payloads the way Feishu sends them (schema 2.0), and posts them
 * to an HTTP callback URL encrypted (AES-256-CBC, key = sha256(encrypt key), random IV prepended,
 * base64) and signed (X-Lark-Signature = sha256(timestamp + nonce + encrypt key + body)).
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

let counter = 0;
export const nextEventId = () => `ev_${Date.now().toString(36)}_${++counter}`;

export interface EnvelopeOpts {
  eventId?: string;
  token: string;
  /** Epoch ms; use the test's clock. */
  createTime: number;
  appId?: string;
}

export function envelope(eventType: string, event: unknown, o: EnvelopeOpts) {
  return {
    schema: '2.0',
    header: {
      event_id: o.eventId ?? nextEventId(),
      token: o.token,
      create_time: String(o.createTime),
      event_type: eventType,
      tenant_key: 'tenant_fake',
      app_id: o.appId ?? 'cli_0123456789abcdef',
    },
    event,
  };
}

/** A text message typed to the bot. `mentions` maps keys like `@_user_1` to open ids and names. */
export function messageEvent(
  o: EnvelopeOpts & {
    openId: string;
    text: string;
    chatType?: 'p2p' | 'group';
    mentions?: { key: string; openId: string; name: string }[];
    messageId?: string;
  },
) {
  return envelope(
    'im.message.receive_v1',
    {
      sender: { sender_id: { open_id: o.openId }, sender_type: 'user', tenant_key: 'tenant_fake' },
      message: {
        message_id: o.messageId ?? `om_in_${++counter}`,
        chat_id: 'oc_dm',
        chat_type: o.chatType ?? 'p2p',
        message_type: 'text',
        content: JSON.stringify({ text: o.text }),
        mentions: (o.mentions ?? []).map((m) => ({
          key: m.key,
          id: { open_id: m.openId },
          name: m.name,
          tenant_key: 'tenant_fake',
        })),
      },
    },
    o,
  );
}

/**
 * A file (or an image) sent to the bot, optionally as a reply to message `parentId` (a card the bot
 * sent). Put its bytes in the fake first with `fake.sendsFile(messageId, fileKey, bytes)`.
 */
export function fileMessageEvent(
  o: EnvelopeOpts & {
    openId: string;
    messageId: string;
    fileKey: string;
    fileName?: string;
    type?: 'file' | 'image';
    parentId?: string;
    chatType?: 'p2p' | 'group';
    chatId?: string;
  },
) {
  const type = o.type ?? 'file';
  return envelope(
    'im.message.receive_v1',
    {
      sender: { sender_id: { open_id: o.openId }, sender_type: 'user', tenant_key: 'tenant_fake' },
      message: {
        message_id: o.messageId,
        ...(o.parentId ? { parent_id: o.parentId, root_id: o.parentId } : {}),
        chat_id: o.chatId ?? 'oc_dm',
        chat_type: o.chatType ?? 'p2p',
        message_type: type,
        content: JSON.stringify(
          type === 'file' ? { file_key: o.fileKey, file_name: o.fileName ?? 'file' } : { image_key: o.fileKey },
        ),
      },
    },
    o,
  );
}

/** A click on a card button or a form submit (`formValue`). */
export function cardActionEvent(
  o: EnvelopeOpts & { openId: string; value: unknown; formValue?: Record<string, unknown>; messageId?: string },
) {
  return envelope(
    'card.action.trigger',
    {
      operator: { tenant_key: 'tenant_fake', open_id: o.openId },
      token: 'c-card-update-token',
      action: { tag: 'button', value: o.value, ...(o.formValue ? { name: 'submit', form_value: o.formValue } : {}) },
      host: 'im_message',
      context: { open_message_id: o.messageId ?? 'om_card', open_chat_id: 'oc_dm' },
    },
    o,
  );
}

export function menuEvent(o: EnvelopeOpts & { openId: string; eventKey: string }) {
  return envelope(
    'application.bot.menu_v6',
    {
      operator: { operator_id: { open_id: o.openId } },
      event_key: o.eventKey,
      timestamp: Math.floor(o.createTime / 1000),
    },
    o,
  );
}

export function encryptPayload(encryptKey: string, payload: unknown): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]).toString('base64');
}

export interface PostOpts {
  encryptKey?: string;
  /** Seconds since epoch for X-Lark-Request-Timestamp; use the test's clock. */
  timestamp: number;
  /** Sign with this key instead of the real one (a forger's guess). */
  signWith?: string;
}

/** POSTs a callback like Feishu: encrypted when an encrypt key is given, always signed with it. */
export async function postCallback(url: string, payload: unknown, o: PostOpts): Promise<{ status: number; body: any }> {
  const body = JSON.stringify(o.encryptKey ? { encrypt: encryptPayload(o.encryptKey, payload) } : payload);
  const timestamp = String(o.timestamp);
  const nonce = randomBytes(8).toString('hex');
  const signKey = o.signWith ?? o.encryptKey ?? '';
  const signature = createHash('sha256')
    .update(timestamp + nonce + signKey + body)
    .digest('hex');
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': signature,
    },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}
