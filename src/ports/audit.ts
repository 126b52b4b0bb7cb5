/** One audited mutation. Written in the same transaction as the change it records. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  detail?: Record<string, unknown>;
  /**
   * Sensitive free text the entry is about (a note's discussion, a dispute comment). Only its
   * sha256 is stored (`detail.textSha256`), so the chain proves the text without holding it and
   * verifying the chain needs no data key.
   */
  text?: Record<string, string>;
}

/** The head of the audit chain: the newest row's hash and how many rows were written. */
export interface AuditHeadView {
  rows: number;
  hash: string;
}

export interface AuditCheckpointView extends AuditHeadView {
  id: number;
  day: string;
  /** The last row the checkpoint covers. */
  uptoId: number;
  /** Whether it is signed with DANDANG_AUDIT_KEY. */
  signed: boolean;
}

/** The audit actions of reads: who opened whose records (subject type `person`, the record's subject). */
export type ReadAction = 'read.record' | 'read.cases' | 'read.dossier' | 'read.reads' | 'read.files';

/** One recorded read, newest first in `readsOf`. */
export interface RecordRead {
  at: number;
  actorId: string | null;
  action: ReadAction;
  detail: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
  /** The recorded reads of a person's records, newest first. */
  readsOf(personId: string, limit: number): RecordRead[];
  head(): AuditHeadView;
  /**
   * Pins today's head in a checkpoint (signed when DANDANG_AUDIT_KEY is set). Null when `day`
   * already has one. The caller records it (`audit.checkpoint`) and publishes it.
   */
  checkpoint(day: string): AuditCheckpointView | null;
}
