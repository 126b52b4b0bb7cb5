import type { Connection } from './client.js';
import { processedEvents } from './schema/index.js';
import type { Store, Tx } from '../src/ports/store.js';
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

/**
 * The Store over one SQLite connection. better-sqlite3 is synchronous and single-connection, so
 * every repository shares `db` and a `BEGIN IMMEDIATE` around `fn` makes them one transaction.
 */
export function makeStore(conn: Connection, clock: Clock, outboxSettings: OutboxSettings): Store {
  const { db, sqlite, sealer } = conn;
  const audit = makeAuditLog(conn, clock);
  const tx: Tx = {
    org: makeOrgRepo(db, clock, sealer),
    acks: makeAckRepo(db, clock, sealer),
    reviews: makeReviewRepo(db, clock, sealer),
    evidence: makeEvidenceRepo(db, clock, sealer),
    cases: makeCaseRepo(db, clock, sealer),
    warnings: makeWarningRepo(db, sealer),
    outbox: makeOutbox(conn, clock, outboxSettings),
    audit,
    security: makeSecurityLog(sqlite, audit),
    markProcessed: (key) =>
      db.insert(processedEvents).values({ key, receivedAt: clock.now() }).onConflictDoNothing().run().changes > 0,
  };
  return {
    tx<T>(fn: (t: Tx) => T): T {
      if (sqlite.inTransaction) return fn(tx);
      return sqlite.transaction(() => fn(tx)).immediate();
    },
  };
}
