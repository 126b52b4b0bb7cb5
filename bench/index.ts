/**
 * `npm run bench`: prints figures for the "Speed and size" targets. It never fails on
 * timing (CI does not run it). Knobs: BENCH_RATE (auto), BENCH_MESSAGES, BENCH_KNOWN_RATE (100),
 * BENCH_SUBMISSIONS (1000), BENCH_CONCURRENCY (8), BENCH_MANAGERS (2500), BENCH_SEED (15, the
 * synthetic organisation of the warning backtest), BENCH_PEOPLE (50000, the org import),
 * BENCH_ONLY (fanout, submit, cycle, warn or import: run just that section).
 */
import { runFanoutBenches } from './fanout.js';
import { benchSubmitLatency } from './submit-latency.js';
import { benchOpenCycle } from './open-cycle.js';
import { benchWarnings } from './warnings.js';
import { benchImport } from './import.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const f1 = (n: number) => n.toFixed(1);

const only = process.env.BENCH_ONLY;

async function main(): Promise<void> {
  console.log('Dandang bench (figures only; nothing here fails on timing)\n');
  if (!only || only === 'fanout') await fanout();
  if (!only || only === 'submit') await submit();
  if (!only || only === 'cycle') await cycle();
  if (!only || only === 'warn') benchWarnings(num('BENCH_SEED', 15));
  if (!only || only === 'import') await orgImport();
}

async function fanout(): Promise<void> {
  // 1. Fan-out (bench/fanout.ts): the limit not told (adaptive), and the limit in the config.
  await runFanoutBenches();
}

async function submit(): Promise<void> {
  // 2. Submission latency vs a bare ack, same mixed load.
  const submissions = num('BENCH_SUBMISSIONS', 1000);
  const reportsEach = 10;
  const concurrency = num('BENCH_CONCURRENCY', 8);
  const lat = await benchSubmitLatency({
    managers: Math.max(1, Math.round(submissions / reportsEach)),
    reportsEach,
    concurrency,
  });
  if ('skipped' in lat) {
    console.log(`\n[submit] skipped: ${lat.skipped}`);
    return;
  }
  console.log(
    `\n[submit] ${lat.submissions} review submissions interleaved with as many no-op actions, ${lat.concurrency} concurrent clients, over HTTP through Bolt`,
  );
  console.log(
    `  review submit (validate, authorize, write + audit): p50 ${f1(lat.submit.p50)} ms, p99 ${f1(lat.submit.p99)} ms`,
  );
  console.log(
    `  bare Bolt ack of a no-op action:                    p50 ${f1(lat.ack.p50)} ms, p99 ${f1(lat.ack.p99)} ms`,
  );
  console.log(
    `  p99 ratio ${lat.ratioP99.toFixed(2)}× (target ≤ 2×); stored ${lat.stored} reviews, ${lat.rejected} submissions and ${lat.failedAcks} no-op acks failed`,
  );
}

async function cycle(): Promise<void> {
  // 3. The scheduler's own database work for a big cycle (no chat traffic: the outbox is only filled).
  const c = await benchOpenCycle({ managers: num('BENCH_MANAGERS', 2500), reportsEach: 4 });
  console.log(`\n[cycle] ${c.managers} managers × 4 reports = ${c.slots} slots, on a SQLite file`);
  console.log(`  open the cycle (slots + ${c.nudges} nudges queued + audit, one transaction): ${f1(c.openMs)} ms`);
  console.log(
    `  tick at the due time (reminder step 0: ${c.dueTick.reminders} queued, ${c.dueTick.digests} digests): ${f1(c.dueTick.ms)} ms`,
  );
  console.log(
    `  idle tick with ${c.slots} overdue slots (${c.idleTick.runs} runs, ${c.idleTick.reminders + c.idleTick.digests} messages): median ${f1(c.idleTick.medianMs)} ms, max ${f1(c.idleTick.maxMs)} ms`,
  );
}

async function orgImport(): Promise<void> {
  // 5. `npm run dandang -- org import` of a big organisation, in a child process as a user runs it.
  const r = await benchImport(num('BENCH_PEOPLE', 50_000));
  console.log(
    `\n[import] org import of ${r.people} people (npm run dandang's command, a child process, no platform lookups)`,
  );
  console.log(
    `  first import (all created, KPI acknowledgments queued): ${f1(r.first.ms / 1000)} s, peak RSS ${Math.round(r.first.peakRssMb)} MB (targets 20 s, 256 MB)`,
  );
  console.log(
    `  the same file again (nothing changes): ${f1(r.again.ms / 1000)} s, peak RSS ${Math.round(r.again.peakRssMb)} MB`,
  );
  console.log(`  ${r.first.stdout.split('\n')[0]}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
