/**
 * Composition root: config → database → store → router (adapters/compose.ts) → adapters → outbox
 * senders → scheduler, with /healthz, /readyz and (when enabled) /metrics on the shared server.
 * With no platform credentials it starts the local web workspace with demo data.
 */
import cron from 'node-cron';
import { loadConfig } from './config.js';
import { ConfigError } from './config-errors.js';
import { settingsFromConfig } from './config-settings.js';
import { startRefusal } from './config-refusal.js';
import { systemClock } from './ports/clock.js';
import { composeApp } from '../adapters/compose.js';
import type { AdapterContext, RunningAdapter } from '../adapters/context.js';
import { makeRunScheduleTick } from './usecases/schedule/run-schedule-tick.js';
import { makeRunEvidenceTick } from './usecases/schedule/run-evidence-tick.js';
import { makeRunWeeklyWarnings } from './usecases/warning/run-weekly-warnings.js';
import { makePruneInbound } from './usecases/schedule/prune-inbound.js';
import { retryWhileBusy } from './ports/store.js';
import { currentPolicy } from './usecases/offboarding/policy.js';
import { PolicyError } from './domain/policy/resolve.js';
import { makePostAuditCheckpoint } from './usecases/schedule/post-audit-checkpoint.js';
import { prepareKeys } from '../db/keys.js';
import { makeDailyBackupTrigger } from '../adapters/cli/daily-backup.js';
import { makeAlertFailedBackup } from './usecases/security/alert-failed-backup.js';
import { makeLogger, newLogId, withLogContext } from '../adapters/logging.js';
import { startOps } from '../adapters/ops/index.js';
import { makeRunRetention } from './usecases/schedule/run-retention.js';
import { discardUnreferenced } from '../adapters/files/intake.js';
import { dateIn } from './domain/dates.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const refusal = startRefusal(config);
  if (refusal) throw new ConfigError(refusal);
  // Resolve the offboarding policy now, so a bad policy file stops the start, not the first /offboard.
  currentPolicy(settingsFromConfig(config));
  const app = await composeApp(config, { clock: systemClock });
  const { conn, store, clock, settings, log } = app;
  const keys = prepareKeys(conn);
  if (keys.refusal) throw new ConfigError(keys.refusal);
  if (keys.signedRows) log.info({ rows: keys.signedRows }, 'signed the existing audit rows with DANDANG_AUDIT_KEY');
  if (keys.newDataKey)
    log.warn('a new DANDANG_DATA_KEY: run `npm run dandang -- keys rotate` to seal what was stored before it');

  const running: RunningAdapter[] = [];
  const { http, queue, metrics } = await startOps(app, running);
  const ctx: AdapterContext = { ...app, queue, http };
  // Adapters are imported lazily so a Slack-only install never loads the Feishu SDK and vice versa.
  if (config.slack) running.push(await (await import('../adapters/slack/index.js')).startSlack(ctx));
  if (config.feishu) running.push(await (await import('../adapters/feishu/index.js')).startFeishu(ctx));
  if (config.local.enabled) running.push(await (await import('../adapters/local/index.js')).startLocal(ctx));

  const port = await http.listen(config.env.PORT, config.env.HOST);
  log.info({ url: `http://${config.env.HOST}:${port}` }, 'listening');

  const scheduleTick = makeRunScheduleTick({ store, clock, settings });
  const evidenceTick = makeRunEvidenceTick({ store, clock, settings });
  const auditCheckpoint = makePostAuditCheckpoint({ store, clock, settings });
  const alertFailedBackup = makeAlertFailedBackup({ store, clock, settings });
  const dailyBackup = makeDailyBackupTrigger(config, clock, log, {
    // The outbox write may meet an import's write lock: retry off the tick, it is idempotent.
    onOutcome: (outcome) =>
      void retryWhileBusy(() => alertFailedBackup(outcome), 60_000).catch((err: unknown) =>
        log.error({ err }, 'could not tell HR about the daily backup'),
      ),
  });
  const warningsTick = makeRunWeeklyWarnings({ store, clock, settings });
  const pruneInbound = makePruneInbound({ store, clock });
  const retention = makeRunRetention({ store, clock, settings });
  let retentionDay = '';
  // Once a day (and at start): erasing a terminated person's content is idempotent and audited.
  const retentionTick = async () => {
    const day = dateIn(clock.now(), settings.timezone);
    if (day === retentionDay) return;
    const r = retention({ actorId: null });
    retentionDay = day;
    // The erased records' files go too, unless another record holds the same bytes.
    if (r.ok) await discardUnreferenced(store, app.files, r.value.files);
    if (r.ok && (r.value.erased.length || r.value.held.length))
      log.info({ erased: r.value.erased.length, held: r.value.held.length }, 'retention: records past their period');
  };
  // Each step is idempotent, so one that met a CLI import's write lock is simply run again.
  const tick = () =>
    withLogContext({ tickId: newLogId() }, async () => {
      const started = performance.now();
      await retryWhileBusy(scheduleTick, 60_000);
      await retryWhileBusy(evidenceTick, 60_000);
      await retryWhileBusy(auditCheckpoint, 60_000);
      await retryWhileBusy(pruneInbound, 60_000);
      await retryWhileBusy(retentionTick, 60_000);
      void dailyBackup();
      // Once a week at the configured time; every other tick it is one small query.
      await retryWhileBusy(warningsTick, 60_000);
      metrics?.observeTick((performance.now() - started) / 1000);
    });
  let ticking: Promise<void> = Promise.resolve();
  const runTick = () => {
    ticking = tick().catch((err: unknown) => log.error({ err }, 'scheduler tick failed'));
    return ticking;
  };
  // Catch up ticks missed while the bot was down, once the first requests can be answered, then
  // every minute.
  setTimeout(() => void runTick(), 1000).unref();
  const task = cron.schedule('* * * * *', () => void runTick());

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.file.operations.shutdownGraceSeconds * 1000;
    log.info({ signal, graceSeconds: graceMs / 1000 }, 'shutting down: no new requests, finishing in-flight work');
    const deadline = setTimeout(() => {
      log.warn('shutdown grace period over: exiting with work still in flight (it is resumed at the next start)');
      process.exit(1);
    }, graceMs + 1000);
    deadline.unref();
    await task.stop();
    // Stop taking requests first; the ones already in progress get the grace period.
    await http.close(graceMs);
    await ticking;
    // Each sender lets its in-flight calls finish; rows not yet sent stay queued for the next start.
    await Promise.allSettled(running.map((a) => a.stop()));
    conn.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof PolicyError) {
    // A configuration problem is for a person to read: one plain line on stderr.
    console.error(`[dandang] ${err.message}`);
    process.exit(2);
  }
  makeLogger({ to: 'stderr' }).error({ err }, 'failed to start');
  process.exit(1);
});
