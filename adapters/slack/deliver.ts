/**
 * Delivers one Slack outbox row for the shared sender (src/delivery/sender.ts) and classifies the
 * result. Every post carries `metadata.event_payload.key` = the row's idempotency key, so a row
 * left 'sending' by a crash is first looked up in the conversation: if Slack has it, we record its
 * ts instead of posting again.
 */
import type { WebClient } from '@slack/web-api';
import type { OutboxRow, UploadPayload } from '../../src/ports/outbox-queue.js';
import { fileBytes } from '../reports/materialize.js';
import { escapeSlack } from './render/markup.js';
import type { FileStore } from '../../src/ports/files.js';
import { MissingFileError, uploadBytes } from '../files/materialize.js';
import type { DeliveryOutcome } from '../../src/delivery/sender.js';
import type { Message } from '../../src/ui/model.js';
import { translator } from '../../src/ui/i18n/index.js';
import { renderMessagePages, type SlackMessage, type SlackRenderCtx } from './render/message.js';
import type { ResolveMention } from './render/markup.js';

export const OUTBOX_EVENT_TYPE = 'dandang_outbox';

/** Errors that will not go away by retrying the same call. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'user_not_found',
  'users_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'msg_too_long',
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_metadata_format',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'restricted_action',
  'ekm_access_denied',
  'invalid_arguments',
  'team_access_not_granted',
  'target_not_delivered',
]);

/**
 * A Slack message ref as stored in outbox.sent_ref: `C123:1700000000.000100`, or for a message
 * rendered as several Slack messages (see renderMessagePages), every page's ts:
 * `C123:1700000000.000100,1700000000.000200`. `ts` is the first page (threads hang off it).
 */
export const formatRef = (channel: string, ts: string | string[]) =>
  `${channel}:${Array.isArray(ts) ? ts.join(',') : ts}`;
export function parseRef(ref: string): { channel: string; ts: string; pages: string[] } | null {
  const i = ref.indexOf(':');
  if (i <= 0) return null;
  const pages = ref.slice(i + 1).split(',');
  return { channel: ref.slice(0, i), ts: pages[0]!, pages };
}

/** The idempotency key in the metadata of page `n` (0-based) of the message sent under `key`. */
export const pageKey = (key: string, n: number) => (n === 0 ? key : `${key}#p${n + 1}`);

const isUserId = (address: string) => /^[UW][A-Z0-9]+$/.test(address);

export function classifySlackError(err: unknown): DeliveryOutcome {
  const e = err as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rateLimited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return { kind: 'rateLimited', retryAfterMs: 1000 };
      if (PERMANENT.has(code)) return { kind: 'permanent', error: code };
      // internal_error, fatal_error, service_unavailable, request_timeout: Slack may have posted it.
      return { kind: 'transient', error: code, maybeDelivered: true };
    }
    case 'slack_webapi_http_error':
      return { kind: 'transient', error: `http_${e.statusCode ?? '?'}`, maybeDelivered: (e.statusCode ?? 500) >= 500 };
    default:
      // A dropped connection or timeout: the request may have been processed.
      return { kind: 'transient', error: e.message ?? String(err), maybeDelivered: true };
  }
}

export interface SlackDeliveryDeps {
  client: WebClient;
  resolveMention: ResolveMention;
  /** Messages per page when paging through a conversation to reconcile a possibly delivered row. */
  pageSize?: number;
  /** Told once per kind of conversation whose history we may not read (see the fallback below). */
  onLookupRefused?: (kind: ConversationKind, error: string) => void;
  /** Where the stored files an upload names are read from (evidence files, the dossier's). */
  files?: FileStore;
}

/** What a channel id says about which *:history scope reading it needs. */
export type ConversationKind = 'DM' | 'group DM or private channel' | 'channel';
export const conversationKind = (channel: string): ConversationKind =>
  channel.startsWith('D') ? 'DM' : channel.startsWith('G') ? 'group DM or private channel' : 'channel';

/** Slack and our clock may disagree a little; look this far before the first attempt. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Rows claimed before sending_since existed have no start: read at most this many pages. */
const PAGES_WITHOUT_START = 10;
/** Errors that mean "this token may not read that conversation", which waiting will not fix. */
const LOOKUP_REFUSED = new Set(['missing_scope', 'not_allowed_token_type', 'not_in_channel', 'channel_not_found']);

