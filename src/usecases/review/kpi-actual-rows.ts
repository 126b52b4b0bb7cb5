/**
 * The two shapes a KPI feed arrives in, read into the same rows: a CSV (`kpi import`) and the JSON
 * body of POST /api/v1/kpi-actuals. Only the shape is checked here; the rules are one domain
 * validator (src/domain/kpi-actual.ts) the use case applies to both.
 */
import { KPI_ACTUAL_FIELDS, type KpiActualInput } from '../../domain/kpi-actual.js';
import type { T } from '../../ui/i18n/index.js';
import { parseCsv } from '../org/import/csv.js';
import type { ImportIssue } from '../org/import/issues.js';

/** A row and where it was: the CSV line (header = 1), or the JSON row's index in `rows` (from 0; -1 for the body). */
export interface LocatedRow {
  line: number;
  row: KpiActualInput;
}

const F = KPI_ACTUAL_FIELDS;
export const KPI_ACTUAL_COLUMNS = {
  required: [F.personId, F.kpiKey, F.period, F.value],
  optional: [F.source],
} as const;
const KNOWN: ReadonlySet<string> = new Set(Object.values(F));

export function rowsFromCsv(csv: string, defaultSource: string, t: T): { rows: LocatedRow[]; issues: ImportIssue[] } {
  const { records, issues } = parseCsv(csv, KPI_ACTUAL_COLUMNS, t);
  if (issues.length) return { rows: [], issues };
  const rows = records.map(({ line, values: v }) => ({
    line,
    row: {
      personId: v[F.personId] ?? '',
      kpiKey: v[F.kpiKey] ?? '',
      period: v[F.period] ?? '',
      value: v[F.value] ?? '',
      // An empty cell means the file's default, as a missing column does.
      source: v[F.source] || defaultSource,
    },
  }));
  return { rows, issues: [] };
}

/**
 * The rows of an untrusted JSON body: `{ "rows": [ {person_id, kpi_key, period, value, source?} ] }`
 * or the bare array. A field of the wrong type or an unknown field is an issue on its row.
 */
export function rowsFromJson(
  body: unknown,
  defaultSource: string,
  t: T,
): { rows: LocatedRow[]; issues: ImportIssue[] } {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows)
      ? ((body as { rows: unknown[] }).rows as unknown[])
      : null;
  if (!list) return { rows: [], issues: [{ line: -1, field: 'rows', message: t('feed.json.shape') }] };
  if (!list.length) return { rows: [], issues: [{ line: -1, field: 'rows', message: t('feed.json.empty') }] };
  const rows: LocatedRow[] = [];
  const issues: ImportIssue[] = [];
  list.forEach((raw, line) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      issues.push({ line, field: '', message: t('feed.json.rowShape') });
      return;
    }
    const r = raw as Record<string, unknown>;
    let bad = false;
    for (const key of Object.keys(r))
      if (!KNOWN.has(key)) {
        issues.push({ line, field: key, message: t('feed.json.unknownField', { expected: [...KNOWN].join(', ') }) });
        bad = true;
      }
    const text = (field: string): string => {
      const v = r[field];
      if (v === undefined || v === null) return '';
      if (typeof v === 'string') return v;
      // Ids are often numbers in another system's export.
      if (typeof v === 'number' && field !== F.source) return String(v);
      issues.push({ line, field, message: t('feed.json.notText') });
      bad = true;
      return '';
    };
    const value = r[F.value];
    if (value !== undefined && value !== null && typeof value !== 'number' && typeof value !== 'string') {
      issues.push({ line, field: F.value, message: t('feed.notANumber') });
      bad = true;
    }
    const row: KpiActualInput = {
      personId: text(F.personId),
      kpiKey: text(F.kpiKey),
      period: text(F.period),
      value: typeof value === 'number' || typeof value === 'string' ? value : '',
      source: text(F.source) || defaultSource,
    };
    if (!bad) rows.push({ line, row });
  });
  return { rows, issues };
}
