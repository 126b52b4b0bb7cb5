/**
 * Calendar dates as `YYYY-MM-DD` strings and instants as epoch ms: the one home of date arithmetic.
 * Date arithmetic is done in UTC on the date itself, so a result never depends on the server's
 * zone; "today" always names the zone it is taken in.
 */
import { wallTimeAt, dateOf } from './zoned-time.js';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in `YYYY-MM-DD` (refuses `2027-13-45` and `2026-02-30`). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Midnight UTC of a calendar date, as epoch ms. */
export const dateMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** `date` moved by `days` calendar days (negative moves back). */
export const addDays = (date: string, days: number): string =>
  new Date(dateMs(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((dateMs(to) - dateMs(from)) / DAY_MS);

/** The UTC calendar date of an instant. Use `dateIn` when a person's or the org's zone matters. */
export const utcDate = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

/** The calendar date a wall clock in `timezone` shows at `instant` ("today" in that zone). */
export const dateIn = (instant: number, timezone: string): string => dateOf(wallTimeAt(instant, timezone));

/**
 * A wall-clock time typed as `HH:MM` (24h; a full-width `：` is accepted, as Chinese IMEs type
 * it), or null when it is not one.
 */
export function parseTimeOfDay(s: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(s.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/**
 * `date` moved by whole calendar months; a day that does not exist in the target month becomes its
 * last day (2024-01-31 + 1 month = 2024-02-29), the way an anniversary falls in a shorter month.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole years from `from` to `to` (an anniversary on a 29 February falls on the 28th). */
export function fullYearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (addMonths(from, years * 12) > to) years -= 1;
  return Math.max(0, years);
}
