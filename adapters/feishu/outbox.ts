/**
 * Delivers the outbox's Feishu rows through the generic paced sender (src/delivery/sender.ts), at
 * Feishu's limits: 50/s and 1,000/min per app, 5/s per user or chat by default, tunable under
 * `delivery.feishu` in dandang.yml. Every send carries `uuid` = a hash of the outbox key, so when a
 * crash or a timeout leaves a row 'sending' and it is sent again within the hour, Feishu itself
 * drops the duplicate. Later than that, ./reconcile.ts looks for the message in the chat first.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../../src/ports/logger.js';
import type * as lark from '@larksuiteoapi/node-sdk';
import {
  startOutboxSender,
  type DeliveryOutcome,
  type OutboxSender,
  type OutboxSenderOptions,
  type PacingPolicy,
} from '../../src/delivery/sender.js';
import type { OutboxRow, UploadPayload } from '../../src/ports/outbox-queue.js';
import { parseFileConfig } from '../../src/config-yaml.js';
import type { FeishuDeliveryConfig } from '../../src/config-delivery.js';
import type { Store } from '../../src/ports/store.js';
import { deliveryPolicy, type DeliveryContext } from '../delivery-policy.js';
import { makeFeishuLookup, markCard } from './reconcile.js';
import { renderImageCard } from './render/image-card.js';
import { fileBytes } from '../reports/materialize.js';
import type { Message } from '../../src/ui/model.js';
import { translator } from '../../src/ui/i18n/index.js';
import { renderMessageCards, type Card } from './render/card.js';
import type { T } from '../../src/ui/i18n/index.js';
import { mentionLookup } from './people.js';
import type { FileStore } from '../../src/ports/files.js';
import { MissingFileError, uploadParts } from '../files/materialize.js';

/** Feishu's im/v1/files takes at most 30 MB a file; a bigger dossier goes in parts. */
export const FEISHU_FILE_MAX_BYTES = 30 * 1024 * 1024;

/** Bursts are one second's worth (at least 1), and the minute bucket never bursts past the minute's allowance. */
export function feishuPacing(cfg: FeishuDeliveryConfig): PacingPolicy {
  const perSecondBurst = Math.max(1, Math.floor(cfg.perSecond));
  return {
    global: [
      { ratePerSec: cfg.perSecond, burst: perSecondBurst },
      { ratePerSec: cfg.perMinute / 60, burst: Math.max(1, Math.min(perSecondBurst, Math.floor(cfg.perMinute))) },
    ],
    perChannel: { ratePerSec: cfg.perChatPerSecond, burst: Math.max(1, Math.floor(cfg.perChatPerSecond)) },
  };
}

/** The pacing with no `delivery` section: 50/s (burst 50), 1,000/min (burst 50), 5/s per chat (burst 5). */
export const FEISHU_PACING: PacingPolicy = feishuPacing(parseFileConfig('').delivery.feishu);

/** Feishu's "too many requests" business code, sent with HTTP 429 or 400. */
export const FEISHU_RATE_LIMITED = 99991400;

/** uuid for message create/reply: at most 50 characters, stable for one outbox key. */
export const uuidFor = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/**
 * A message rendered as several cards (see renderMessageCards) is stored as every card's
 * message_id, comma-separated; the first is the message (threads hang off it).
 */
export const messageIds = (ref: string): string[] => ref.split(',');
export const firstMessageId = (ref: string): string => messageIds(ref)[0]!;
/** The outbox key of card `n` (0-based) of the message sent under `key`: its uuid and marker. */
export const pageKey = (key: string, n: number) => (n === 0 ? key : `${key}#p${n + 1}`);

/** Feishu's answer to an edit of a card sent more than 14 days ago. */
export const FEISHU_CARD_EXPIRED = 230031;
const expired = (o: DeliveryOutcome) =>
  o.kind === 'permanent' && new RegExp(`\\b${FEISHU_CARD_EXPIRED}\\b`).test(o.error);

/** Chats have `oc_` ids; everything else we address is a person's open_id. */
const isGroup = (address: string) => address.startsWith('oc_');
const receiveIdType = (address: string) => (isGroup(address) ? 'chat_id' : 'open_id');

interface ApiAnswer {
  code?: number;
  msg?: string;
  data?: { message_id?: string; file_key?: string; chat_id?: string };
}

