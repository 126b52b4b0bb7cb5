/**
 * The operations surface, composed once for `npm start` (src/main.ts) and the tests: the shared
 * HTTP server with a request id and latency per route, /healthz, /readyz, and /metrics when
 * `operations.metrics` is on (then the outbox queue the senders use counts sends, 429s and failures),
 * and the API for the company's systems under /api/v1 (adapters/api/: 404 unless DANDANG_API_TOKEN is set).
 */
import type { AppComposition } from '../compose.js';
import type { RunningAdapter } from '../context.js';
import { HttpHost } from '../http-host.js';
import type { OutboxQueue } from '../../src/ports/outbox-queue.js';
import { mountOpsRoutes } from './routes.js';
import { mountApiRoutes } from '../api/kpi-actuals.js';
import type { OpsMetrics } from './metrics.js';

export interface Ops {
  http: HttpHost;
  /** The queue to hand the adapters (counting, when metrics are on). */
  queue: OutboxQueue;
  metrics: OpsMetrics | null;
}

/** `running` is the list the caller fills as adapters start; /readyz reads it on each request. */
export async function startOps(app: AppComposition, running: readonly RunningAdapter[]): Promise<Ops> {
  const ops = app.config.file.operations;
  // prom-client is loaded only when metrics are on.
  const metrics = ops.metrics
    ? (await import('./metrics.js')).makeMetrics({ queue: app.queue, clock: app.clock, platforms: app.platforms })
    : null;
  const http = new HttpHost({ log: app.log, onResponse: metrics?.observeRequest });
  mountOpsRoutes(
    http,
    {
      conn: app.conn,
      queue: app.queue,
      clock: app.clock,
      platforms: app.platforms,
      adapters: running,
      maxOutboxAgeMs: ops.maxOutboxAgeSeconds * 1000,
    },
    metrics,
  );
  mountApiRoutes(http, app, {
    token: app.config.env.DANDANG_API_TOKEN ?? null,
    requestsPerMinute: app.config.file.api.requestsPerMinute,
    log: app.log,
  });
  return { http, queue: metrics ? metrics.countingQueue(app.queue) : app.queue, metrics };
}