/** Slack's `ts` for a wall-clock time in ms. */
const tsOf = (ms: number) => (ms / 1000).toFixed(6);

export function makeSlackDeliver(deps: SlackDeliveryDeps): (row: OutboxRow) => Promise<DeliveryOutcome> {
  const { client } = deps;
  const pageSize = deps.pageSize ?? 200;
  const dmChannels = new Map<string, string>();
  /** Rows are rendered at send time, in the recipient's locale. */
  const renderCtx = (row: OutboxRow): SlackRenderCtx => ({
    resolveMention: deps.resolveMention,
    t: translator(row.locale),
  });
  const refusedKinds = new Set<ConversationKind>();

  /** DMs are posted with channel = user id; history and uploads need the D… channel id. */
  async function conversationId(address: string): Promise<string> {
    if (!isUserId(address)) return address;
    const known = dmChannels.get(address);
    if (known) return known;
    const res = await client.conversations.open({ users: address });
    const id = res.channel?.id;
    if (!id) throw new Error(`conversations.open gave no channel for ${address}`);
    dmChannels.set(address, id);
    return id;
  }

  const isOurs = (m: { metadata?: unknown }, key: string) => {
    const meta = m.metadata as { event_type?: string; event_payload?: { key?: string } } | undefined;
    return meta?.event_type === OUTBOX_EVENT_TYPE && meta.event_payload?.key === key;
  };

  /**
   * Finds a message we already posted for `key` (it carries the key in its metadata), paging
   * through the conversation (or the thread) from just before the first attempt, however busy it is.
   */
  async function findDelivered(row: OutboxRow, key = row.key, inChannel?: string): Promise<string | null> {
    const channel = inChannel ?? (await conversationId(row.address));
    const thread = row.threadRef ? parseRef(row.threadRef) : null;
    const oldest = row.sendingSince !== null ? tsOf(row.sendingSince - CLOCK_SKEW_MS) : undefined;
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      if (oldest === undefined && page >= PAGES_WITHOUT_START) return null;
      const common = { channel, limit: pageSize, include_all_metadata: true, cursor, ...(oldest ? { oldest } : {}) };
      const res = thread
        ? await client.conversations.replies({ ...common, ts: thread.ts })
        : await client.conversations.history(common);
      for (const m of res.messages ?? []) if (m.ts && isOurs(m, key)) return formatRef(channel, m.ts);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) return null;
    }
  }

  /**
   * Looks for page `n` of a row that may have been delivered. Null when it was not found, or when
   * this conversation's history may not be read (then it is sent again: twice, never zero times).
   */
  async function reconcile(row: OutboxRow, key: string, channel?: string): Promise<string | DeliveryOutcome | null> {
    try {
      return await findDelivered(row, key, channel);
    } catch (err) {
      // Rate limits and network trouble: try the whole row later.
      const outcome = classifySlackError(err);
      const code = (err as { data?: { error?: string } }).data?.error ?? '';
      if (outcome.kind !== 'permanent' && !LOOKUP_REFUSED.has(code)) return outcome;
      // We may not read this conversation (no *:history scope, or a bot token refused on a
      // channel thread). Waiting will not fix that, and not sending could lose the message, so
      // it is sent again: it may arrive twice, never zero times. Said once per kind of conversation.
      const kind = conversationKind(await conversationId(row.address).catch(() => row.address));
      if (!refusedKinds.has(kind)) {
        refusedKinds.add(kind);
        deps.onLookupRefused?.(kind, code || (outcome.kind === 'permanent' ? outcome.error : 'refused'));
      }
      return null;
    }
  }

  /** Posts one page (metadata carries its key, for reconciling) and returns its ref. */
  async function postPage(channel: string, page: SlackMessage, key: string, threadTs?: string) {
    const res = await client.chat.postMessage({
      channel,
      text: page.text,
      blocks: page.blocks as never,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key } },
      unfurl_links: false,
    });
    return res.channel && res.ts ? { channel: res.channel, ts: res.ts } : null;
  }

  /** A long message is posted as several Slack messages (pages), in order; the ref lists them all. */
  async function post(row: OutboxRow): Promise<DeliveryOutcome> {
    const pages = renderMessagePages(row.payload as Message, renderCtx(row));
    const thread = row.threadRef ? parseRef(row.threadRef) : null;
    let channel: string | undefined;
    const sent: string[] = [];
    for (const [n, page] of pages.entries()) {
      const key = pageKey(row.key, n);
      if (row.status === 'sending') {
        const found = await reconcile(row, key, channel);
        if (found && typeof found === 'object') return found;
        if (found) {
          const ref = parseRef(found)!;
          channel = ref.channel;
          sent.push(ref.ts);
          continue;
        }
      }
      const res = await postPage(channel ?? row.address, page, key, thread?.ts);
      if (!res) return { kind: 'transient', error: 'chat.postMessage returned no ts', maybeDelivered: true };
      channel = res.channel;
      sent.push(res.ts);
    }
    return { kind: 'sent', ref: formatRef(channel!, sent) };
  }

  /**
   * Edits a message in place, page by page. A message that grew gets more pages (posted after it,
   * and the target's ref then lists them); pages it no longer needs say so instead of repeating.
   */
  async function update(row: OutboxRow): Promise<DeliveryOutcome> {
    const target = row.targetRef ? parseRef(row.targetRef) : null;
    // The original post failed permanently: there is nothing to edit.
    if (!target) return { kind: 'permanent', error: 'target_not_delivered' };
    const ctx = renderCtx(row);
    const pages = renderMessagePages(row.payload as Message, ctx);
    const all = [...target.pages];
    for (const [n, page] of pages.entries()) {
      const ts = all[n];
      // chat.update is idempotent, so a possibly delivered update is simply sent again.
      if (ts) {
        await client.chat.update({ channel: target.channel, ts, text: page.text, blocks: page.blocks as never });
        continue;
      }
      const key = pageKey(row.targetKey ?? row.key, n);
      const found = row.status === 'sending' ? await reconcile(row, key, target.channel) : null;
      if (found && typeof found === 'object') return found;
      if (found) {
        all.push(parseRef(found)!.ts);
        continue;
      }
      const res = await postPage(target.channel, page, key);
      if (!res) return { kind: 'transient', error: 'chat.postMessage returned no ts', maybeDelivered: true };
      all.push(res.ts);
    }
    const unused = renderMessagePages(
      { text: ctx.t('slack.pageUnused'), blocks: [{ type: 'context', text: ctx.t('slack.pageUnused') }] },
      ctx,
    )[0]!;
    for (const ts of all.slice(pages.length))
      await client.chat.update({ channel: target.channel, ts, text: unused.text, blocks: unused.blocks as never });
    const ref = formatRef(target.channel, all);
    return ref === row.targetRef ? { kind: 'sent', ref } : { kind: 'sent', ref, retarget: ref };
  }

  async function upload(row: OutboxRow): Promise<DeliveryOutcome> {
    const file = row.payload as UploadPayload;
    const channel = row.threadRef ? parseRef(row.threadRef)!.channel : await conversationId(row.address);
    const thread = row.threadRef ? parseRef(row.threadRef) : null;
    let body: { content: string } | { file: Buffer };
    let summary: { initial_comment?: string; alt_text?: string } = {};
    if (file.body) {
      // A chart or a workbook, made now (adapters/reports/materialize.ts).
      const made = await fileBytes(file);
      body = { file: made.bytes };
      // The chart's one-line summary: shown with the picture, read out by screen readers.
      // Plain text: escaped so a name in it can never become a mention or a link.
      if (made.comment)
        summary = { initial_comment: escapeSlack(made.comment), ...(made.isImage ? { alt_text: made.comment } : {}) };
    } else if (file.content !== undefined && !file.blob && !file.archive) body = { content: file.content };
    else if (!deps.files) return { kind: 'permanent', error: 'no file store to read the stored files of this upload' };
    else {
      try {
        body = { file: Buffer.from(await uploadBytes(file, deps.files)) };
      } catch (err) {
        if (err instanceof MissingFileError) return { kind: 'permanent', error: err.message };
        throw err;
      }
    }
    const res = (await client.files.uploadV2({
      channel_id: channel,
      ...(thread ? { thread_ts: thread.ts } : {}),
      filename: file.filename,
      title: file.title,
      ...body,
      ...summary,
    } as never)) as { files?: { files?: { id?: string }[] }[] };
    const id = res.files?.[0]?.files?.[0]?.id ?? 'uploaded';
    return { kind: 'sent', ref: formatRef(channel, id) };
  }

  return async (row) => {
    try {
      switch (row.op) {
        case 'post':
          return await post(row);
        case 'update':
          return await update(row);
        case 'upload':
          return await upload(row);
      }
    } catch (err) {
      return classifySlackError(err);
    }
  };
}
