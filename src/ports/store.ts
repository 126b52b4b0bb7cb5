import type { AuditLog } from './audit.js';
import type { Outbox } from './outbox.js';
import type { OrgRepo } from './repos/org.js';
import type { AckRepo } from './repos/acks.js';
import type { ReviewRepo } from './repos/reviews.js';
import type { EvidenceRepo } from './repos/evidence.js';
import type { CaseRepo } from './repos/cases.js';
import type { WarningRepo } from './repos/warnings.js';
import type { SecurityLog } from './security.js';

/** Everything a use case may read or write, bound to one transaction. */
export interface Tx {
  org: OrgRepo;
  acks: AckRepo;
  reviews: ReviewRepo;
  evidence: EvidenceRepo;
  cases: CaseRepo;
  warnings: WarningRepo;
  outbox: Outbox;
  audit: AuditLog;
  /** Refused attempts by people with no part in what they named (audit rows, `security` category). */
  security: SecurityLog;
  /**
   * Records an inbound delivery key (`slack:<event id>`); false if it was already processed.
   * Call it inside the same transaction as the change, so a retry is a no-op.
   */
  markProcessed(key: string): boolean;
}

/**
 * Runs `fn` in one SQLite transaction (BEGIN IMMEDIATE). If `fn` throws, nothing is written,
 * audit rows and outbox rows included. Use cases validate and authorize before they write, and
 * return a Failure value (not an exception) for expected errors.
 */
export interface Store {
  tx<T>(fn: (tx: Tx) => T): T;
}
