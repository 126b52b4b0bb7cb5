/**
 * Opening a review cycle for a department: the one code path behind the schedule tick and
 * `/review start`. Set-based so a cycle of 10,000 managers is a few queries and batched inserts:
 * one roster query, one leave query per distinct due date, chunked slot inserts, one slot read-back,
 * then one nudge per manager.
 */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Cycle, SlotView } from '../../ports/repos/reviews.js';
import { makeWorkCalendar } from '../../domain/calendar.js';
import { periodContaining, openInstant, dueInstant, addDuration, type Period } from '../../domain/schedule.js';
import { dateIn } from '../../domain/dates.js';
import { localeOf, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { nudgeMessage } from '../review/nudge.js';

export interface OpenCycleOutcome {
  department: string;
  period: Period;
  /** False when the department already had a cycle for the period (nothing was written). */
  created: boolean;
  cycle: Cycle | null;
  managers: number;
  slots: number;
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

export function openCycle(
  tx: Tx,
  department: string,
  period: Period,
  ctx: { settings: AppSettings; now: number; actorId: string | null },
): OpenCycleOutcome {
  const { settings, now } = ctx;
  const s = settings.scheduleFor(department);
  const cycle = tx.reviews.createCycle({
    department,
    cadence: s.cadence,
    label: period.label,
    periodStart: period.start,
    periodEnd: period.end,
    openedAt: now,
    openedBy: ctx.actorId,
  });
  if (!cycle)
    return {
      department,
      period,
      created: false,
      cycle: tx.reviews.cycleFor(department, period.start),
      managers: 0,
      slots: 0,
    };

  const cal = makeWorkCalendar(settings.holidays);
  const dueByZone = new Map<string, { dueAt: number; nextReminderAt: number | null }>();
  const leaveByDate = new Map<string, Set<string>>();
  const managers = new Map<string, Person>();
  const rows: {
    cycleId: number;
    managerId: string;
    employeeId: string;
    dueAt: number;
    nextReminderAt: number | null;
  }[] = [];
  const skippedOnLeave: string[] = [];
  for (const { employee, manager } of tx.reviews.reportsWithManagers(department)) {
    const zone = zoneOf(manager, settings);
    let due = dueByZone.get(zone);
    if (!due) {
      const dueAt = dueInstant(s, period, zone, cal);
      // The first reminder-ladder step, in the manager's zone; the tick reads slots from then on.
      const steps = settings.reminders.map((r) => addDuration(dueAt, r.after, zone));
      dueByZone.set(zone, (due = { dueAt, nextReminderAt: steps.length ? Math.min(...steps) : null }));
    }
    const { dueAt, nextReminderAt } = due;
    const dueDate = dateIn(dueAt, zone);
    let onLeave = leaveByDate.get(dueDate);
    if (!onLeave) leaveByDate.set(dueDate, (onLeave = tx.reviews.onLeaveOn(dueDate)));
    if (onLeave.has(employee.id)) {
      skippedOnLeave.push(employee.id);
      continue;
    }
    managers.set(manager.id, manager);
    rows.push({ cycleId: cycle.id, managerId: manager.id, employeeId: employee.id, dueAt, nextReminderAt });
  }
  const inserted = tx.reviews.insertSlots(rows);

  const byManager = new Map<string, SlotView[]>();
  for (const v of tx.reviews.slotViews({ cycleId: cycle.id }))
    byManager.set(v.managerId, [...(byManager.get(v.managerId) ?? []), v]);
  for (const [managerId, slots] of byManager) {
    const manager = managers.get(managerId)!;
    const message = nudgeMessage(manager, slots, settings);
    if (message)
      tx.outbox.post({
        key: outboxKeys.nudge(cycle.id, managerId),
        to: { person: managerId },
        message,
        locale: localeOf(manager, settings),
      });
  }
  tx.audit.record({
    actorId: ctx.actorId,
    action: 'cycle.open',
    subjectType: 'cycle',
    subjectId: cycle.id,
    detail: { department, period: period.label, managers: byManager.size, slots: inserted, skippedOnLeave },
  });
  return { department, period, created: true, cycle, managers: byManager.size, slots: inserted };
}
