/**
 * What keeps `store.read` a read: while it runs, a statement that could write refuses to run.
 *
 * SQLite's `PRAGMA query_only` would do it, but it cannot be switched on and off around each read:
 * setting any flag pragma expires every prepared statement of the connection (SQLite emits
 * OP_Expire for them), so each statement run after a read was compiled again. That was most of
 * the cost of a small read, and of the statements that ran after one. Instead every statement is
 * checked once, when it is prepared: one that may write (better-sqlite3's `readonly` is false:
 * INSERT, UPDATE, DELETE, DDL, writing pragmas) gets its run/get/all/iterate guarded. Statements
 * that only read run untouched. better-sqlite3's own BEGIN/COMMIT statements do not go through
 * `prepare` and are not affected.
 */
import type Database from 'better-sqlite3';

export interface ReadGuard {
  /** Set by the store while a read runs. */
  reading: boolean;
}

const EXECUTE = ['run', 'get', 'all', 'iterate'] as const;

/** Installs the guard on a connection, before any statement is prepared on it. */
export function guardReads(sqlite: Database.Database): ReadGuard {
  const guard: ReadGuard = { reading: false };
  const prepare = sqlite.prepare;
  sqlite.prepare = function guardedPrepare(this: Database.Database, source: string) {
    const stmt = prepare.call(this, source) as Database.Statement;
    if (stmt.readonly) return stmt;
    const s = stmt as unknown as Record<(typeof EXECUTE)[number], (...args: unknown[]) => unknown>;
    for (const method of EXECUTE) {
      const execute = s[method];
      s[method] = function (this: unknown, ...args: unknown[]) {
        if (guard.reading)
          throw new Error('attempt to write a readonly database: a write inside store.read (writes go in store.tx)');
        return execute.apply(this, args);
      };
    }
    return stmt;
  } as typeof sqlite.prepare;
  return guard;
}
