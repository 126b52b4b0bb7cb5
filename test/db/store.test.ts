import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { StoreBusyError, retryWhileBusy, type Tx } from '../../src/ports/store.js';
import { seedTeams } from '../support/org.js';

let db: TestDb;
let other: Database.Database | undefined;
afterEach(() => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  other = undefined;
  db?.cleanup();
});

describe('Store: reads, and writes when another process holds the lock (#4)', () => {
  it('read() sees a consistent snapshot without taking the write lock, and refuses to write', () => {
    db = makeTestDb({ whenLocked: 'yield' });
    seedTeams(db.store, { managers: 1, reportsPerManager: 2 });
    other = new Database(db.file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare(`UPDATE people SET name = 'Renamed' WHERE id = 'm1'`).run();
    // Reads go on while the other connection writes, and see the last committed state.
    expect(db.store.read((tx) => tx.org.person('m1')?.name)).not.toBe('Renamed');
    // ReadTx offers no writer; a write forced past the type is still refused by SQLite.
    expect(() => db.store.read((tx) => (tx as Tx).markProcessed('x'))).toThrow(/readonly|read-only|query_only/i);
    expect(() => db.store.read(() => db.store.tx((tx) => tx.markProcessed('x')))).toThrow(/inside store.read/);
    // …and the connection is writable again afterwards (once the lock is free).
    other.exec('COMMIT');
    expect(db.store.tx((tx) => tx.markProcessed('y'))).toBe(true);
    expect(db.store.read((tx) => tx.org.person('m1')?.name)).toBe('Renamed');
  });

  it('in the bot (yield) a write throws StoreBusyError at once, writing nothing; retryWhileBusy waits it out', async () => {
    db = makeTestDb({ whenLocked: 'yield' });
    other = new Database(db.file);
    other.exec('BEGIN IMMEDIATE');
    expect(() => db.store.tx((tx) => tx.markProcessed('k1'))).toThrow(StoreBusyError);
    setTimeout(() => other!.exec('COMMIT'), 50);
    expect(await retryWhileBusy(() => db.store.tx((tx) => tx.markProcessed('k1')))).toBe(true);
    expect((db.conn.sqlite.prepare(`SELECT count(*) AS n FROM processed_events`).get() as { n: number }).n).toBe(1);
  });

  it('retryWhileBusy gives up with StoreBusyError after its deadline', async () => {
    db = makeTestDb({ whenLocked: 'yield' });
    other = new Database(db.file);
    other.exec('BEGIN IMMEDIATE');
    await expect(retryWhileBusy(() => db.store.tx((tx) => tx.markProcessed('k2')), 100)).rejects.toThrow(
      StoreBusyError,
    );
  });
});
