/** The `schedule:` section of dandang.yml: the review cycle's cadence and times, with per-department overrides. */
import { z } from 'zod';
import { time, weekday } from './config-fields.js';
import type { Schedule } from './domain/schedule.js';

export const scheduleSchema = z.strictObject({
  cadence: z.enum(['weekly', 'biweekly', 'monthly'], 'use weekly, biweekly or monthly').default('weekly'),
  /** When the cycle opens and managers are nudged, in each manager's own timezone. */
  openDay: weekday.default('mon'),
  openTime: time.default('09:00'),
  /** When reviews are due. For monthly cadence, the last working day of the month. */
  dueDay: weekday.default('fri'),
  dueTime: time.default('18:00'),
}) satisfies z.ZodType<Schedule>; // the domain's Schedule (src/domain/schedule.ts)

/** A department's overrides: no defaults here, so unset keys fall through to `schedule.default`. */
export const scheduleOverrideSchema = z.strictObject({
  cadence: z.enum(['weekly', 'biweekly', 'monthly'], 'use weekly, biweekly or monthly').optional(),
  openDay: weekday.optional(),
  openTime: time.optional(),
  dueDay: weekday.optional(),
  dueTime: time.optional(),
});
