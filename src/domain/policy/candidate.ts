/** What one record is to the engine: its reference, its span in time, why it may not count, and its builder. */
import type { AckFact, AckState, EvidenceFacts } from './facts.js';

export interface EvidenceRecordRef {
  type: 'kpis' | 'review' | 'note' | 'training_plan' | 'job_adjustment' | 'incident' | 'handbook';
  id: string;
  /** The date the record states (held on, effective, occurred), else the day it was recorded. */
  date: string;
  /** The instant it counts from (see `timing.ts`). */
  at: number;
  /** Recorded this many days after its stated date (beyond the policy's grace), else null. */
  recordedLateDays: number | null;
  /** The person's own words for it: a period label, a plan's goal, a job title, a handbook section. */
  title: string;
  noteKind: string | null;
  kpiKeys: string[];
  ack: AckState | null;
  attendance: { attended: number; sessions: number } | null;
}

/** Why a record does not count. Each names a rule of POLICIES.md; the screens explain them. */
export type RejectionRule =
  | 'in_future'
  | 'outside_window'
  | 'too_soon'
  | 'not_before'
  | 'kpis_not_known_first'
  | 'not_targeting_missed'
  | 'low_attendance'
  | 'no_signed_sheet'
  | 'training_unfinished'
  | 'completed_before_last_session'
  | 'not_performance_reason'
  | 'other_kpis'
  | 'met_target'
  | 'no_stated_length'
  | 'check_in_gap'
  | 'no_hearing'
  | 'hearing_without_companion'
  | 'no_dismissal_risk'
  | 'no_rule'
  | 'no_evidence'
  | 'rule_not_covered';

export interface Rejection {
  rule: RejectionRule;
  /** The item the rule is relative to (after / before / during). */
  anchor?: string;
  /** A number the rule names: days to wait, attendance percent, days of a gap. */
  days?: number;
  /** The earliest date it could count, or the date a gap started. */
  date?: string;
}

export interface Candidate {
  ref: EvidenceRecordRef;
  /** Stated instant (midnight UTC of the stated date), for "known before it happened" checks. */
  start: number;
  from: number;
  end: number;
  ack: AckFact | null;
  kpiKeys: string[];
  missed: string[];
  jobId: string | null;
  /** Handbook version an acknowledgment covers, or the version of the rule an incident cites. */
  version: number | null;
  /** The incident a response answers. */
  incidentId: number | null;
  /** Counts only once the employee answered it, whatever the item says (a job adjustment). */
  needsResponse: boolean;
  problems: Rejection[];
}

export interface CandidateContext {
  facts: EvidenceFacts;
  graceDays: number;
  now: number;
}

/** A candidate with every optional part empty, counting from `from` (the timing rule's instant). */
export function makeCandidate(
  o: Partial<Omit<Candidate, 'ref'>> & Pick<Candidate, 'from'> & { ref: Omit<EvidenceRecordRef, 'at'> },
): Candidate {
  return {
    start: o.from,
    end: o.from,
    ack: null,
    kpiKeys: [],
    missed: [],
    jobId: null,
    version: null,
    incidentId: null,
    needsResponse: false,
    problems: [],
    ...o,
    ref: { ...o.ref, at: o.from },
  };
}

/** The employee answered the record; a witnessed refusal counts only where the item says so. */
export const responded = (ack: AckFact | null, refusalCounts: boolean) =>
  !!ack && (ack.state !== 'refused' || refusalCounts);
