/**
 * Opening a review cycle for a department: the one code path behind the schedule tick,
 * `/review start` and the demo. Three steps, each set-based so a cycle of 10,000 managers is a few
 * queries and batched inserts:
 *  1. claim: the cycle row, `status = 'opening'` (a UNIQUE index lets one opener win);
 *  2. fill: the slots of some or all of its managers (roster query, one leave query per due date,
 *     batched inserts); re-running it writes nothing twice;
 *  3. finish: `status = 'open'` and the audit row.
 * Nudges are a separate step (`sendNudges` in ../review/nudge.ts), run once every cycle opening
 * at the same moment is filled, so a manager with reports in several departments gets one nudge.
 * Small cycles do all of it in one transaction (`openCycle`); large ones are done in chunks that
 * yield to the event loop between transactions (./open-cycles-in-chunks.ts).
 */
import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Cycle } from '../../ports/repos/reviews.js';
import { makeWorkCalendar } from '../../domain/calendar.js';
import { periodContaining, openInstant, dueInstant, addDuration, type Period } from '../../domain/schedule.js';
import { dateIn } from '../../domain/dates.js';
import { zoneOf } from '../shared/people.js';

export interface OpenCycleOutcome {
  department: string;
  period: Period;
  /** False when the department already had a cycle for the period (nothing was written). */
  created: boolean;
  cycle: Cycle | null;
  /** Managers with reviews in the cycle, and its reviews. */
  managers: number;
  slots: number;
  /** The cycle's managers, whose nudges the caller sends (with every other cycle opened alongside). */
  managerIds: string[];
}

/** The period `/review start` opens: the one containing today in the configured default zone. */
export function currentPeriod(department: string, now: number, settings: AppSettings): Period {
  return periodContaining(settings.scheduleFor(department).cadence, dateIn(now, settings.timezone));
}

/**
 * The period whose cycle the schedule should have opened by `now`, or null. A department opens as
 * soon as the open time has passed in any of its managers' zones (each manager's due time stays in
 * their own zone). A period whose due time has already passed everywhere is not opened by the
 * schedule: after a long outage that would only produce overdue nagging; `/review start` still can.
 */
export function scheduledPeriod(
  department: string,
  managerZones: (string | null)[],
  now: number,
  settings: AppSettings,
): Period | null {
  const s = settings.scheduleFor(department);
  const cal = makeWorkCalendar(settings.holidays);
  let best: Period | null = null;
  for (const zone of new Set(managerZones.map((z) => z ?? settings.timezone))) {
    const p = periodContaining(s.cadence, dateIn(now, zone));
    if (now < openInstant(s, p, zone) || now >= dueInstant(s, p, zone, cal)) continue;
    if (!best || p.start > best.start) best = p;
  }
  return best;
}

/** Step 1: the cycle row, still 'opening'; null when the department already has this period's cycle. */
export function claimCycle(
  tx: Tx,
  department: string,
  period: Period,
  ctx: { settings: AppSettings; now: number; actorId: string | null },
): Cycle | null {
  return tx.reviews.createCycle({
    department,
    cadence: ctx.settings.scheduleFor(department).cadence,
    label: period.label,
    periodStart: period.start,
    periodEnd: period.end,
    openedAt: ctx.now,
    openedBy: ctx.actorId,
    status: 'opening',
  });
}

/**
 * Step 2: the slots of these managers' reports (every manager of the department when absent). Each
 * slot is due at the period's due time in its manager's zone; people on leave that day are skipped.
 */
export function fillCycle(
  tx: Tx,
  cycle: Cycle,
  ctx: { settings: AppSettings; managerIds?: string[] },
): { inserted: number; skippedOnLeave: string[] } {
  const { settings } = ctx;
  const s = settings.scheduleFor(cycle.department);
  const period: Period = { label: cycle.label, start: cycle.periodStart, end: cycle.periodEnd };
  const cal = makeWorkCalendar(settings.holidays);
  const dueByZone = new Map<string, { dueAt: number; nextReminderAt: number | null }>();
  const leaveByDate = new Map<string, Set<string>>();
  const rows: {
    cycleId: number;
    managerId: string;
    employeeId: string;
    dueAt: number;
    nextReminderAt: number | null;
  }[] = [];
  const skippedOnLeave: string[] = [];
  for (const { employee, manager } of tx.reviews.reportsWithManagers(cycle.department, ctx.managerIds)) {
    const zone = zoneOf(manager, settings);
    let due = dueByZone.get(zone);
    if (!due) {
      const dueAt = dueInstant(s, period, zone, cal);
      // The first reminder-ladder step, in the manager's zone; the tick reads slots from then on.
      const steps = settings.reminders.map((r) => addDuration(dueAt, r.after, zone));
      dueByZone.set(zone, (due = { dueAt, nextReminderAt: steps.length ? Math.min(...steps) : null }));
    }
    const dueDate = dateIn(due.dueAt, zone);
    let onLeave = leaveByDate.get(dueDate);
    if (!onLeave) leaveByDate.set(dueDate, (onLeave = tx.reviews.onLeaveOn(dueDate)));
    if (onLeave.has(employee.id)) {
      skippedOnLeave.push(employee.id);
      continue;
    }
    rows.push({ cycleId: cycle.id, managerId: manager.id, employeeId: employee.id, ...due });
  }
  return { inserted: tx.reviews.insertSlots(rows), skippedOnLeave };
}

/** Step 3: the cycle is open; audited with its size. */
export function finishCycle(
  tx: Tx,
  cycle: Cycle,
  skippedOnLeave: string[],
): { managers: number; slots: number; managerIds: string[] } {
  tx.reviews.markCycleOpen(cycle.id);
  const { managerIds, slots } = tx.reviews.cycleSize(cycle.id);
  tx.audit.record({
    actorId: cycle.openedBy,
    action: 'cycle.open',
    subjectType: 'cycle',
    subjectId: cycle.id,
    detail: { department: cycle.department, period: cycle.label, managers: managerIds.length, slots, skippedOnLeave },
  });
  return { managers: managerIds.length, slots, managerIds };
}

/** Opens a cycle in one transaction (claim, fill, finish), for a department small enough to do at once. */
export function openCycle(
  tx: Tx,
  department: string,
  period: Period,
  ctx: { settings: AppSettings; now: number; actorId: string | null },
): OpenCycleOutcome {
  const cycle = claimCycle(tx, department, period, ctx);
  if (!cycle)
    return {
      department,
      period,
      created: false,
      cycle: tx.reviews.cycleFor(department, period.start),
      managers: 0,
      slots: 0,
      managerIds: [],
    };
  const { skippedOnLeave } = fillCycle(tx, cycle, { settings: ctx.settings });
  const size = finishCycle(tx, cycle, skippedOnLeave);
  return { department, period, created: true, cycle: { ...cycle, status: 'open' }, ...size };
}
