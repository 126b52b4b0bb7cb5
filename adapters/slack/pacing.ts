/**
 * Slack outbox pacing from `delivery.slack` in dandang.yml. chat.postMessage allows about one
 * message per second per channel, and a workspace-wide rate that Slack does not publish as a number
 * ("several hundred per minute", more on higher tiers). So the sender finds it (src/delivery/adaptive-rate.ts):
 * it starts at `startPerSecond` (4/s, which every workspace allows), doubles while calls succeed,
 * and on a 429 waits out Retry-After and settles just under what got through. `perSecond`, when
 * set, is the limit the operator knows: the sender starts there, never exceeds it, and still backs
 * off on a 429.
 */
import { parseFileConfig } from '../../src/config-yaml.js';
import type { SlackDeliveryConfig } from '../../src/config-delivery.js';
import type { PacingPolicy } from '../../src/delivery/sender.js';

export function slackPacing(cfg: SlackDeliveryConfig): PacingPolicy {
  return {
    global: cfg.perSecond ? [{ ratePerSec: cfg.perSecond, burst: cfg.burst }] : [],
    // With a known limit the fixed bucket holds calls to it, burst included; the adaptive rate then
    // only backs off on a 429, and may catch up after a busy event loop as far as that burst.
    adaptive: cfg.perSecond
      ? { start: cfg.perSecond, ceiling: cfg.perSecond, burst: cfg.burst }
      : { start: cfg.startPerSecond },
    // Burst 1: the per-channel limit is about one message per second, and Slack tolerates only short bursts.
    perChannel: { ratePerSec: cfg.perChannelPerSecond, burst: 1 },
  };
}

/** The pacing with no `delivery` section: adaptive from 4/s, no ceiling, 1/s per channel. */
export const SLACK_DEFAULT_PACING: PacingPolicy = slackPacing(parseFileConfig('').delivery.slack);
