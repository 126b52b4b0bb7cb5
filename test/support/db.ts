import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Connection, type DataProtection } from '../../db/client.js';
import { makeStore, type StoreOptions } from '../../db/store.js';
import { ManualClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import type { Platform, Locale } from '../../src/ports/records.js';

export interface TestDb {
  conn: Connection;
  store: Store;
  clock: ManualClock;
  file: string;
  dir: string;
  /** Closes the connection and removes the temp directory. */
  cleanup(): void;
}

/** A real SQLite file in a temp dir, migrated from migrations/, with a clock the test moves. */
export function makeTestDb(
  opts: {
    platforms?: Platform[];
    now?: string;
    defaultLocale?: Locale;
    protection?: DataProtection;
    /** `yield` as the bot runs (adapter harnesses); `wait` (default) as the CLI does. */
    whenLocked?: StoreOptions['whenLocked'];
  } = {},
): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'dandang-test-'));
  const file = join(dir, 'dandang.db');
  const conn = openDatabase(file, opts.protection);
  const clock = new ManualClock(new Date(opts.now ?? '2026-11-23T01:00:00Z').getTime());
  const store = makeStore(
    conn,
    clock,
    {
      platforms: opts.platforms ?? ['slack'],
      defaultLocale: opts.defaultLocale ?? 'en',
    },
    { whenLocked: opts.whenLocked },
  );
  return {
    conn,
    store,
    clock,
    file,
    dir,
    cleanup() {
      conn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
