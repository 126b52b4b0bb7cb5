/**
 * A fake Slack Web API on 127.0.0.1 for the real @slack/web-api and Bolt clients. It keeps
 * conversations in memory (so conversations.history / .replies can answer a reconcile, with cursor
 * paging and `oldest` like Slack's), records every call for assertions, and has switches for the
 * failures we must survive: 429 + Retry-After, a connection dropped after the post was accepted,
 * platform errors, an outage window of HTTP 5xx, calls that never get an answer, history reads
 * refused for a missing scope, and workspace-wide and per-channel rate limits. Message `ts` values
 * are real wall-clock times, as Slack's are.
 * Socket Mode: apps.connections.open hands out a ws URL served by the same server (see
 * fake-slack-socket.ts for sending envelopes).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { slackHomeProblems, slackMessageProblems, slackModalProblems } from './platform-limits.js';

export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  at: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  thread_ts?: string;
  files?: { id: string; name: string }[];
}

type Handler = (args: Record<string, any>) => Record<string, unknown>;

/** A file a person uploaded through a modal's file_input, as Slack keeps it. */
export interface FakeUserFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  bytes: Buffer;
  url_private: string;
  url_private_download: string;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Bodies POSTed to response_url (ephemeral replies to commands and buttons). */
  readonly responses: { id: string; body: Record<string, any> }[] = [];
  /** Called as each response_url answer arrives (the bench times answers with it). */
  onResponse: ((id: string) => void) | null = null;
  /** Files PUT to an upload URL (files.uploadV2's second step), with what was sent. */
  readonly uploads: { fileId: string; bytes: number; data: Buffer }[] = [];
  /** Files people chose in a modal's file_input (see `userUploads`), by id. */
  readonly userFiles = new Map<string, FakeUserFile>();
  /** Downloads of private file URLs: who asked with which Authorization header, and what they got. */
  readonly downloads: { fileId: string; authorization: string | null; status: number; html: boolean }[] = [];
  /** The bot token private file URLs accept (Slack: the app's own token). */
  botToken = 'xoxb-test';
  /** Channel id → messages, oldest first. DMs live under `D<user id>`. */
  readonly conversations = new Map<string, FakeMessage[]>();
  /** Email → user id for users.lookupByEmail. */
  readonly users = new Map<string, string>();
  sockets: WebSocket[] = [];
  url = '';
  private server: Server;
  private wss = new WebSocketServer({ noServer: true });
  private seq = 0;
  private rateLimits = new Map<string, { times: number; retryAfterSec: number }>();
  private drops = new Map<string, number>();
  private failures = new Map<string, { error: string; times: number }>();
  private limiter: {
    method: string;
    ratePerSec: number;
    burst: number;
    tokens: number;
    last: number;
    retryAfterSec: number;
  } | null = null;
  /** How many calls were answered 429, per method. */
  readonly rateLimited = new Map<string, number>();
  /** Slack may return fewer items than asked ("fewer than the requested number"); at most this many per page. */
  maxPageSize = 1000;
  /** Scopes announced in x-oauth-scopes on every answer (null: no header). */
  scopes: string[] | null = null;
  private lastTsMicros = 0;
  private outage: { methods: Set<string> | null; until: number; status: number } | null = null;
  private hangs: { method: string; when: (args: Record<string, any>) => boolean }[] = [];
  private hungResponses: ServerResponse[] = [];
  private refusedLookups: { error: string; when: (channel: string) => boolean } | null = null;
  private channelLimiter: {
    ratePerSec: number;
    burst: number;
    buckets: Map<string, { tokens: number; last: number }>;
  } | null = null;

  constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.push(ws);
        this.wss.emit('connection', ws, req);
        ws.send(
          JSON.stringify({
            type: 'hello',
            num_connections: 1,
            debug_info: { approximate_connection_time: 3600 },
            connection_info: { app_id: 'A1' },
          }),
        );
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Base for `slackApiUrl` / SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async stop(): Promise<void> {
    for (const r of this.hungResponses) r.destroy();
    for (const s of this.sockets) s.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ---- switches -------------------------------------------------------------------------------

  /** Answer the next `times` calls of `method` with HTTP 429 and Retry-After. */
  rateLimitNext(method: string, times = 1, retryAfterSec = 1): void {
    this.rateLimits.set(method, { times, retryAfterSec });
  }

  /** Accept the next `times` calls of `method` (the message is posted) but drop the connection. */
  dropAfterAccept(method: string, times = 1): void {
    this.drops.set(method, times);
  }

  /** Answer the next `times` calls of `method` with `{ ok: false, error }`. */
  failNext(method: string, error: string, times = 1): void {
    this.failures.set(method, { error, times });
  }

  /** Answer the next `times` calls of `method` with HTTP `status` (a 5xx outage) and an HTML body. */
  failHttpNext(method: string, status: number, times = 1): void {
    this.httpFailures.set(method, { status, times });
  }
  private httpFailures = new Map<string, { status: number; times: number }>();

  /** Enforce a token-bucket limit on `method` workspace-wide; beyond it, 429 + Retry-After. */
  enforceRate(method: string, ratePerSec: number, burst: number, retryAfterSec = 1): void {
    this.limiter = { method, ratePerSec, burst, tokens: burst, last: performance.now(), retryAfterSec };
  }

  /**
   * Answer every call (or those to `methods`) with HTTP `status` for the next `ms` of real time,
   * as Slack does in an outage; nothing is posted meanwhile.
   */
  outageFor(ms: number, opts: { status?: number; methods?: string[] } = {}): void {
    this.outage = {
      methods: opts.methods ? new Set(opts.methods) : null,
      until: performance.now() + ms,
      status: opts.status ?? 503,
    };
  }

  /** Calls to `method` matching `when` are read and then never answered (until `releaseHangs`). */
  hang(method: string, when: (args: Record<string, any>) => boolean = () => true): void {
    this.hangs.push({ method, when });
  }

  /** Stops hanging; calls already hung stay unanswered (their clients time out). */
  releaseHangs(): void {
    this.hangs = [];
  }

  /** conversations.history / .replies answer `{ ok: false, error }` for channels matching `when`. */
  refuseLookups(error = 'missing_scope', when: (channel: string) => boolean = () => true): void {
    this.refusedLookups = { error, when };
  }

  /** Enforce chat.postMessage's per-channel limit (Slack: about 1/s per channel); beyond it, 429. */
  enforceChannelRate(ratePerSec: number, burst: number): void {
    this.channelLimiter = { ratePerSec, burst, buckets: new Map() };
  }

  /**
   * A person chose `files` in a modal's file_input: Slack stores them in the workspace and puts their
   * objects (id, name, mimetype, size, url_private_download…) in the submission's state. Returns
   * those objects, for `view.state.values[block][action].files`.
   */
  userUploads(
    files: { name: string; bytes: Buffer; mimetype?: string; filetype?: string }[],
  ): Record<string, unknown>[] {
    return files.map((f) => {
      const id = `F${String(++this.seq).padStart(8, '0')}`;
      const safe = encodeURIComponent(f.name);
      const file: FakeUserFile = {
        id,
        name: f.name,
        title: f.name,
        // What the browser said; Slack does not check it against the content either.
        mimetype: f.mimetype ?? 'application/octet-stream',
        filetype: f.filetype ?? f.name.split('.').pop() ?? 'binary',
        size: f.bytes.length,
        bytes: f.bytes,
        url_private: `${this.url}/files-pri/T1-${id}/${safe}`,
        url_private_download: `${this.url}/files-pri/T1-${id}/download/${safe}`,
      };
      this.userFiles.set(id, file);
      return this.fileObject(file);
    });
  }

  /** The file object Slack sends in view state and files.info (no bytes). */
  private fileObject(f: FakeUserFile): Record<string, unknown> {
    const { bytes: _bytes, ...rest } = f;
    return { ...rest, user: 'U0', created: Math.floor(Date.now() / 1000), is_public: false, mode: 'hosted' };
  }

  /**
   * GET of a private file URL. With `Authorization: Bearer <bot token>` Slack answers with the bytes;
   * without it (or with another token) it answers 200 with its HTML sign-in page, not an error.
   */
  private download(path: string, req: IncomingMessage, res: ServerResponse): void {
    const id = /^\/files-pri\/T1-(F[0-9A-Z]+)\//.exec(path)?.[1] ?? '';
    const file = this.userFiles.get(id);
    const authorization = req.headers.authorization ?? null;
    if (!file) {
      this.downloads.push({ fileId: id, authorization, status: 404, html: false });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('file_not_found');
      return;
    }
    if (authorization !== `Bearer ${this.botToken}`) {
      this.downloads.push({ fileId: id, authorization, status: 200, html: true });
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to your workspace</body></html>');
      return;
    }
    this.downloads.push({ fileId: id, authorization, status: 200, html: false });
    res
      .writeHead(200, {
        'content-type': file.mimetype,
        'content-length': String(file.bytes.length),
        'content-disposition': `attachment; filename="${encodeURIComponent(file.name)}"`,
      })
      .end(file.bytes);
  }

  // ---- queries --------------------------------------------------------------------------------

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The DM channel id the fake uses for a user (conversations.open returns the same). */
  dmOf(userId: string): string {
    return `D${userId}`;
  }

  messagesIn(channel: string): FakeMessage[] {
    return this.conversations.get(channel) ?? [];
  }

  /** Messages in the DM with `userId` whose outbox key (metadata) starts with `prefix`. */
  dmsWithKey(userId: string, prefix = ''): FakeMessage[] {
    return this.messagesIn(this.dmOf(userId)).filter((m) =>
      String(m.metadata?.event_payload.key ?? '').startsWith(prefix),
    );
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Slack's ts: seconds.microseconds of the wall clock, strictly increasing. */
  private nextTs(): string {
    this.seq += 1;
    this.lastTsMicros = Math.max(this.lastTsMicros + 1, Date.now() * 1000);
    return `${Math.floor(this.lastTsMicros / 1e6)}.${String(this.lastTsMicros % 1e6).padStart(6, '0')}`;
  }

  private channelFor(channel: string): string {
    return /^[UW]/.test(channel) ? this.dmOf(channel) : channel;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '').split('?')[0]!;
    if (path.startsWith('/files-pri/')) return this.download(path, req, res);
    if (path.startsWith('/upload/')) {
      // The Web API client posts the file as multipart/form-data, as Slack's upload URL accepts it.
      const data = multipartFile(raw, String(req.headers['content-type'] ?? '')) ?? raw;
      this.uploads.push({ fileId: path.slice('/upload/'.length), bytes: raw.length, data });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      return;
    }
    if (path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, any>;
      const refused = this.refuse('response_url', body.blocks ? slackMessageProblems(body) : []);
      if (refused) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(refused));
        return;
      }
      this.responses.push({ id, body });
      this.onResponse?.(id);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (!path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    const args = parseBody(raw.toString('utf8'), String(req.headers['content-type'] ?? ''));
    this.calls.push({ method, args, at: Date.now() });
    if (this.scopes) res.setHeader('x-oauth-scopes', this.scopes.join(','));

    if (this.hangs.some((h) => h.method === method && h.when(args))) {
      this.hungResponses.push(res); // read, never answered
      return;
    }
    const o = this.outage;
    if (o && performance.now() < o.until && (!o.methods || o.methods.has(method))) {
      res.writeHead(o.status, { 'content-type': 'text/html' }).end('<html>Service Unavailable</html>');
      return;
    }

    const rl = this.rateLimits.get(method);
    if (rl && rl.times > 0) {
      rl.times -= 1;
      return this.answer429(res, method, rl.retryAfterSec);
    }
    if (this.limiter && this.limiter.method === method) {
      const l = this.limiter;
      const now = performance.now();
      l.tokens = Math.min(l.burst, l.tokens + ((now - l.last) / 1000) * l.ratePerSec);
      l.last = now;
      if (l.tokens < 1) return this.answer429(res, method, l.retryAfterSec);
      l.tokens -= 1;
    }
    const httpFailure = this.httpFailures.get(method);
    if (httpFailure && httpFailure.times > 0) {
      httpFailure.times -= 1;
      res.writeHead(httpFailure.status, { 'content-type': 'text/html' }).end('<html>upstream error</html>');
      return;
    }
    if (this.channelLimiter && method === 'chat.postMessage' && args.channel) {
      const c = this.channelLimiter;
      const channel = this.channelFor(String(args.channel));
      const now = performance.now();
      const b = c.buckets.get(channel) ?? { tokens: c.burst, last: now };
      b.tokens = Math.min(c.burst, b.tokens + ((now - b.last) / 1000) * c.ratePerSec);
      b.last = now;
      c.buckets.set(channel, b);
      if (b.tokens < 1) return this.answer429(res, method, 1);
      b.tokens -= 1;
    }
    const failure = this.failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: failure.error }));
      return;
    }
    const handler = this.handlers[method];
    const body = handler ? handler(args) : { ok: false, error: 'unknown_method' };
    const drop = this.drops.get(method) ?? 0;
    if (drop > 0) {
      // The work is done (the message exists) but the client never hears back.
      this.drops.set(method, drop - 1);
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private answer429(res: ServerResponse, method: string, retryAfterSec: number): void {
    this.rateLimited.set(method, (this.rateLimited.get(method) ?? 0) + 1);
    res
      .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfterSec) })
      .end('{"ok":false,"error":"ratelimited"}');
  }

  private post(channelArg: string, m: Omit<FakeMessage, 'channel' | 'ts'>): FakeMessage {
    const channel = this.channelFor(channelArg);
    const msg: FakeMessage = { channel, ts: this.nextTs(), ...m };
    const list = this.conversations.get(channel) ?? [];
    list.push(msg);
    this.conversations.set(channel, list);
    return msg;
  }

  /** Payloads refused the way Slack refuses them (see platform-limits.ts), with why. */
  readonly refused: { method: string; problems: string[] }[] = [];

  /** Slack's answer to a message or view that breaks a Block Kit limit, or null when it is fine. */
  private refuse(method: string, problems: string[]): Record<string, unknown> | null {
    if (!problems.length) return null;
    this.refused.push({ method, problems });
    const tooLong = problems.some((p) => p.startsWith('msg_blocks_too_long'));
    return {
      ok: false,
      error: tooLong ? 'msg_blocks_too_long' : 'invalid_blocks',
      response_metadata: { messages: problems },
    };
  }

  private handlers: Record<string, Handler> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://fake.slack.com/',
      team: 'Fake',
      user: 'dandang',
      team_id: 'T1',
      user_id: 'UBOT',
      bot_id: 'BBOT',
    }),
    'apps.connections.open': () => ({ ok: true, url: `${this.url.replace('http', 'ws')}/socket` }),
    'chat.postMessage': (a) => {
      if (!a.channel) return { ok: false, error: 'channel_not_found' };
      const refused = this.refuse('chat.postMessage', slackMessageProblems(a));
      if (refused) return refused;
      const msg = this.post(a.channel, {
        text: a.text ?? '',
        blocks: a.blocks,
        metadata: a.metadata,
        thread_ts: a.thread_ts,
      });
      return { ok: true, channel: msg.channel, ts: msg.ts, message: { text: msg.text, ts: msg.ts } };
    },
    'chat.update': (a) => {
      const msg = this.messagesIn(a.channel).find((m) => m.ts === a.ts);
      if (!msg) return { ok: false, error: 'message_not_found' };
      const refused = this.refuse('chat.update', slackMessageProblems(a));
      if (refused) return refused;
      msg.text = a.text ?? msg.text;
      msg.blocks = a.blocks ?? msg.blocks;
      return { ok: true, channel: a.channel, ts: a.ts };
    },
    'chat.postEphemeral': (a) =>
      this.refuse('chat.postEphemeral', slackMessageProblems(a)) ?? { ok: true, message_ts: this.nextTs() },
    'views.open': (a) =>
      this.refuse('views.open', slackModalProblems(a.view ?? {})) ?? {
        ok: true,
        view: { ...a.view, id: `V${++this.seq}` },
      },
    'views.push': (a) =>
      this.refuse('views.push', slackModalProblems(a.view ?? {})) ?? {
        ok: true,
        view: { ...a.view, id: `V${++this.seq}` },
      },
    'views.update': (a) =>
      this.refuse('views.update', slackModalProblems(a.view ?? {})) ?? {
        ok: true,
        view: { ...a.view, id: a.view_id ?? `V${++this.seq}` },
      },
    'views.publish': (a) =>
      this.refuse('views.publish', slackHomeProblems(a.view ?? {})) ?? {
        ok: true,
        view: { ...a.view, id: `V${++this.seq}` },
      },
    'conversations.open': (a) => ({ ok: true, channel: { id: this.dmOf(String(a.users).split(',')[0]!) } }),
    'conversations.history': (a) => {
      const refused = this.refusal(a.channel);
      if (refused) return refused;
      // Top-level messages, newest first, from `oldest` on, in pages of `limit` (cursor = offset).
      const all = this.messagesIn(a.channel)
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .filter((m) => !a.oldest || Number(m.ts) > Number(a.oldest))
        .reverse();
      return this.page(all, a);
    },
    'conversations.replies': (a) => {
      const refused = this.refusal(a.channel);
      if (refused) return refused;
      // The parent first, then its replies oldest first (Slack's order), from `oldest` on.
      const thread = this.messagesIn(a.channel)
        .filter((m) => m.ts === a.ts || m.thread_ts === a.ts)
        .filter((m) => m.ts === a.ts || !a.oldest || Number(m.ts) > Number(a.oldest));
      return this.page(thread, a);
    },
    'users.lookupByEmail': (a) => {
      const id = this.users.get(String(a.email).toLowerCase());
      return id ? { ok: true, user: { id, profile: { email: a.email } } } : { ok: false, error: 'users_not_found' };
    },
    'files.info': (a) => {
      const f = this.userFiles.get(String(a.file ?? ''));
      return f ? { ok: true, file: this.fileObject(f) } : { ok: false, error: 'file_not_found' };
    },
    'files.getUploadURLExternal': (a) => {
      const fileId = `F${++this.seq}`;
      return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId, filename: a.filename };
    },
    'files.completeUploadExternal': (a) => {
      const files = (a.files as { id: string; title?: string }[]) ?? [];
      if (a.channel_id)
        this.post(a.channel_id, {
          text: '',
          thread_ts: a.thread_ts,
          files: files.map((f) => ({ id: f.id, name: f.title ?? f.id })),
        });
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
    },
  };

  private refusal(channel: string): Record<string, unknown> | null {
    const r = this.refusedLookups;
    if (!r || !r.when(channel)) return null;
    const needed = channel.startsWith('D')
      ? 'im:history'
      : channel.startsWith('G')
        ? 'groups:history'
        : 'channels:history';
    return { ok: false, error: r.error, needed, provided: 'chat:write,im:write' };
  }

  /** Slack's cursor paging: at most `limit` (default 100) per page, `next_cursor` while more remain. */
  private page(list: FakeMessage[], a: Record<string, any>): Record<string, unknown> {
    const limit = Math.min(this.maxPageSize, Number(a.limit ?? 100));
    const offset = a.cursor ? Number(Buffer.from(String(a.cursor), 'base64').toString('utf8')) : 0;
    const slice = list.slice(offset, offset + limit);
    const hasMore = offset + limit < list.length;
    return {
      ok: true,
      messages: slice.map((m) => this.view(m, a.include_all_metadata)),
      has_more: hasMore,
      response_metadata: { next_cursor: hasMore ? Buffer.from(String(offset + limit)).toString('base64') : '' },
    };
  }

  private view(m: FakeMessage, withMetadata: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = { type: 'message', ts: m.ts, text: m.text, user: 'UBOT', bot_id: 'BBOT' };
    if (m.thread_ts) out.thread_ts = m.thread_ts;
    if (m.metadata && (withMetadata === true || withMetadata === 'true')) out.metadata = m.metadata;
    return out;
  }
}

/** The bytes of the (first) file part of a multipart/form-data body, or null when it is not one. */
function multipartFile(raw: Buffer, contentType: string): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!contentType.startsWith('multipart/form-data') || !boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(at + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0 && /filename=/i.test(part.subarray(0, headerEnd).toString('latin1')))
      return Buffer.from(part.subarray(headerEnd + 4));
    at = next;
  }
  return null;
}

/** The Web API client sends form-encoded bodies with nested values as JSON strings. */
function parseBody(text: string, contentType: string): Record<string, any> {
  if (!text) return {};
  if (contentType.includes('application/json')) return JSON.parse(text) as Record<string, any>;
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    out[k] = /^[[{]/.test(v) ? tryJson(v) : v === 'true' ? true : v === 'false' ? false : v;
  }
  return out;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export async function startFakeSlack(): Promise<FakeSlack> {
  return new FakeSlack().start();
}