export interface FeishuDeliveryDeps {
  client: lark.Client;
  store: Store;
  /** The latest message delivered to an address (finds a DM's chat for a lookup). */
  lastSentRef(address: string): string | null;
  /** Told once when a lost send cannot be looked for (so it is sent again and may arrive twice). */
  onLookupImpossible?: (why: string) => void;
  /** Where the stored files an upload names are read from (evidence files, the dossier's). */
  files?: FileStore;
}

export function makeFeishuDeliver(deps: FeishuDeliveryDeps) {
  const { client, store } = deps;
  const mentions = mentionLookup(store);
  const lookup = makeFeishuLookup({ client, lastSentRef: deps.lastSentRef });
  const toldImpossible = new Set<string>();

  /**
   * A row that may be in Feishu already and is past the uuid's hour: found (its ref), or a reason
   * to wait (a transient outcome), or null to send it (not there, or we cannot tell).
   */
  async function alreadyDelivered(row: OutboxRow): Promise<DeliveryOutcome | null> {
    if (!lookup.needsLookup(row, Date.now())) return null;
    try {
      const r = await lookup.find(row);
      if ('found' in r) return r.found ? { kind: 'sent', ref: r.found } : null;
      tellImpossible(r.unknown);
      return null;
    } catch (err) {
      const outcome = outcomeOfError(err);
      if (outcome.kind !== 'permanent') return outcome;
      tellImpossible(outcome.error); // e.g. no permission to read history: sending again is the safe side
      return null;
    }
  }

  function tellImpossible(why: string): void {
    const kind = why.replace(/[0-9]+/g, '#');
    if (toldImpossible.has(kind)) return;
    toldImpossible.add(kind);
    deps.onLookupImpossible?.(why);
  }

  async function send(row: OutboxRow, msgType: string, content: string, key = row.key): Promise<ApiAnswer> {
    const uuid = uuidFor(key);
    if (row.threadRef) {
      return client.im.v1.message.reply({
        path: { message_id: firstMessageId(row.threadRef) },
        data: { msg_type: msgType, content, uuid, reply_in_thread: true },
      });
    }
    return client.im.v1.message.create({
      params: { receive_id_type: receiveIdType(row.address) },
      data: { receive_id: row.address, msg_type: msgType, content, uuid },
    });
  }

  async function sendAndLearn(
    row: OutboxRow,
    msgType: string,
    content: string,
    key = row.key,
  ): Promise<DeliveryOutcome> {
    const res = await send(row, msgType, content, key);
    lookup.learnChat(row.address, res.data?.chat_id);
    return outcomeOf(res, (d) => d?.message_id);
  }

  /** Card `n` of a row: looked for first when an earlier attempt may have sent it, else sent. */
  async function sendPage(row: OutboxRow, card: Card, key: string, fresh = false): Promise<DeliveryOutcome> {
    const page = { ...row, key };
    if (row.op === 'post' || fresh) {
      const earlier = await alreadyDelivered(page);
      if (earlier) return earlier;
    }
    return sendAndLearn(page, 'interactive', JSON.stringify(markCard(card, key)), key);
  }

  /** A message is one card or several (its pages); the ref lists every card's message_id. */
  async function post(row: OutboxRow, t: T): Promise<DeliveryOutcome> {
    const cards = renderMessageCards(row.payload as Message, { t, mentions, shared: isGroup(row.address) });
    const ids: string[] = [];
    for (const [n, card] of cards.entries()) {
      const outcome = await sendPage(row, card, pageKey(row.key, n));
      if (outcome.kind !== 'sent') return outcome;
      ids.push(outcome.ref);
    }
    return { kind: 'sent', ref: ids.join(',') };
  }

  /**
   * Patches a message in place, card by card. A message that grew gets more cards (sent after it;
   * the target's ref then lists them); cards it no longer needs say so instead of repeating.
   */
  async function update(row: OutboxRow, t: T): Promise<DeliveryOutcome> {
    if (!row.targetRef) return { kind: 'permanent', error: `the message ${row.targetKey ?? ''} was never delivered` };
    if (row.renew) return renew(row, t);
    const deps = { t, mentions, shared: isGroup(row.address) };
    const cards = renderMessageCards(row.payload as Message, deps);
    const ids = messageIds(row.targetRef);
    for (const [n, card] of cards.entries()) {
      const id = ids[n];
      const key = pageKey(row.targetKey ?? row.key, n);
      const outcome = id ? await patch(id, markCard(card, key)) : await sendPage(row, card, key);
      // Cards older than 14 days cannot be edited: the new content goes out as fresh cards.
      if (id && expired(outcome)) return renew(row, t);
      if (outcome.kind !== 'sent') return outcome;
      if (!id) ids.push(outcome.ref);
    }
    const unused = renderMessageCards(
      { text: t('feishu.pageUnused'), blocks: [{ type: 'context', text: t('feishu.pageUnused') }] },
      deps,
    )[0]!;
    for (const [n, id] of ids.entries()) {
      if (n < cards.length) continue;
      const outcome = await patch(id, markCard(unused, pageKey(row.targetKey ?? row.key, n)));
      if (outcome.kind !== 'sent') return outcome;
    }
    const ref = ids.join(',');
    return ref === row.targetRef ? { kind: 'sent', ref } : { kind: 'sent', ref, retarget: ref };
  }

  async function patch(id: string, card: Card): Promise<DeliveryOutcome> {
    try {
      const res = await client.im.v1.message.patch({
        path: { message_id: id },
        data: { content: JSON.stringify(card) },
      });
      return outcomeOf(res, () => id);
    } catch (err) {
      return outcomeOfError(err);
    }
  }

  /**
   * The message again as fresh cards (Feishu cards stop answering and cannot be edited 14 days
   * after they are sent): a renewal of a message people act on for weeks, or an edit of cards
   * already too old. The old cards then say where it went; later edits and thread replies follow
   * it (`retarget`), and its age starts again (`fresh`).
   */
  async function renew(row: OutboxRow, t: T): Promise<DeliveryOutcome> {
    const deps = { t, mentions, shared: isGroup(row.address) };
    const ids: string[] = [];
    for (const [n, card] of renderMessageCards(row.payload as Message, deps).entries()) {
      const outcome = await sendPage(row, card, pageKey(row.key, n), true);
      if (outcome.kind !== 'sent') return outcome;
      ids.push(outcome.ref);
    }
    const moved = renderMessageCards(
      { text: t('feishu.cardMoved'), blocks: [{ type: 'context', text: t('feishu.cardMoved') }] },
      deps,
    )[0]!;
    for (const [n, id] of messageIds(row.targetRef ?? '').entries()) {
      if (!id) continue;
      const outcome = await patch(id, markCard(moved, pageKey(row.targetKey ?? row.key, n)));
      // Sent again on a retry (the uuid makes the fresh cards' resend a no-op); a card already too
      // old to edit, or gone, keeps what it said.
      if (outcome.kind === 'rateLimited' || outcome.kind === 'transient') return outcome;
    }
    const ref = ids.join(',');
    return { kind: 'sent', ref, retarget: ref, fresh: true };
  }

  /** A file, or a dossier in parts that each fit Feishu's limit (one file message per part). */
  async function upload(row: OutboxRow): Promise<DeliveryOutcome> {
    const file = row.payload as UploadPayload;
    if ((file.blob || file.archive) && !deps.files)
      return { kind: 'permanent', error: 'no file store configured to read the stored files of this upload' };
    let parts;
    try {
      parts = await uploadParts(file, deps.files!, FEISHU_FILE_MAX_BYTES);
    } catch (err) {
      if (err instanceof MissingFileError) return { kind: 'permanent', error: err.message };
      throw err;
    }
    const ids: string[] = [];
    for (const [n, part] of parts.entries()) {
      const uploaded = await client.im.v1.file.create({
        data: { file_type: 'stream', file_name: part.filename, file: Buffer.from(part.bytes) },
      });
      const fileKey = uploaded?.file_key;
      if (!fileKey) return { kind: 'transient', error: 'file upload returned no file_key', maybeDelivered: false };
      const outcome = await sendAndLearn(row, 'file', JSON.stringify({ file_key: fileKey }), pageKey(row.key, n));
      if (outcome.kind !== 'sent') return outcome;
      ids.push(outcome.ref);
    }
    return { kind: 'sent', ref: ids.join(',') };
  }

  async function deliverRow(row: OutboxRow): Promise<DeliveryOutcome> {
    const t = translator(row.locale);
    if (row.op === 'upload') {
      const earlier = await alreadyDelivered(row);
      if (earlier) return earlier;
    }
    switch (row.op) {
      case 'post':
        return post(row, t);
      case 'update':
        return update(row, t);
      case 'upload': {
        const payload = row.payload as UploadPayload;
        if (!payload.body) return upload(row);
        const file = await fileBytes(payload);
        if (file.isImage) {
          // A chart: an image card, the picture with its summary under it (marked for reconciling).
          const image = await client.im.v1.image.create({ data: { image_type: 'message', image: file.bytes } });
          const imageKey = image?.image_key;
          if (!imageKey)
            return { kind: 'transient', error: 'image upload returned no image_key', maybeDelivered: false };
          const card = markCard(renderImageCard({ title: file.title, imageKey, summary: file.comment }), row.key);
          return sendAndLearn(row, 'interactive', JSON.stringify(card));
        }
        const uploaded = await client.im.v1.file.create({
          data: { file_type: 'stream', file_name: file.filename, file: file.bytes },
        });
        const fileKey = uploaded?.file_key;
        if (!fileKey) return { kind: 'transient', error: 'file upload returned no file_key', maybeDelivered: false };
        return sendAndLearn(row, 'file', JSON.stringify({ file_key: fileKey }));
      }
    }
  }

  return async (row: OutboxRow): Promise<DeliveryOutcome> => {
    try {
      return await deliverRow(row);
    } catch (err) {
      return outcomeOfError(err);
    }
  };
}

