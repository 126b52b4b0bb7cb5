import type Database from 'better-sqlite3';
import type { AuditLog } from '../../src/ports/audit.js';
import { SECURITY_SUBJECT, type SecurityLog } from '../../src/ports/security.js';

/** Security-log rows are audit rows about the actor; the audit_subject index finds an actor's rows. */
export function makeSecurityLog(sqlite: Database.Database, audit: AuditLog): SecurityLog {
  const countStmt = sqlite.prepare<[string, string, number], { n: number }>(
    `SELECT count(*) AS n FROM audit_log WHERE subject_type = ? AND subject_id = ? AND at >= ?`,
  );
  return {
    record: (e) =>
      audit.record({
        actorId: e.actorId,
        action: e.action,
        subjectType: SECURITY_SUBJECT,
        subjectId: e.actorId,
        detail: e.detail,
      }),
    countSince: (actorId, since) => countStmt.get(SECURITY_SUBJECT, actorId, since)?.n ?? 0,
  };
}
