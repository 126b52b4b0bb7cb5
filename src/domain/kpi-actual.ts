/**
 * A KPI figure that comes from the company's own systems (an ERP, a sales system) rather than from
 * a manager's memory: one validator for every way it arrives (`kpi import` CSV, POST
 * /api/v1/kpi-actuals), so the file and the API accept and refuse the same rows. Pure: the caller
 * looks up the person's job and the day.
 */
import { kpiBounds, type Kpi } from './kpi.js';
import { parseNumber } from './review.js';
import { parsePeriodLabel } from './schedule.js';
import { textProblem } from './text.js';

/** One row as it arrived; `value` is a number (JSON) or the text of one (CSV). */
export interface KpiActualInput {
  personId: string;
  kpiKey: string;
  period: string;
  value: string | number;
  /** Names the system the figure came from; also part of the row's identity. */
  source: string;
}

/** A row that passed: the figure as a number. */
export interface KpiActualRow {
  personId: string;
  kpiKey: string;
  period: string;
  value: number;
  source: string;
}

/** The fields of a row, named as the CSV's columns and the JSON's keys. */
export const KPI_ACTUAL_FIELDS = {
  personId: 'person_id',
  kpiKey: 'kpi_key',
  period: 'period',
  value: 'value',
  source: 'source',
} as const;
export type KpiActualField = (typeof KPI_ACTUAL_FIELDS)[keyof typeof KPI_ACTUAL_FIELDS];

export type KpiActualProblem =
  | { field: KpiActualField; code: 'required' }
  | { field: 'person_id'; code: 'unknownPerson' | 'inactivePerson' | 'noJob' | 'tooLong' }
  | { field: 'kpi_key'; code: 'unknownKpi'; jobId: string; keys: string[] }
  | { field: 'period'; code: 'badPeriod' }
  | { field: 'period'; code: 'futurePeriod'; start: string }
  | { field: 'value'; code: 'notANumber' }
  | { field: 'value'; code: 'outOfRange'; min: number; max: number; unit: string }
  | { field: 'source'; code: 'badSource' };

/** A source is a short name people read beside the figure ("ERP", "salesforce", "金蝶"). */
export const SOURCE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _.:/-]{0,39}$/u;

/** What the rules need to know about the person a row names. */
export interface KpiActualContext {
  person: { active: boolean; jobId: string | null } | null;
  /** The current KPI set of the person's job (empty when it has none yet). */
  kpis: readonly Kpi[];
  /** Today in the organisation's zone: a period that has not started holds no figure yet. */
  today: string;
}

/**
 * Every problem of one row, at once. A figure is held to the same range a review's is
 * (`kpiBounds`), and must belong to a KPI of the job the person holds now.
 */
export function checkKpiActual(row: KpiActualInput, ctx: KpiActualContext): KpiActualProblem[] {
  const problems: KpiActualProblem[] = [];
  const personId = row.personId.trim();
  if (!personId) problems.push({ field: 'person_id', code: 'required' });
  else if (textProblem(personId, 'id')) problems.push({ field: 'person_id', code: 'tooLong' });
  else if (!ctx.person) problems.push({ field: 'person_id', code: 'unknownPerson' });
  else if (!ctx.person.active) problems.push({ field: 'person_id', code: 'inactivePerson' });
  else if (!ctx.person.jobId) problems.push({ field: 'person_id', code: 'noJob' });

  const kpiKey = row.kpiKey.trim();
  const kpi = ctx.kpis.find((k) => k.key === kpiKey);
  if (!kpiKey) problems.push({ field: 'kpi_key', code: 'required' });
  else if (ctx.person?.active && ctx.person.jobId && !kpi)
    problems.push({ field: 'kpi_key', code: 'unknownKpi', jobId: ctx.person.jobId, keys: ctx.kpis.map((k) => k.key) });

  const period = row.period.trim();
  const p = period ? parsePeriodLabel(period) : null;
  if (!period) problems.push({ field: 'period', code: 'required' });
  else if (!p) problems.push({ field: 'period', code: 'badPeriod' });
  else if (p.start > ctx.today) problems.push({ field: 'period', code: 'futurePeriod', start: p.start });

  const value = typeof row.value === 'number' ? (Number.isFinite(row.value) ? row.value : null) : row.value.trim();
  if (value === '') problems.push({ field: 'value', code: 'required' });
  else {
    const n = typeof value === 'number' ? value : parseNumber(value ?? '');
    if (n === null) problems.push({ field: 'value', code: 'notANumber' });
    else if (kpi) {
      const b = kpiBounds(kpi);
      if (n < b.min || n > b.max)
        problems.push({ field: 'value', code: 'outOfRange', min: b.min, max: b.max, unit: kpi.unit });
    }
  }

  if (!SOURCE_PATTERN.test(row.source.trim())) problems.push({ field: 'source', code: 'badSource' });
  return problems;
}

/** The row as stored, once `checkKpiActual` found nothing. */
export function toKpiActualRow(row: KpiActualInput): KpiActualRow {
  const value = typeof row.value === 'number' ? row.value : parseNumber(row.value)!;
  return {
    personId: row.personId.trim(),
    kpiKey: row.kpiKey.trim(),
    period: row.period.trim(),
    value,
    source: row.source.trim(),
  };
}

/** The identity a feed's row is idempotent on: sending it again replaces, never adds. */
export const kpiActualIdentity = (r: Pick<KpiActualRow, 'personId' | 'kpiKey' | 'period' | 'source'>): string =>
  JSON.stringify([r.personId, r.kpiKey, r.period, r.source]);
