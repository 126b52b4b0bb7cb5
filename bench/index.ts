/**
 * `npm run bench`: prints figures for the speed targets, each section as it runs, then one table
 * of every figure against its target. It never fails on timing (CI does not run it). Knobs:
 * BENCH_RATE (auto), BENCH_MESSAGES, BENCH_KNOWN_RATE (100), BENCH_SUBMISSIONS (1000),
 * BENCH_CONCURRENCY (8), BENCH_STATUS_REQUESTS (4000), BENCH_STATUS_CLIENTS (10), BENCH_MANAGERS
 * (2500), BENCH_STARTS (5), BENCH_SEED (15, the synthetic organisation of the warning backtest),
 * BENCH_PEOPLE (50000, the org import).
 *
 * Sections: fanout, status, submit, start, cycle, warn, import. Name the ones to run, on the command
 * line (`npm run bench -- status cycle`) or in BENCH_ONLY (`status,cycle`); none named runs them all.
 * The machine's load average is printed at the start and end: on a shared machine, compare the
 * ratios of one run, not absolute times across runs.
 */
import { loadavg } from 'node:os';
import { runFanoutBenches } from './fanout.js';
import { benchSubmitLatency } from './submit-latency.js';
import { benchOpenCycle } from './open-cycle.js';
import { benchWarnings } from './warnings.js';
import { benchImport } from './import.js';
import { benchSameIo } from './same-io.js';
import { benchStartTime } from './start-time.js';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

const SECTIONS = ['fanout', 'status', 'submit', 'start', 'cycle', 'warn', 'import'] as const;
const named = [...process.argv.slice(2), ...(process.env.BENCH_ONLY ?? '').split(',')]
  .map((s) => s.trim())
  .filter(Boolean);
for (const n of named)
  if (!(SECTIONS as readonly string[]).includes(n)) {
    console.error(`Unknown bench section "${n}"; the sections: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
const runs = (section: (typeof SECTIONS)[number]) => named.length === 0 || named.includes(section);
const load = () => loadavg().map(f2).join(' ');

/** One line of the closing table. */
interface Row {
  what: string;
  measured: string;
  target: string;
  met: boolean;
}
const rows: Row[] = [];

async function main(): Promise<void> {
  console.log('Dandang bench (figures only; nothing here fails on timing)');
  console.log(`load average (1, 5, 15 min) at the start: ${load()}\n`);
  if (runs('fanout')) await fanout();
  if (runs('status')) await status();
  if (runs('submit')) await submit();
  if (runs('start')) await start();
  if (runs('cycle')) await cycle();
  if (runs('warn')) benchWarnings(num('BENCH_SEED', 15));
  if (runs('import')) await orgImport();
  printTable();
  console.log(`\nload average (1, 5, 15 min) at the end: ${load()}`);
}

function printTable(): void {
  if (!rows.length) return;
  console.log('\n| what | measured | target | |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.what} | ${r.measured} | ${r.target} | ${r.met ? 'within' : 'MISSED'} |`);
}

async function fanout(): Promise<void> {
  // 1. Fan-out (bench/fanout.ts): the limit in the config, and the limit not told (adaptive).
  const { unknown, variants, told } = await runFanoutBenches();
  rows.push({
    what: `Cycle fan-out with the import's KPI acknowledgements queued, ${told.limitPerSec}/s limit in the config (${told.messages} messages)`,
    measured: `${told.ratio.toFixed(3)}× the time the limit allows`,
    target: '≤ 1.05×',
    met: told.ratio <= 1.05,
  });
  rows.push({
    what: `Fan-out, the bot not told the workspace's ${unknown.limitPerSec}/s limit (${unknown.messages} mixed messages)`,
    measured: `${unknown.ratio.toFixed(3)}× the time the limit allows, ${unknown.pct429.toFixed(2)}% of calls answered 429`,
    target: '≤ 1.05×, ≤ 1% 429',
    met: unknown.ratio <= 1.05 && unknown.pct429 <= 1,
  });
  for (const v of variants)
    rows.push({
      what: `The same at a ${v.limitPerSec}/s limit, not told (${v.messages} mixed messages)`,
      measured: `${v.ratio.toFixed(3)}× the time the limit allows, ${v.pct429.toFixed(2)}% of calls answered 429`,
      target: '≤ 1.05×, ≤ 1% 429',
      met: v.ratio <= 1.05 && v.pct429 <= 1,
    });
}

