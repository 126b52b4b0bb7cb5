/**
 * The Feishu/Lark adapter: long connection (WSClient, the default: no public URL needed) or HTTP
 * callbacks on the shared server, the guarded event dispatcher, and the paced outbox sender.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { AdapterContext, RunningAdapter } from '../context.js';
import { ConfigError } from '../../src/config-errors.js';
import { GuardedDispatcher, type GuardOptions } from './guard.js';
import { registerListeners } from './listeners/index.js';
import { makeFormSnapshots } from '../../db/repos/form-snapshots.js';
import { sendReply } from './replies.js';
import { feishuPacing, startFeishuSender } from './outbox.js';
import { mountFeishuHttp } from './http-mode.js';
import { resolveMissingOpenIds } from './resolve-ids.js';
import { feishuDomain, makeFeishuClient, sdkLogging } from './client.js';
import type { OutboxSenderOptions, PacingPolicy } from '../../src/delivery/sender.js';
import { wakeIfQueued } from '../wake.js';
import { callTimeoutMs } from '../delivery-policy.js';
import { FEISHU } from './render/limits.js';
import { DAY_MS } from '../../src/domain/dates.js';

/** What tests and the bench can reach beyond RunningAdapter. */
export interface FeishuAdapter extends RunningAdapter {
  /** Look for queued outbox rows now instead of at the next poll. */
  wakeSender(): void;
  /** Resolves once the long connection is up (immediately in HTTP mode). */
  ready: Promise<void>;
  /** Looks up people without a Feishu open_id by email now; returns how many were found. */
  resolveOpenIds(): Promise<number>;
  /** Queues the renewal of lasting cards close to Feishu's 14 days now (an hourly round); returns how many. */
  renewCards(): number;
}

export interface FeishuOptions {
  /** Outbox poll interval in ms (default 500). */
  pollMs?: number;
  /** Overrides `delivery.feishu` from dandang.yml (tests, bench). */
  pacing?: PacingPolicy;
  /** Sender knobs for tests and the bench. */
  sender?: Pick<OutboxSenderOptions, 'backoffMs' | 'maxInFlight' | 'onOutcome'>;
  /** Card callbacks slower than this answer "still working" (default 2.5 s; Feishu waits 3 s). */
  callbackDeadlineMs?: number;
}

/** People imported without a Feishu id are looked up by email this often. */
const RESOLVE_EVERY_MS = 60 * 60 * 1000;
/** Lasting cards near the end of their 14 days are looked for this often, this many at a time. */
const RENEW_EVERY_MS = 60 * 60 * 1000;
const RENEW_BATCH = 2000;

