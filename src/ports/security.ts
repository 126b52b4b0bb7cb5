/**
 * The security log: attempts refused because the actor has no part in what they tried to touch (a
 * tampered button naming someone else's case). They are audit rows, so the hash chain covers them,
 * in the `security` category and about the actor, not the record they named: the record's own
 * history and dossier stay free of strangers' noise.
 */
export interface SecurityEntry {
  actorId: string;
  /** What was refused, e.g. `case.step_refused`. */
  action: string;
  /** What was named (the case id, the step) and why it was refused. */
  detail: Record<string, unknown>;
}

export interface SecurityLog {
  record(entry: SecurityEntry): void;
  /** Entries for this actor at or after `since` (epoch ms), for rate limiting. */
  countSince(actorId: string, since: number): number;
}

/** `audit_log.subject_type` of security-log rows. */
export const SECURITY_SUBJECT = 'security';
