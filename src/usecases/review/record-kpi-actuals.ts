/**
 * Records KPI figures from the company's systems: `kpi import actuals.csv` and POST
 * /api/v1/kpi-actuals both come here, so a file and the API accept and refuse the same rows. The
 * whole batch is checked first (src/domain/kpi-actual.ts: the person's current job, the KPI's range,
 * a period that has started) and nothing is written if any row is wrong. A row is idempotent on
 * (person, KPI, period, source): sent again with the same figure it changes nothing; with another
 * figure it replaces the stored one. Each change is an audit row.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Kpi } from '../../domain/kpi.js';
import type { Locale } from '../../ports/records.js';
import type { Tx } from '../../ports/store.js';
import { checkKpiActual, kpiActualIdentity, toKpiActualRow, type KpiActualProblem } from '../../domain/kpi-actual.js';
import { dateIn } from '../../domain/dates.js';
import { translator, type T } from '../../ui/i18n/index.js';
import { fail, ok, type Result } from '../result.js';
import { byLine, invalid, type ImportIssue } from '../org/import/issues.js';
import { rowsFromCsv, rowsFromJson, type LocatedRow } from './kpi-actual-rows.js';

export type RecordKpiActualsInput = ({ csv: string } | { json: unknown }) & {
  actorId?: string | null;
  /** Language of the error messages; defaults to the configured locale. */
  locale?: Locale;
};

export interface RecordKpiActualsReport {
  /** Rows new to the store. */
  created: number;
  /** Rows whose identity was stored with another figure, now replaced. */
  updated: number;
  /** Rows stored already with the same figure (a resend). */
  unchanged: number;
}

/** The source a row names when it names none: where it came in. */
export const DEFAULT_SOURCE = { csv: 'csv', api: 'api' } as const;

export const makeRecordKpiActuals =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: RecordKpiActualsInput): Result<RecordKpiActualsReport> => {
    const t = translator(input.locale ?? settings.locale);
    const via = 'csv' in input ? 'csv' : 'api';
    const parsed =
      'csv' in input ? rowsFromCsv(input.csv, DEFAULT_SOURCE.csv, t) : rowsFromJson(input.json, DEFAULT_SOURCE.api, t);
    // A row whose shape was wrong is left out of the rest of the check, so it is named once.
    // A file's problems are counted as an import's; the API's rows are not a file.
    const refuse = (issues: ImportIssue[]) =>
      via === 'csv'
        ? invalid(issues, t)
        : fail('INVALID_INPUT', t('feed.json.failed', { count: issues.length }), { detail: { issues } });
    if (parsed.issues.length && !parsed.rows.length) return refuse(parsed.issues.sort(byLine));

    return store.tx((tx) => {
      const now = clock.now();
      const issues = [...parsed.issues, ...checkRows(tx, parsed.rows, dateIn(now, settings.timezone), t)].sort(byLine);
      if (issues.length) return refuse(issues);
      const report: RecordKpiActualsReport = { created: 0, updated: 0, unchanged: 0 };
      const actorId = input.actorId ?? null;
      for (const located of parsed.rows) {
        const row = toKpiActualRow(located.row);
        const before = tx.kpiActuals.find(row);
        if (before && before.value === row.value) {
          report.unchanged++;
          continue;
        }
        tx.kpiActuals.put({ ...row, recordedAt: now, via });
        tx.audit.record({
          actorId,
          action: 'kpi_actual.recorded',
          subjectType: 'person',
          subjectId: row.personId,
          detail: {
            kpiKey: row.kpiKey,
            period: row.period,
            source: row.source,
            value: row.value,
            ...(before ? { from: before.value } : {}),
            via,
          },
        });
        report[before ? 'updated' : 'created']++;
      }
      return ok(report);
    });
  };

/** Every row against the people and jobs stored now, and each identity once per batch. */
function checkRows(tx: Tx, rows: readonly LocatedRow[], today: string, t: T): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const kpisOfJob = new Map<string, Kpi[]>();
  const kpisOf = (jobId: string) => {
    let kpis = kpisOfJob.get(jobId);
    if (!kpis) kpisOfJob.set(jobId, (kpis = tx.org.jobWithKpis(jobId)?.kpis ?? []));
    return kpis;
  };
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const person = row.personId.trim() ? tx.org.person(row.personId.trim()) : null;
    const problems = checkKpiActual(row, {
      person: person ? { active: person.active, jobId: person.jobId } : null,
      kpis: person?.jobId ? kpisOf(person.jobId) : [],
      today,
    });
    for (const p of problems) issues.push({ line, field: p.field, message: problemText(t, p, row.personId) });
    if (problems.length) continue;
    const identity = kpiActualIdentity(toKpiActualRow(row));
    const other = seen.get(identity);
    if (other !== undefined) issues.push({ line, field: 'period', message: t('feed.duplicateRow', { other }) });
    else seen.set(identity, line);
  }
  return issues;
}

function problemText(t: T, p: KpiActualProblem, personId: string): string {
  switch (p.code) {
    case 'required':
      return t('import.required');
    case 'tooLong':
      return t('feed.personIdTooLong');
    case 'unknownPerson':
      return t('import.unknownPerson', { value: personId });
    case 'inactivePerson':
      return t('feed.inactivePerson', { value: personId });
    case 'noJob':
      return t('feed.noJob', { value: personId });
    case 'unknownKpi':
      return p.keys.length
        ? t('feed.unknownKpi', { job: p.jobId, keys: p.keys.join(', ') })
        : t('feed.jobWithoutKpis', { job: p.jobId });
    case 'badPeriod':
      return t('feed.badPeriod');
    case 'futurePeriod':
      return t('feed.futurePeriod', { start: p.start });
    case 'notANumber':
      return t('feed.notANumber');
    case 'outOfRange':
      return t('feed.outOfRange', { min: p.min, max: p.max, unit: p.unit ? ` ${p.unit}` : '' });
    case 'badSource':
      return t('feed.badSource');
  }
}
