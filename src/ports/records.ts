/** Plain records the use cases work with; the db layer maps rows to these. */
import type { Kpi } from '../domain/kpi.js';
import type { Locale } from '../domain/locale.js';
import type { Role } from '../domain/people.js';

export type { Locale, Role };
export type Platform = 'slack' | 'feishu' | 'local';

export interface Person {
  id: string;
  name: string;
  email: string;
  managerId: string | null;
  department: string;
  jobId: string | null;
  role: Role;
  slackId: string | null;
  feishuOpenId: string | null;
  /** Null means "use the config default". */
  locale: Locale | null;
  timezone: string | null;
  hireDate: string | null;
  teamChannelSlack: string | null;
  teamChannelFeishu: string | null;
  monthlyWage: number | null;
  /** The wage of the month before termination (pay in lieu of notice); absent when not loaded or not known. */
  previousMonthWage?: number | null;
  /** For Art. 42(5) (near statutory retirement). */
  birthDate?: string | null;
  /** The statutory retirement age that applied before China's 2025 reform. */
  retirementBasis?: RetirementBasis | null;
  /**
   * The person's HR business partner (a person id): told about the person's disputes. Left out
   * when writing a person, the stored value is kept.
   */
  hrPartnerId?: string | null;
  active: boolean;
}

export type RetirementBasis = 'male_60' | 'female_55' | 'female_50';

export interface Job {
  id: string;
  title: string;
  duties: string;
  requirements: string;
  kpiVersion: number;
}

/** Declared in the domain, whose rules judge reviews against it. */
export type { Kpi };

export interface JobWithKpis extends Job {
  kpis: Kpi[];
}

export type AckState = 'acknowledged' | 'disputed' | 'refused';
export type AckSubject =
  | 'review'
  | 'note'
  | 'training_plan'
  | 'job_adjustment'
  | 'kpis'
  | 'case'
  /** A handbook version (subject id = the version number): the employee knows its rules. */
  | 'handbook'
  /** A conduct incident: the employee's written statement about it. */
  | 'incident';

export interface Acknowledgment {
  id: number;
  subjectType: AckSubject;
  subjectId: string;
  personId: string;
  state: AckState;
  comment: string | null;
  witnessId: string | null;
  recordedBy: string;
  createdAt: number;
}
