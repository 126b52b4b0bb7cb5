import type { Config, ReminderStep } from '../config.js';
import type { Schedule } from '../domain/schedule.js';
import type { PolicySource } from '../domain/policy/resolve.js';
import type { Locale } from './records.js';
import type { ChannelAddress } from './outbox.js';
import type { WarningSettings } from '../domain/warning/settings.js';

/** The part of the configuration use cases need, free of env and secrets. */
export interface AppSettings {
  timezone: string;
  locale: Locale;
  holidays?: string;
  hrChannel: ChannelAddress;
  /** `hrChannel.locale` in dandang.yml; unset, the HR channel reads what its people read (`hrChannelLocale`). */
  hrChannelLocale?: Locale;
  scheduleFor(department: string): Schedule;
  reminders: ReminderStep[];
  digestAfter: string;
  /** The offboarding policy: a preset, a custom policy file's text (read when the config loads), overrides. */
  policy: PolicySource;
  severance: Config['file']['severance'];
  /** When the audit log's daily checkpoint is taken and posted to the HR channel (HH:MM in `timezone`; default 09:00). */
  auditCheckpointTime?: string;
  /** Early warnings; absent means the defaults (`DEFAULT_WARNING_SETTINGS`). */
  warnings?: WarningSettings;
  /** `orgImport.maxDeactivationShare`: the share of active people one import may deactivate (default 0.1). */
  maxDeactivationShare?: number;
  /** Evidence files: the largest accepted, in bytes; absent means the default (20 MB). */
  files?: { maxBytes: number };
}

export const HR_LOCAL_CHANNEL = 'hr';
