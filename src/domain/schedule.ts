/**
 * Review periods and the instants a cycle opens and falls due, in a person's own timezone.
 * Pure: every instant is computed from calendar dates, a Schedule and an IANA zone; nothing
 * here reads the clock.
 *
 * Periods are calendar dates (`YYYY-MM-DD`, inclusive):
 * - weekly:   the ISO week, labelled `2026-W48` (ISO week-numbering year).
 * - biweekly: two ISO weeks, labelled `2026-W47/48` (or `2026-W53/2027-W01` across a year end).
 *   Pairs are counted from a fixed anchor, Monday 2025-12-29 (2026-W01), not from "now", so the
 *   same two weeks always form a pair whenever and wherever this runs.
 * - monthly:  the calendar month, labelled `2026-11`.
 */
import type { Locale } from './locale.js';
import { type WorkCalendar, weekdayOf } from './calendar.js';
import { DAY_MS, addDays } from './dates.js';
import { dateOf, instantOfWallTime, pad2, wallTimeAt } from './zoned-time.js';

export type Cadence = 'weekly' | 'biweekly' | 'monthly';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** When a department's cycle opens and is due, in each manager's own zone (config: `schedule`). */
export interface Schedule {
  cadence: Cadence;
  openDay: Weekday;
  /** `HH:MM`, 24-hour. */
  openTime: string;
  dueDay: Weekday;
  dueTime: string;
}

export interface Period {
  label: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  end: string;
}

const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
};
/** Monday = 1 … Sunday = 7 */
const isoWeekday = (date: string) => weekdayOf(date) || 7;

/** The ISO week-numbering year and week of a date. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return { year, week };
}

const weekLabel = (date: string) => {
  const { year, week } = isoWeek(date);
  return { year, text: `${year}-W${pad2(week)}` };
};

/** Monday 2025-12-29, the start of 2026-W01. See the header for why biweekly needs an anchor. */
const BIWEEKLY_ANCHOR = dayNumber('2025-12-29');

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodContaining(cadence: Cadence, date: string): Period {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`expected a YYYY-MM-DD date, got "${date}"`);
  if (cadence === 'monthly') {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return {
      label: `${y}-${pad2(m)}`,
      start: `${y}-${pad2(m)}-01`,
      end: `${y}-${pad2(m)}-${pad2(lastDayOfMonth(y, m))}`,
    };
  }
  const monday = addDays(date, 1 - isoWeekday(date));
  if (cadence === 'weekly') return { label: weekLabel(monday).text, start: monday, end: addDays(monday, 6) };
  const weeksFromAnchor = Math.floor((dayNumber(monday) - BIWEEKLY_ANCHOR) / 7);
  const offset = ((weeksFromAnchor % 2) + 2) % 2;
  const first = addDays(monday, -7 * offset);
  const second = addDays(first, 7);
  const a = weekLabel(first);
  const b = weekLabel(second);
  const label = a.year === b.year ? `${a.text}/${b.text.slice(-2)}` : `${a.text}/${b.text}`;
  return { label, start: first, end: addDays(second, 6) };
}

/** The period right after `p`, for catching up and for "next cycle" hints. */
export function periodAfter(cadence: Cadence, p: Period): Period {
  return periodContaining(cadence, addDays(p.end, 1));
}

const WEEKDAY_INDEX: Record<Schedule['openDay'], number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** First date on or after `from` that falls on `day`. */
const onOrAfter = (from: string, day: Schedule['openDay']) =>
  addDays(from, (WEEKDAY_INDEX[day] - weekdayOf(from) + 7) % 7);

const parseTime = (hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return { hour, minute };
};

/** The calendar date a cycle opens: openDay in the first week, or day 1 of the month. */
export function openDate(s: Schedule, p: Period): string {
  return s.cadence === 'monthly' ? p.start : onOrAfter(p.start, s.openDay);
}

/** Opening is workday-agnostic: a cycle opens on its day even if that day is a holiday. */
export function openInstant(s: Schedule, p: Period, timezone: string): number {
  return instantOfWallTime(openDate(s, p), parseTime(s.openTime), timezone);
}

