/**
 * The checks the Lark SDK leaves to us. The SDK verifies the signature only when an encrypt key is
 * set, never checks the verification token, and lets a throwing handler escape (which crashes the
 * process under adaptDefault). So every delivery passes through here:
 *   1. decrypt (if encrypted) and read the envelope; the SDK then verifies the signature (HTTP);
 *   2. `header.token` must equal the configured verification token;
 *   3. the event must be recent, and not from the future (create_time, and on HTTP the
 *      X-Lark-Request-Timestamp header), within 5 minutes either way;
 *   4. `feishu:<event_id>` is recorded once; a replay is dropped;
 *   5. the handler runs inside a catch: a bug is logged and swallowed AFTER the event was recorded.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { retryWhileBusy, type Store } from '../../src/ports/store.js';
import type { Clock } from '../../src/ports/clock.js';
import { larkLogger, withLogContext } from '../logging.js';

/** Events further than this from now, either way, are refused (Feishu retries within minutes; replays come later). */
export const MAX_EVENT_AGE_MS = 5 * 60 * 1000;

export interface GuardOptions {
  verificationToken?: string;
  encryptKey?: string;
  store: Store;
  clock: Clock;
  log: (level: 'warn' | 'error', msg: string, err?: unknown) => void;
  /** The SDK's own logging (adapters/feishu/client.ts `sdkLogging`): scrubbed, through ours. */
  sdkLogging?: { loggerLevel: lark.LoggerLevel; logger: ReturnType<typeof larkLogger> };
}

/** The decrypted body as Feishu sent it (before the SDK flattens header and event). */
export interface Envelope {
  type?: string;
  token?: string;
  challenge?: string;
  schema?: string;
  header?: { event_id?: string; token?: string; create_time?: string; event_type?: string };
  uuid?: string;
  ts?: string;
  event?: unknown;
}

export type EnvelopeCheck = { ok: true; envelope: Envelope } | { ok: false; reason: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export function openEnvelope(data: unknown, encryptKey: string | undefined): Envelope | null {
  if (!isRecord(data)) return null;
  if (typeof data.encrypt === 'string') {
    if (!encryptKey) return null;
    try {
      return JSON.parse(new lark.AESCipher(encryptKey).decrypt(data.encrypt)) as Envelope;
    } catch {
      return null;
    }
  }
  return data as Envelope;
}

/** Token and freshness. `headerTimestamp` is the HTTP X-Lark-Request-Timestamp (seconds), if any. */
export function checkEnvelope(
  envelope: Envelope,
  opts: Pick<GuardOptions, 'verificationToken' | 'clock'>,
  headerTimestamp?: string,
): EnvelopeCheck {
  const token = envelope.header?.token ?? envelope.token;
  if (opts.verificationToken && token !== opts.verificationToken)
    return { ok: false, reason: 'verification token mismatch' };
  const now = opts.clock.now();
  const created = Number(envelope.header?.create_time ?? (envelope.ts ? Number(envelope.ts) * 1000 : NaN));
  // Either way: a time in the future would keep a captured request replayable until then.
  if (Number.isFinite(created) && Math.abs(now - created) > MAX_EVENT_AGE_MS)
    return { ok: false, reason: `event time ${Math.round((created - now) / 1000)} s from now` };
  if (headerTimestamp !== undefined) {
    const sent = Number(headerTimestamp) * 1000;
    if (!Number.isFinite(sent) || Math.abs(now - sent) > MAX_EVENT_AGE_MS)
      return { ok: false, reason: 'request timestamp too far from now' };
  }
  return { ok: true, envelope };
}

/**
 * An EventDispatcher that refuses foreign or stale deliveries before the SDK dispatches them, and
 * never throws. Used by both the long connection (WSClient) and the HTTP callback endpoints.
 */
export class GuardedDispatcher extends lark.EventDispatcher {
  constructor(private readonly guard: GuardOptions) {
    super({
      verificationToken: guard.verificationToken,
      encryptKey: guard.encryptKey,
      ...(guard.sdkLogging ?? { loggerLevel: lark.LoggerLevel.warn }),
    });
  }

  override async invoke(data: any, params?: { needCheck?: boolean }): Promise<any> {
    try {
      const envelope = openEnvelope(data, this.guard.encryptKey);
      if (!envelope) {
        this.guard.log('warn', 'refused an event that could not be decrypted or parsed');
        return undefined;
      }
      const headers = (data as { headers?: Record<string, string | undefined> }).headers;
      const check = checkEnvelope(envelope, this.guard, headers?.['x-lark-request-timestamp']);
      if (!check.ok) {
        this.guard.log('warn', `refused event ${envelope.header?.event_id ?? ''}: ${check.reason}`);
        return undefined;
      }
      return await super.invoke(data, params);
    } catch (err) {
      this.guard.log('error', 'event dispatch failed', err);
      return undefined;
    }
  }

  /** The SDK's own signature check (sha256 of timestamp + nonce + encrypt key + body). */
  signatureValid(data: unknown): boolean {
    return this.requestHandle?.checkIsEventValidated(data) ?? false;
  }
}

/**
 * Wraps an event handler: records `feishu:<event_id>` first (a replay returns `onDuplicate`), then
 * runs the handler; a throw is logged and answered with `onFailure()`.
 */
export function once<R>(
  guard: GuardOptions,
  name: string,
  handler: (data: any) => Promise<R>,
  fallbacks: { onDuplicate: () => R; onFailure: () => R },
): (data: any) => Promise<R> {
  return async (data: any) => {
    const eventId =
      isRecord(data) && typeof data.event_id === 'string'
        ? data.event_id
        : isRecord(data) && typeof data.uuid === 'string'
          ? data.uuid
          : null;
    if (!eventId) {
      guard.log('warn', `${name}: event without event_id ignored`);
      return fallbacks.onDuplicate();
    }
    let first: boolean;
    try {
      first = await retryWhileBusy(() => guard.store.tx((tx) => tx.markProcessed(`feishu:${eventId}`)));
    } catch (err) {
      guard.log('error', `${name}: could not record event ${eventId}`, err);
      return fallbacks.onFailure();
    }
    if (!first) return fallbacks.onDuplicate();
    try {
      return await withLogContext({ eventId }, () => handler(data));
    } catch (err) {
      guard.log('error', `${name}: handler failed for event ${eventId}`, err);
      return fallbacks.onFailure();
    }
  };
}
