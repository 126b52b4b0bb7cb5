/**
 * Composition root: config → database → store → router (adapters/compose.ts) → adapters → outbox
 * senders → scheduler.
 * With no platform credentials it starts the local web workspace with demo data.
 */
import cron from 'node-cron';
import { loadConfig, ConfigError, settingsFromConfig, startRefusal } from './config.js';
import { systemClock } from './ports/clock.js';
import { composeApp } from '../adapters/compose.js';
import { HttpHost } from '../adapters/http-host.js';
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

async function main(): Promise<void> {
  const config = loadConfig();
  const refusal = startRefusal(config);
  if (refusal) throw new ConfigError(refusal);
  // Resolve the offboarding policy now, so a bad policy file stops the start, not the first /offboard.
  currentPolicy(settingsFromConfig(config));
  const app = await composeApp(config, { clock: systemClock });
  const { conn, store, clock, settings } = app;
  const keys = prepareKeys(conn);
  if (keys.refusal) throw new ConfigError(keys.refusal);
  if (keys.signedRows)
    console.log(`[dandang] signed the ${keys.signedRows} existing audit rows with DANDANG_AUDIT_KEY`);
  if (keys.newDataKey)
    console.log(
      '[dandang] a new DANDANG_DATA_KEY: run `npm run dandang -- keys rotate` to seal what was stored before it',
    );
  const http = new HttpHost();
  const ctx: AdapterContext = { ...app, http };

  const running: RunningAdapter[] = [];
  // Adapters are imported lazily so a Slack-only install never loads the Feishu SDK and vice versa.
  if (config.slack) running.push(await (await import('../adapters/slack/index.js')).startSlack(ctx));
  if (config.feishu) running.push(await (await import('../adapters/feishu/index.js')).startFeishu(ctx));
  if (config.local.enabled) running.push(await (await import('../adapters/local/index.js')).startLocal(ctx));

  if (http.mounted) {
    const port = await http.listen(config.env.PORT, config.env.HOST);
    console.log(`[dandang] listening on http://${config.env.HOST}:${port}`);
  }

  const scheduleTick = makeRunScheduleTick({ store, clock, settings });
  const evidenceTick = makeRunEvidenceTick({ store, clock, settings });
  const auditCheckpoint = makePostAuditCheckpoint({ store, clock, settings });
  const dailyBackup = makeDailyBackupTrigger(config, clock);
  const warningsTick = makeRunWeeklyWarnings({ store, clock, settings });
  const pruneInbound = makePruneInbound({ store, clock });
  // Each step is idempotent, so one that met a CLI import's write lock is simply run again.
  const tick = async () => {
    await retryWhileBusy(scheduleTick, 60_000);
    await retryWhileBusy(evidenceTick, 60_000);
    await retryWhileBusy(auditCheckpoint, 60_000);
    await retryWhileBusy(pruneInbound, 60_000);
    dailyBackup();
    // Once a week at the configured time; every other tick it is one small query.
    await retryWhileBusy(warningsTick, 60_000);
  };
  // Catch up ticks missed while the bot was down, then tick every minute.
  await tick();
  const task = cron.schedule(
    '* * * * *',
    () => void tick().catch((e: unknown) => console.error('[scheduler] tick failed', e)),
  );

  const shutdown = async () => {
    await task.stop();
    for (const a of running) await a.stop();
    await http.close();
    conn.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof PolicyError) {
    console.error(`[dandang] ${err.message}`);
    process.exit(2);
  }
  console.error('[dandang] failed to start', err);
  process.exit(1);
});
