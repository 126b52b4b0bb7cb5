/**
 * What every platform's sender takes from dandang.yml's `delivery` section and the app: how long
 * transient failures are retried, the call timeout, and who hears about a message set aside —
 * the log at once (with the command that sends it again), and HR through src/app/delivery.ts.
 */
import { retryWindowMs } from '../src/config-delivery.js';
import type { Config } from '../src/config.js';
import type { UseCaseDeps } from '../src/ports/deps.js';
import type { Logger } from '../src/ports/logger.js';
import type { OutboxQueue, OutboxRow } from '../src/ports/outbox-queue.js';
import type { Platform } from '../src/ports/records.js';
import type { GaveUpReason, OutboxSenderOptions } from '../src/delivery/sender.js';
import { HOUR_MS, UNDELIVERED_ALERT, undeliveredAlerts } from '../src/app/delivery.js';

export interface DeliveryContext extends UseCaseDeps {
  config: Pick<Config, 'file'>;
  queue: OutboxQueue;
  log: Logger;
}

export function deliveryPolicy(
  ctx: DeliveryContext,
  platform: Platform,
): Pick<OutboxSenderOptions, 'retryWindowMs' | 'onGaveUp'> {
  const delivery = ctx.config.file.delivery;
  const alertHr = undeliveredAlerts(ctx);
  return {
    retryWindowMs: retryWindowMs(delivery),
    onGaveUp(row: OutboxRow, error: string, reason: GaveUpReason) {
      ctx.log.error(
        {
          platform,
          outboxKey: row.key,
          error,
          reason: reason === 'permanent' ? 'refused' : `unreachable for ${delivery.retryFor}`,
        },
        `UNDELIVERED. Fix the cause, then run: npm run dandang -- outbox retry --platform ${platform}`,
      );
      if (row.key.startsWith(UNDELIVERED_ALERT)) return;
      const now = ctx.clock.now();
      const hourStart = now - (now % HOUR_MS);
      const count = ctx.queue.countFailedSince(platform, hourStart, UNDELIVERED_ALERT);
      alertHr({ platform, hourStart, count, retryFor: delivery.retryFor });
    },
  };
}

/** `delivery.callTimeoutSeconds` in ms, for the SDK clients. */
export const callTimeoutMs = (config: Pick<Config, 'file'>) => config.file.delivery.callTimeoutSeconds * 1000;
