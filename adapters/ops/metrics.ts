/**
 * GET /metrics (Prometheus text format, prom-client), on only when `operations.metrics` is true.
 * What a deployment watches: the outbox (depth, oldest age, sends, 429s, failures per platform),
 * request latency per route, the scheduler tick, and the event loop (prom-client's default metrics
 * include `dandang_nodejs_eventloop_lag_*` from monitorEventLoopDelay, and memory and CPU).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OutboxQueue } from '../../src/ports/outbox-queue.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Platform } from '../../src/ports/records.js';

export interface OpsMetrics {
  registry: Registry;
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  observeTick(seconds: number): void;
  /** The same queue, counting what the senders report: sent, rate limited (429), failed. */
  countingQueue(queue: OutboxQueue): OutboxQueue;
}

export function makeMetrics(deps: { queue: OutboxQueue; clock: Clock; platforms: readonly Platform[] }): OpsMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dandang_' });

  const requestSeconds = new Histogram({
    name: 'dandang_http_request_duration_seconds',
    help: 'HTTP request latency, by route (the mount: /slack, /feishu, / for the local workspace, /healthz…)',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const tickSeconds = new Histogram({
    name: 'dandang_scheduler_tick_duration_seconds',
    help: "The scheduler's minute tick: opening cycles, reminders, digests, evidence deadlines",
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15],
    registers: [registry],
  });
  const sends = new Counter({
    name: 'dandang_outbox_sent_total',
    help: 'Messages delivered from the outbox',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'dandang_outbox_rate_limited_total',
    help: 'Platform calls answered 429 (rate limited); the row is sent later',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'dandang_outbox_failures_total',
    help: 'Failed attempts: kind=transient (retried) or kind=permanent (set aside)',
    labelNames: ['platform', 'kind'] as const,
    registers: [registry],
  });
  // Depth and age are read from the database when scraped, so they are right after a restart too.
  const depth = new Gauge({
    name: 'dandang_outbox_depth',
    help: 'Outbox rows waiting to be delivered',
    labelNames: ['platform'] as const,
    registers: [registry],
    // Depth is written first in a scrape: one stats query sets both gauges.
    collect() {
      const stats = deps.queue.stats(deps.clock.now());
      for (const platform of deps.platforms) {
        const s = stats.find((x) => x.platform === platform);
        this.set({ platform }, s?.depth ?? 0);
        oldestAge.set({ platform }, (s?.oldestAgeMs ?? 0) / 1000);
      }
    },
  });
  const oldestAge = new Gauge({
    name: 'dandang_outbox_oldest_age_seconds',
    help: 'Age of the oldest outbox row waiting to be delivered',
    labelNames: ['platform'] as const,
    registers: [registry],
  });

  // Rows' platforms, so a failure is counted under the platform that sent it.
  const platformOf = new Map<number, Platform>();
  return {
    registry,
    observeRequest: (route, method, status, seconds) =>
      requestSeconds.observe({ route, method, status: String(status) }, seconds),
    observeTick: (seconds) => tickSeconds.observe(seconds),
    countingQueue(queue) {
      return {
        ...queue,
        due(platform, now, limit) {
          const rows = queue.due(platform, now, limit);
          for (const r of rows) platformOf.set(r.id, r.platform);
          return rows;
        },
        markSent(id, ref, now) {
          queue.markSent(id, ref, now);
          sends.inc({ platform: take(id) });
        },
        retryLater(id, retry) {
          queue.retryLater(id, retry);
          // A rate limit is the one retry that is not a failure (no failing-since time).
          if (retry.failingSince === null) rateLimited.inc({ platform: take(id) });
          else failures.inc({ platform: take(id), kind: 'transient' });
        },
        markFailed(id, error, now, maybeDelivered) {
          queue.markFailed(id, error, now, maybeDelivered);
          failures.inc({ platform: take(id), kind: 'permanent' });
        },
      };
    },
  };

  function take(id: number): string {
    const p = platformOf.get(id) ?? 'unknown';
    platformOf.delete(id);
    return p;
  }
}
