/**
 * Starts the app in-process with the local workspace, composed as src/main.ts composes it
 * (adapters/compose.ts, then the local adapter and HTTP), minus the cron schedule. Used by the browser tests and the
 * README screenshot script instead of spawning `npm start`.
 */
import { dirname, join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { Connection } from '../../db/client.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import type { AppSettings } from '../../src/ports/settings.js';
import { composeApp } from '../compose.js';
import { HttpHost } from '../http-host.js';
import type { AdapterContext } from '../context.js';
import { startLocal } from './index.js';

export interface LocalApp {
  url: string;
  port: number;
  conn: Connection;
  store: Store;
  /** What the scheduler's ticks would be given (the tests run a tick, e.g. the weekly warnings, by hand). */
  settings: AppSettings;
  stop(): Promise<void>;
}

/** `env` is parsed by the real config schema; pass PORT '0' for a free port and a temp DANDANG_DB. */
export async function startLocalApp(env: Record<string, string>, clock: Clock = systemClock): Promise<LocalApp> {
  const config = loadConfig({
    DANDANG_LOCAL: '1',
    HOST: '127.0.0.1',
    DANDANG_CONFIG: '/nonexistent/dandang.yml',
    // Evidence files beside the test's database, never in the working directory.
    ...(env.DANDANG_DB ? { DANDANG_FILES: join(dirname(env.DANDANG_DB), 'files') } : {}),
    ...env,
  });
  const app = await composeApp(config, { clock });
  const { conn, store } = app;
  const http = new HttpHost();
  const ctx: AdapterContext = { ...app, http };
  try {
    const adapter = await startLocal(ctx);
    const port = await http.listen(config.env.PORT, config.env.HOST);
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      conn,
      store,
      settings: app.settings,
      async stop() {
        await adapter.stop();
        await http.close();
        conn.close();
      },
    };
  } catch (e) {
    conn.close();
    throw e;
  }
}
