/**
 * `jobs import jobs.yml`: creates or updates job profiles and their KPIs. A changed KPI set is
 * written as a new version and every holder is asked to acknowledge it (the law wants targets
 * the employee knew in advance). Nothing is written if any job in the file is invalid.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Job, Locale } from '../../ports/records.js';
import { translator } from '../../ui/i18n/index.js';
import { ok, type Result } from '../result.js';
import { invalid } from './import/issues.js';
import { parseJobsYaml } from './import/jobs-yaml.js';
import { notifyKpiChange } from './notify-kpi-change.js';

export interface ImportJobsInput {
  yaml: string;
  actorId?: string | null;
  locale?: Locale;
}

export interface ImportJobsReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Jobs whose KPI set got a new version (holders are asked to acknowledge it). */
  kpiVersions: { jobId: string; version: number }[];
}

const JOB_FIELDS = ['title', 'duties', 'requirements'] as const;

export const makeImportJobs =
  (deps: UseCaseDeps) =>
  (input: ImportJobsInput): Result<ImportJobsReport> => {
    const t = translator(input.locale ?? deps.settings.locale);
    const { jobs, issues } = parseJobsYaml(input.yaml, t);
    if (issues.length) return invalid(issues, t);

    return deps.store.tx((tx) => {
      const report: ImportJobsReport = { created: 0, updated: 0, unchanged: 0, kpiVersions: [] };
      const actorId = input.actorId ?? null;
      const now = deps.clock.now();
      for (const spec of jobs) {
        const old: Job | null = tx.org.job(spec.id);
        const fields = { id: spec.id, title: spec.title, duties: spec.duties, requirements: spec.requirements };
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        if (old) for (const f of JOB_FIELDS) if (old[f] !== fields[f]) changes[f] = { from: old[f], to: fields[f] };
        if (!old || Object.keys(changes).length) tx.org.upsertJob(fields);

        const version = tx.org.replaceKpis(spec.id, spec.kpis);
        if (!old) {
          tx.audit.record({
            actorId,
            action: 'job.created',
            subjectType: 'job',
            subjectId: spec.id,
            detail: { source: 'jobs import', job: fields },
          });
          report.created++;
        } else if (Object.keys(changes).length || version !== null) {
          tx.audit.record({
            actorId,
            action: 'job.updated',
            subjectType: 'job',
            subjectId: spec.id,
            detail: { source: 'jobs import', changes },
          });
          report.updated++;
        } else report.unchanged++;

        if (version !== null) {
          // notifyKpiChange audits the new version (kpis.change) along with who was asked.
          notifyKpiChange(tx, spec.id, version, { settings: deps.settings, now, actorId });
          report.kpiVersions.push({ jobId: spec.id, version });
        }
      }
      return ok(report);
    });
  };