/** The due date before any holiday shift: dueDay on/after the open date (second week for biweekly), or the month's last day. */
function nominalDueDate(s: Schedule, p: Period): string {
  if (s.cadence === 'monthly') return p.end;
  const opens = openDate(s, p);
  return onOrAfter(s.cadence === 'biweekly' ? addDays(opens, 7) : opens, s.dueDay);
}

/**
 * The date reviews are due, shifted off non-working days.
 *
 * Rule: if the nominal due date is not a workday, move it to the closest EARLIER workday that is
 * still on or after the open date (so managers lose a day rather than the period gaining one and
 * drifting into the next cycle). If there is none — e.g. a whole week of Spring Festival — move it
 * to the first workday AFTER the nominal date. Make-up workdays (调休) count as workdays.
 */
export function dueDate(s: Schedule, p: Period, cal: WorkCalendar): string {
  const nominal = nominalDueDate(s, p);
  if (cal.isWorkday(nominal)) return nominal;
  const earliest = openDate(s, p);
  for (let d = addDays(nominal, -1); d >= earliest; d = addDays(d, -1)) if (cal.isWorkday(d)) return d;
  // Holidays never run longer than a few weeks; 60 days guards against a calendar with no workdays.
  for (let i = 1; i <= 60; i++) {
    const d = addDays(nominal, i);
    if (cal.isWorkday(d)) return d;
  }
  return nominal;
}

export function dueInstant(s: Schedule, p: Period, timezone: string, cal: WorkCalendar): number {
  return instantOfWallTime(dueDate(s, p, cal), parseTime(s.dueTime), timezone);
}

/** Parsed reminder/digest duration such as '0h', '1d', '90m'. */
export function parseDuration(d: string): { amount: number; unit: 'm' | 'h' | 'd' } {
  const m = /^(\d+)([mhd])$/.exec(d);
  if (!m) throw new Error(`bad duration "${d}" (use a number with m, h or d, e.g. "1d", "90m")`);
  return { amount: Number(m[1]), unit: m[2] as 'm' | 'h' | 'd' };
}

/**
 * `instant` plus a duration. Days keep the local wall time ("1d after Friday 18:00" is Saturday
 * 18:00 even when the clocks change overnight); hours and minutes are elapsed time.
 */
export function addDuration(instant: number, d: string, timezone: string): number {
  const { amount, unit } = parseDuration(d);
  if (unit === 'm') return instant + amount * 60_000;
  if (unit === 'h') return instant + amount * 3_600_000;
  const w = wallTimeAt(instant, timezone);
  return instantOfWallTime(addDays(dateOf(w), amount), w, timezone);
}

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ZH_DAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/**
 * A short local time for messages: 'Fri 27 Nov 18:00' / '11月27日 周五 18:00'. Built by hand
 * rather than with Intl so the output does not depend on the ICU data the host ships.
 */
export function formatLocal(instant: number, timezone: string, locale: Locale): string {
  const w = wallTimeAt(instant, timezone);
  const hm = `${pad2(w.hour)}:${pad2(w.minute)}`;
  if (locale === 'zh-CN') return `${w.month}月${w.day}日 ${ZH_DAYS[w.weekday]} ${hm}`;
  return `${EN_DAYS[w.weekday]} ${w.day} ${EN_MONTHS[w.month - 1]} ${hm}`;
}

/**
 * The period a label names, as `periodContaining` labels them (`2026-W49`, `2026-W47/48`,
 * `2026-12`); null for anything else, including a week the year does not have (`2026-W54`) or a
 * fortnight that is not one of the anchored pairs. Data feeds name their period this way.
 */
export function parsePeriodLabel(label: string): Period | null {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? periodContaining('monthly', `${month[1]}-${month[2]}-01`) : null;
  }
  const week = /^(\d{4})-W(\d{2})(\/(\d{4}-W)?\d{2})?$/.exec(label);
  if (!week) return null;
  const year = Number(week[1]);
  const n = Number(week[2]);
  if (n < 1 || n > 53 || year < 1970 || year > 9999) return null;
  // 4 January is always in ISO week 1.
  const jan4 = `${week[1]}-01-04`;
  const monday = addDays(addDays(jan4, 1 - isoWeekday(jan4)), 7 * (n - 1));
  const p = periodContaining(week[3] ? 'biweekly' : 'weekly', monday);
  return p.label === label && p.start === monday ? p : null;
}
