/** The `delivery:` section of dandang.yml: outbox pacing per platform and how long a message is retried. */
import { z } from 'zod';

/** Messages per time unit for the outbox senders: a positive number, fractions allowed (0.5 = one every 2 s). */
const rate = (example: string) =>
  z.number(`use a number such as ${example}`).positive(`use a number greater than 0, such as ${example}`);

/**
 * Outbox pacing per platform. Feishu's defaults are its documented limits. Slack does not publish
 * its workspace-wide chat.postMessage limit as a number, so the Slack sender finds it: it starts at
 * `startPerSecond`, rises while calls succeed and backs off on a 429; `perSecond`, when set, is the
 * limit you know, used from the start and never exceeded.
 */
const slackDeliverySchema = z.strictObject({
  /** Optional ceiling: the workspace-wide rate of chat.postMessage / chat.update calls, if you know it. */
  perSecond: rate('4').optional(),
  /** Where the adaptive rate starts when `perSecond` is not set: a rate every workspace allows. */
  startPerSecond: rate('4').default(4),
  /** With `perSecond`: calls allowed back to back after a quiet period, on top of the sustained rate. */
  burst: z
    .number('use a whole number such as 10')
    .int('use a whole number such as 10')
    .min(1, 'use a whole number of at least 1, such as 10')
    .default(10),
  /** Rate per channel or DM (Slack allows about one message per second per channel). */
  perChannelPerSecond: rate('1').default(1),
});

const feishuDeliverySchema = z.strictObject({
  /** Per-app rate of message sends. */
  perSecond: rate('50').default(50),
  /** Per-app rate over a minute, enforced alongside `perSecond`. */
  perMinute: rate('1000').default(1000),
  /** Rate per chat or person. */
  perChatPerSecond: rate('5').default(5),
});

const deliveryDefaults = {
  retryFor: '24h',
  callTimeoutSeconds: 15,
  slack: slackDeliverySchema.parse({}),
  feishu: feishuDeliverySchema.parse({}),
};

export const deliverySchema = z
  .strictObject({
    /**
     * How long a message keeps being retried after transient failures (5xx, network, timeouts)
     * before it is set aside and HR is alerted. `npm run dandang -- outbox retry` re-queues it.
     */
    retryFor: z
      .string()
      .regex(/^[1-9]\d*[mhd]$/, 'use a number with m, h or d, e.g. "24h", "3d", "90m"')
      .default(deliveryDefaults.retryFor),
    /** Every Slack and Feishu API call gives up after this long (a timed-out send is reconciled like a crash). */
    callTimeoutSeconds: z
      .number('use a number of seconds such as 15')
      .min(1, 'use a number of seconds of at least 1, such as 15')
      .max(300, 'use at most 300 seconds')
      .default(deliveryDefaults.callTimeoutSeconds),
    slack: slackDeliverySchema.default(deliveryDefaults.slack),
    feishu: feishuDeliverySchema.default(deliveryDefaults.feishu),
  })
  .default(deliveryDefaults);

export type DeliveryConfig = z.infer<typeof deliverySchema>;
export type SlackDeliveryConfig = DeliveryConfig['slack'];
export type FeishuDeliveryConfig = DeliveryConfig['feishu'];

/** `delivery.retryFor` in ms (d = 24 h here: a window of elapsed time, not calendar days). */
export function retryWindowMs(delivery: DeliveryConfig): number {
  const m = /^(\d+)([mhd])$/.exec(delivery.retryFor)!;
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}
