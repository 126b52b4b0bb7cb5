/**
 * Bench 3: the scheduler's database work at scale (the size we design for: 10,000 managers nudged
 * in one cycle).
 * Times, on a real SQLite file, (a) the tick that opens a cycle of N managers × 4 reports (claimed,
 * then filled and nudged a chunk of managers per transaction, yielding to the event loop between
 * them: src/usecases/schedule/open-cycles-in-chunks.ts), (b) the tick at the due time
 * that sends reminder step 0 to every manager and every team channel's digest (in chunks too, with
 * the event loop's longest stall meanwhile), and (c) an idle tick while all those slots are
 * overdue and no ladder step is due — the tick that runs every minute for days after a due time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { makeTestDb } from '../test/support/db.js';
import { seedTeams, testSettings } from '../test/support/org.js';
import { makeRunScheduleTick, type TickReport } from '../src/usecases/schedule/run-schedule-tick.js';

export interface OpenCycleResult {
  managers: number;
  slots: number;
  nudges: number;
  openMs: number;
  /** Process CPU time (user + system) spent opening it, ms: moves far less than wall time on a loaded machine. */
  openCpuMs: number;
  /** Transactions the open ran (each one a stretch the event loop is held). */
  openTransactions: number;
  /** The event loop's delay while the cycle opened (monitorEventLoopDelay, 10 ms resolution), ms. */
  loopDelay: { p99: number; max: number; longestGapMs: number };
  /** The same monitor over an idle loop for as long (what the machine itself costs: a busy shared host preempts). */
  idleLoopDelay: { p99: number; max: number };
  dueTick: { ms: number; cpuMs: number; reminders: number; digests: number; loopDelayMax: number };
  idleTick: { medianMs: number; maxMs: number; runs: number; reminders: number; digests: number };
}

const HOUR = 3_600_000;

export async function benchOpenCycle(opts: { managers: number; reportsEach?: number }): Promise<OpenCycleResult> {
  const db = makeTestDb({ now: '2026-11-23T08:00:00Z' });
  try {
    const settings = testSettings({ timezone: 'UTC' });
    seedTeams(db.store, { managers: opts.managers, reportsPerManager: opts.reportsEach ?? 4 });
    const tick = makeRunScheduleTick({ store: db.store, clock: db.clock, settings });
    let transactions = 0;
    const tx = db.store.tx.bind(db.store);
    db.store.tx = (fn) => (transactions++, tx(fn));
    const timed = async (iso: string | number): Promise<{ ms: number; cpuMs: number; r: TickReport }> => {
      db.clock.set(typeof iso === 'number' ? new Date(iso).toISOString() : iso);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await tick();
      const cpu = process.cpuUsage(cpu0);
      return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, r };
    };

    // W48 2026 opens Mon 23 Nov 09:00 and is due Fri 27 Nov 18:00 (UTC, default schedule).
    // While the cycle opens, measure how long the event loop is held: the histogram of its delay,
    // and the longest gap between ticks of a 5 ms heartbeat (what a request waiting would see).
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    let lastBeat = performance.now();
    let longestGapMs = 0;
    const beat = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - lastBeat);
      lastBeat = now;
    }, 5);
    histogram.enable();
    const open = await timed('2026-11-23T09:00:00Z');
    const openTransactions = transactions;
    histogram.disable();
    clearInterval(beat);
    longestGapMs = Math.max(longestGapMs, performance.now() - lastBeat);
    const loopDelay = {
      p99: histogram.percentile(99) / 1e6,
      max: histogram.max / 1e6,
      longestGapMs,
    };
    const quiet = monitorEventLoopDelay({ resolution: 10 });
    const idleBeat = setInterval(() => {}, 5);
    quiet.enable();
    await new Promise((r) => setTimeout(r, Math.min(open.ms, 10_000)));
    quiet.disable();
    clearInterval(idleBeat);
    const idleLoopDelay = { p99: quiet.percentile(99) / 1e6, max: quiet.max / 1e6 };
    const opened = open.r.opened[0];
    const nudges = (
      db.conn.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE key LIKE 'nudge:%'`).get() as { n: number }
    ).n;

    const due = Date.parse('2026-11-27T18:00:00Z');
    const dueLoop = monitorEventLoopDelay({ resolution: 10 });
    dueLoop.enable();
    const dueTick = await timed(due);
    dueLoop.disable();
    // Idle: hours after step 0 and before step 1 (1d), nothing left to send, every slot still overdue.
    const idle: { ms: number; cpuMs: number; r: TickReport }[] = [];
    for (let h = 1; h <= 7; h++) idle.push(await timed(due + h * HOUR));
    const ms = idle.map((x) => x.ms).sort((a, b) => a - b);
    return {
      managers: opened?.managers ?? 0,
      slots: opened?.slots ?? 0,
      nudges,
      openMs: open.ms,
      openCpuMs: open.cpuMs,
      openTransactions,
      loopDelay,
      idleLoopDelay,
      dueTick: {
        ms: dueTick.ms,
        cpuMs: dueTick.cpuMs,
        reminders: dueTick.r.reminders,
        digests: dueTick.r.digests,
        loopDelayMax: dueLoop.max / 1e6,
      },
      idleTick: {
        medianMs: ms[Math.floor(ms.length / 2)]!,
        maxMs: ms[ms.length - 1]!,
        runs: ms.length,
        reminders: idle.reduce((n, x) => n + x.r.reminders, 0),
        digests: idle.reduce((n, x) => n + x.r.digests, 0),
      },
    };
  } finally {
    db.cleanup();
  }
}
