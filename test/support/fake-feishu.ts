/**
 * A fake Feishu open platform on 127.0.0.1 for the real Lark SDK: tenant token, IM messages
 * (create / reply / patch, with uuid dedupe like Feishu's: one hour from the first send), reading
 * them back (get one message; list a chat's or a thread's history by time, paged, with the card as
 * sent when asked for `raw_card_content`), file upload, the files people send the bot (the
 * message-resource API, `GET …/messages/:id/resources/:key`), contact lookup by email, and the long
 * connection (POST /callback/ws/endpoint, then a WebSocket speaking pbbp2.Frame).
 * It records every call and can answer the message API with Feishu's rate-limit error, or refuse
 * reading history for a missing scope.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, headerOf, FRAME_CONTROL, FRAME_DATA, type Frame } from './fake-feishu-frames.js';
import { feishuCardProblems } from './platform-limits.js';

export const FAKE_TENANT_TOKEN = 't-fake-tenant-token';

export interface FakeCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: any;
  /** The HTTP status the fake answered. */
  status: number;
}

export interface FakeMessage {
  messageId: string;
  receiveId: string;
  receiveIdType: string;
  /** The root message when sent as a reply in a thread. */
  rootId: string | null;
  msgType: string;
  /** Parsed content JSON (a card, `{ text }` or `{ file_key }`). */
  content: any;
  uuid: string | null;
  /** How many times the content was replaced with a patch. */
  patches: number;
  /** The chat it is in: a group's `oc_…`, or the bot's p2p chat with the person. */
  chatId: string;
  /** Set on a thread's root and its replies once someone replies in the thread. */
  threadId: string | null;
  /** Wall-clock ms when Feishu created it (tests may move it into the past with `backdate`). */
  createTime: number;
}

/** Feishu drops a repeated `uuid` for one hour after the first send. */
export const UUID_DEDUPE_MS = 60 * 60_000;
export const FAKE_APP_ID = 'cli_0123456789abcdef';

export interface FakeFile {
  fileKey: string;
  fileName: string;
  /** The upload as UTF-8 text (a calendar file, a JSON export). */
  content: string;
  /** The upload's bytes as sent (a ZIP, a PDF). */
  bytes: Buffer;
}

/** A picture uploaded with im/v1/images, for an image message or an image in a card. */
export interface FakeImage {
  imageKey: string;
  imageType: string;
  data: Buffer;
}

/** The ACK the SDK sent back for an event frame: `data` is the handler's answer (decoded). */
export interface WsAck {
  code: number;
  data?: any;
  /** The click was on a card past its lifetime: Feishu sent nothing to the app. */
  expired?: true;
}

export const CARD_LIFETIME_MS = 14 * 86_400_000;

export class FakeFeishu {
  readonly calls: FakeCall[] = [];
  /** Cards refused as Feishu refuses them, with why. */
  readonly refused: { path: string; problems: string[] }[] = [];
  /** The clock cards age by (a test's manual clock); real time by default. */
  cardClock: () => number = () => Date.now();
  /** When each message was sent, by `cardClock`. */
  private sentAt = new Map<string, number>();

  /** Whether a card can still be updated and clicked (card JSON 2.0: 14 days). */
  cardLive(m: FakeMessage): boolean {
    return this.cardClock() - (this.sentAt.get(m.messageId) ?? this.cardClock()) <= CARD_LIFETIME_MS;
  }
  readonly messages: FakeMessage[] = [];
  readonly files: FakeFile[] = [];
  readonly images: FakeImage[] = [];
  /** Files and images people sent in chats, by `<message_id>/<file_key>` (see `sendsFile`). */
  private resources = new Map<string, { bytes: Uint8Array; type: 'file' | 'image' }>();
  /** email → open_id for contact batch_get_id. */
  readonly directory = new Map<string, string>();
  url = '';
  private server: Server;
  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private rateLimitLeft = 0;
  private dropLeft = 0;
  private historyRefusal: { code: number; msg: string } | null = null;
  private hangWhen: ((receiveId: string) => boolean) | null = null;
  private hung: ServerResponse[] = [];
  private pendingAcks = new Map<string, (ack: WsAck) => void>();
  pings = 0;

  constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const r of this.hung) r.destroy();
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The next `times` calls whose path starts with `pathPrefix` answer HTTP `status` (e.g. the token
   * endpoint `/open-apis/auth/` or the long connection's `/callback/ws/endpoint` failing).
   */
  failPath(pathPrefix: string, status: number, times = 1): void {
    this.pathFailures.push({ pathPrefix, status, times });
  }
  private pathFailures: { pathPrefix: string; status: number; times: number }[] = [];

  /** Cuts every long connection (the SDK reconnects through /callback/ws/endpoint). */
  dropConnections(): void {
    for (const s of this.sockets) s.terminate();
  }

  /** The next `n` calls to the message API answer HTTP 429 with code 99991400. */
  rateLimit(n: number): void {
    this.rateLimitLeft = n;
  }

  /** Delivered messages (and replies) to one open_id or chat id. */
  /** The next `n` message sends are stored, then the connection is cut before the answer (a crash mid-call). */
  dropAfterAccept(n: number): void {
    this.dropLeft = n;
  }

  /** Message sends to receivers matching `when` are read and never answered (nothing is stored). */
  hangSends(when: ((receiveId: string) => boolean) | null): void {
    this.hangWhen = when;
  }

  /** Reading history (list / get) answers HTTP 400 with this Feishu code, as for a missing scope. */
  refuseHistory(code = 230027, msg = 'Lack of necessary permissions'): void {
    this.historyRefusal = { code, msg };
  }

  /** Moves a message's creation time `ms` into the past (a crash long ago). */
  backdate(messageId: string, ms: number): void {
    const m = this.messages.find((x) => x.messageId === messageId);
    if (m) m.createTime -= ms;
  }

  /** Replies in the thread of `rootId` (including replies to a user's own message). */
  repliesTo(rootId: string): FakeMessage[] {
    return this.messages.filter((m) => m.rootId === rootId);
  }

  messagesTo(receiveId: string): FakeMessage[] {
    return this.messages.filter((m) => m.receiveId === receiveId);
  }

  callsTo(pathPart: string): FakeCall[] {
    return this.calls.filter((c) => c.path.includes(pathPart));
  }

  get wsConnections(): number {
    return this.sockets.size;
  }

  // ---- long connection -------------------------------------------------------------------------

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (raw: Buffer) => {
      const frame = decodeFrame(raw);
      if (frame.method === FRAME_CONTROL && headerOf(frame, 'type') === 'ping') {
        this.pings++;
        const pong = JSON.stringify({
          PingInterval: 120,
          ReconnectCount: -1,
          ReconnectInterval: 120,
          ReconnectNonce: 30,
        });
        ws.send(
          encodeFrame({ ...frame, headers: [{ key: 'type', value: 'pong' }], payload: new TextEncoder().encode(pong) }),
        );
        return;
      }
      if (frame.method === FRAME_DATA) {
        // The SDK answers an event frame by echoing it with the result as payload.
        const id = headerOf(frame, 'message_id') ?? '';
        const body = JSON.parse(new TextDecoder().decode(frame.payload ?? new Uint8Array())) as {
          code: number;
          data?: string;
        };
        this.pendingAcks.get(id)?.({
          code: body.code,
          data: body.data ? JSON.parse(Buffer.from(body.data, 'base64').toString('utf8')) : undefined,
        });
        this.pendingAcks.delete(id);
      }
    });
  }

  /**
   * Pushes an event (or a card callback: Feishu sends both as type "event" frames) to the
   * connected client, split into `parts` fragments, and resolves with the client's ACK.
   */
  pushEvent(payload: unknown, opts: { parts?: number; timeoutMs?: number } = {}): Promise<WsAck> {
    // A click on a card past its lifetime never reaches the app: Feishu tells the user the card expired.
    const ev = payload as { header?: { event_type?: string }; event?: { context?: { open_message_id?: string } } };
    if (ev?.header?.event_type === 'card.action.trigger') {
      const card = this.messages.find((m) => m.messageId === ev.event?.context?.open_message_id);
      if (card && !this.cardLive(card)) return Promise.resolve({ code: 0, expired: true });
    }
    const socket = [...this.sockets][0];
    if (!socket) throw new Error('no long connection');
    const id = `msg_${++this.seq}`;
    const bytes = new TextEncoder().encode(JSON.stringify(payload));
    const parts = opts.parts ?? 1;
    const size = Math.ceil(bytes.length / parts);
    const ack = new Promise<WsAck>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ACK for ${id}`)), opts.timeoutMs ?? 15_000);
      this.pendingAcks.set(id, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
    });
    for (let i = 0; i < parts; i++) {
      const frame: Frame = {
        SeqID: this.seq,
        LogID: this.seq,
        service: 1,
        method: FRAME_DATA,
        headers: [
          { key: 'type', value: 'event' },
          { key: 'message_id', value: id },
          { key: 'sum', value: String(parts) },
          { key: 'seq', value: String(i) },
          { key: 'trace_id', value: `trace_${id}` },
        ],
        payload: bytes.subarray(i * size, (i + 1) * size),
      };
      socket.send(encodeFrame(frame));
    }
    return ack;
  }

  /**
   * A person sent a file (or an image) in message `messageId`: its bytes are there for the bot to
   * read with the message-resource API. Push the matching event with `fileMessageEvent`.
   */
  sendsFile(messageId: string, fileKey: string, bytes: Uint8Array, type: 'file' | 'image' = 'file'): void {
    this.resources.set(`${messageId}/${fileKey}`, { bytes, type });
  }

  // ---- HTTP API --------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', this.url);
    const raw = await readAll(req);
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const body = isJson && raw.length ? JSON.parse(raw.toString('utf8')) : raw;
    const call: FakeCall = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      body,
      status: 200,
    };
    this.calls.push(call);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      if (this.dropLeft > 0 && status === 200 && /^\/open-apis\/im\/v1\/messages(\/[^/]+\/reply)?$/.test(u.pathname)) {
        this.dropLeft--;
        call.status = 0;
        req.socket.destroy();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
    };
    const p = u.pathname;
    const failure = this.pathFailures.find((f) => f.times > 0 && p.startsWith(f.pathPrefix));
    if (failure) {
      failure.times--;
      return send(failure.status, { code: 10003, msg: 'internal error' });
    }

    if (p === '/callback/ws/endpoint' && req.method === 'POST') {
      const wsUrl = `${this.url.replace('http', 'ws')}/ws/v2?device_id=fake-device&service_id=1`;
      return send(200, {
        code: 0,
        data: {
          URL: wsUrl,
          ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 },
        },
      });
    }
    if (p === '/open-apis/auth/v3/tenant_access_token/internal' && req.method === 'POST') {
      return send(200, { code: 0, msg: 'ok', tenant_access_token: FAKE_TENANT_TOKEN, expire: 7200 });
    }
    if (p.startsWith('/open-apis/') && req.headers.authorization !== `Bearer ${FAKE_TENANT_TOKEN}`) {
      return send(400, { code: 99991663, msg: 'Invalid access token for authorization.' });
    }
    const isMessageApi = p.startsWith('/open-apis/im/v1/messages');
    if (isMessageApi && this.rateLimitLeft > 0) {
      this.rateLimitLeft--;
      return send(
        429,
        { code: 99991400, msg: 'request trigger frequency limit' },
        { 'x-ogw-ratelimit-limit': '5', 'x-ogw-ratelimit-reset': '1' },
      );
    }

    // A card that breaks a card JSON 2.0 limit is refused as Feishu refuses it (platform-limits.ts).
    const isSend = (p === '/open-apis/im/v1/messages' || /\/reply$/.test(p)) && req.method === 'POST';
    const isPatch = /^\/open-apis\/im\/v1\/messages\/[^/]+$/.test(p) && req.method === 'PATCH';
    if ((isSend && body.msg_type === 'interactive') || isPatch) {
      const problems = feishuCardProblems(JSON.parse(body.content ?? '{}'), raw.length);
      if (problems.length) {
        this.refused.push({ path: p, problems });
        const tooBig = problems.some((x) => x.includes('bytes'));
        return send(400, { code: tooBig ? 230025 : 230099, msg: problems.join('; ') });
      }
    }
    if (p === '/open-apis/im/v1/messages' && req.method === 'POST' && this.hangWhen?.(body.receive_id)) {
      this.hung.push(res);
      return;
    }
    if (p === '/open-apis/im/v1/messages' && req.method === 'POST') {
      const receiveIdType = call.query.receive_id_type ?? 'open_id';
      return send(
        200,
        this.store({
          receiveId: body.receive_id,
          receiveIdType,
          rootId: null,
          msgType: body.msg_type,
          content: body.content,
          uuid: body.uuid ?? null,
          chatId: receiveIdType === 'chat_id' ? body.receive_id : `oc_p2p_${body.receive_id}`,
          threadId: null,
          createTime: Date.now(),
        }),
      );
    }
    if (
      (p === '/open-apis/im/v1/messages' || /^\/open-apis\/im\/v1\/messages\/[^/]+$/.test(p)) &&
      req.method === 'GET'
    ) {
      if (this.historyRefusal) return send(400, this.historyRefusal);
      if (p !== '/open-apis/im/v1/messages') {
        const m = this.messages.find((x) => x.messageId === p.split('/').pop());
        return m
          ? send(200, { code: 0, msg: 'success', data: { items: [this.view(m, call.query.card_msg_content_type)] } })
          : send(400, { code: 230011, msg: 'message not found' });
      }
      return send(200, { code: 0, msg: 'success', data: this.list(call.query) });
    }
    const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(p);
    if (reply && req.method === 'POST') {
      // A reply to a message the bot sent, or to one a user sent (a typed command).
      const root = this.messages.find((m) => m.messageId === reply[1]);
      const stored = this.store({
        receiveId: root?.receiveId ?? `reply:${reply[1]}`,
        receiveIdType: root?.receiveIdType ?? 'message_id',
        rootId: root?.messageId ?? reply[1]!,
        msgType: body.msg_type,
        content: body.content,
        uuid: body.uuid ?? null,
        chatId: root?.chatId ?? `oc_of_${reply[1]}`,
        threadId: body.reply_in_thread && root ? (root.threadId ??= `omt_${root.messageId}`) : null,
        createTime: Date.now(),
      });
      return send(200, stored);
    }
    const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(p);
    if (patch && req.method === 'PATCH') {
      const m = this.messages.find((x) => x.messageId === patch[1]);
      if (!m) return send(400, { code: 230011, msg: 'message not found' });
      // Card JSON 2.0: a card can be updated (and clicked) for 14 days after it was sent.
      if (!this.cardLive(m)) return send(400, { code: 230031, msg: 'The card has expired and cannot be updated.' });
      m.content = JSON.parse(body.content);
      m.patches++;
      return send(200, { code: 0, msg: 'success', data: {} });
    }
    if (p === '/open-apis/im/v1/images' && req.method === 'POST') {
      const image = parseMultipart(raw, req.headers['content-type'] ?? '');
      const imageKey = `img_${this.images.length + 1}`;
      this.images.push({ imageKey, imageType: image.fields.image_type ?? '', data: image.bytes });
      call.body = { image_type: image.fields.image_type };
      return send(200, { code: 0, msg: 'success', data: { image_key: imageKey } });
    }
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(p);
    if (resource && req.method === 'GET') {
      const r = this.resources.get(`${resource[1]}/${resource[2]}`);
      // Feishu: the key must belong to that message, and `type` must say what it is.
      if (!r) return send(400, { code: 234003, msg: 'File not in msg.' });
      if (call.query.type !== r.type) return send(400, { code: 234001, msg: 'Invalid request param.' });
      call.status = 200;
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(r.bytes));
      return;
    }
    if (p === '/open-apis/im/v1/files' && req.method === 'POST') {
      const file = parseMultipart(raw, req.headers['content-type'] ?? '');
      const fileKey = `file_${this.files.length + 1}`;
      this.files.push({
        fileKey,
        fileName: file.fields.file_name ?? file.filename ?? '',
        content: file.bytes.toString('utf8'),
        bytes: file.bytes,
      });
      call.body = { file_name: file.fields.file_name, file_type: file.fields.file_type };
      return send(200, { code: 0, msg: 'success', data: { file_key: fileKey } });
    }
    if (p === '/open-apis/contact/v3/users/batch_get_id' && req.method === 'POST') {
      const emails: string[] = body.emails ?? [];
      // Feishu refuses more than 50 emails (or 50 mobiles) in one call.
      if (emails.length > 50)
        return send(400, { code: 99992402, msg: 'field validation failed: emails: the max len is 50' });
      return send(200, {
        code: 0,
        msg: 'success',
        data: {
          user_list: emails.map((email) => ({
            email,
            ...(this.directory.has(email) ? { user_id: this.directory.get(email) } : {}),
          })),
        },
      });
    }
    send(404, { code: 404, msg: `fake feishu: no route ${req.method} ${p}` });
  }

  private store(m: Omit<FakeMessage, 'messageId' | 'patches' | 'content'> & { content: string }): unknown {
    // Within an hour, Feishu answers a repeated uuid with the message it already sent instead of
    // sending another; after that the uuid is forgotten and a second message is sent.
    const existing = m.uuid
      ? this.messages.find((x) => x.uuid === m.uuid && Date.now() - x.createTime < UUID_DEDUPE_MS)
      : undefined;
    const msg = existing ?? {
      ...m,
      content: JSON.parse(m.content),
      messageId: `om_${this.messages.length + 1}`,
      patches: 0,
    };
    if (!existing) {
      this.messages.push(msg);
      this.sentAt.set(msg.messageId, this.cardClock());
    }
    return {
      code: 0,
      msg: 'success',
      data: {
        message_id: msg.messageId,
        root_id: msg.rootId ?? undefined,
        thread_id: msg.threadId ?? undefined,
        chat_id: msg.chatId,
        msg_type: msg.msgType,
        create_time: String(msg.createTime),
      },
    };
  }

  /**
   * GET /open-apis/im/v1/messages: a chat's top-level messages (thread replies stay in their thread)
   * or a thread's messages, created in [start_time, end_time] (seconds), 50 a page at most.
   */
  private list(q: Record<string, string>): unknown {
    const start = q.start_time ? Number(q.start_time) * 1000 : 0;
    const end = q.end_time ? Number(q.end_time) * 1000 + 999 : Infinity;
    const inContainer = (m: FakeMessage) =>
      q.container_id_type === 'thread'
        ? m.threadId === q.container_id
        : m.chatId === q.container_id && (!m.threadId || m.rootId === null);
    const all = this.messages
      .filter((m) => inContainer(m) && m.createTime >= start && m.createTime <= end)
      .sort((a, b) => (q.sort_type === 'ByCreateTimeDesc' ? b.createTime - a.createTime : a.createTime - b.createTime));
    const size = Math.min(50, Number(q.page_size ?? 20));
    const offset = q.page_token ? Number(Buffer.from(q.page_token, 'base64').toString('utf8')) : 0;
    const hasMore = offset + size < all.length;
    return {
      has_more: hasMore,
      page_token: hasMore ? Buffer.from(String(offset + size)).toString('base64') : undefined,
      items: all.slice(offset, offset + size).map((m) => this.view(m, q.card_msg_content_type)),
    };
  }

  /** A message as the read APIs show it: cards as sent only with `raw_card_content`, else a text digest. */
  private view(m: FakeMessage, cardContentType: string | undefined): unknown {
    const content =
      m.msgType === 'interactive' && cardContentType !== 'raw_card_content'
        ? { title: m.content?.header?.title?.content ?? '', elements: [[{ tag: 'text', text: '[card]' }]] }
        : m.msgType === 'file'
          ? { ...m.content, file_name: this.files.find((f) => f.fileKey === m.content?.file_key)?.fileName }
          : m.content;
    return {
      message_id: m.messageId,
      root_id: m.rootId ?? undefined,
      parent_id: m.rootId ?? undefined,
      thread_id: m.threadId ?? undefined,
      msg_type: m.msgType,
      create_time: String(m.createTime),
      update_time: String(m.createTime),
      deleted: false,
      updated: m.patches > 0,
      chat_id: m.chatId,
      sender: { id: FAKE_APP_ID, id_type: 'app_id', sender_type: 'app', tenant_key: 'fake-tenant' },
      body: { content: JSON.stringify(content) },
    };
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseMultipart(
  raw: Buffer,
  contentType: string,
): { fields: Record<string, string>; filename?: string; bytes: Buffer } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const fields: Record<string, string> = {};
  let filename: string | undefined;
  let bytes = Buffer.alloc(0);
  if (!boundary) return { fields, bytes };
  // Split as bytes (latin1 keeps every byte as one character), so a binary file survives.
  for (const part of raw.toString('latin1').split(`--${boundary[1] ?? boundary[2]}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = Buffer.from(part.slice(0, sep), 'latin1').toString('utf8');
    const value = Buffer.from(part.slice(sep + 4).replace(/\r\n$/, ''), 'latin1');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (!name) continue;
    const fn = /filename="([^"]*)"/.exec(head)?.[1];
    if (fn !== undefined || name === 'file' || name === 'image') {
      filename = fn;
      bytes = value;
    } else fields[name] = value.toString('utf8');
  }
  return { fields, filename, bytes };
}

export async function startFakeFeishu(): Promise<FakeFeishu> {
  return new FakeFeishu().start();
}
