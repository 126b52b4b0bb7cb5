import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema/index.js';
import { makeSealer, type Sealer } from './sealed.js';
import { guardReads, type ReadGuard } from './read-guard.js';
import { appFile } from './app-root.js';

/** Drizzle over the connection; `$client` is the better-sqlite3 handle, for statements prepared by hand. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The keys from DANDANG_DATA_KEY(_OLD) and DANDANG_AUDIT_KEY; none in the local demo. */
export interface DataProtection {
  dataKey?: Buffer | null;
  oldDataKeys?: readonly Buffer[];
  auditKey?: Buffer | null;
}

export interface Connection {
  db: Db;
  sqlite: Database.Database;
  /** Seals and opens the sensitive text columns (plaintext when no data key is configured). */
  sealer: Sealer;
  /** Signs audit rows, the head and checkpoints; null when DANDANG_AUDIT_KEY is not set. */
  auditKey: Buffer | null;
  /**
   * Bumped by every outbox row this process writes (db/repos/outbox.ts). A listener compares it
   * before and after a dispatch to wake its sender only when there is something to send, instead
   * of running the sender's due() query on every request.
   */
  outboxWrites: number;
  /** Refuses every write while the store reads (./read-guard.ts). */
  readGuard: ReadGuard;
  close(): void;
}

const MIGRATIONS = appFile('migrations');

/**
 * Opens (creating if needed) the SQLite file, turns on WAL and foreign keys, applies migrations.
 * secure_delete overwrites deleted content with zeros, so what retention deletes and what a key
 * rotation replaces does not linger in free pages of the file.
 */
export function openDatabase(file: string, protection: DataProtection = {}): Connection {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  const readGuard = guardReads(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return {
    db,
    sqlite,
    sealer: makeSealer(protection.dataKey ?? null, protection.oldDataKeys ?? []),
    auditKey: protection.auditKey ?? null,
    outboxWrites: 0,
    readGuard,
    close: () => sqlite.close(),
  };
}
