/** Which week a warning run belongs to, and when in that week it is due (the organisation's zone). */
import { addDays, dateIn } from '../dates.js';
import { periodContaining } from '../schedule.js';
import { instantOfWallTime } from '../zoned-time.js';
import type { Weekday } from './settings.js';

const OFFSET: Record<Weekday, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

export interface WarningWeek {
  /** ISO week label, "2026-W12". */
  label: string;
  /** Its Monday. */
  start: string;
  /** Today's date in the zone. */
  today: string;
}

export function warningWeek(now: number, timezone: string): WarningWeek {
  const today = dateIn(now, timezone);
  const p = periodContaining('weekly', today);
  return { label: p.label, start: p.start, today };
}

/** The instant of `day` at `time` (HH:MM) in the week starting on Monday `weekStart`. */
export function weeklyRunInstant(weekStart: string, day: Weekday, time: string, timezone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantOfWallTime(addDays(weekStart, OFFSET[day]), { hour, minute }, timezone);
}
