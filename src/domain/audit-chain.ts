import { createHash } from 'node:crypto';

/** The fields of an audit row that its hash covers. */
export interface AuditContent {
  at: number;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** hash = sha256(prevHash ‖ canonical JSON of the content). Field order is fixed here. */
export function auditHash(prevHash: string, c: AuditContent): string {
  const canonical = JSON.stringify([c.at, c.actorId, c.action, c.subjectType, c.subjectId, c.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface AuditRow extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

/** Walks rows in id order; returns the first row whose link or hash is wrong, or null. */
export function findFirstBrokenRow(rows: Iterable<AuditRow>): { id: number; reason: string } | null {
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prev) return { id: row.id, reason: 'prev_hash does not match the previous row' };
    if (auditHash(row.prevHash, row) !== row.hash) return { id: row.id, reason: 'content does not match its hash' };
    prev = row.hash;
  }
  return null;
}
