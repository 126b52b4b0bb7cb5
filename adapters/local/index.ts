/**
 * The built-in local workspace: a web page on the shared HTTP server that plays the chat
 * platform, so the product can be used in a browser without Slack or Feishu credentials.
 */
import type { AdapterContext, RunningAdapter } from '../context.js';
import { ConfigError } from '../../src/config-errors.js';
import { startLocalSender } from './sender.js';
import { deliveryPolicy } from '../delivery-policy.js';
import { localRoutes } from './routes.js';
import { Workspace } from './workspace.js';
import { loadDemoIfEmpty } from './demo/index.js';

const isLoopback = (host: string) => /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i.test(host);

export async function startLocal(ctx: AdapterContext): Promise<RunningAdapter> {
  const host = ctx.config.env.HOST;
  if (!isLoopback(host) && !ctx.config.local.allowRemote) {
    // Anyone who can open the page can act as anyone: never expose it by accident.
    throw new ConfigError(
      `The local workspace lets whoever opens it act as any person, so it only binds to 127.0.0.1. HOST is "${host}". ` +
        'Set HOST=127.0.0.1, or set DANDANG_LOCAL_ALLOW_REMOTE=1 if you really mean to expose it (read the README warning first).',
    );
  }

  const loaded = await loadDemoIfEmpty(ctx);
  if (loaded)
    ctx.log.info(
      { people: loaded.people },
      'empty database: loaded the demo organisation. Start over with: npm run dandang -- demo reset',
    );

  const ws = new Workspace(ctx);
  const sender = startLocalSender({
    queue: ctx.queue,
    clock: ctx.clock,
    delivery: {
      store: ws.messages,
      isPerson: (a) => ws.isPerson(a),
      onDelivered: (m, op) => ws.publishDelivered(m, op),
    },
    policy: deliveryPolicy(ctx, 'local'),
  });
  ws.wakeSender = sender.wake;
  ctx.http.mount('/', localRoutes(ws, { allowRemote: ctx.config.local.allowRemote }));
  // Deliver what is queued after the start, not before the first page can answer.
  void sender.wake();

  return {
    platform: 'local',
    async stop() {
      await sender.stop();
      ws.live.close();
    },
  };
}