export async function startFeishu(ctx: AdapterContext, options: FeishuOptions = {}): Promise<FeishuAdapter> {
  const cfg = ctx.config.feishu;
  const logger = ctx.log.child({ platform: 'feishu' });
  // Errors from the SDK are axios errors carrying the whole request: the logger scrubs them.
  const log: GuardOptions['log'] = (level, msg, err) =>
    level === 'error' ? logger.error({ err }, msg) : logger.warn(msg);
  if (!cfg) throw new ConfigError('Set FEISHU_APP_ID and FEISHU_APP_SECRET to start the Feishu adapter.');
  if (cfg.mode === 'http' && !cfg.encryptKey && !cfg.allowInsecure) {
    throw new ConfigError(
      'FEISHU_MODE=http needs FEISHU_ENCRYPT_KEY (Events & Callbacks → Encryption Strategy) so callbacks are signed. Use the long connection (FEISHU_MODE=ws), or set FEISHU_ALLOW_INSECURE=1 only on a trusted network.',
    );
  }
  // The SDK's WSClient silently refuses other app ids and never connects.
  if (cfg.mode === 'ws' && !/^cli_[0-9a-fA-F]{16}$/.test(cfg.appId)) {
    throw new ConfigError(
      'FEISHU_APP_ID must look like cli_0123456789abcdef (Credentials & Basic Info in the Feishu developer console).',
    );
  }
  if (cfg.mode === 'http' && !cfg.verificationToken)
    log('warn', 'FEISHU_VERIFICATION_TOKEN is not set: callbacks are checked by signature only.');

  const client = makeFeishuClient(cfg, logger, { timeoutMs: callTimeoutMs(ctx.config) });
  const sender = startFeishuSender({
    log: logger,
    client,
    ctx,
    pollMs: options.pollMs,
    sender: options.sender,
    pacing: options.pacing ?? feishuPacing(ctx.config.file.delivery.feishu),
  });
  const guard: GuardOptions = {
    verificationToken: cfg.verificationToken,
    encryptKey: cfg.encryptKey,
    store: ctx.store,
    clock: ctx.clock,
    log,
    sdkLogging: sdkLogging(logger),
  };
  const dispatcher = new GuardedDispatcher(guard);
  registerListeners(dispatcher, guard, {
    store: ctx.store,
    router: ctx.router,
    settings: ctx.settings,
    forms: makeFormSnapshots(ctx.conn),
    fileIntake: {
      client,
      files: ctx.files,
      keyOfSentMessage: (address, messageId) => ctx.queue.keyOfSentMessage('feishu', address, messageId),
    },
    // Answer in the background so the event is acknowledged at once.
    send: async (target, content) => {
      void sendReply(client, target, content).catch((err: unknown) => log('error', 'could not send an answer', err));
    },
    onQueued: wakeIfQueued(ctx.conn, () => sender.wake()),
    log: logger,
    callbackDeadlineMs: options.callbackDeadlineMs,
  });

  let ws: lark.WSClient | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  if (cfg.mode === 'ws') {
    ws = new lark.WSClient({
      appId: cfg.appId,
      appSecret: cfg.appSecret,
      domain: feishuDomain(cfg.domain),
      ...sdkLogging(logger),
      onReady: () => markReady(),
      onError: (err: Error) => log('error', 'long connection gave up', err),
    });
    await ws.start({ eventDispatcher: dispatcher });
  } else {
    mountFeishuHttp(ctx.http, dispatcher, guard);
    markReady();
  }

  const resolveOpenIds = () => resolveMissingOpenIds(client, ctx.store);
  let resolving: Promise<unknown> = Promise.resolve();
  const resolveQuietly = () => {
    resolving = resolveOpenIds().catch((err: unknown) => log('error', 'could not resolve open_ids by email', err));
  };
  resolveQuietly();
  const resolveTimer = setInterval(resolveQuietly, RESOLVE_EVERY_MS);
  resolveTimer.unref();

  // Cards people act on for weeks (an open case, a record awaiting acknowledgment) are sent again
  // before Feishu stops answering them (see FEISHU.renewAfterDays and Message.lasting).
  const renewCards = () => {
    const now = ctx.clock.now();
    const n = ctx.queue.queueRenewals('feishu', now - FEISHU.renewAfterDays * DAY_MS, now, RENEW_BATCH);
    if (n) sender.wake();
    return n;
  };
  const renewQuietly = () => {
    try {
      renewCards();
    } catch (err) {
      log('error', 'could not queue the renewal of old cards', err);
    }
  };
  renewQuietly();
  const renewTimer = setInterval(renewQuietly, RENEW_EVERY_MS);
  renewTimer.unref();

  return {
    platform: 'feishu',
    resolveOpenIds,
    renewCards,
    wakeSender: () => sender.wake(),
    ready,
    connection: () => {
      if (!ws) return { ok: true, detail: 'http' };
      const state = ws.getConnectionStatus().state;
      return { ok: state === 'connected', detail: `long connection ${state}` };
    },
    async stop() {
      clearInterval(resolveTimer);
      clearInterval(renewTimer);
      ws?.close({ force: true });
      await resolving;
      await sender.stop();
    },
  };
}
