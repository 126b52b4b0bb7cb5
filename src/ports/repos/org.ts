import type { Person, Job, JobWithKpis } from '../records.js';
import type { Role } from '../../domain/people.js';
import type { Kpi } from '../../domain/kpi.js';
import type { LeaveKind } from '../../domain/warning/leave-kinds.js';

/** A person as an org import plans with them: who, their email and chat ids, and whether they can act. */
export type RosterEntry = Pick<Person, 'id' | 'email' | 'active' | 'role' | 'slackId' | 'feishuOpenId'>;

/** People, jobs and their versioned KPI sets. */
export interface OrgRepo {
  person(id: string): Person | null;
  personBySlackId(slackId: string): Person | null;
  personByFeishuId(openId: string): Person | null;
  personByEmail(email: string): Person | null;
  /** Active direct reports of a manager. */
  reportsOf(managerId: string): Person[];
  /** True when `managerId` is anywhere above `personId` in the management chain. */
  isInChainAbove(managerId: string, personId: string): boolean;
  activePeople(filter?: { department?: string }): Person[];
  allPeople(): Person[];
  /** The role and own language (null: the org's) of each active HR person and admin: who reads the HR channel. */
  hrReaders(): { role: Role; locale: string | null }[];
  /** Everyone, with only what an org import plans with (a 50,000-person org in a few MB). */
  roster(): RosterEntry[];
  upsertPerson(p: Person): void;
  setActive(id: string, active: boolean): void;

  job(id: string): Job | null;
  /** The job with the KPI set of its current version (or of `version` if given). */
  jobWithKpis(id: string, version?: number): JobWithKpis | null;
  allJobs(): Job[];
  upsertJob(j: Omit<Job, 'kpiVersion'>): void;
  /**
   * Writes `kpis` as a new version if they differ from the current set. Returns the new version,
   * or null when nothing changed.
   */
  replaceKpis(jobId: string, kpis: Kpi[]): number | null;

  /** True when the person is on leave on the given calendar date (YYYY-MM-DD). */
  onLeave(personId: string, date: string): boolean;
  /** `kind` is a LeaveKind (src/domain/warning/leave-kinds.ts); left out, `unspecified`. */
  addLeave(l: { personId: string; startDate: string; endDate: string; reason: string; kind?: LeaveKind }): number;
  /** A person's recorded leave, oldest first (their own data export). */
  leavesOf(
    personId: string,
  ): { startDate: string; endDate: string; kind: LeaveKind; reason: string; createdAt: number }[];
}

/** People and jobs, read only. The methods of `OrgRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type OrgReader = Omit<OrgRepo, 'upsertPerson' | 'setActive' | 'upsertJob' | 'replaceKpis' | 'addLeave'>;
