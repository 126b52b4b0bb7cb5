/**
 * The Slack adapter: Bolt (Socket Mode when an app token is set, otherwise HTTP on the shared
 * server at /slack/events, with Bolt's signature check on) and the paced outbox sender.
 * Listeners only parse, dispatch to the router and render; see ./listeners.
 */
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { WebClient, LogLevel, type RetryOptions } from '@slack/web-api';
import type { AdapterContext, RunningAdapter } from '../context.js';
import { startOutboxSender, type OutboxSenderOptions, type PacingPolicy } from '../../src/delivery/sender.js';
import { registerListeners } from './listeners/index.js';
import { makeSlackDeliver } from './deliver.js';
import { slackPacing } from './pacing.js';
import { slackTimestampWithinSkew } from './request-time.js';
import { checkHistoryScopes, lookupRefusedLogger } from './scopes.js';
import { callTimeoutMs, deliveryPolicy } from '../delivery-policy.js';
import type { ResolveMention } from './render/markup.js';
import type { Store } from '../../src/ports/store.js';
import { wakeIfQueued } from '../wake.js';
import { boltLogger, newLogId, withLogContext } from '../logging.js';

export { SLACK_DEFAULT_PACING, slackPacing } from './pacing.js';

/** Knobs for tests and the bench; production uses the defaults and dandang.yml. */
export interface SlackAdapterOptions {
  /** Overrides `delivery.slack` from dandang.yml (tests, bench). */
  pacing?: PacingPolicy;
  sender?: Pick<
    OutboxSenderOptions,
    'maxInFlight' | 'pollMs' | 'backoffMs' | 'maxAttempts' | 'onOutcome' | 'retryWindowMs'
  >;
  /** Retries of listener-side Web API calls (views.open, chat.postEphemeral). Tests pass 0. */
  retryConfig?: RetryOptions;
  logLevel?: LogLevel;
  /** Do not start the outbox sender (e.g. a second process that only answers requests). */
  noSender?: boolean;
  /** Extra listeners registered after ours (the bench's no-op action, to compare against a bare ack). */
  extendApp?: (app: App) => void;
}

export interface RunningSlack extends RunningAdapter {
  /** Ask the sender to look for due rows now. */
  wakeSender(): void;
  /** Resolves when the sender has nothing due and nothing in flight. */
  senderIdle(): Promise<void>;
}

export function mentionResolver(store: Store): ResolveMention {
  return (personId) => {
    const p = store.read((tx) => tx.org.person(personId));
    return p ? { slackId: p.slackId, name: p.name } : null;
  };
}

export async function startSlack(ctx: AdapterContext, options: SlackAdapterOptions = {}): Promise<RunningSlack> {
  const cfg = ctx.config.slack;
  if (!cfg) throw new Error('startSlack called without Slack configuration');
  const logLevel = options.logLevel ?? LogLevel.INFO;
  const slackApiUrl = cfg.apiUrl;
  const retryConfig = options.retryConfig ?? { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 };
  // No Web API call may hang for ever: a hung call would hold a sending slot (or a listener) forever.
  const timeout = callTimeoutMs(ctx.config);
  // Bolt, its receivers and every WebClient log through ours: scrubbed, with the request's id.
  const log = ctx.log.child({ platform: 'slack' });
  const logger = boltLogger(log);

  // One auth.test at start: it checks the token now, and its ids spare Bolt an auth.test per request.
  const probe = new WebClient(cfg.botToken, { slackApiUrl, retryConfig, logLevel, timeout, logger });
  const auth = await probe.auth.test().catch((err: unknown) => {
    throw new Error(
      `Slack rejected SLACK_BOT_TOKEN at auth.test (${(err as Error).message}). Copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, and check SLACK_API_URL if you set it.`,
    );
  });
  if (!auth.user_id || !auth.bot_id)
    throw new Error('auth.test returned no bot ids: is SLACK_BOT_TOKEN a bot token (xoxb-…)?');
  checkHistoryScopes(auth.response_metadata?.scopes, (line) => log.warn(line));

  const common = {
    token: cfg.botToken,
    botId: auth.bot_id,
    botUserId: auth.user_id,
    clientOptions: { slackApiUrl, retryConfig, timeout, logger },
    logLevel,
    logger,
  };
  let socketUp = false;
  let app: App;
  if (cfg.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: cfg.appToken,
      logLevel,
      logger,
      installerOptions: { clientOptions: { slackApiUrl } },
    });
    receiver.client.on('connected', () => (socketUp = true));
    receiver.client.on('disconnected', () => (socketUp = false));
    app = new App({ ...common, receiver });
    // Socket Mode events arrive off the HTTP server: give each its own id on every log line.
    app.use(async ({ body, next }) => {
      const b = body as { event_id?: string; trigger_id?: string };
      await withLogContext({ eventId: b.event_id ?? b.trigger_id ?? newLogId() }, next);
    });
  } else {
    // Mounted on the shared server (adapters/http-host.ts); Bolt still verifies every signature.
    const receiver = new HTTPReceiver({
      signingSecret: cfg.signingSecret,
      endpoints: '/slack/events',
      logLevel,
      logger,
    });
    app = new App({ ...common, receiver });
    ctx.http.mount('/slack', (req, res) => {
      // Bolt uses real time for its own (past-only) check, so this uses it too.
      if (!slackTimestampWithinSkew(req.headers, Date.now())) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('request timestamp too far from now');
        return;
      }
      try {
        receiver.requestListener(req, res);
      } catch {
        // HTTPReceiver throws for paths it does not serve; answer instead of crashing the server.
        if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
  }

  const resolveMention = mentionResolver(ctx.store);
  const senderClient = new WebClient(cfg.botToken, {
    slackApiUrl,
    // The sender owns retries and Retry-After: a 429 must pause every send, not sleep inside one call.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel,
    timeout,
    logger,
  });
  const sender = options.noSender
    ? null
    : startOutboxSender({
        platform: 'slack',
        queue: ctx.queue,
        clock: ctx.clock,
        deliver: makeSlackDeliver({
          client: senderClient,
          resolveMention,
          onLookupRefused: lookupRefusedLogger((line) => log.warn(line)),
          files: ctx.files,
        }),
        pacing: options.pacing ?? slackPacing(ctx.config.file.delivery.slack),
        ...deliveryPolicy(ctx, 'slack'),
        log,
        ...options.sender,
      });

  registerListeners(app, {
    store: ctx.store,
    router: ctx.router,
    settings: ctx.settings,
    resolveMention,
    afterDispatch: wakeIfQueued(ctx.conn, () => sender?.wake()),
    files: ctx.files,
  });
  options.extendApp?.(app);
  if (cfg.appToken) await app.start();

  return {
    platform: 'slack',
    wakeSender: () => sender?.wake(),
    senderIdle: () => sender?.whenIdle() ?? Promise.resolve(),
    // HTTP mode has no standing connection: the token was checked at start (auth.test).
    connection: () =>
      cfg.appToken
        ? { ok: socketUp, detail: socketUp ? 'socket mode connected' : 'socket mode disconnected' }
        : { ok: true, detail: 'http' },
    async stop() {
      await sender?.stop();
      if (cfg.appToken) await app.stop();
      // HTTP mode: the shared server is closed by the composition root; nothing else to release.
    },
  };
}
