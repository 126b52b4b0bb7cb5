import { describe, expect, it } from 'vitest';
import { parseFileConfig } from '../../src/config-yaml.js';
import { SLACK_DEFAULT_PACING, slackPacing } from '../../adapters/slack/pacing.js';
import { FEISHU_PACING, feishuPacing } from '../../adapters/feishu/outbox.js';

/** The token buckets the senders get from dandang.yml's `delivery` section. */
describe('outbox pacing from dandang.yml', () => {
  it("with no delivery section, keeps the platforms' published limits", () => {
    const { delivery } = parseFileConfig('');
    expect(slackPacing(delivery.slack)).toEqual({
      global: [],
      adaptive: { start: 4 },
      perChannel: { ratePerSec: 1, burst: 1 },
    });
    expect(feishuPacing(delivery.feishu)).toEqual({
      global: [
        { ratePerSec: 50, burst: 50 },
        { ratePerSec: 1000 / 60, burst: 50 },
      ],
      perChannel: { ratePerSec: 5, burst: 5 },
    });
    expect(SLACK_DEFAULT_PACING).toEqual(slackPacing(delivery.slack));
    expect(FEISHU_PACING).toEqual(feishuPacing(delivery.feishu));
  });

  it('uses each configured key, and keeps bursts valid for fractional or small rates', () => {
    const { delivery } = parseFileConfig(
      'delivery:\n  slack: { perSecond: 20, burst: 30, perChannelPerSecond: 2 }\n  feishu: { perSecond: 0.5, perMinute: 20, perChatPerSecond: 0.25 }\n',
    );
    expect(slackPacing(delivery.slack)).toEqual({
      global: [{ ratePerSec: 20, burst: 30 }],
      adaptive: { start: 20, ceiling: 20, burst: 30 },
      perChannel: { ratePerSec: 2, burst: 1 },
    });
    expect(feishuPacing(delivery.feishu)).toEqual({
      global: [
        { ratePerSec: 0.5, burst: 1 },
        { ratePerSec: 20 / 60, burst: 1 },
      ],
      perChannel: { ratePerSec: 0.25, burst: 1 },
    });
    // A minute allowance below one second's burst caps the minute bucket's burst.
    const tight = parseFileConfig('delivery:\n  feishu: { perSecond: 50, perMinute: 30 }\n').delivery.feishu;
    expect(feishuPacing(tight).global[1]).toEqual({ ratePerSec: 0.5, burst: 30 });
  });
});
