/** Maps the loaded configuration to AppSettings, the part use cases see (no env, no secrets). */
import { HR_LOCAL_CHANNEL, type AppSettings } from './ports/settings.js';
import { megabytesToBytes } from './config-files.js';
import type { Config } from './config.js';

/** The part of the configuration use cases see (no env, no secrets). */
export function settingsFromConfig(c: Config): AppSettings {
  return {
    timezone: c.file.timezone,
    locale: c.locale,
    holidays: c.file.holidays,
    hrChannel: {
      slack: c.file.hrChannel.slack ?? null,
      feishu: c.file.hrChannel.feishu ?? null,
      local: HR_LOCAL_CHANNEL,
    },
    ...(c.file.hrChannel.locale ? { hrChannelLocale: c.file.hrChannel.locale } : {}),
    scheduleFor: c.scheduleFor,
    reminders: c.file.reminders,
    digestAfter: c.file.digest.after,
    policy: c.policy,
    severance: c.file.severance,
    auditCheckpointTime: c.file.audit.checkpointTime,
    warnings: c.file.warnings,
    maxDeactivationShare: c.file.orgImport.maxDeactivationShare,
    files: { maxBytes: megabytesToBytes(c.file.files.maxMegabytes) },
  };
}
