import type { UseCaseDeps } from '../../ports/deps.js';
import { openCycle, scheduledPeriod } from './open-cycle.js';
import { sendOverdueReminders } from './overdue-reminders.js';
import { sendDigests } from './cycle-digests.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What one tick did, for logs and tests. */
export interface TickReport {
  opened: { department: string; period: string; managers: number; slots: number }[];
  reminders: number;
  digests: number;
}

/**
 * The scheduler's minute tick (also run once at start, which catches up ticks missed while the bot
 * was down, because every decision compares against "now", not against the cron moment):
 *  (a) opens each department's current cycle once its open time has passed in a manager's zone;
 *  (b) walks overdue pending slots along the reminder ladder;
 *  (c) posts team-channel digests once slots are `digestAfter` past due.
 * With nothing to do it costs one small grouped query plus two index range scans.
 */
export const makeRunScheduleTick =
  ({ store, clock, settings }: UseCaseDeps) =>
  async (): Promise<TickReport> => {
    const now = clock.now();
    const report: TickReport = { opened: [], reminders: 0, digests: 0 };

    const toOpen = store.tx((tx) =>
      tx.reviews
        .departmentZones()
        .map((d) => ({ department: d.department, period: scheduledPeriod(d.department, d.timezones, now, settings) }))
        .filter((d) => d.period && !tx.reviews.cycleFor(d.department, d.period.start)),
    );
    // One transaction per department keeps each write short; a big department does not hold up the rest.
    // SQLite calls are synchronous: yield between transactions so interactive handlers (which must
    // ack within 3 s) get the event loop back between departments.
    for (const { department, period } of toOpen) {
      const o = store.tx((tx) => openCycle(tx, department, period!, { settings, now, actorId: null }));
      if (o.created) report.opened.push({ department, period: o.period.label, managers: o.managers, slots: o.slots });
      await yieldToEventLoop();
    }
    report.reminders = store.tx((tx) => sendOverdueReminders(tx, now, settings));
    await yieldToEventLoop();
    report.digests = store.tx((tx) => sendDigests(tx, now, settings));
    return report;
  };
