/** Dismissal cases, their timeline, protected statuses, and the evidence facts the gate reads. */
import type { EvidenceFacts, NoteTerms, ReasonKind } from '../../domain/policy/index.js';
import type { AckState } from '../records.js';

export type CaseStatus = 'open' | 'closed' | 'withdrawn';

export interface CaseRecord {
  id: number;
  employeeId: string;
  openedBy: string;
  reasonKind: ReasonKind;
  reasonText: string;
  policyId: string;
  policyVersion: string;
  /** The Policy as it was when the case opened; the case is evaluated against it, not today's config. */
  policySnapshot: unknown;
  status: CaseStatus;
  stepIndex: number;
  confirmations: Partial<Record<'manager' | 'hr', string>>;
  settlement: unknown | null;
  openedAt: number;
  closedAt: number | null;
}

export type CaseEventOutcome = 'done' | 'refused' | 'withdrawn' | 'note';

export interface CaseEvent {
  id: number;
  caseId: number;
  step: string;
  actorId: string;
  outcome: CaseEventOutcome;
  detail: Record<string, unknown>;
  at: number;
}

export interface ProtectedStatus {
  id: number;
  personId: string;
  kind: string;
  startsOn: string;
  endsOn: string | null;
  note: string;
  /** The statute behind an "other statutory protection" (Art. 42(6)). */
  citation: string;
  recordedBy: string;
  createdAt: number;
}

export interface AckView {
  state: AckState;
  comment: string | null;
  witnessId: string | null;
  at: number;
}

/** Everything the dossier prints, gathered in one read so the export is consistent. */
export interface DossierData {
  kpiSets: {
    jobId: string;
    jobTitle: string;
    version: number;
    kpis: { key: string; name: string; unit: string; target: number; direction: string }[];
    ack: AckView | null;
  }[];
  reviews: {
    id: number;
    kind: 'regular' | 'reassessment';
    periodLabel: string;
    authorId: string;
    rating: number;
    belowTarget: boolean;
    comment: string;
    strengths: string;
    improvement: string;
    submittedAt: number;
    results: {
      kpiKey: string;
      kpiName: string;
      unit: string;
      target: number;
      direction: string;
      actual: number;
      met: boolean;
      /** The figure a data feed gave, when there was one: the dossier shows it beside the manager's. */
      imported: { value: number; source: string } | null;
      /** Why the manager's figure differs from the feed's, or was typed for a feed that sent nothing. */
      changeReason: string | null;
    }[];
    ack: AckView | null;
  }[];
  notes: {
    id: number;
    kind: string;
    heldOn: string;
    /** When it was recorded: a held-on date long before it is flagged "recorded N days later". */
    recordedAt: number;
    authorId: string;
    discussion: string;
    kpiKeys: string[];
    terms: NoteTerms;
    ack: AckView | null;
  }[];
  trainings: {
    id: number;
    goal: string;
    content: string;
    trainer: string;
    kpiKeys: string[];
    createdAt: number;
    status: string;
    completedAt: number | null;
    sessions: {
      id: number;
      startsAt: number;
      endsAt: number;
      location: string;
      attendance: { personId: string; status: string; method: string; reason: string | null; createdAt: number }[];
    }[];
    ack: AckView | null;
  }[];
  jobAdjustments: {
    id: number;
    fromJobId: string;
    toJobId: string;
    reason: string;
    basis: string;
    kpiKeys: string[];
    effectiveOn: string;
    recordedAt: number;
    ack: AckView | null;
  }[];
  incidents: {
    id: number;
    rule: { section: string; title: string; version: number } | null;
    occurredOn: string;
    description: string;
    evidence: string;
    reportedBy: string;
    recordedAt: number;
    /** The employee's written statement (comment), or a witnessed refusal. */
    ack: AckView | null;
  }[];
  /** Handbook versions the employee responded to. */
  handbookAcks: { version: number; ack: AckView }[];
}

export interface CaseRepo {
  create(
    c: Pick<
      CaseRecord,
      'employeeId' | 'openedBy' | 'reasonKind' | 'reasonText' | 'policyId' | 'policyVersion' | 'policySnapshot'
    >,
  ): CaseRecord;
  get(id: number): CaseRecord | null;
  /** Open cases, oldest first; of one employee when given. */
  open(employeeId?: string): CaseRecord[];
  /** Every case opened at or after `since` (epoch ms), for the report. */
  openedSince(since: number): CaseRecord[];
  update(
    id: number,
    patch: Partial<Pick<CaseRecord, 'status' | 'stepIndex' | 'confirmations' | 'settlement' | 'closedAt'>>,
  ): void;

  addEvent(e: Omit<CaseEvent, 'id' | 'at'>): CaseEvent;
  events(caseId: number): CaseEvent[];

  addProtectedStatus(
    s: Omit<ProtectedStatus, 'id' | 'createdAt' | 'citation'> & { citation?: string },
  ): ProtectedStatus;
  protectedStatuses(personId: string): ProtectedStatus[];

  /** The facts the evidence engine evaluates: never a private note. */
  evidenceFacts(employeeId: string): EvidenceFacts;
  /** The records for the dossier, from `since` (epoch ms) on. */
  dossierData(employeeId: string, since: number): DossierData;
  /** Disputed and refused responses by these people, for the report. */
  disputeCounts(personIds: string[]): { disputed: number; refused: number };
}

/** Cases, read only. The methods of `CaseRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type CaseReader = Omit<CaseRepo, 'create' | 'update' | 'addEvent' | 'addProtectedStatus'>;
