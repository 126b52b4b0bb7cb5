import type { Config } from '../src/config.js';
import type { Connection } from '../db/client.js';
import type { Store } from '../src/ports/store.js';
import type { Router } from '../src/app/router.js';
import type { Clock } from '../src/ports/clock.js';
import type { AppSettings } from '../src/ports/settings.js';
import type { OutboxQueue } from '../src/ports/outbox-queue.js';
import type { HttpHost } from './http-host.js';
import type { Platform } from '../src/ports/records.js';
import type { Logger } from '../src/ports/logger.js';
import type { FileStore } from '../src/ports/files.js';

/** What the composition root hands each adapter's `start` function. */
export interface AdapterContext {
  config: Config;
  conn: Connection;
  store: Store;
  queue: OutboxQueue;
  router: Router;
  clock: Clock;
  settings: AppSettings;
  http: HttpHost;
  log: Logger;
  /** The evidence files (DANDANG_FILES). */
  files: FileStore;
}

export interface RunningAdapter {
  platform: Platform;
  /** Stops listeners and the outbox sender, letting in-flight sends finish; pending rows stay queued for the next start. */
  stop(): Promise<void>;
  /** Whether the platform connection is up (for /readyz); absent means nothing to lose (in process). */
  connection?(): { ok: boolean; detail?: string };
}
