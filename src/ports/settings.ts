import type { Config, Schedule, ReminderStep } from '../config.js';
import type { Locale } from './records.js';
import type { ChannelAddress } from './outbox.js';

/** The part of the configuration use cases need, free of env and secrets. */
export interface AppSettings {
  timezone: string;
  locale: Locale;
  holidays?: string;
  hrChannel: ChannelAddress;
  scheduleFor(department: string): Schedule;
  reminders: ReminderStep[];
  digestAfter: string;
  policy: Config['file']['policy'];
  severance: Config['file']['severance'];
}

export const HR_LOCAL_CHANNEL = 'hr';

export function settingsFromConfig(c: Config): AppSettings {
  return {
    timezone: c.file.timezone,
    locale: c.locale,
    holidays: c.file.holidays,
    hrChannel: { slack: c.file.hrChannel.slack ?? null, feishu: c.file.hrChannel.feishu ?? null, local: HR_LOCAL_CHANNEL },
    scheduleFor: c.scheduleFor,
    reminders: c.file.reminders,
    digestAfter: c.file.digest.after,
    policy: c.file.policy,
    severance: c.file.severance,
  };
}
