/**
 * A job's KPIs as the rules see them, and the id of one KPI version. A job's KPI set is versioned
 * (every change is a new version the holders acknowledge), so a version is named `<job>@<version>`:
 * the subject id of a KPI acknowledgment, the value of its button and a record in the evidence.
 */

/** One KPI of a job: what is measured, in what unit, its target, and which way is better. */
export interface Kpi {
  key: string;
  name: string;
  unit: string;
  target: number;
  direction: 'higher' | 'lower';
}

/** `<job>@<version>`: one version of a job's KPI set. */
export const kpiSubjectId = (jobId: string, version: number): string => `${jobId}@${version}`;

/** The inverse of `kpiSubjectId`, for an untrusted button value; null unless the version is a positive integer. */
export function parseKpiSubjectId(value: string): { jobId: string; version: number } | null {
  const at = value.lastIndexOf('@');
  if (at <= 0) return null;
  const version = Number(value.slice(at + 1));
  return Number.isInteger(version) && version > 0 ? { jobId: value.slice(0, at), version } : null;
}
