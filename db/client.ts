import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Connection {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

/** Opens (creating if needed) the SQLite file, turns on WAL and foreign keys, applies migrations. */
export function openDatabase(file: string): Connection {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return { db, sqlite, close: () => sqlite.close() };
}
