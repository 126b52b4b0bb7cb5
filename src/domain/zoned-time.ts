/**
 * Wall-clock ↔ instant conversion for an IANA zone, using only Intl. dayjs' timezone plugin has
 * known off-by-an-hour bugs around transitions, and this is small enough to own and test.
 * Pure: instants are epoch ms passed in, never read from a clock.
 */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timezone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * The last conversion, kept: a cycle's slots share one due instant, so a status or a reminder run
 * asks for the same instant many times in a row, and formatToParts is the costly step.
 */
let last: { instant: number; timezone: string; wall: WallTime } | null = null;

export function wallTimeAt(instant: number, timezone: string): WallTime {
  if (last && last.instant === instant && last.timezone === timezone) return { ...last.wall };
  const wall = computeWallTime(instant, timezone);
  last = { instant, timezone, wall };
  return { ...wall };
}

function computeWallTime(instant: number, timezone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timezone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((instant % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** The zone's UTC offset in ms at an instant (e.g. -5h for New York in winter). */
export function offsetAt(instant: number, timezone: string): number {
  const w = wallTimeAt(instant, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - instant;
}

/**
 * The instant a wall clock in `timezone` shows the given local time.
 * - A time that happens twice (fall back, 01:30 in New York on 2026-11-01): the first one.
 * - A time that never happens (spring forward, 02:30 on 2026-03-08): pushed forward by the gap
 *   (03:30 EDT), which is what a person setting an alarm expects.
 * Assumes at most one offset change within a day either side, true of every real zone.
 */
export function instantOfWallTime(
  date: string,
  time: { hour: number; minute: number; second?: number; millisecond?: number },
  timezone: string,
): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // The same wall time `days` days away, read as if it were UTC (Date.UTC rolls the day over).
  const asUtc = (days: number) =>
    Date.UTC(y, m - 1, d + days, time.hour, time.minute, time.second ?? 0, time.millisecond ?? 0);
  const local = asUtc(0);
  const before = offsetAt(asUtc(-1), timezone);
  const after = offsetAt(asUtc(1), timezone);
  const valid = [...new Set([before, after])].map((o) => local - o).filter((t) => offsetAt(t, timezone) === local - t);
  if (valid.length > 0) return Math.min(...valid);
  return local - before;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

export function dateOf(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
}