function outcomeOf(res: ApiAnswer, ref: (data: ApiAnswer['data']) => string | undefined): DeliveryOutcome {
  if (res.code === FEISHU_RATE_LIMITED) return { kind: 'rateLimited', retryAfterMs: 1000 };
  if (res.code !== 0) return { kind: 'permanent', error: `feishu ${res.code}: ${res.msg ?? ''}` };
  const r = ref(res.data);
  return r
    ? { kind: 'sent', ref: r }
    : { kind: 'transient', error: 'no message_id in the answer', maybeDelivered: true };
}

/** The SDK throws axios errors for non-2xx answers; Feishu puts its own code in the body. */
export function outcomeOfError(err: unknown): DeliveryOutcome {
  const e = err as {
    response?: {
      status?: number;
      data?: { code?: number; msg?: string };
      headers?: Record<string, string | undefined>;
    };
    message?: string;
  };
  const status = e.response?.status;
  const code = e.response?.data?.code;
  if (status === 429 || code === FEISHU_RATE_LIMITED) {
    // Feishu's gateway says when the window resets; Retry-After is the generic spelling.
    const h = e.response?.headers ?? {};
    const seconds = Number(h['x-ogw-ratelimit-reset'] ?? h['retry-after'] ?? 1);
    return { kind: 'rateLimited', retryAfterMs: Math.max(200, (Number.isFinite(seconds) ? seconds : 1) * 1000) };
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408) {
    return { kind: 'permanent', error: `feishu HTTP ${status} ${code ?? ''} ${e.response?.data?.msg ?? ''}`.trim() };
  }
  // 5xx, timeouts, dropped connections: the message may have gone out; the uuid makes a resend safe.
  return { kind: 'transient', error: e.message ?? String(err), maybeDelivered: true };
}

