/**
 * Which calendar dates are working days. Schedules use this to move a due date off a public
 * holiday. Pure: holiday tables ship inside the packages, nothing is fetched and no clock is read.
 *
 * - No country: Monday to Friday.
 * - CN: the `chinese-days` tables, which follow the State Council's yearly notice, so a make-up
 *   workday (调休, e.g. Saturday 2026-02-14) is a workday and a statutory holiday is not.
 *   date-holidays knows the holidays but not the make-up Saturdays, hence the special case.
 * - Any other ISO country: weekends plus that country's *public* holidays from `date-holidays`
 *   (bank, school and observance days stay workdays).
 */
import Holidays from 'date-holidays';
import chineseDays from 'chinese-days';
import { DAY_MS, addDays } from './dates.js';

export interface WorkCalendar {
  /** `date` is a calendar date `YYYY-MM-DD` (in whatever zone the caller cares about). */
  isWorkday(date: string): boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(date: string): void {
  if (!DATE.test(date)) throw new Error(`expected a YYYY-MM-DD date, got "${date}"`);
}

/** 0 = Sunday … 6 = Saturday, computed without any timezone. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const isWeekend = (date: string) => {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
};

const mondayToFriday: WorkCalendar = {
  isWorkday(date) {
    assertDate(date);
    return !isWeekend(date);
  },
};

/**
 * chinese-days carries each year once the State Council publishes it (usually in November for the
 * next year); update the package yearly. For a year it does not know yet, fall back to
 * date-holidays' CN public holidays (lunar dates computed, but no make-up workdays) rather than
 * treating Spring Festival as an ordinary week.
 */
function chinaCalendar(): WorkCalendar {
  const fallback = publicHolidayCalendar('CN');
  const covered = new Map<string, boolean>();
  // 1 January is always a holiday in the official tables, so an unnamed 1 January means "not covered".
  const isCovered = (year: string) => {
    let c = covered.get(year);
    if (c === undefined) covered.set(year, (c = chineseDays.getDayDetail(`${year}-01-01`).work === false));
    return c;
  };
  return {
    isWorkday(date) {
      assertDate(date);
      return isCovered(date.slice(0, 4)) ? chineseDays.isWorkday(date) : fallback.isWorkday(date);
    },
  };
}

function publicHolidayCalendar(country: string): WorkCalendar {
  const hd = new Holidays(country);
  if (!isKnownHolidayCountry(country))
    throw new Error(`unknown holiday country "${country}" (use an ISO code such as US, GB, DE)`);
  // One set of holiday dates per year, built on first use.
  const byYear = new Map<number, Set<string>>();
  const holidaysOf = (year: number): Set<string> => {
    let set = byYear.get(year);
    if (set) return set;
    set = new Set();
    for (const h of hd.getHolidays(year)) {
      if (h.type !== 'public') continue;
      // h.date is the local date 'YYYY-MM-DD hh:mm:ss'; a multi-day holiday covers each day until end.
      const first = h.date.slice(0, 10);
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < days; i++) set.add(addDays(first, i));
    }
    byYear.set(year, set);
    return set;
  };
  return {
    isWorkday(date) {
      assertDate(date);
      if (isWeekend(date)) return false;
      return !holidaysOf(Number(date.slice(0, 4))).has(date);
    },
  };
}

/** True when a holiday calendar exists for this ISO country code (for config validation). */
export function isKnownHolidayCountry(country: string): boolean {
  const code = country.toUpperCase();
  return code === 'CN' || !!new Holidays().getCountries()[code];
}

// Calendars are immutable tables, so one per country is shared (the scheduler asks every minute).
const calendars = new Map<string, WorkCalendar>();

export function makeWorkCalendar(country?: string): WorkCalendar {
  if (!country) return mondayToFriday;
  const code = country.toUpperCase();
  let cal = calendars.get(code);
  if (!cal) {
    cal = code === 'CN' ? chinaCalendar() : publicHolidayCalendar(code);
    calendars.set(code, cal);
  }
  return cal;
}
