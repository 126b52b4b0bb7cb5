/**
 * Composition root: config → database → router → adapters → outbox senders → scheduler.
 * With no platform credentials it starts the local web workspace with demo data.
 */
import cron from 'node-cron';
import { loadConfig, ConfigError } from './config.js';
import { openDatabase } from '../db/client.js';
import { makeStore } from '../db/store.js';
import { makeOutboxQueue } from '../db/repos/outbox.js';
import { systemClock } from './ports/clock.js';
import { settingsFromConfig } from './config.js';
import { makeRouter } from './app/router.js';
import { allFeatures } from './app/features.js';
import { HttpHost } from '../adapters/http-host.js';
import type { AdapterContext, RunningAdapter } from '../adapters/context.js';
import type { Platform } from './ports/records.js';
import { makeRunScheduleTick } from './usecases/schedule/run-schedule-tick.js';
import { makeRunEvidenceTick } from './usecases/schedule/run-evidence-tick.js';
import { currentPolicy } from './usecases/offboarding/policy.js';
import { PolicyError } from './domain/policy/resolve.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const clock = systemClock;
  const platforms: Platform[] = [];
  if (config.slack) platforms.push('slack');
  if (config.feishu) platforms.push('feishu');
  if (config.local.enabled) platforms.push('local');

  const settings = settingsFromConfig(config);
  // Resolve the offboarding policy now, so a bad policy file stops the start, not the first /offboard.
  currentPolicy(settings);
  const conn = openDatabase(config.env.DANDANG_DB);
  const store = makeStore(conn, clock, { platforms, defaultLocale: settings.locale });
  const router = makeRouter(allFeatures({ store, clock, settings }));
  const http = new HttpHost();
  const ctx: AdapterContext = { config, conn, store, queue: makeOutboxQueue(conn.db), router, clock, settings, http };

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
  const tick = async () => {
    await scheduleTick();
    await evidenceTick();
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