export function startFeishuSender(opts: {
  client: lark.Client;
  ctx: DeliveryContext;
  pollMs?: number;
  pacing?: PacingPolicy;
  sender?: Pick<OutboxSenderOptions, 'backoffMs' | 'maxInFlight' | 'onOutcome'>;
  log: Logger;
}): OutboxSender {
  const { ctx } = opts;
  return startOutboxSender({
    platform: 'feishu',
    queue: ctx.queue,
    clock: ctx.clock,
    deliver: makeFeishuDeliver({
      client: opts.client,
      store: ctx.store,
      files: ctx.files,
      lastSentRef: (address) => ctx.queue.lastSentRef('feishu', address),
      onLookupImpossible: (why) =>
        opts.log.warn(
          `a message whose delivery is uncertain for over an hour could not be looked for (${why}); it is sent again and may arrive twice. Reading history needs the im:message scope (see the README's Feishu setup).`,
        ),
    }),
    pacing: opts.pacing ?? FEISHU_PACING,
    pollMs: opts.pollMs,
    ...deliveryPolicy(ctx, 'feishu'),
    onOutcome: (row, outcome) => {
      if (outcome.kind === 'permanent')
        opts.log.warn({ outboxKey: row.key, error: outcome.error }, 'outbox row failed');
    },
    ...opts.sender,
  });
}
