/** Retention (docs/security.md, "Retention"): deleting the personal content of terminated people's records. */

export interface RetentionCandidate {
  personId: string;
  /** When they became inactive (terminated), epoch ms. */
  inactiveSince: number;
}

/** What was deleted for one person: rows per table, and one hash over every deleted record's hash. */
export interface ErasureSummary {
  rows: Record<string, number>;
  digest: string;
  /** SHA-256 of the files that were attached to the erased records: the caller removes the bytes no record still holds. */
  files: string[];
}

export interface RetentionRepo {
  /** Inactive people whose content is not erased yet and who left at or before `before` (epoch ms). */
  candidates(before: number): RetentionCandidate[];
  /**
   * Deletes everything recorded about the person (reviews with their amendments and replies, notes,
   * planned conversations, training, adjustments, responses, closed cases, protected statuses,
   * leaves, warnings, incidents, the messages to them or about those records), keeps
   * one `erasures` row per record (table, id, date, sha256 of its content), clears their wage and
   * birth date, and marks them erased. Open cases are the caller's to check first.
   */
  erase(personId: string, at: number): ErasureSummary;
}

/** Retention, read only. The methods of `RetentionRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type RetentionReader = Omit<RetentionRepo, 'erase'>;
