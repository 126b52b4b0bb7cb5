/** One audited mutation. Written in the same transaction as the change it records. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  detail?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}
