import type { Config } from '../../src/config.js';
import type { Connection } from '../../db/client.js';
import type { Store } from '../../src/ports/store.js';
import type { Clock } from '../../src/ports/clock.js';
import type { AppSettings } from '../../src/ports/settings.js';
import type { Platform } from '../../src/ports/records.js';
import type { FileStore } from '../../src/ports/files.js';

/**
 * What `npm run dandang -- <command>` hands each command module (including adapters/cli/demo.ts
 * and adapters/cli/dossier.ts, which export `(args: string[], ctx: CliContext) => Promise<number>`).
 * Commands write through `out`/`err` rather than console so tests can capture them, and return an
 * exit code: 0 ok, 1 validation error, 2 usage or configuration error.
 */
export interface CliContext {
  config: Config;
  conn: Connection;
  store: Store;
  clock: Clock;
  settings: AppSettings;
  /** Platforms the outbox addresses, from the configured credentials. */
  platforms: Platform[];
  /** The evidence files (DANDANG_FILES). */
  files: FileStore;
  out(line: string): void;
  err(line: string): void;
}

export type CliCommand = (args: string[], ctx: CliContext) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
