/**
 * Opening large cycles without stalling the event loop. SQLite calls are synchronous, so one
 * transaction that writes a 2,500-manager cycle blocks every interactive handler (which must ack
 * within 3 s) for as long as it runs. Here each claimed cycle is filled a chunk of managers per
 * transaction, then the nudges are sent a chunk of managers per transaction, and the event loop
 * gets a turn between any two transactions. Every step can be re-run: a crash or restart leaves
 * the cycle 'opening' and the next run fills what is missing and sends the nudges not yet sent.
 *
 * The schedule tick runs this every minute; `/review start` of a large department runs it right
 * after the ack. The bench times it (`npm run bench`, the cycle figures) with an event-loop monitor.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { fillCycle, finishCycle } from './open-cycle.js';
import { sendNudges } from '../review/nudge.js';

/**
 * Managers whose slots one transaction writes, and whose nudges or reminders one transaction
 * writes. Sized so that one transaction stays well under the 50 ms a stall may last, on a busy
 * 2-core machine too: about 0.5 ms of CPU per manager to fill and 0.6 ms to nudge (4 reports each)
 * when the machine is idle, several times that when it is shared (the bench measured 25–90 ms
 * chunks of 50 managers there).
 */
export const MANAGERS_PER_FILL = 20;
export const MANAGERS_PER_NUDGE = 15;
export const MANAGERS_PER_REMINDER = 15;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface OpenedCycle {
  department: string;
  period: string;
  managers: number;
  slots: number;
}

export interface ChunkSizes {
  managersPerFill?: number;
  managersPerNudge?: number;
  managersPerReminder?: number;
  /** Team channels whose digests one transaction writes (./cycle-digests.ts). */
  channelsPerDigest?: number;
}

/**
 * Fills and finishes every cycle still 'opening', then sends every nudge not yet sent (for cycles
 * opened by any path), in chunks. Returns the cycles it finished and how many nudges it wrote.
 */
export const makeCompleteOpeningCycles =
  ({ store, clock, settings }: UseCaseDeps, sizes: ChunkSizes = {}) =>
  async (): Promise<{ opened: OpenedCycle[]; nudges: number }> => {
    const perFill = Math.max(1, sizes.managersPerFill ?? MANAGERS_PER_FILL);
    const perNudge = Math.max(1, sizes.managersPerNudge ?? MANAGERS_PER_NUDGE);
    const opened: OpenedCycle[] = [];
    for (const cycle of store.tx((tx) => tx.reviews.openingCycles())) {
      const managerIds = store.tx((tx) => tx.reviews.rosterManagers(cycle.department));
      const skippedOnLeave: string[] = [];
      for (let i = 0; i < managerIds.length; i += perFill) {
        await yieldToEventLoop();
        const part = managerIds.slice(i, i + perFill);
        skippedOnLeave.push(...store.tx((tx) => fillCycle(tx, cycle, { settings, managerIds: part })).skippedOnLeave);
      }
      await yieldToEventLoop();
      const size = store.tx((tx) =>
        // Another run (the tick and `/review start` can overlap) may have finished it meanwhile.
        tx.reviews.cycle(cycle.id)?.status === 'opening' ? finishCycle(tx, cycle, skippedOnLeave) : null,
      );
      if (size)
        opened.push({ department: cycle.department, period: cycle.label, managers: size.managers, slots: size.slots });
    }

    let nudges = 0;
    for (;;) {
      await yieldToEventLoop();
      const written = store.tx((tx) => {
        const managerIds = tx.reviews.managersToNudge(perNudge);
        return managerIds.length ? sendNudges(tx, managerIds, settings, clock.now()) : 0;
      });
      if (!written) break;
      nudges += written;
    }
    return { opened, nudges };
  };
