/**
 * Tells HR, in the HR channel and in its language, that messages to a platform were set aside (a
 * permanent refusal, or the platform unreachable for the whole retry window), so nothing is dropped
 * silently. One message per platform per hour, updated in place with the running count, so a
 * 10,000-row outage is one alert, not 10,000. It goes through the outbox like any other message, to
 * every platform with an HR channel; the caller never alerts about an alert (UNDELIVERED_ALERT).
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Platform } from '../../ports/records.js';
import { translator, type MessageKey, type T } from '../../ui/i18n/index.js';
import { buildUndeliveredAlert } from '../../ui/screens/delivery/undelivered.js';
import { formatLocal } from '../../domain/schedule.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { ok, type Result } from '../result.js';
import { hrChannelLocale } from '../shared/channels.js';

export interface AlertUndeliveredInput {
  platform: Platform;
  /** App-clock start of the hour the alert covers. */
  hourStart: number;
  /** Messages to `platform` set aside since `hourStart`. */
  count: number;
  /** delivery.retryFor as written in dandang.yml ("24h"). */
  retryFor: string;
}

export const HOUR_MS = 3_600_000;

/** "24h" → "24 hours" / "24 小时". */
function spelledDuration(t: T, d: string): string {
  const m = /^(\d+)([mhd])$/.exec(d);
  return m ? t(`delivery.duration.${m[2] as 'm' | 'h' | 'd'}`, { n: Number(m[1]) }) : d;
}

export const makeAlertUndelivered =
  ({ store, settings }: UseCaseDeps) =>
  (input: AlertUndeliveredInput): Result<{ key: string }> => {
    const key = outboxKeys.undeliveredAlert(input.platform, input.hourStart);
    return store.tx((tx) => {
      const locale = hrChannelLocale(tx, settings);
      const t = translator(locale);
      const message = buildUndeliveredAlert(t, {
        platformLabel: t(`delivery.platform.${input.platform}` as MessageKey),
        count: input.count,
        since: formatLocal(input.hourStart, settings.timezone, locale),
        window: spelledDuration(t, input.retryFor),
      });
      const posted = tx.outbox.post({ key, to: { channel: settings.hrChannel }, message, locale });
      if (!posted) tx.outbox.update(key, message, locale);
      return ok({ key });
    });
  };
