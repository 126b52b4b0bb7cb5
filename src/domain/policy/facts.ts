/**
 * What the evidence engine looks at: plain records gathered by the case repository from reviews,
 * acknowledgments, notes (never private ones), training and job adjustments. Instants are epoch ms.
 */
/** Mirrors the acknowledgment states of the records port; the domain imports nothing outside itself. */
export type AckState = 'acknowledged' | 'disputed' | 'refused';

export interface AckFact {
  state: AckState;
  comment: string | null;
  at: number;
}

export interface KpiSetFact {
  jobId: string;
  jobTitle: string;
  version: number;
  kpiKeys: string[];
  definedAt: number;
  ack: AckFact | null;
}

export interface ReviewFact {
  id: number;
  kind: 'regular' | 'reassessment';
  periodLabel: string;
  jobId: string;
  kpiVersion: number;
  belowTarget: boolean;
  /** KPI keys measured, and the ones missed. */
  kpiKeys: string[];
  missedKpiKeys: string[];
  trainingPlanId: number | null;
  at: number;
  ack: AckFact | null;
}

export interface NoteFact {
  id: number;
  kind: string;
  heldOn: string;
  at: number;
  kpiKeys: string[];
  ack: AckFact | null;
}

export interface TrainingFact {
  id: number;
  goal: string;
  jobId: string;
  kpiKeys: string[];
  at: number;
  sessions: number;
  attended: number;
  ack: AckFact | null;
}

export interface JobAdjustmentFact {
  id: number;
  toJobId: string;
  reason: string;
  effectiveOn: string;
  at: number;
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
  /** The employee's current job's KPI set; null when the job has none. */
  kpis: KpiSetFact | null;
  reviews: ReviewFact[];
  notes: NoteFact[];
  trainings: TrainingFact[];
  jobAdjustments: JobAdjustmentFact[];
  protectedStatuses: ProtectedStatusFact[];
}

export const emptyFacts = (employeeId: string): EvidenceFacts => ({
  employeeId,
  kpis: null,
  reviews: [],
  notes: [],
  trainings: [],
  jobAdjustments: [],
  protectedStatuses: [],
});
