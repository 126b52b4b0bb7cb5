/**
 * The period a report covers, as people type it: `2026-W49` (a week), `2026-11` (a month),
 * `2026-Q4` (a quarter), `2026-W40..2026-W49` (a range of weeks), or `last-8w` (the last 8 weeks,
 * this one included). Empty means the default, the last 8 weeks. Dates are calendar dates.
 */
import { addDays } from '../dates.js';
import { periodContaining } from '../schedule.js';
import { monthsBetween } from './aggregate.js';

export interface ReportPeriod {
  /** As shown: the text given, or the default's. */
  label: string;
  from: string;
  to: string;
  /** ISO week labels the period touches, oldest first. */
  weeks: string[];
  /** Months (`YYYY-MM`) it touches, oldest first. */
  months: string[];
}

export const DEFAULT_REPORT_PERIOD = 'last-8w';
/** The choices the dashboard offers; any other accepted text works too. */
export const REPORT_PERIOD_PRESETS = ['last-4w', 'last-8w', 'last-13w', 'last-26w'] as const;

const MAX_WEEKS = 104;

/** The Monday of ISO week `week` of ISO year `year` (its 4 January is always in week 1). */
function mondayOfIsoWeek(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(periodContaining('weekly', jan4).start, 7 * (week - 1));
}

function weekRange(fromMonday: string, toDate: string): string[] {
  const out: string[] = [];
  for (let d = fromMonday; d <= toDate && out.length < MAX_WEEKS; d = addDays(d, 7))
    out.push(periodContaining('weekly', d).label);
  return out;
}

function make(label: string, from: string, to: string): ReportPeriod {
  return {
    label,
    from,
    to,
    weeks: weekRange(periodContaining('weekly', from).start, to),
    months: monthsBetween(from, to),
  };
}

const WEEK = /^(\d{4})-W(\d{2})$/;

function weekSpan(text: string): { from: string; to: string } | null {
  const m = WEEK.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  const from = mondayOfIsoWeek(year, week);
  // Week 53 exists only in some years: it must still belong to the year it names.
  if (periodContaining('weekly', from).label !== text) return null;
  return { from, to: addDays(from, 6) };
}

/** Null for text that names no period (the caller says what is accepted). */
export function parseReportPeriod(raw: string | undefined, today: string): ReportPeriod | null {
  const text = (raw ?? '').trim() || DEFAULT_REPORT_PERIOD;
  const last = /^last-(\d{1,3})w$/.exec(text);
  if (last) {
    const n = Number(last[1]);
    if (n < 1 || n > MAX_WEEKS) return null;
    const thisMonday = periodContaining('weekly', today).start;
    return make(text, addDays(thisMonday, -7 * (n - 1)), today);
  }
  const week = weekSpan(text);
  if (week) return make(text, week.from, week.to);
  const range = /^(\d{4}-W\d{2})\.\.(\d{4}-W\d{2})$/.exec(text);
  if (range) {
    const a = weekSpan(range[1]!);
    const b = weekSpan(range[2]!);
    if (!a || !b || b.to < a.from) return null;
    const p = make(text, a.from, b.to);
    return p.weeks.length <= MAX_WEEKS ? p : null;
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month) {
    const from = `${text}-01`;
    const next =
      month[2] === '12'
        ? `${Number(month[1]) + 1}-01-01`
        : `${month[1]}-${String(Number(month[2]) + 1).padStart(2, '0')}-01`;
    return make(text, from, addDays(next, -1));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) {
    const q = Number(quarter[2]);
    const from = `${quarter[1]}-${String(3 * q - 2).padStart(2, '0')}-01`;
    const next = q === 4 ? `${Number(quarter[1]) + 1}-01-01` : `${quarter[1]}-${String(3 * q + 1).padStart(2, '0')}-01`;
    return make(text, from, addDays(next, -1));
  }
  return null;
}
