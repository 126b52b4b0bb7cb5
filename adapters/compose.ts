/**
 * The one composition of config → settings → database → store → router, shared by `npm start`
 * (src/main.ts), the CLI (adapters/cli/run.ts), the in-process local app (adapters/local/testing.ts)
 * and the adapter test harnesses. It lives here, not in src/, because only adapters may import db/.
 */
import type { Config } from '../src/config.js';
import { settingsFromConfig } from '../src/config-settings.js';
import { openDatabase, type Connection } from '../db/client.js';
import { makeStore, type StoreOptions } from '../db/store.js';
import { makeOutboxQueue } from '../db/repos/outbox.js';
import type { Clock } from '../src/ports/clock.js';
import type { Store } from '../src/ports/store.js';
import type { AppSettings } from '../src/ports/settings.js';
import type { OutboxQueue } from '../src/ports/outbox-queue.js';
import type { Platform } from '../src/ports/records.js';
import type { Router } from '../src/app/router.js';
import type { FeatureHandlers, UseCaseDeps } from '../src/app/types.js';
import type { Logger } from '../src/ports/logger.js';
import { loggerFor } from './logging.js';
import { makeFileStore } from '../db/files.js';
import type { FileStore } from '../src/ports/files.js';

/** The platforms this process delivers to: one outbox row is written per platform and recipient. */
export function platformsOf(config: Config): Platform[] {
  const platforms: Platform[] = [];
  if (config.slack) platforms.push('slack');
  if (config.feishu) platforms.push('feishu');
  if (config.local.enabled) platforms.push('local');
  return platforms;
}

export interface StoreComposition {
  config: Config;
  settings: AppSettings;
  platforms: Platform[];
  clock: Clock;
  /** The caller closes it. */
  conn: Connection;
  store: Store;
  /** The process's logger (adapters/logging.ts): scrubbed, with an id on every line. */
  log: Logger;
  /** The evidence files (DANDANG_FILES), sealed with the same data key as the database. */
  files: FileStore;
}

export interface AppComposition extends StoreComposition {
  queue: OutboxQueue;
  router: Router;
}

export interface ComposeOptions {
  clock: Clock;
  /** An open, migrated database (a test's temp file); by default `DANDANG_DB` is opened. */
  conn?: Connection;
  /**
   * What a write does when another process holds the write lock (db/store.ts). The CLI waits;
   * the bot (composeApp) yields and retries, so an import never stalls its event loop.
   */
  whenLocked?: StoreOptions['whenLocked'];
  /** By default a logger from the config (LOG_LEVEL, LOG_FORMAT) writing to stdout. */
  log?: Logger;
}

/** Config → settings → database → store: what a CLI command needs. */
export function composeStore(config: Config, opts: ComposeOptions): StoreComposition {
  const settings = settingsFromConfig(config);
  const platforms = platformsOf(config);
  const { dataKey, oldDataKeys, auditKey } = config.protection;
  const conn = opts.conn ?? openDatabase(config.env.DANDANG_DB, { dataKey, oldDataKeys, auditKey });
  const store = makeStore(
    conn,
    opts.clock,
    { platforms, defaultLocale: settings.locale },
    { whenLocked: opts.whenLocked ?? 'wait' },
  );
  const log = opts.log ?? loggerFor(config);
  const files = makeFileStore(config.env.DANDANG_FILES, conn.sealer);
  return { config, settings, platforms, clock: opts.clock, conn, store, log, files };
}

/**
 * …plus the outbox queue and the router: what the adapters need. The feature modules are loaded
 * here, not at import, so a CLI command never pays for them.
 */
export async function composeApp(
  config: Config,
  opts: ComposeOptions & {
    /** The feature modules the router serves (a test may compose one); all of them by default. */
    features?: (deps: UseCaseDeps) => FeatureHandlers[];
  },
): Promise<AppComposition> {
  const [{ makeRouter }, { allFeatures }] = await Promise.all([
    import('../src/app/router.js'),
    import('../src/app/features.js'),
  ]);
  const base = composeStore(config, { whenLocked: 'yield', ...opts });
  const deps: UseCaseDeps = {
    store: base.store,
    clock: base.clock,
    settings: base.settings,
    log: base.log,
    files: base.files,
  };
  // The router deduplicates form submissions in the store (adapters/submission-key.ts).
  const router = makeRouter((opts.features ?? allFeatures)(deps), { store: base.store });
  return { ...base, queue: makeOutboxQueue(base.conn.db, base.conn.sealer), router };
}
