/**
 * Slack outbox pacing from `delivery.slack` in dandang.yml. The defaults follow chat.postMessage's
 * published limits: about one message per second per channel, and "several hundred per minute" per
 * workspace. 4/s (240/min) stays clear of the workspace limit and sends 10k nudges in ~42 min; a
 * workspace on a higher tier (Enterprise Grid) can raise `perSecond`.
 */
import { parseFileConfig, type SlackDeliveryConfig } from '../../src/config.js';
import type { PacingPolicy } from '../../src/delivery/sender.js';

export function slackPacing(cfg: SlackDeliveryConfig): PacingPolicy {
  return {
    global: [{ ratePerSec: cfg.perSecond, burst: cfg.burst }],
    // Burst 1: the per-channel limit is about one message per second, and Slack tolerates only short bursts.
    perChannel: { ratePerSec: cfg.perChannelPerSecond, burst: 1 },
  };
}

/** The pacing with no `delivery` section (4/s, burst 10, 1/s per channel). */
export const SLACK_DEFAULT_PACING: PacingPolicy = slackPacing(parseFileConfig('').delivery.slack);
