/** When the weekly warning run happens, and with which numbers (config `warnings:`). */
import { DEFAULT_WARNING_POLICY, type WarningPolicy } from './policy.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface WarningSettings {
  enabled: boolean;
  /** Day and time (24-hour `HH:MM`, the organisation's zone) the weekly run sends its messages. */
  day: Weekday;
  time: string;
  policy: WarningPolicy;
}

export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  enabled: true,
  day: 'mon',
  time: '10:00',
  policy: DEFAULT_WARNING_POLICY,
};
