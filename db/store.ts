import type { Connection } from './client.js';
import { processedEvents } from './schema/index.js';
import { StoreBusyError, type ReadTx, type Store, type Tx } from '../src/ports/store.js';
import type { Clock } from '../src/ports/clock.js';
import { makeAuditLog } from './repos/audit.js';
import { makeOutbox, type OutboxSettings } from './repos/outbox.js';
import { makeOrgRepo } from './repos/org.js';
import { makeAckRepo } from './repos/acks.js';
import { makeReviewRepo } from './repos/reviews.js';
import { makeEvidenceRepo } from './repos/evidence.js';
import { makeCaseRepo } from './repos/cases.js';
import { makeWarningRepo } from './repos/warnings.js';
import { makeSecurityLog } from './repos/security.js';
import { makeInboundRepo } from './repos/inbound.js';
import { makeRetentionRepo } from './repos/retention.js';
import { makeAttachmentRepo } from './repos/attachments.js';
import { isSqliteBusy as isBusy } from './busy.js';

export interface StoreOptions {
  /**
   * What a write does when another process holds the write lock. `wait` (the CLI, tests): block up
   * to the connection's busy_timeout. `yield` (the bot): throw StoreBusyError at once, so the async
   * caller yields the event loop and retries (`retryWhileBusy`) instead of freezing every request.
   * This sets busy_timeout = 0 on the connection, for the outbox queue's statements too.
   */
  whenLocked?: 'wait' | 'yield';
}
import { makeConductRepo } from './repos/conduct.js';
import { makeReportRepo } from './repos/reports.js';
import { makeKpiActualRepo } from './repos/kpi-actuals.js';

/**
 * The Store over one SQLite connection. better-sqlite3 is synchronous and single-connection, so
 * every repository shares `db` and a `BEGIN IMMEDIATE` around `fn` makes them one transaction.
 * Reads run in a deferred transaction, a WAL snapshot that takes no lock, with every statement that
 * could write refused (./read-guard.ts).
 */
export function makeStore(
  conn: Connection,
  clock: Clock,
  outboxSettings: OutboxSettings,
  options: StoreOptions = {},
): Store {
  const { db, sqlite, sealer } = conn;
  if (options.whenLocked === 'yield') sqlite.pragma('busy_timeout = 0');
  const audit = makeAuditLog(conn, clock);
  const tx: Tx = {
    org: makeOrgRepo(db, clock, sealer),
    acks: makeAckRepo(db, clock, sealer),
    reviews: makeReviewRepo(db, clock, sealer),
    evidence: makeEvidenceRepo(db, clock, sealer),
    cases: makeCaseRepo(db, clock, sealer),
    warnings: makeWarningRepo(db, sealer),
    conduct: makeConductRepo(db, clock, sealer),
    reports: makeReportRepo(db),
    kpiActuals: makeKpiActualRepo(db),
    outbox: makeOutbox(conn, clock, outboxSettings),
    audit,
    security: makeSecurityLog(sqlite, audit),
    markProcessed: (key) =>
      db.insert(processedEvents).values({ key, receivedAt: clock.now() }).onConflictDoNothing().run().changes > 0,
    inbound: makeInboundRepo(sqlite, clock),
    retention: makeRetentionRepo(db, sealer),
    attachments: makeAttachmentRepo(db, clock, sealer),
  };
  // Made once: better-sqlite3 builds a new wrapper for every `sqlite.transaction(…)`, which cost
  // more than a small read.
  const inTransaction = sqlite.transaction(<T>(fn: (t: Tx) => T): T => fn(tx));
  const guard = conn.readGuard;
  return {
    tx<T>(fn: (t: Tx) => T): T {
      if (sqlite.inTransaction) {
        if (guard.reading)
          throw new Error('store.tx inside store.read: a read cannot become a write; use store.tx outside');
        return fn(tx);
      }
      try {
        return inTransaction.immediate(fn) as T;
      } catch (e) {
        if (isBusy(e)) throw new StoreBusyError();
        throw e;
      }
    },
    read<T>(fn: (t: ReadTx) => T): T {
      if (sqlite.inTransaction) return fn(tx);
      guard.reading = true;
      try {
        return inTransaction.deferred(fn) as T;
      } catch (e) {
        if (isBusy(e)) throw new StoreBusyError();
        throw e;
      } finally {
        guard.reading = false;
      }
    },
  };
}