async function status(): Promise<void> {
  // 2. `/review status` against a bare Bolt app doing the same I/O.
  const r = await benchSameIo({
    requests: num('BENCH_STATUS_REQUESTS', 4000),
    concurrency: num('BENCH_STATUS_CLIENTS', 10),
  });
  console.log(
    `\n[status] /review status over HTTP, ${r.requests} requests each, ${r.concurrency} concurrent clients; ack then an ephemeral answer via response_url`,
  );
  console.log(
    `  Dandang:   p50 ${f1(r.ours.p50)} ms, p99 ${f1(r.ours.p99)} ms, ${f1(r.ours.perSec)} answers/s (${r.ours.failed} failed), process CPU ${f2(r.ours.cpuMsPerAnswer)} ms per answer`,
  );
  console.log(
    `  bare Bolt: p50 ${f1(r.bare.p50)} ms, p99 ${f1(r.bare.p99)} ms, ${f1(r.bare.perSec)} answers/s (${r.bare.failed} failed), process CPU ${f2(r.bare.cpuMsPerAnswer)} ms per answer`,
  );
  console.log(
    `  p99 ${f2(r.p99Ratio)}× (target ≤ 1.5×), throughput ${f2(r.throughputRatio)}× (target ≥ 0.7×); CPU per answer, bare over ours: ${f2(r.cpuRatio)}× (clients and fake included)`,
  );
  rows.push({
    what: `\`/review status\` over HTTP, ${r.concurrency} clients: p99 against a bare Bolt app doing the same I/O`,
    measured: `${f2(r.p99Ratio)}× (${f1(r.ours.p99)} vs ${f1(r.bare.p99)} ms)`,
    target: '≤ 1.5×',
    met: r.p99Ratio <= 1.5,
  });
  rows.push({
    what: 'The same: throughput against that bare app',
    measured: `${f2(r.throughputRatio)}× (${f1(r.ours.perSec)} vs ${f1(r.bare.perSec)}/s; CPU per answer ${f2(r.ours.cpuMsPerAnswer)} vs ${f2(r.bare.cpuMsPerAnswer)} ms)`,
    target: '≥ 0.7×',
    met: r.throughputRatio >= 0.7,
  });
}

async function start(): Promise<void> {
  // 4. `npm start` until the first page answers, existing database.
  const r = await benchStartTime(num('BENCH_STARTS', 5));
  console.log(`\n[start] until GET / answers, existing database, ${r.runs} runs each (dist/ already built)`);
  console.log(
    `  npm start:                       median ${Math.round(r.npmStartMs.median)} ms, best ${Math.round(r.npmStartMs.min)} ms`,
  );
  console.log(
    `  node scripts/run.mjs src/main.js: median ${Math.round(r.nodeMs.median)} ms, best ${Math.round(r.nodeMs.min)} ms`,
  );
  rows.push({
    what: '`npm start` until the first page answers, existing database (median)',
    measured: `${(r.npmStartMs.median / 1000).toFixed(2)} s`,
    target: '≤ 1 s',
    met: r.npmStartMs.median <= 1000,
  });
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
  rows.push({
    what: `Review submission vs a bare Bolt ack, p99, ${lat.concurrency} clients`,
    measured: `${lat.ratioP99.toFixed(2)}× (${f1(lat.submit.p99)} vs ${f1(lat.ack.p99)} ms)`,
    target: '≤ 2×',
    met: lat.ratioP99 <= 2,
  });
}

async function cycle(): Promise<void> {
  // 3. The scheduler's own database work for a big cycle (no chat traffic: the outbox is only filled).
  const c = await benchOpenCycle({ managers: num('BENCH_MANAGERS', 2500), reportsEach: 4 });
  console.log(`\n[cycle] ${c.managers} managers × 4 reports = ${c.slots} slots, on a SQLite file`);
  console.log(
    `  open the cycle (slots + ${c.nudges} nudges queued + audit, in ${c.openTransactions} transactions that yield): ${f1(c.openMs)} ms, process CPU ${f1(c.openCpuMs)} ms; event-loop delay meanwhile p99 ${f1(c.loopDelay.p99)} ms, max ${f1(c.loopDelay.max)} ms (longest gap between 5 ms heartbeats ${f1(c.loopDelay.longestGapMs)} ms); an idle loop over as long: p99 ${f1(c.idleLoopDelay.p99)} ms, max ${f1(c.idleLoopDelay.max)} ms`,
  );
  rows.push({
    what: `Opening one department's cycle of ${c.managers} managers: event-loop delay p99 / max`,
    measured: `${f1(c.loopDelay.p99)} / ${f1(c.loopDelay.max)} ms (opened in ${f1(c.openMs / 1000)} s; an idle loop on this machine meanwhile: ${f1(c.idleLoopDelay.p99)} / ${f1(c.idleLoopDelay.max)} ms)`,
    target: 'no stall over 50 ms',
    met: c.loopDelay.max <= 50,
  });
  console.log(
    `  tick at the due time (reminder step 0: ${c.dueTick.reminders} queued, ${c.dueTick.digests} digests, in chunks that yield): ${f1(c.dueTick.ms)} ms, process CPU ${f1(c.dueTick.cpuMs)} ms; event-loop delay max ${f1(c.dueTick.loopDelayMax)} ms`,
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
  rows.push({
    what: `\`org import\` of ${r.people} people, first import: time / peak RSS`,
    measured: `${f1(r.first.ms / 1000)} s / ${Math.round(r.first.peakRssMb)} MB`,
    target: '20 s / 256 MB',
    met: r.first.ms <= 20_000 && r.first.peakRssMb <= 256,
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
