/**
 * The figures behind each dashboard chart, from `DashboardFacts`. Pure: `now` and the zone that
 * months are counted in are passed in.
 */
import { DAY_MS, dateIn } from '../dates.js';
import type { AttainmentFact, CaseFact, SlotFact, WarningFact } from './facts.js';

export type SlotOutcome = 'onTime' | 'late' | 'missing';

/** A slot's outcome at `now`; null while it is not due yet (nothing to judge). */
export function slotOutcome(s: Pick<SlotFact, 'dueAt' | 'submittedAt'>, now: number): SlotOutcome | null {
  if (s.submittedAt !== null) return s.submittedAt <= s.dueAt ? 'onTime' : 'late';
  return s.dueAt < now ? 'missing' : null;
}

export interface CompletionRow {
  period: string;
  department: string;
  onTime: number;
  late: number;
  missing: number;
}

/** Review completion per period and department, oldest period first, departments A–Z. */
export function reviewCompletion(slots: readonly SlotFact[], now: number): CompletionRow[] {
  const rows = new Map<string, CompletionRow & { start: string }>();
  for (const s of slots) {
    const outcome = slotOutcome(s, now);
    if (!outcome) continue;
    const key = `${s.periodStart}\u0000${s.department}`;
    let row = rows.get(key);
    if (!row) {
      row = { period: s.period, start: s.periodStart, department: s.department, onTime: 0, late: 0, missing: 0 };
      rows.set(key, row);
    }
    row[outcome]++;
  }
  return [...rows.values()]
    .sort((a, b) => a.start.localeCompare(b.start) || a.department.localeCompare(b.department))
    .map(({ start: _start, ...r }) => r);
}

export interface ManagerOnTime {
  managerId: string;
  managerName: string;
  onTime: number;
  due: number;
  rate: number;
}

/** Share of each manager's due reviews submitted on time, lowest first (who needs a word first). */
export function onTimeByManager(slots: readonly SlotFact[], now: number): ManagerOnTime[] {
  const by = new Map<string, ManagerOnTime>();
  for (const s of slots) {
    const outcome = slotOutcome(s, now);
    if (!outcome) continue;
    const m = by.get(s.managerId) ?? { managerId: s.managerId, managerName: s.managerName, onTime: 0, due: 0, rate: 0 };
    m.due++;
    if (outcome === 'onTime') m.onTime++;
    by.set(s.managerId, m);
  }
  return [...by.values()]
    .map((m) => ({ ...m, rate: m.onTime / m.due }))
    .sort((a, b) => a.rate - b.rate || a.managerName.localeCompare(b.managerName));
}

/**
 * Actual/target of a KPI result, so 1 means on target and more is better; for a "lower is better"
 * KPI it is target/actual. Null when the ratio means nothing (a zero or negative denominator).
 */
export function attainmentOf(r: { actual: number; target: number; direction: 'higher' | 'lower' }): number | null {
  if (r.direction === 'higher') return r.target > 0 ? r.actual / r.target : null;
  return r.actual > 0 ? r.target / r.actual : null;
}

/** Linear-interpolated quantile of sorted values (the method spreadsheets call PERCENTILE.INC). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) throw new RangeError('no values');
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Distribution {
  jobId: string;
  jobTitle: string;
  count: number;
  /** min, first quartile, median, third quartile, max. */
  box: [number, number, number, number, number];
  /** Share of results at or above target. */
  metShare: number;
}

export function attainmentByJob(facts: readonly AttainmentFact[]): Distribution[] {
  const by = new Map<string, { title: string; values: number[] }>();
  for (const f of facts) {
    const e = by.get(f.jobId) ?? { title: f.jobTitle, values: [] };
    e.values.push(f.attainment);
    by.set(f.jobId, e);
  }
  return [...by.entries()]
    .map(([jobId, { title, values }]) => {
      const v = [...values].sort((a, b) => a - b);
      const box = [0, 0.25, 0.5, 0.75, 1].map((q) => quantile(v, q)) as Distribution['box'];
      return { jobId, jobTitle: title, count: v.length, box, metShare: v.filter((x) => x >= 1).length / v.length };
    })
    .sort((a, b) => a.jobTitle.localeCompare(b.jobTitle));
}

/** The months `YYYY-MM` from the one containing `from` to the one containing `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let i = 0; i < 1200; i++) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push(label);
    if (label >= end) break;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

/** Counts of instants per month (in `timezone`), for every month of `months` (zeros included). */
export function perMonth(instants: readonly number[], months: readonly string[], timezone: string): number[] {
  const counts = new Map(months.map((m) => [m, 0]));
  for (const at of instants) {
    const m = dateIn(at, timezone).slice(0, 7);
    if (counts.has(m)) counts.set(m, counts.get(m)! + 1);
  }
  return months.map((m) => counts.get(m)!);
}

/**
 * The cases open at `at` (opened by then, not yet closed or withdrawn) per the stage each was in
 * then, biggest first. A past period's chart shows its last day, not today.
 */
export function openCasesByStage(cases: readonly CaseFact[], at: number): { stage: string; count: number }[] {
  const by = new Map<string, number>();
  for (const c of cases) {
    if (c.openedAt > at || (c.closedAt !== null && c.closedAt <= at)) continue;
    const stage = stageAt(c, at);
    if (stage !== undefined) by.set(stage, (by.get(stage) ?? 0) + 1);
  }
  return [...by.entries()].map(([stage, count]) => ({ stage, count })).sort((a, b) => b.count - a.count);
}

/** The stage a case was in at `at`: the last one it had entered by then. */
export function stageAt(c: CaseFact, at: number): string | undefined {
  return c.stages.filter((s) => s.from <= at).at(-1)?.stage;
}

/** Median days from open to close of the cases closed (or withdrawn) in each month; null when none. */
export function cycleTimeByMonth(cases: readonly CaseFact[], months: readonly string[], timezone: string) {
  return months.map((month) => {
    const days = cases
      .filter((c) => c.closedAt !== null && dateIn(c.closedAt, timezone).slice(0, 7) === month)
      .map((c) => (c.closedAt! - c.openedAt) / DAY_MS)
      .sort((a, b) => a - b);
    return { month, closed: days.length, medianDays: days.length ? quantile(days, 0.5) : null };
  });
}

/** Warnings raised and acted on per week, in the order of `weeks`. */
export function warningsByWeek(warnings: readonly WarningFact[], weeks: readonly string[]) {
  return weeks.map((week) => {
    const these = warnings.filter((w) => w.week === week);
    return { week, raised: these.length, acted: these.filter((w) => w.acted).length };
  });
}
