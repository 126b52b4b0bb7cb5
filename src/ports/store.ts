import type { AuditLog } from './audit.js';
import type { Outbox } from './outbox.js';
import type { OrgRepo, OrgReader } from './repos/org.js';
import type { AckRepo, AckReader } from './repos/acks.js';
import type { ReviewRepo, ReviewReader } from './repos/reviews.js';
import type { EvidenceRepo, EvidenceReader } from './repos/evidence.js';
import type { CaseRepo, CaseReader } from './repos/cases.js';
import type { WarningRepo, WarningReader } from './repos/warnings.js';
import type { SecurityLog } from './security.js';
import type { InboundRepo, InboundReader } from './repos/inbound.js';
import type { ConductRepo, ConductReader } from './repos/conduct.js';
import type { RetentionRepo, RetentionReader } from './repos/retention.js';
import type { ReportRepo } from './repos/reports.js';
import type { AttachmentRepo, AttachmentReader } from './repos/attachments.js';
import type { KpiActualRepo, KpiActualReader } from './repos/kpi-actuals.js';

/**
 * What a read snapshot (`store.read`) may do: every repository's reads and nothing that writes (no
 * outbox, no audit row, no security-log row). A use case that only reads takes this, so it cannot
 * write by accident; one that writes anything, an audit row of a read included, needs `store.tx`.
 * `Tx` is a `ReadTx`, so a helper that only reads takes `ReadTx` and serves both.
 */
export interface ReadTx {
  org: OrgReader;
  acks: AckReader;
  reviews: ReviewReader;
  evidence: EvidenceReader;
  cases: CaseReader;
  warnings: WarningReader;
  conduct: ConductReader;
  audit: Pick<AuditLog, 'readsOf' | 'head'>;
  security: Pick<SecurityLog, 'countSince'>;
  inbound: InboundReader;
  retention: RetentionReader;
  kpiActuals: KpiActualReader;
  attachments: AttachmentReader;
  /** The HR dashboard's and the performance report's queries (reads only). */
  reports: ReportRepo;
}

/** Everything a use case may read or write, bound to one transaction. */
export interface Tx extends ReadTx {
  org: OrgRepo;
  acks: AckRepo;
  reviews: ReviewRepo;
  evidence: EvidenceRepo;
  cases: CaseRepo;
  warnings: WarningRepo;
  /** The employee handbook and conduct incidents. */
  conduct: ConductRepo;
  reports: ReportRepo;
  /** KPI figures from data feeds (`kpi import`, the API). */
  kpiActuals: KpiActualRepo;
  outbox: Outbox;
  audit: AuditLog;
  /** Refused attempts by people with no part in what they named (audit rows, `security` category). */
  security: SecurityLog;
  /**
   * Records an inbound delivery key (`slack:<event id>`); false if it was already processed.
   * Call it inside the same transaction as the change, so a retry is a no-op.
   */
  markProcessed(key: string): boolean;
  /** Answers to form submissions (deduplication) and the pruning of handled-event ids. */
  inbound: InboundRepo;
  /** Deleting the content of terminated people's records after the retention period. */
  retention: RetentionRepo;
  /** Files attached to evidence records (their bytes are in the FileStore). */
  attachments: AttachmentRepo;
}

/**
 * The database, as use cases see it. One SQLite file in WAL mode: readers never wait for the writer,
 * and one process at a time holds the write lock (the bot, or a CLI import between its batches).
 */
export interface Store {
  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE). If `fn` throws, nothing is written, audit
   * rows and outbox rows included. Use cases validate and authorize before they write, and return
   * a Failure value (not an exception) for expected errors.
   *
   * In the bot process the store does not wait for a lock another process holds: it throws
   * `StoreBusyError` at once, with nothing written, and the async caller (the router, the
   * scheduler, the sender) retries after yielding the event loop (`retryWhileBusy`). The CLI waits.
   */
  tx<T>(fn: (tx: Tx) => T): T;
  /**
   * Runs `fn` in a read-only (deferred) transaction: one consistent snapshot that never waits for
   * the write lock, so reads keep answering while an import writes. `ReadTx` offers no writer, and a
   * write that got past the type anyway throws (the store refuses every statement that could write, db/read-guard.ts).
   */
  read<T>(fn: (tx: ReadTx) => T): T;
}

/** Another process holds the write lock; nothing was written. Retry after yielding. */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
  constructor() {
    super('the database is busy with another writer (an import?); nothing was written');
  }
}

/**
 * Calls `fn` until it does not throw `StoreBusyError`, yielding the event loop between attempts
 * (1 ms, doubling to RETRY_MAX_WAIT_MS), for at most `deadlineMs`; then the last StoreBusyError is thrown.
 * A CLI import pauses longer than RETRY_MAX_WAIT_MS between its transactions, so a writer that
 * keeps retrying always gets a turn.
 * `fn` must write in a single transaction (or be safe to run again), as use cases do.
 */
export const RETRY_MAX_WAIT_MS = 4;

export async function retryWhileBusy<T>(fn: () => T | Promise<T>, deadlineMs = 10_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, RETRY_MAX_WAIT_MS)) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof StoreBusyError) || Date.now() + wait > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
