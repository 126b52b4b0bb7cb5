/**
 * What the evidence engine looks at: plain records gathered by the case repository from reviews,
 * acknowledgments, notes (never private ones), training, job adjustments, incidents and the
 * handbook. Instants are epoch ms (the time a record was *recorded*); dates are the `YYYY-MM-DD` a
 * person *stated* (held on, effective, occurred). The engine never trusts a stated date alone.
 */
/** Mirrors the acknowledgment states of the records port; the domain imports nothing outside itself. */
export type AckState = 'acknowledged' | 'disputed' | 'refused';

export interface AckFact {
  state: AckState;
  comment: string | null;
  at: number;
}

/** Which statutory retirement age applied before the 2025 reform (see `retirement.ts`). */
export type RetirementBasis = 'male_60' | 'female_55' | 'female_50';

export interface PersonFact {
  name: string;
  hireDate: string | null;
  birthDate: string | null;
  retirementBasis: RetirementBasis | null;
}

export interface KpiSetFact {
  jobId: string;
  jobTitle: string;
  version: number;
  kpiKeys: string[];
  definedAt: number;
  ack: AckFact | null;
}

/** The employee's response to one KPI version of one job (`<job>@<version>`). */
export interface KpiAckFact {
  jobId: string;
  version: number;
  ack: AckFact;
}

export interface ReviewFact {
  id: number;
  kind: 'regular' | 'reassessment';
  periodLabel: string;
  /** The cycle's period; null for a review outside a cycle (a reassessment): its recording time stands in. */
  periodStart: string | null;
  jobId: string;
  kpiVersion: number;
  belowTarget: boolean;
  /** KPI keys measured, and the ones missed. */
  kpiKeys: string[];
  missedKpiKeys: string[];
  trainingPlanId: number | null;
  authorId: string;
  at: number;
  ack: AckFact | null;
}

/** What a note states beyond its text: a PIP's length, a warning's review period, a hearing. */
export interface NoteTerms {
  /** PIP kickoff: its stated length in days (30, 60, 90). */
  pipDays?: number;
  /** Improvement note / warning: the review period it sets, in days. */
  reviewPeriodDays?: number;
  /** Final written warning: it states that dismissal may follow. */
  dismissalRisk?: boolean;
  /** Hearing invitation: the stage it is for (a note kind such as `first_written_warning`). */
  stage?: string;
  /** Hearing invitation: the hearing's date. */
  hearingOn?: string;
  /** Hearing invitation: it stated the right to be accompanied. */
  accompanied?: boolean;
}

export interface NoteFact {
  id: number;
  kind: string;
  heldOn: string;
  authorId: string;
  at: number;
  kpiKeys: string[];
  terms: NoteTerms;
  ack: AckFact | null;
}

export interface SessionFact {
  startsAt: number;
  endsAt: number;
  /** Whether the employee is marked present, and when that mark was recorded. */
  present: boolean;
  markedAt: number | null;
  /** When the first file was attached to the session (its signed sign-in sheet), or null. */
  sheetAt: number | null;
}

export interface TrainingFact {
  id: number;
  goal: string;
  jobId: string;
  kpiKeys: string[];
  at: number;
  sessions: SessionFact[];
  completedAt: number | null;
  ack: AckFact | null;
}

export type AdjustmentBasis = 'performance' | 'restructuring' | 'other';

export interface JobAdjustmentFact {
  id: number;
  fromJobId: string;
  toJobId: string;
  toJobTitle: string;
  reason: string;
  /** Why the job was changed, as the person who made the change chose it. */
  basis: AdjustmentBasis;
  /** The missed KPIs of the old job the change answers. */
  kpiKeys: string[];
  effectiveOn: string;
  at: number;
  ack: AckFact | null;
}

export interface HandbookRuleFact {
  id: number;
  section: string;
  title: string;
  /** The handbook version this rule's current text first appeared in. */
  version: number;
}

/** The employee's response to one version of the handbook (covers every rule up to that version). */
export interface HandbookAckFact {
  version: number;
  ack: AckFact;
}

export interface IncidentFact {
  id: number;
  ruleId: number | null;
  occurredOn: string;
  reportedBy: string;
  /** What evidence exists (documents, footage, witnesses): empty means none was named. */
  evidence: string;
  at: number;
  /** The employee's written statement (acknowledged or disputed, with the text) or a witnessed refusal. */
  ack: AckFact | null;
}

export interface ProtectedStatusFact {
  id: number;
  kind: string;
  startsOn: string;
  endsOn: string | null;
}

export interface EvidenceFacts {
  employeeId: string;
  person: PersonFact | null;
  /** The employee's current job's KPI set; null when the job has none. */
  kpis: KpiSetFact | null;
  kpiAcks: KpiAckFact[];
  /** KPI key → name, for every KPI the records mention. */
  kpiNames: Record<string, string>;
  reviews: ReviewFact[];
  notes: NoteFact[];
  trainings: TrainingFact[];
  jobAdjustments: JobAdjustmentFact[];
  handbookRules: HandbookRuleFact[];
  handbookAcks: HandbookAckFact[];
  incidents: IncidentFact[];
  protectedStatuses: ProtectedStatusFact[];
}

export const emptyFacts = (employeeId: string): EvidenceFacts => ({
  employeeId,
  person: null,
  kpis: null,
  kpiAcks: [],
  kpiNames: {},
  reviews: [],
  notes: [],
  trainings: [],
  jobAdjustments: [],
  handbookRules: [],
  handbookAcks: [],
  incidents: [],
  protectedStatuses: [],
});
