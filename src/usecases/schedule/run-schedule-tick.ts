import type { UseCaseDeps } from '../../ports/deps.js';
import { claimCycle, scheduledPeriod } from './open-cycle.js';
import {
  makeCompleteOpeningCycles,
  yieldToEventLoop,
  MANAGERS_PER_REMINDER,
  type ChunkSizes,
} from './open-cycles-in-chunks.js';
import { sendOverdueReminders } from './overdue-reminders.js';
import { readyDigestGroups, sendChannelDigests, CHANNELS_PER_DIGEST } from './cycle-digests.js';

/** What one tick did, for logs and tests. */
export interface TickReport {
  opened: { department: string; period: string; managers: number; slots: number }[];
  /** Nudges written (posted, or rewritten in place when a manager's week already had one). */
  nudges: number;
  reminders: number;
  digests: number;
}

/**
 * The scheduler's minute tick (also run once at start, which catches up ticks missed while the bot
 * was down, because every decision compares against "now", not against the cron moment):
 *  (a) claims each department's current cycle once its open time has passed in a manager's zone,
 *      fills every claimed cycle in chunks, then sends each manager one nudge for the week;
 *  (b) walks overdue pending slots along the reminder ladder;
 *  (c) posts team-channel digests once slots are `digestAfter` past due, a chunk of channels at a time.
 * Transactions are short and the event loop gets a turn between them, so interactive handlers
 * (which must ack within 3 s) keep answering while a large cycle opens.
 * With nothing to do it costs one small grouped query plus a few index range scans.
 */
export const makeRunScheduleTick = (deps: UseCaseDeps, sizes: ChunkSizes = {}) => {
  const { store, clock, settings } = deps;
  const completeOpening = makeCompleteOpeningCycles(deps, sizes);
  const perRemind = Math.max(1, sizes.managersPerReminder ?? MANAGERS_PER_REMINDER);
  const perDigest = Math.max(1, sizes.channelsPerDigest ?? CHANNELS_PER_DIGEST);
  return async (): Promise<TickReport> => {
    const now = clock.now();
    store.tx((tx) => {
      for (const d of tx.reviews.departmentZones()) {
        const period = scheduledPeriod(d.department, d.timezones, now, settings);
        if (period && !tx.reviews.cycleFor(d.department, period.start))
          claimCycle(tx, d.department, period, { settings, now, actorId: null });
      }
    });
    const { opened, nudges } = await completeOpening();
    await yieldToEventLoop();
    // The reminder ladder, a chunk of managers per transaction (a due time passes for a whole org at once).
    // Each chunk moves its slots' next reminder past `now`; a manager seen twice means a slot did not
    // move on (a hand-edited ladder), and the loop stops rather than spin.
    let reminders = 0;
    const seen = new Set<string>();
    for (;;) {
      const chunk = store.tx((tx) => {
        const managerIds = tx.reviews.reminderDueManagers(now, perRemind);
        if (!managerIds.length || managerIds.some((m) => seen.has(m))) return null;
        for (const m of managerIds) seen.add(m);
        return { sent: sendOverdueReminders(tx, now, settings, managerIds) };
      });
      if (!chunk) break;
      reminders += chunk.sent;
      await yieldToEventLoop();
    }
    // Digests, a chunk of team channels per transaction (a due time passes for every channel at once).
    // Each chunk marks its channels' slots, so the next chunk's query no longer finds them; a channel
    // seen twice means it was not marked, and the group stops rather than spin.
    let digests = 0;
    for (const group of store.read((tx) => readyDigestGroups(tx, now, settings))) {
      const done = new Set<string>();
      for (;;) {
        await yieldToEventLoop();
        const sent = store.tx((tx) => {
          const channels = tx.reviews.digestChannelsDue(group, perDigest);
          if (!channels.length || channels.some((c) => done.has(c))) return null;
          for (const c of channels) done.add(c);
          return sendChannelDigests(tx, group.cycleId, channels, settings);
        });
        if (sent === null) break;
        digests += sent;
      }
    }
    return { opened, nudges, reminders, digests };
  };
};
